/**
 * `glob@14` (ships its own types: dist/commonjs and dist/esm `index.d.ts`, the `Glob` class in `glob.d.ts`).
 *
 * The aliases are consts typed `typeof globSync` (`export declare const sync: typeof globSync & {…}`),
 * and the `glob` export carries them again as properties (`glob.sync`, `glob.globSync`, …).
 * `glob.sync(p)` resolves to the same declaration as `globSync`: the resolved signature is the
 * `globSync` overload, and the resolver tries the signature before the callee's symbol, so with types
 * one entry per function suffices and alias calls are reported as 'glob.globSync'. The alias paths
 * are still listed for the untyped (import-tracking) mode and for the callee-name prefilter.
 */
import { definePackage, type BlockingApiData } from './types.js';

const DOCS = 'https://github.com/isaacs/node-glob';

const GLOB = { module: 'glob', name: 'glob', style: 'promise' } as const;
const STREAM_ADVICE = 'use globStream() (async stream) instead';
const ITERATE = { module: 'glob', name: 'globIterate', style: 'promise', label: 'for await (… of globIterate())' } as const;

const sync = (path: string): BlockingApiData => ({ path, category: 'fs', twin: GLOB });
const streamSync = (path: string): BlockingApiData => ({ path, category: 'fs', advice: STREAM_ADVICE });
const iterateSync = (path: string): BlockingApiData => ({ path, category: 'fs', twin: ITERATE });

export const glob = definePackage({
  module: 'glob',
  docs: DOCS,
  verifiedWith: 'glob@14.0.6',
  entries: [
    sync('globSync'),
    streamSync('globStreamSync'),
    iterateSync('globIterateSync'),
    // `class Glob`: the walk happens when these are called.
    { path: 'Glob#walkSync', category: 'fs', twin: { module: 'glob', name: 'Glob#walk', style: 'promise', label: 'g.walk()' } },
    { path: 'Glob#streamSync', category: 'fs', advice: 'use g.stream() instead' },
    { path: 'Glob#iterateSync', category: 'fs', twin: { module: 'glob', name: 'Glob#iterate', style: 'promise', label: 'for await (… of g.iterate())' } },
    // Aliases (see above).
    sync('sync'),
    streamSync('streamSync'),
    iterateSync('iterateSync'),
    streamSync('sync.stream'),
    iterateSync('sync.iterate'),
    streamSync('stream.sync'),
    iterateSync('iterate.sync'),
    sync('glob.sync'),
    sync('glob.globSync'),
    streamSync('glob.globStreamSync'),
    streamSync('glob.streamSync'),
    iterateSync('glob.globIterateSync'),
    iterateSync('glob.iterateSync'),
    streamSync('glob.sync.stream'),
    iterateSync('glob.sync.iterate'),
    streamSync('glob.stream.sync'),
    iterateSync('glob.iterate.sync'),
  ],
});
