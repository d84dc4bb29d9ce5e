/**
 * `unblock-cli fix --chains` on the demo app (every finding fixed, tsc clean, the same HTTP responses) and on a real
 * codebase, ESLint's own `lib/` (400+ JavaScript files): no crash, no new type error; the counts are printed.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { copyFixture, counts, createProject, root, runCli, tsc } from './helpers.js';
import { cp } from 'node:fs/promises';

describe('the demo app', () => {
  it('is fixed completely, with its own ESLint config: 0 findings left, tsc clean, the same responses', async () => {
    const original = await copyFixture('demo-app', 'demo-original');
    const fixed = await copyFixture('demo-app', 'demo-fixed');
    const run = await runCli(fixed, ['fix', '--chains']);
    console.log(`[demo-app] ${run.stdout.trim().split('\n').at(-1)}`);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(counts(run.stdout)).toEqual({ applied: 11, refused: 0, left: 0 });
    expect(run.stdout).toContain('Make `loadConfig` async (1 function, 2 call sites in 2 files)');
    for (const dir of [original, fixed]) {
      const compiled = await tsc(dir);
      expect(compiled.status, compiled.output).toBe(0);
    }

    const servers: Server[] = [];
    try {
      const urls = await Promise.all(
        [original, fixed].map(async (dir) => {
          const { start } = (await import(pathToFileURL(path.join(dir, 'dist/server.js')).href)) as { start(port: number): Promise<Server> };
          const server = await start(0);
          servers.push(server);
          return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        }),
      );
      for (const route of ['/features', '/config', '/users', '/users/2', '/users/404', '/report']) {
        const [before, after] = await Promise.all(urls.map((url) => fetch(url + route)));
        expect(after!.status, route).toBe(before!.status);
        expect(Buffer.from(await after!.arrayBuffer()), route).toEqual(Buffer.from(await before!.arrayBuffer()));
      }
    } finally {
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    }
  }, 300_000);
});

describe('a real codebase: eslint lib/', () => {
  it('runs to the end with no new type error, and prints applied / refused / left', async () => {
    const dir = await createProject('real-codebase', {
      'tsconfig.json': JSON.stringify({
        compilerOptions: { target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', allowJs: true, checkJs: false, noEmit: true, skipLibCheck: true, types: ['node'] },
        include: ['lib/**/*.js'],
      }),
    });
    const eslintDir = path.join(root, 'node_modules/eslint');
    await cp(path.join(eslintDir, 'lib'), path.join(dir, 'lib'), { recursive: true });
    await cp(path.join(eslintDir, 'package.json'), path.join(dir, 'package.json'));
    const run = await runCli(dir, ['fix', '--chains', '--no-eslint-config']);
    const summary = run.stdout.trim().split('\n').at(-1)!;
    console.log(`[real codebase: eslint lib/] ${summary}\n${run.stdout.split('\n').filter((line) => /^(applied|refused|left) /.test(line)).join('\n')}`);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1); // some calls have no safe rewrite (`spawnSync`, for one)
    expect(counts(run.stdout).applied).toBeGreaterThan(0);
    expect(summary).toMatch(/type errors: 0 before, 0 after/);
  }, 600_000);
});
