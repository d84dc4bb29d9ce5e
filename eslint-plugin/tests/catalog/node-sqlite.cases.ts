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
];
