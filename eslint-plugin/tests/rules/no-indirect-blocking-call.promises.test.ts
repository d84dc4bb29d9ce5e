/**
 * Promise reactions inside a sync helper: a `.then` / `.catch` / `.finally` callback runs after the helper has
 * returned, so its blocking calls do not block the async caller of the helper; a `new Promise` executor runs
 * during the call, and blocking work in the helper's own synchronous part still counts.
 */
import rule from '../../src/rules/no-indirect-blocking-call.js';
import { indirectInMain } from '../util/indirect-message.js';
import { typedRuleTester } from '../util/rule-tester.js';

const FILE = 'file.ts';
const indirect = (helper: string, chain: string) => indirectInMain(helper, chain, 'fs.promises.stat');

typedRuleTester().run('no-indirect-blocking-call (promise reactions)', rule, {
  valid: [
    // the blocking work sits in reactions: it runs later, not during `upload()`
    `import { statSync } from 'node:fs';
     function upload(files: Promise<string[]>) {
       return files
         .then((list) => list.map((f) => statSync(f).size))
         .catch(() => statSync('fallback'))
         .finally(() => statSync('done'));
     }
     export async function main() { return upload(Promise.resolve(['a'])); }`,
    // the same through a helper called from the reaction
    `import { statSync } from 'node:fs';
     function size(f: string) { return statSync(f).size; }
     function upload(files: Promise<string[]>) { return files.then((list) => list.map(size)); }
     export async function main() { return upload(Promise.resolve(['a'])); }`,
  ],
  invalid: [
    {
      name: 'a helper that blocks before its reaction too',
      code: `import { statSync } from 'node:fs';
function upload(files: Promise<string[]>) {
  statSync('dist');
  return files.then((list) => list.map((f) => statSync(f).size));
}
export async function main() { return upload(Promise.resolve(['a'])); }`,
      errors: [indirect('upload', `upload → fs.statSync (${FILE}:3)`)],
    },
    {
      name: 'a new Promise executor runs during the call',
      code: `import { statSync } from 'node:fs';
function sizeOf(f: string) { return new Promise<number>((resolve) => resolve(statSync(f).size)); }
export async function main() { return sizeOf('a'); }`,
      errors: [indirect('sizeOf', `sizeOf → fs.statSync (${FILE}:2)`)],
    },
  ],
});
