/** `node:child_process`: the three `*Sync` functions (still all of them in `@types/node@24`), which wait for the child to exit. */
import { definePackage } from './types.js';

const DOCS = 'https://nodejs.org/api/child_process.html';

export const nodeChildProcess = definePackage({
  module: 'node:child_process',
  aliases: ['child_process'],
  docs: DOCS,
  verifiedWith: '@types/node@20.19.43 and @types/node@24.19.4',
  entries: [
    {
      path: 'execSync',
      category: 'process',
      twin: { module: 'node:child_process', name: 'exec', style: 'callback', label: 'child_process.exec', rewrite: 'stdout' },
      docs: `${DOCS}#child_processexecsynccommand-options`,
    },
    {
      path: 'execFileSync',
      category: 'process',
      twin: { module: 'node:child_process', name: 'execFile', style: 'callback', label: 'child_process.execFile', rewrite: 'stdout' },
      docs: `${DOCS}#child_processexecfilesyncfile-args-options`,
    },
    {
      // `spawn` returns a ChildProcess rather than taking a callback, so there is no drop-in twin.
      path: 'spawnSync',
      category: 'process',
      docs: `${DOCS}#child_processspawnsynccommand-args-options`,
      advice: "use spawn() and await its 'close' event (events.once(child, 'close')), or promisify(execFile)",
    },
  ],
});
