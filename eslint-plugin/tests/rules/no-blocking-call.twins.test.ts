/**
 * Every catalog entry whose twin has a `rewrite`: the "use the async API" suggestion (and, for CPU-bound ones,
 * "run in a worker thread") with its full output, and all outputs type-checked together by `tsc`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type BlockingApi, blockingApis } from 'unblock-core';
import rule from '../../src/rules/no-blocking-call.js';
import { nodeDeclarations } from '../catalog/node-declarations.js';
import { typedNode24FixtureDir, typedRuleTester } from '../util/rule-tester.js';

/** How each module is imported in the samples, and the arguments each API is called with. */
const imports: Record<string, string> = {
  'node:fs': `import * as fs from 'node:fs';`,
  'node:crypto': `import crypto from 'node:crypto';`,
  'node:zlib': `import zlib from 'node:zlib';`,
  'node:child_process': `import * as child_process from 'node:child_process';`,
  bcrypt: `import bcrypt from 'bcrypt';`,
  bcryptjs: `import bcryptjs from 'bcryptjs';`,
};
const namespaces: Record<string, string> = { 'node:fs': 'fs', 'node:crypto': 'crypto', 'node:zlib': 'zlib', 'node:child_process': 'child_process', bcrypt: 'bcrypt', bcryptjs: 'bcryptjs' };

const samples: Record<string, string> = {
  'node:fs.accessSync': 'p',
  'node:fs.appendFileSync': `p, 'text'`,
  'node:fs.chmodSync': 'p, 0o644',
  'node:fs.chownSync': 'p, 1000, 1000',
  'node:fs.copyFileSync': 'p, q',
  'node:fs.cpSync': 'p, q, { recursive: true }',
  'node:fs.existsSync': 'p',
  'node:fs.lchownSync': 'p, 1000, 1000',
  'node:fs.linkSync': 'p, q',
  'node:fs.lstatSync': 'p',
  'node:fs.lutimesSync': 'p, 1, 2',
  'node:fs.mkdirSync': 'p, { recursive: true }',
  'node:fs.mkdtempSync': 'p',
  'node:fs.opendirSync': 'p',
  'node:fs.readdirSync': `p, { withFileTypes: true }`,
  'node:fs.readFileSync': `p, 'utf8'`,
  'node:fs.readlinkSync': 'p',
  'node:fs.realpathSync': 'p',
  'node:fs.realpathSync.native': 'p',
  'node:fs.renameSync': 'p, q',
  'node:fs.rmdirSync': 'p',
  'node:fs.rmSync': 'p, { force: true }',
  'node:fs.statSync': 'p',
  'node:fs.statfsSync': 'p',
  'node:fs.symlinkSync': 'p, q',
  'node:fs.truncateSync': 'p, 0',
  'node:fs.unlinkSync': 'p',
  'node:fs.utimesSync': 'p, 1, 2',
  'node:fs.writeFileSync': `p, 'text'`,
  'node:crypto.pbkdf2Sync': `p, q, 1000, 32, 'sha256'`,
  'node:crypto.hkdfSync': `'sha256', p, q, 'info', 32`,
  'node:crypto.randomBytes': '16',
  'node:zlib.brotliCompressSync': 'p',
  'node:zlib.brotliDecompressSync': 'p',
  'node:zlib.deflateSync': 'p',
  'node:zlib.deflateRawSync': 'p',
  'node:zlib.gzipSync': 'p',
  'node:zlib.gunzipSync': 'p',
  'node:zlib.inflateSync': 'p',
  'node:zlib.inflateRawSync': 'p',
  'node:zlib.unzipSync': 'p',
  'node:zlib.zstdCompressSync': 'p',
  'node:zlib.zstdDecompressSync': 'p',
  'node:crypto.argon2Sync': `'argon2id', { message: p, nonce: q, parallelism: 1, tagLength: 32, memory: 8192, passes: 1 }`,
  'node:child_process.execSync': `p, { encoding: 'utf8' }`,
  'node:child_process.execFileSync': `p, ['--version'], { encoding: 'utf8' }`,
  'bcrypt.hashSync': 'p, 10',
  'bcrypt.compareSync': 'p, q',
  'bcrypt.genSaltSync': '10',
  'bcryptjs.hashSync': 'p, 10',
  'bcryptjs.compareSync': 'p, q',
  'bcryptjs.genSaltSync': '10',
};

