import type { CatalogCase } from './types.js';

// node:sqlite is declared by @types/node@22 and later only: these cases need those typings.
export const invalid: CatalogCase[] = [
  {
    code: `import { DatabaseSync } from 'node:sqlite';
export async function query() {
  const db = new DatabaseSync(':memory:');
  db.exec('CREATE TABLE t (x INTEGER)');
  const stmt = db.prepare('SELECT x FROM t');
  return stmt.all();
}`,
    ids: ['node:sqlite.DatabaseSync', 'node:sqlite.DatabaseSync#exec', 'node:sqlite.DatabaseSync#prepare', 'node:sqlite.StatementSync#all'],
    nodeTypes: 22,
  },
  {
    code: `import * as sqlite from 'node:sqlite';
const db = new sqlite.DatabaseSync(':memory:', { open: false });
const insert = db.prepare('INSERT INTO t VALUES (?)');
const select = db.prepare('SELECT x FROM t');
export async function work() {
  db.open();
  insert.run(1);
  select.get();
  for (const row of select.iterate()) void row;
}`,
    ids: ['node:sqlite.DatabaseSync#open', 'node:sqlite.StatementSync#run', 'node:sqlite.StatementSync#get', 'node:sqlite.StatementSync#iterate'],
    nodeTypes: 22,
  },
  {
    code: `import { DatabaseSync } from 'node:sqlite';
const db = new DatabaseSync('app.db');
const sql = db.createTagStore();
export async function user(id: number) {
  sql.run\`UPDATE users SET seen = 1 WHERE id = \${id}\`;
  for (const row of sql.iterate\`SELECT * FROM visits WHERE user = \${id}\`) void row;
  return [sql.get\`SELECT * FROM users WHERE id = \${id}\`, sql.all\`SELECT * FROM roles\`];
}`,
    ids: ['node:sqlite.SQLTagStore#run', 'node:sqlite.SQLTagStore#iterate', 'node:sqlite.SQLTagStore#get', 'node:sqlite.SQLTagStore#all'],
    nodeTypes: 24,
  },
  {
    code: `import { DatabaseSync } from 'node:sqlite';
export async function replicate(source: DatabaseSync, target: DatabaseSync) {
  const session = source.createSession();
  source.exec('DELETE FROM jobs');
  target.applyChangeset(session.changeset());
  return [session.patchset(), source.serialize()];
}`,
    ids: ['node:sqlite.DatabaseSync#exec', 'node:sqlite.DatabaseSync#applyChangeset', 'node:sqlite.Session#changeset', 'node:sqlite.Session#patchset', 'node:sqlite.DatabaseSync#serialize'],
    nodeTypes: 24,
  },
];

export const valid: (string | CatalogCase)[] = [
  `class DatabaseSync {
  exec(sql: string) { return sql; }
}
export async function query() {
  return new DatabaseSync().exec('SELECT 1');
}`,
  {
    code: `import { DatabaseSync } from 'node:sqlite';
export function querySync() {
  const db = new DatabaseSync(':memory:');
  return db.prepare('SELECT 1').all();
}`,
    ids: [],
    nodeTypes: 22,
  },
  {
    code: `import { backup, DatabaseSync } from 'node:sqlite';
export async function save(db: DatabaseSync) {
  await backup(db, 'copy.db');
}`,
    ids: [],
    nodeTypes: 22,
  },
  {
    // Flags, callbacks, metadata and closing: no I/O worth reporting (see the catalog's leftOut).
    code: `import { DatabaseSync, type StatementSync } from 'node:sqlite';
export async function configure(db: DatabaseSync, stmt: StatementSync) {
  db.function('twice', (x: number) => x * 2);
  db.aggregate('total', { start: 0, step: (sum: number, x: number) => sum + x });
  db.enableDefensive(true);
  stmt.setReadBigInts(true);
  const columns = stmt.columns();
  const sql = db.createTagStore();
  sql.clear();
  db.createSession().close();
  db.close();
  return columns;
}`,
    ids: [],
    nodeTypes: 24,
  },
];
