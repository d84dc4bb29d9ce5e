/**
 * `maxDepth`: a chain is reported when it reaches a blocking call through at most that many functions, whatever
 * order files are checked in, and however deep the call graph is (the walk never overflows the stack).
 */
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-indirect-blocking-call.js';
import { typedRuleTester } from '../util/rule-tester.js';

/** The remedy names the worker thread only where that suggestion is offered (an exported function of another file). */
const indirect = (api: string, chain: string, worker = true) => ({
  messageId: 'indirectBlockingCall' as const,
  data: { api, context: 'inside async function `main`', chain, remedy: `make the chain async with \`fs.promises.readFile\`${worker ? `, or run \`${api.slice(0, -2)}\` in a worker thread` : ''}` },
});

// x1 → x2 → x3 → x4 → x5 → readFileSync: with maxDepth 3, x3 blocks within reach and x1, x2 do not.
const maxDepth3: Options = [{ maxDepth: 3 }];
const call = (name: string, filename: string) => ({
  code: `import { ${name} } from './indirect-deep.js';\nexport async function main() { return ${name}(); }`,
  filename,
  options: maxDepth3,
});
const deep = (chain: 'a' | 'b', filename: string): ValidTestCase<Options> => call(`${chain}1`, filename);
const shallow = (chain: 'a' | 'b', filename: string): InvalidTestCase<MessageIds, Options> => {
  const name = `${chain}3`;
  return {
    ...call(name, filename),
    errors: [
      {
        ...indirect(`${name}()`, `${name} → ${chain}4 → ${chain}5 → fs.readFileSync (indirect-deep.ts:${chain === 'a' ? 8 : 14})`),
        suggestions: [
          {
            messageId: 'suggestWorker',
            data: { title: `Run \`${name}\` in a worker thread` },
            output: `import './indirect-deep.js';
import { inWorker } from 'unblock';
export async function main() { return await inWorker<typeof import('./indirect-deep.js')>(require.resolve('./indirect-deep.js')).${name}(); }`,
          },
        ],
      },
    ],
  };
};

// One chain per order: what the first order leaves cached must not decide the second.
typedRuleTester().run('no-indirect-blocking-call: the deep caller first', rule, {
  valid: [deep('a', 'other.ts'), call('a2', 'other.ts')],
  invalid: [shallow('a', 'file.ts')],
});
typedRuleTester().run('no-indirect-blocking-call: the shallow caller first', rule, { valid: [], invalid: [shallow('b', 'file.ts')] });
typedRuleTester().run('no-indirect-blocking-call: then the deep caller', rule, {
  valid: [deep('b', 'other.ts'), call('b2', 'other.ts')],
  invalid: [shallow('b', 'file.ts')],
});

// f0 → f1 → … → f999 → readFileSync, all in the linted file.
const length = 1000;
const generated = [
  `import { readFileSync } from 'node:fs';`,
  ...Array.from({ length }, (_, i) => (i < length - 1 ? `function f${i}(): void { f${i + 1}(); }` : `function f${i}(): void { readFileSync('x'); }`)),
  'export async function main() { f0(); f200(); }',
].join('\n');
const chainFrom = (start: number) =>
  `${Array.from({ length: length - start }, (_, i) => `f${start + i}`).join(' → ')} → fs.readFileSync (file.ts:${length + 1})`;

typedRuleTester().run('no-indirect-blocking-call: a chain of 1,000 functions', rule, {
  valid: [],
  invalid: [
    // 800 functions deep: f200 reaches the blocking call within reach, f0 does not
    { code: generated, options: [{ maxDepth: 800 }], errors: [{ ...indirect('f200()', chainFrom(200), false), line: length + 2 }] },
    {
      code: generated,
      options: [{ maxDepth: 5000 }],
      errors: [
        {
          ...indirect('f0()', chainFrom(0), false),
          line: length + 2,
          column: 32,
          // The whole chain made async, every call awaited (f200 is in it: its finding's chain alone is not offered, as
          // f0 … f199 would have to join it)
          suggestions: [
            {
              messageId: 'suggestAsyncChain',
              data: { functions: '`f0`, `f1`, `f2` and 997 more', callSites: '1001 call sites' },
              output: [
                `import { readFile } from 'node:fs/promises';`,
                ...Array.from({ length }, (_, i) =>
                  i < length - 1 ? `async function f${i}(): Promise<void> { await f${i + 1}(); }` : `async function f${i}(): Promise<void> { await readFile('x'); }`,
                ),
                'export async function main() { await f0(); await f200(); }',
              ].join('\n'),
            },
          ],
        },
        { ...indirect('f200()', chainFrom(200), false), line: length + 2, column: 38 },
      ],
    },
  ],
});
