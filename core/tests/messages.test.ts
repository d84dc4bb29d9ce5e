/** The messages contract words an indirect finding's remedy by what the finding offers. */
import { describe, expect, it } from 'vitest';
import { indirectRemedy, type Finding, type Fix } from '../src/index.js';

const chain: Finding['chain'] = [
  { label: 'hash', file: '/p/a.ts', position: 0, line: 1, character: 0 },
  { label: 'bcryptjs.hashSync', file: '/p/a.ts', position: 9, line: 2, character: 2 },
];
const worker: Fix = { title: 'Run `hash` in a worker thread', kind: 'worker', safety: 'suggestion', edits: [] };
const twin = { module: 'node:fs/promises', name: 'readFile', style: 'promise', label: 'fs.promises.readFile' } as const;

describe('indirectRemedy', () => {
  it('names the worker thread only when its suggestion is offered', () => {
    expect(indirectRemedy({ chain, chainTwin: twin, fixes: [worker] })).toBe('make the chain async with `fs.promises.readFile`, or run `hash` in a worker thread');
    expect(indirectRemedy({ chain, chainTwin: twin, fixes: [] })).toBe('make the chain async with `fs.promises.readFile`');
    expect(indirectRemedy({ chain, fixes: [worker] })).toBe('run `hash` in a worker thread');
    expect(indirectRemedy({ chain, fixes: [] })).toBe('make `hash` async, or move its blocking work off the event loop');
  });
});
