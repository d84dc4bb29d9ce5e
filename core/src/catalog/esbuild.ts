/**
 * `esbuild` (ships `lib/main.d.ts`). The `*Sync` functions run the whole build/transform on the calling
 * thread. `PluginBuild` also exposes a copy of the API as `build.esbuild` (`esbuild: { buildSync:
 * typeof buildSync, … }`); calls through it resolve by signature to the same functions, so they need no
 * entries of their own.
 */
import { definePackage, type BlockingApiData } from './types.js';

const DOCS = 'https://esbuild.github.io/api/';

const NAMES = [
  ['buildSync', 'build', '#build'],
  ['transformSync', 'transform', '#transform'],
  ['formatMessagesSync', 'formatMessages', '#format-messages'],
  ['analyzeMetafileSync', 'analyzeMetafile', '#analyze-metafile'],
] as const;

const entry = (path: string, twin: string, anchor: string): BlockingApiData => ({
  path,
  category: 'compile',
  twin: { module: 'esbuild', name: twin, style: 'promise' },
  docs: `${DOCS}${anchor}`,
});

export const esbuild = definePackage({
  module: 'esbuild',
  docs: DOCS,
  verifiedWith: 'esbuild@0.28.2',
  entries: [
    ...NAMES.map(([sync, twin, anchor]) => entry(sync, twin, anchor)),
  ],
});
