/**
 * `node:sqlite` (Node >= 22.5). "All APIs exposed by this class execute synchronously."
 * Paths verified against `@types/node@22.20.5` and `@types/node@24.19.4` `sqlite.d.ts` (`class DatabaseSync`,
 * `class StatementSync`, `interface Session`, `interface SQLTagStore` inside `declare module "node:sqlite"`);
 * `@types/node@20` does not declare the module. The module exists only under its `node:` specifier, so there is
 * no bare alias. Listed: what opens the file, runs SQL or reads or writes the database's pages. Left out (with
 * reasons below): what only sets flags, registers callbacks or reads metadata in memory, as for better-sqlite3.
 */
import { definePackage, type BlockingApiData } from './types.js';

const DOCS = 'https://nodejs.org/api/sqlite.html';
const ADVICE = 'node:sqlite has no async API: run the queries in a worker thread, or use an async driver';

const entry = (path: string, anchor: string): BlockingApiData => ({ path, category: 'database', advice: ADVICE, docs: `${DOCS}#${anchor}` });

export const nodeSqlite = definePackage({
  module: 'node:sqlite',
  docs: DOCS,
  verifiedWith: '@types/node@22.20.5 and @types/node@24.19.4',
  entries: [
    // Constructor: opens (and may create) the database file unless `{ open: false }`.
    entry('DatabaseSync', 'new-databasesyncpath-options'),
    // Opens a database constructed with `{ open: false }`.
    entry('DatabaseSync#open', 'databaseopen'),
    entry('DatabaseSync#exec', 'databaseexecsql'),
    // Compiles the statement; reads the schema from disk when it is not cached yet.
    entry('DatabaseSync#prepare', 'databasepreparesql'),
    // Writes every change of the changeset to the database.
    entry('DatabaseSync#applyChangeset', 'databaseapplychangesetchangeset-options'),
    // Copies the whole database into a buffer: every page of a file database is read (Node 24.16).
    entry('DatabaseSync#serialize', 'databaseserializedbname'),
    entry('StatementSync#all', 'statementallnamedparameters-anonymousparameters'),
    entry('StatementSync#get', 'statementgetnamedparameters-anonymousparameters'),
    entry('StatementSync#iterate', 'statementiteratenamedparameters-anonymousparameters'),
    entry('StatementSync#run', 'statementrunnamedparameters-anonymousparameters'),
    // The changes recorded since `createSession()`: reads each changed row from the database.
    entry('Session#changeset', 'sessionchangeset'),
    entry('Session#patchset', 'sessionpatchset'),
    // `const sql = db.createTagStore(); sql.all\`SELECT …\``: template tags that prepare (cached) and run the query (Node 24.9).
    entry('SQLTagStore#all', 'sqltagstoreallstringelements-boundparameters'),
    entry('SQLTagStore#get', 'sqltagstoregetstringelements-boundparameters'),
    entry('SQLTagStore#iterate', 'sqltagstoreiteratestringelements-boundparameters'),
    entry('SQLTagStore#run', 'sqltagstorerunstringelements-boundparameters'),
  ],
  leftOut: [
    { path: 'backup', reason: 'asynchronous: returns a promise and copies the pages on another thread' },
    { path: 'DatabaseSync#close', reason: 'closes the connection; cheap, and done once (better-sqlite3 `close` is not listed either)' },
    { path: 'DatabaseSync#[Symbol.dispose]', reason: 'close() for `using`, called implicitly at the end of the block' },
    { path: 'DatabaseSync#function', reason: 'registers a JavaScript function with SQLite; no I/O' },
    { path: 'DatabaseSync#aggregate', reason: 'registers a JavaScript aggregate function with SQLite; no I/O' },
    { path: 'DatabaseSync#setAuthorizer', reason: 'registers a callback; no I/O' },
    { path: 'DatabaseSync#createSession', reason: 'starts recording changes in memory; the changeset()/patchset() that read them are listed' },
    { path: 'DatabaseSync#createTagStore', reason: 'creates an empty statement cache; its template tags, which run the queries, are listed' },
    { path: 'DatabaseSync#deserialize', reason: 'turns a buffer into an in-memory database: a memory copy, no file I/O' },
    { path: 'DatabaseSync#enableDefensive', reason: 'sets a flag' },
    { path: 'DatabaseSync#enableLoadExtension', reason: 'sets a flag' },
    { path: 'DatabaseSync#loadExtension', reason: 'loads a shared library, once at start-up in practice (better-sqlite3 `loadExtension` is not listed either)' },
    { path: 'DatabaseSync#location', reason: "returns the database file's path" },
    { path: 'StatementSync#columns', reason: 'reads column metadata of the compiled statement; no I/O' },
    { path: 'StatementSync#setAllowBareNamedParameters', reason: 'sets a flag' },
    { path: 'StatementSync#setAllowUnknownNamedParameters', reason: 'sets a flag' },
    { path: 'StatementSync#setReadBigInts', reason: 'sets a flag' },
    { path: 'StatementSync#setReturnArrays', reason: 'sets a flag' },
    { path: 'Session#close', reason: 'frees the session in memory' },
    { path: 'Session#[Symbol.dispose]', reason: 'close() for `using`, called implicitly at the end of the block' },
    { path: 'SQLTagStore#clear', reason: 'empties the statement cache in memory' },
  ],
});
