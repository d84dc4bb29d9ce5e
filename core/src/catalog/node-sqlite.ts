/**
 * `node:sqlite` (Node >= 22.5). "All APIs exposed by this class execute synchronously."
 * Paths verified against `@types/node@22.20.5` `sqlite.d.ts` (`class DatabaseSync`, `class StatementSync`
 * inside `declare module "node:sqlite"`); `@types/node@20` does not declare the module.
 * The module exists only under its `node:` specifier, so there is no bare alias.
 */
import { definePackage } from './types.js';

const DOCS = 'https://nodejs.org/api/sqlite.html';
const ADVICE = 'node:sqlite has no async API: run the queries in a worker thread, or use an async driver';

export const nodeSqlite = definePackage({
  module: 'node:sqlite',
  docs: DOCS,
  verifiedWith: '@types/node@22.20.5',
  entries: [
    // Constructor: opens (and may create) the database file unless `{ open: false }`.
    { path: 'DatabaseSync', category: 'database', advice: ADVICE, docs: `${DOCS}#new-databasesyncpath-options` },
    // Opens a database constructed with `{ open: false }`.
    { path: 'DatabaseSync#open', category: 'database', advice: ADVICE, docs: `${DOCS}#databaseopen` },
    { path: 'DatabaseSync#exec', category: 'database', advice: ADVICE, docs: `${DOCS}#databaseexecsql` },
    // Compiles the statement; reads the schema from disk when it is not cached yet.
    { path: 'DatabaseSync#prepare', category: 'database', advice: ADVICE, docs: `${DOCS}#databasepreparesql` },
    { path: 'StatementSync#all', category: 'database', advice: ADVICE, docs: `${DOCS}#statementallnamedparameters-anonymousparameters` },
    { path: 'StatementSync#get', category: 'database', advice: ADVICE, docs: `${DOCS}#statementgetnamedparameters-anonymousparameters` },
    { path: 'StatementSync#iterate', category: 'database', advice: ADVICE, docs: `${DOCS}#statementiteratenamedparameters-anonymousparameters` },
    { path: 'StatementSync#run', category: 'database', advice: ADVICE, docs: `${DOCS}#statementrunnamedparameters-anonymousparameters` },
  ],
});
