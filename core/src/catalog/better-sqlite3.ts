/**
 * `better-sqlite3` (types: `@types/better-sqlite3@9`). Synchronous by design. The file ends in
 * `declare const Database: BetterSqlite3.DatabaseConstructor; export = Database;`, so the export name
 * `Database` is dropped while the other top-level namespace, `BetterSqlite3`, is kept:
 * - `new Database(file)` and `Database(file)` resolve to the construct/call signatures of
 *   `interface DatabaseConstructor` → 'BetterSqlite3.DatabaseConstructor'; opening reads the file.
 * - `Database#exec`, `#pragma` run SQL; `#serialize` copies the whole database into a Buffer.
 * - `Statement#run/get/all/iterate` run the statement.
 * - `Transaction`: calling the function returned by `db.transaction(fn)` (call signature of
 *   `interface Transaction`, and its `default/deferred/immediate/exclusive` variants) runs
 *   BEGIN … COMMIT around `fn` on the calling thread; the commit syncs to disk.
 *
 * Not listed: `Database#prepare` compiles SQL (microseconds; the I/O happens in run/get/all/iterate,
 * and listing it would report `db.prepare(sql).get()` twice); `Database#backup` is async;
 * `close`, `function`, `aggregate`, `table` and `loadExtension` are cheap or rare.
 */
import { definePackage, type BlockingApiData } from './types.js';

const DOCS = 'https://github.com/WiseLibs/better-sqlite3/blob/master/docs/api.md';
const ADVICE = 'better-sqlite3 is synchronous by design: run the queries in a worker thread, or use an async driver';

const entry = (path: string, anchor: string): BlockingApiData => ({
  path,
  category: 'database',
  advice: ADVICE,
  docs: `${DOCS}#${anchor}`,
});

export const betterSqlite3 = definePackage({
  module: 'better-sqlite3',
  docs: DOCS,
  verifiedWith: '@types/better-sqlite3@9.6.0',
  entries: [
    entry('BetterSqlite3.DatabaseConstructor', 'new-databasepath-options'),
    entry('BetterSqlite3.Database#exec', 'execstring---this'),
    entry('BetterSqlite3.Database#pragma', 'pragmastring-options---results'),
    entry('BetterSqlite3.Database#serialize', 'serializeoptions---buffer'),
    entry('BetterSqlite3.Statement#run', 'runbindparameters---object'),
    entry('BetterSqlite3.Statement#get', 'getbindparameters---row'),
    entry('BetterSqlite3.Statement#all', 'allbindparameters---array-of-rows'),
    entry('BetterSqlite3.Statement#iterate', 'iteratebindparameters---iterator'),
    entry('BetterSqlite3.Transaction', 'transactionfunction---function'),
    entry('BetterSqlite3.Transaction#default', 'transactionfunction---function'),
    entry('BetterSqlite3.Transaction#deferred', 'transactionfunction---function'),
    entry('BetterSqlite3.Transaction#immediate', 'transactionfunction---function'),
    entry('BetterSqlite3.Transaction#exclusive', 'transactionfunction---function'),
  ],
});
