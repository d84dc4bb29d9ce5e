import { definePackage, type BlockingApiData } from './types.js';

/**
 * `execa@10` (ESM only, ships `types/`). `execaCommandSync` no longer exists in v10 (use
 * `execaSync` with `parseCommandString`); `execaNode` and `$` are async.
 *
 * Declarations:
 * - `export declare const execaSync: ExecaSyncMethod<{}>` (types/methods/main-sync.d.ts). The callee
 *   symbol is the const ('execaSync'). Its call signatures live in type aliases, one per call form:
 *   `ExecaSyncTemplate` (execaSync`cmd`), `ExecaSyncArrayLong` (file, args, options),
 *   `ExecaSyncArrayShort` (file, options) and `ExecaSyncBind` (options only). The bind form only
 *   returns a new method and does NOT block, so it is not listed; the other three catch bound
 *   methods too (`const run = execaSync({cwd}); run('ls')`).
 * - `$.sync` / `$.s` are properties `{sync: ExecaScriptSyncMethod}` of `type ExecaScriptMethod`
 *   (types/methods/script.d.ts); same split into `ExecaScriptSync{Template,ArrayLong,ArrayShort,Bind}`.
 *   '$.sync' / '$.s' are listed for the untyped mode.
 */

const DOCS = 'https://github.com/sindresorhus/execa/blob/main/docs/api.md';
const EXECA = { module: 'execa', name: 'execa', style: 'promise' } as const;
const SCRIPT = { module: 'execa', name: '$', style: 'promise' } as const;

/** `### execaSync(file, arguments?, options?)` / `### $.sync(…)` / `### $.s(…)` share one heading. */
const SYNC_DOCS = `${DOCS}#execasyncfile-arguments-options`;

const sync = (path: string): BlockingApiData => ({ path, category: 'process', twin: EXECA, docs: SYNC_DOCS });
const script = (path: string): BlockingApiData => ({ path, category: 'process', twin: SCRIPT, docs: SYNC_DOCS });

export const execa = definePackage({
  module: 'execa',
  docs: DOCS,
  verifiedWith: 'execa@10.2.1',
  entries: [
    sync('execaSync'),
    sync('ExecaSyncTemplate'),
    sync('ExecaSyncArrayLong'),
    sync('ExecaSyncArrayShort'),
    script('$.sync'),
    script('$.s'),
    script('ExecaScriptSyncTemplate'),
    script('ExecaScriptSyncArrayLong'),
    script('ExecaScriptSyncArrayShort'),
  ],
});
