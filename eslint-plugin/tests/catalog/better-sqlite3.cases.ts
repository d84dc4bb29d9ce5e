import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `import Database from 'better-sqlite3';
export async function users() {
  const db = new Database('app.db');
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE IF NOT EXISTS users (name TEXT)');
  return db.prepare('SELECT name FROM users').all();
}`,
    ids: [
      'better-sqlite3.BetterSqlite3.DatabaseConstructor',
      'better-sqlite3.BetterSqlite3.Database#pragma',
      'better-sqlite3.BetterSqlite3.Database#exec',
      'better-sqlite3.BetterSqlite3.Statement#all',
    ],
  },
  {
    code: `import Database = require('better-sqlite3');
const db = Database(':memory:');
const insert = db.prepare('INSERT INTO t VALUES (?)');
export async function write(x: number) {
  insert.run(x);
  insert.get(x);
  for (const row of insert.iterate(x)) void row;
  return db.serialize();
}`,
    ids: [
      'better-sqlite3.BetterSqlite3.Statement#run',
      'better-sqlite3.BetterSqlite3.Statement#get',
      'better-sqlite3.BetterSqlite3.Statement#iterate',
      'better-sqlite3.BetterSqlite3.Database#serialize',
    ],
  },
  {
    code: `import Database from 'better-sqlite3';
const db = new Database(':memory:');
const insertMany = db.transaction((xs: number[]) => xs.length);
export async function write(xs: number[]) {
  insertMany(xs);
  insertMany.immediate(xs);
  insertMany.deferred(xs);
  insertMany.exclusive(xs);
  insertMany.default(xs);
}`,
    ids: [
      'better-sqlite3.BetterSqlite3.Transaction',
      'better-sqlite3.BetterSqlite3.Transaction#immediate',
      'better-sqlite3.BetterSqlite3.Transaction#deferred',
      'better-sqlite3.BetterSqlite3.Transaction#exclusive',
      'better-sqlite3.BetterSqlite3.Transaction#default',
    ],
  },
];

export const valid: string[] = [
  `import Database from 'better-sqlite3';
export async function backup(db: Database.Database) {
  const stmt = db.prepare('SELECT 1');
  stmt.pluck().raw(false);
  await db.backup('backup.db');
  db.close();
}`,
  `import Database from 'better-sqlite3';
export function usersSync() {
  const db = new Database('app.db');
  return db.prepare('SELECT 1').all();
}`,
];
