/**
 * `execa@9` (ESM only, ships `types/`; execa 10 needs Node.js 22, its declarations of these names are the
 * same). `execaCommandSync` (`export declare const`, types/methods/command.d.ts) exists in v9 and no longer in
 * v10 (use `execaSync` with `parseCommandString`); `execa`, `execaCommand`, `execaNode` and `$` are async.
 *
 * - `export declare const execaSync: ExecaSyncMethod<{}>` (types/methods/main-sync.d.ts): matched by
 *   the const's own symbol. Its call signatures are function types in type aliases (one per call
 *   form: `ExecaSyncTemplate`, `ExecaSyncArrayLong`, `ExecaSyncArrayShort`, and `ExecaSyncBind`, which
 *   only returns a new bound method). They are not listed: the const covers direct calls, and the
 *   bind form must not be reported.
 * - `$.sync` / `$.s` are the properties of `& {sync: ExecaScriptSyncMethod<…>} & {s: …}` in
 *   `type ExecaScriptMethod` (types/methods/script.d.ts): paths 'ExecaScriptMethod.sync' / '.s'.
 * - The template forms (execaSync`cmd`, $.sync`cmd`) are tagged templates, not call expressions.
 */
import { definePackage, type BlockingApiData } from './types.js';

const DOCS = 'https://github.com/sindresorhus/execa/blob/main/docs/api.md';
const EXECA = { module: 'execa', name: 'execa', style: 'promise' } as const;
const SCRIPT = { module: 'execa', name: '$', style: 'promise' } as const;
const COMMAND = { module: 'execa', name: 'execaCommand', style: 'promise' } as const;

/** `### execaSync(file, arguments?, options?)` / `### $.sync(…)` / `### $.s(…)` share one heading. */
const SYNC_DOCS = `${DOCS}#execasyncfile-arguments-options`;

const sync = (path: string): BlockingApiData => ({ path, category: 'process', twin: EXECA, docs: SYNC_DOCS });
const script = (path: string): BlockingApiData => ({ path, category: 'process', twin: SCRIPT, docs: SYNC_DOCS });

export const execa = definePackage({
  module: 'execa',
  docs: DOCS,
  verifiedWith: 'execa@9.6.1',
  entries: [
    sync('execaSync'),
    { path: 'execaCommandSync', category: 'process', twin: COMMAND, docs: `${DOCS}#execacommandsynccommand-options` },
    { ...script('ExecaScriptMethod.sync'), untyped: '$.sync' },
    { ...script('ExecaScriptMethod.s'), untyped: '$.s' },
    // execa 5 and earlier (CommonJS, `export = execa` over `declare const execa: { sync; commandSync; … }`).
    { path: 'sync', category: 'process', twin: { module: 'execa', name: 'default', style: 'promise', label: 'execa()' }, docs: `https://github.com/sindresorhus/execa/tree/v5.1.1#execasyncfile-arguments-options` },
    { path: 'commandSync', category: 'process', twin: { module: 'execa', name: 'command', style: 'promise', label: 'execa.command()' }, docs: `https://github.com/sindresorhus/execa/tree/v5.1.1#execacommandsynccommand-options` },
  ],
});
