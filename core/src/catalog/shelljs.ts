import { definePackage, type BlockingApiData } from './types.js';

/**
 * `shelljs@0.10` (CommonJS; types: `@types/shelljs`): every command runs synchronously, on the file system
 * (`fs.*Sync`) or, for `cmd`, through `child_process.execFileSync`. With types a command is
 * `export const cp: CopyFunction`, whose call resolves to both 'CopyFunction' and 'cp'; only the export names are
 * listed, so the same-named methods of a command's result (`shell.ls().grep(…)`, which filter output in memory)
 * are not matched. `ShellString#to`/`toEnd` (declared on `ShellReturnValue`) write a file.
 *
 * Left out: `exec` blocks unless given a callback or `{ async: true }`, an option the catalog cannot see;
 * `echo`, `pwd`, `env`, `config`, `set`, `error`, `exit` do no blocking work.
 */
const DOCS = 'https://github.com/shelljs/shelljs#command-reference';
const ADVICE = 'shelljs commands are synchronous: use `fs.promises` or an async child process (`execa`)';

const fs = (path: string): BlockingApiData => ({ path, category: 'fs', advice: ADVICE });
const commands = [
  'cat', 'cd', 'chmod', 'cp', 'dirs', 'find', 'grep', 'head', 'ln', 'ls', 'mkdir', 'mv', 'popd', 'pushd', 'rm', 'sed',
  'sort', 'tail', 'tempdir', 'test', 'touch', 'uniq', 'which',
];

export const shelljs = definePackage({
  module: 'shelljs',
  docs: DOCS,
  verifiedWith: 'shelljs@0.10.0',
  entries: [
    ...commands.map(fs),
    { path: 'cmd', category: 'process', advice: 'use an async child process (`execa`, or `util.promisify(child_process.execFile)`)' },
    { path: 'ShellReturnValue#to', category: 'fs', advice: ADVICE },
    { path: 'ShellReturnValue#toEnd', category: 'fs', advice: ADVICE },
  ],
});