const rewritable = blockingApis.filter((api) => api.twin?.rewrite);
/** Built-ins that the installed @types/node@20 lacks (`zstdCompressSync`): linted and type-checked with @types/node@24. */
const node20Types = nodeDeclarations(path.dirname(require.resolve('@types/node/package.json')));
const needsNode24 = (api: BlockingApi) => api.module.startsWith('node:') && !node20Types.has(api.id);

function sample(api: BlockingApi) {
  const ns = namespaces[api.module]!;
  const args = samples[api.id]!;
  const twin = api.twin!;
  const head = `${imports[api.module]}\n`;
  const code = `${head}export async function f(p: string, q: string) {\n  return ${ns}.${api.path}(${args});\n}\n`;
  const needsPromisify = twin.style === 'callback';
  const twinReference = twin.module === 'node:fs/promises' ? `fs.promises.${twin.name}` : `${ns}.${twin.name}`;
  const invoke = needsPromisify ? `promisify(${twinReference})` : twinReference;
  const call =
    twin.rewrite === 'exists'
      ? `await ${invoke}(${args}).then(() => true, () => false)`
      : twin.rewrite === 'stdout'
        ? `(await ${invoke}(${args})).stdout`
        : `await ${invoke}(${args})`;
  const output = `${head}${needsPromisify ? `import { promisify } from 'node:util';\n` : ''}export async function f(p: string, q: string) {\n  return ${call};\n}\n`;
  // The title names what the edit calls, and the import it adds.
  const title = `Use the async API \`${invoke}\`${needsPromisify ? ', importing `promisify` from `node:util`' : ''}`;
  return { code, output, title };
}

describe('twins', () => {
  it('every rewritable catalog entry has a sample here, and every sample is rewritable', () => {
    expect(Object.keys(samples).sort()).toEqual(rewritable.map((api) => api.id).sort());
  });

  it.each([
    ['twins', false],
    ['twins-node24', true],
  ] as const)('all suggestion outputs type-check together with tsc (artifacts/%s)', (folder, node24) => {
    const dir = path.resolve(__dirname, '../../../artifacts', folder);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    // @types/node@24 alone: its typeRoots stand-in for `node` (fixtures/typed-node24/README.md).
    const types = node24 ? { typeRoots: [path.join(typedNode24FixtureDir, 'types')] } : {};
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', target: 'es2022', esModuleInterop: true, skipLibCheck: true, noEmit: true, types: ['node'], ...types } }),
    );
    const apis = rewritable.filter((api) => needsNode24(api) === node24);
    expect(apis.length).toBeGreaterThan(0);
    apis.forEach((api, index) => {
      writeFileSync(path.join(dir, `twin${index}.ts`), sample(api).output);
      if (offersWorker(api)) writeFileSync(path.join(dir, `worker${index}.ts`), workerOutput(api));
    });
    const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});

const cases = (apis: readonly BlockingApi[]) => ({
  valid: [],
  invalid: apis.map((api) => {
    const { code, output, title } = sample(api);
    return {
      name: api.id,
      code,
      errors: [
        {
          messageId: 'blockingCall' as const,
          suggestions: [
            { messageId: 'suggestAsyncTwin' as const, data: { title }, output },
            // CPU-bound entries with one signature and cloneable arguments also offer a worker (its output: fixes.test.ts)
            ...(offersWorker(api) ? [{ messageId: 'suggestWorker' as const, data: { title: `Run \`${api.id.replace(/^node:/, '')}\` in a worker thread` }, output: workerOutput(api) }] : []),
          ],
        },
      ],
    };
  }),
});
typedRuleTester().run('no-blocking-call (every twin)', rule, cases(rewritable.filter((api) => !needsNode24(api))));
typedRuleTester(typedNode24FixtureDir).run('no-blocking-call (every twin, Node 24 typings)', rule, cases(rewritable.filter(needsNode24)));

/** CPU-bound entries, except randomBytes: its overloads cannot be typed through a worker. */
function offersWorker(api: BlockingApi): boolean {
  return (api.category === 'crypto' || api.category === 'compression') && api.id !== 'node:crypto.randomBytes';
}

function workerOutput(api: BlockingApi): string {
  const specifier = api.module;
  const location = specifier.startsWith('node:') ? `'${specifier}'` : `require.resolve('${specifier}')`;
  // The call was the namespace's only use: its import goes (a package's stays as a side-effect import: it still loads).
  const head = specifier.startsWith('node:') ? '' : `import '${specifier}';\n`;
  return `${head}import { inWorker } from 'unblock';\nexport async function f(p: string, q: string) {\n  return await inWorker<typeof import('${specifier}')>(${location}).${api.path}(${samples[api.id]});\n}\n`;
}
