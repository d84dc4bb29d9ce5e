import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `import * as esbuild from 'esbuild';
export async function bundle() {
  esbuild.buildSync({ entryPoints: ['src/index.ts'], bundle: true, outfile: 'out.js' });
  return esbuild.transformSync('let x: number = 1', { loader: 'ts' }).code;
}`,
    ids: ['esbuild.buildSync', 'esbuild.transformSync'],
  },
  {
    code: `import { formatMessagesSync, analyzeMetafileSync, type Metafile } from 'esbuild';
export async function report(metafile: Metafile) {
  formatMessagesSync([{ text: 'x' }], { kind: 'error' });
  return analyzeMetafileSync(metafile);
}`,
    ids: ['esbuild.formatMessagesSync', 'esbuild.analyzeMetafileSync'],
  },
  {
    // The API copy on PluginBuild (\`build.esbuild\`) resolves to the same declarations.
    code: `import type { Plugin } from 'esbuild';
export const plugin: Plugin = {
  name: 'inline',
  setup(build) {
    build.onLoad({ filter: /\\.txt$/ }, async (args) => {
      const out = build.esbuild.transformSync(args.path, { loader: 'ts' });
      return { contents: out.code };
    });
  },
};`,
    ids: ['esbuild.transformSync'],
  },
  {
    code: `const esbuild = require('esbuild');
exports.bundle = async () => esbuild.buildSync({ entryPoints: ['a.js'] });`,
    ids: ['esbuild.buildSync'],
    filename: 'script.js',
  },
];

export const valid: string[] = [
  `import * as esbuild from 'esbuild';
export async function bundle() {
  await esbuild.build({ entryPoints: ['src/index.ts'] });
  const ctx = await esbuild.context({});
  await ctx.rebuild();
  return (await esbuild.transform('x', {})).code;
}`,
];
