/**
 * Fix safety: apply every suggestion offered on the fix-safety fixture and on the demo app, then the code
 * type-checks with `tsc` and the fixed functions (and HTTP routes) give the same results as the originals.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { closeWorkers } from 'unblock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySuggestions } from '../scripts/apply-suggestions.mjs';

const root = path.resolve(import.meta.dirname, '..');
const work = path.join(root, 'artifacts/fix-safety');
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');

/** Copies a fixture project, optionally applies suggestions, and compiles it; returns the copy's folder. */
function prepare(fixture: string, name: string, prefer?: 'twin' | 'worker') {
  const dir = path.join(work, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(path.join(root, 'fixtures', fixture), dir, { recursive: true, filter: (source) => !source.includes('/dist') });
  const result = prefer ? applySuggestions({ projectDir: dir, prefer, only: true }) : { applied: [], unfixed: [] };
  const compile = spawnSync(process.execPath, [tsc, '-p', path.join(dir, 'tsconfig.json')], { encoding: 'utf8' });
  return { dir, ...result, tscOutput: compile.stdout + compile.stderr, tscStatus: compile.status };
}

/**
 * One request on a connection of its own. Both servers run in this process, and the original's handlers block it
 * for seconds: an idle keep-alive socket can then time out on the server just as the client reuses it (ECONNRESET).
 */
async function request(url: string, init: RequestInit = {}): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(typeof init.body === 'string' ? init.body : undefined);
  });
}

type Cases = Record<string, () => Promise<unknown>>;
const load = async (dir: string, file: string) => (await import(pathToFileURL(path.join(dir, 'dist', file)).href)) as Cases;
const expectedLines = readFileSync(path.join(root, 'fixtures/fix-safety/src/cases.ts'), 'utf8')
  .split('\n')
  .filter((line) => line.includes('// expect'));

afterAll(() => closeWorkers());

describe.each([
  { prefer: 'twin' as const, notFixable: ['shellWithInput', 'projectChecksum'] },
  { prefer: 'worker' as const, notFixable: null },
])('fixture fix-safety, suggestions of kind "$prefer"', ({ prefer, notFixable }) => {
  let original: ReturnType<typeof prepare>;
  let fixed: ReturnType<typeof prepare>;
  beforeAll(() => {
    original = prepare('fix-safety', 'original');
    fixed = prepare('fix-safety', prefer, prefer);
  });

  it('applies suggestions and the result type-checks with tsc', () => {
    expect(original.tscStatus, original.tscOutput).toBe(0);
    expect(fixed.applied.length).toBeGreaterThanOrEqual(prefer === 'twin' ? 18 : 8);
    expect(fixed.tscStatus, fixed.tscOutput).toBe(0);
    if (notFixable) {
      // Every finding got a twin fix except where the twin would behave differently.
      const left = fixed.unfixed.map(({ message }) => /inside async function `(\w+)`/.exec(message)?.[1]);
      expect(left).toEqual(notFixable);
      expect(fixed.applied.length + fixed.unfixed.length).toBe(
        expectedLines.reduce((count, line) => count + (line.match(/Sync\(|randomBytes\(|checksum\(/g)?.length ?? 0), 0),
      );
    }
  });

  it('the fixed functions return what the originals return', async () => {
    const before = await load(original.dir, 'cases.js');
    const after = await load(fixed.dir, 'cases.js');
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const [name, fn] of Object.entries(before)) {
      expect(await after[name]!(), name).toEqual(await fn());
    }
    // The rewrite really happened: the fixed source no longer calls what it replaced.
    const source = await readFile(path.join(fixed.dir, 'src/cases.ts'), 'utf8');
    expect(source).toContain(prefer === 'twin' ? 'await ' : 'inWorker<typeof import(');
  });
});

describe('demo app, async twins applied', () => {
  let original: ReturnType<typeof prepare>;
  let fixed: ReturnType<typeof prepare>;
  beforeAll(() => {
    original = prepare('demo-app', 'demo-original');
    fixed = prepare('demo-app', 'demo-twin', 'twin');
  });

  it('fixes every direct finding of the demo app and still compiles', () => {
    expect(original.tscStatus, original.tscOutput).toBe(0);
    // The one left is indirect (loadConfig → fs.readFileSync in the same file): the fix is to make the helper async.
    expect(fixed.unfixed.map(({ message }) => message.slice(0, message.indexOf(' blocks')))).toEqual(['`loadConfig()`']);
    expect(fixed.applied.length).toBe(10);
    expect(fixed.tscStatus, fixed.tscOutput).toBe(0);
  });

  it('serves the same responses', async () => {
    const servers: Server[] = [];
    try {
      const urls = await Promise.all(
        [original, fixed].map(async ({ dir }) => {
          const { start } = (await import(pathToFileURL(path.join(dir, 'dist/server.js')).href)) as { start(port: number): Promise<Server> };
          const server = await start(0);
          servers.push(server);
          return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        }),
      );
      const requests: [string, RequestInit?][] = [
        ['/config'],
        ['/users'],
        ['/users/1'],
        ['/users/404'],
        ['/report'],
        ['/version'],
        ['/login', { method: 'POST', body: JSON.stringify({ user: 'ada', password: 'secret' }) }],
        ['/login', { method: 'POST', body: JSON.stringify({ user: 'ada', password: 'wrong' }) }],
      ];
      for (const [route, init] of requests) {
        const [before, after] = await Promise.all(urls.map((url) => request(url + route, init)));
        expect(after!.status, route).toBe(before!.status);
        const [bodyBefore, bodyAfter] = [before!.body, after!.body];
        if (route === '/version') {
          // the one field that differs by design: when each server started
          const withoutStart = (body: Buffer) => ({ ...JSON.parse(body.toString()), startedAt: undefined });
          expect(withoutStart(bodyAfter), route).toEqual(withoutStart(bodyBefore));
        } else {
          expect(bodyAfter, route).toEqual(bodyBefore);
        }
      }
      // /token is random by design: same shape, same lengths.
      const [token1, token2] = await Promise.all(urls.map(async (url) => JSON.parse((await request(`${url}/token`)).body.toString())));
      expect(Object.keys(token2).sort()).toEqual(Object.keys(token1).sort());
      expect(token2.salt).toHaveLength(token1.salt.length);
      expect(token2.token).toHaveLength(token1.token.length);
    } finally {
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    }
  });
});
