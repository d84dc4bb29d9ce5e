// The runtime as the tests that load it directly use it: compiled once per version of its sources into
// artifacts/runtime-tests/<hash>/, so test files running side by side share one build, never rebuild what another one
// is loading, and never see a stale build. (runtime.test.ts builds dist/ itself: its scripts import 'unblock'.)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export type Runtime = typeof import('../src/index.js');

const require = createRequire(__filename);
const runtimeDir = join(__dirname, '..');
const root = join(runtimeDir, '..');

/** Build (or reuse) the compiled runtime; returns its folder (for child processes) and the loaded module. */
export function builtRuntime(): { dir: string; runtime: Runtime } {
  const sources = readdirSync(join(runtimeDir, 'src'))
    .sort()
    .map((file) => join(runtimeDir, 'src', file));
  const hash = createHash('sha256');
  for (const file of [...sources, join(runtimeDir, 'tsconfig.build.json'), join(root, 'tsconfig.base.json')]) {
    hash.update(file).update(readFileSync(file));
  }
  const builds = join(root, 'artifacts', 'runtime-tests');
  const dir = join(builds, hash.digest('hex').slice(0, 16));
  if (!existsSync(join(dir, 'index.js'))) {
    mkdirSync(builds, { recursive: true });
    const temp = mkdtempSync(join(builds, 'building-'));
    const tsc = require.resolve('typescript/bin/tsc');
    const project = join(runtimeDir, 'tsconfig.build.json');
    execFileSync(process.execPath, [tsc, '-p', project, '--outDir', temp, '--declaration', 'false'], { stdio: 'inherit' });
    writeFileSync(join(temp, 'package.json'), '{ "type": "commonjs" }\n'); // as in the package: the output is CommonJS
    try {
      renameSync(temp, dir);
    } catch {
      rmSync(temp, { recursive: true, force: true }); // another test file finished the same build first
    }
  }
  return { dir, runtime: require(join(dir, 'index.js')) as Runtime };
}
