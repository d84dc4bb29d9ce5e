/**
 * Node's compile cache (compile-cache.ts): on a Node that has one (22.1+), the server writes the code its first
 * answer needed into `NODE_COMPILE_CACHE`'s folder once that answer is out, while it still runs (a server the
 * editor kills never reaches Node's own write at exit); on Node 20 it starts and answers the same, with no cache.
 * CI runs this file on Node 20, 22 and 24.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import * as nodeModule from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from '../../scripts/lib/lsp-client.mjs';
import { copyFixture, ensureBuilt, fixturesDir, removeFixture, serverPath, uriOf } from './helpers/client.js';

beforeAll(ensureBuilt, 120_000);

const hasCompileCache = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';

/** The files under `dir` (not its folders), or undefined when it does not exist. */
async function filesUnder(dir: string): Promise<string[] | undefined> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => undefined);
  return entries?.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

describe(`the compile cache on Node ${process.versions.node} (${hasCompileCache ? 'has one' : 'has none'})`, () => {
  let project: string;
  let cache: string;
  beforeAll(async () => {
    project = await copyFixture(path.join(fixturesDir, 'project'));
    cache = path.join(await mkdtemp(path.join(os.tmpdir(), 'unblock-compile-cache-')), 'cache');
  });
  afterAll(async () => {
    await removeFixture(project);
    await rm(path.dirname(cache), { recursive: true, force: true });
  });

  it(hasCompileCache ? 'is written once the first answer is out, the server still running' : 'is not written, and the server answers', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_COMPILE_CACHE: cache };
    delete env.NODE_DISABLE_COMPILE_CACHE;
    const client = new LspClient({ name: 'unblock', server: serverPath, env });
    try {
      await client.initialize({ folder: project, capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } } });
      const uri = uriOf(path.join(project, 'src', 'cached.ts'));
      await client.notify('textDocument/didOpen', {
        textDocument: { uri, languageId: 'typescript', version: 1, text: "import { readFileSync } from 'node:fs';\nexport async function f(p: string) {\n  return readFileSync(p);\n}\n" },
      });
      const answer = (await client.request('textDocument/diagnostic', { textDocument: { uri } })) as { items: unknown[] };
      expect(answer.items).toHaveLength(1);
      await client.waitFor('the first answer logged', () => (client.logs.some((line: string) => line.includes('first answer:')) ? true : undefined));
      const written = await filesUnder(cache);
      if (hasCompileCache) expect(written?.length ?? 0).toBeGreaterThan(0);
      else expect(written).toBeUndefined();
      expect(client.exited).toBe(false);
    } finally {
      await client.stop();
    }
  });
});
