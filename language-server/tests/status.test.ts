/**
 * What the server says about each analysis: the `unblock/status` of a result handed back unchanged (cached) says
 * so, and the log counts findings in proper English (the VS Code item's words: tests/vscode-status.test.ts).
 */
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusParams } from '../src/protocol.js';
import { copyFixture, ensureBuilt, fixturesDir, removeFixture, TestClient, uriOf } from './helpers/client.js';

beforeAll(ensureBuilt, 120_000);

describe('unblock/status and the analysis log', () => {
  let project: string;
  let client: TestClient;

  beforeAll(async () => {
    project = await copyFixture(path.join(fixturesDir, 'project'));
    client = await TestClient.start({ workspaceFolder: project, pull: true, settings: { trace: 'verbose' } });
  });
  afterAll(async () => {
    await client?.stop();
    await removeFixture(project);
  });

  it('marks a result handed back unchanged as cached, and an analysis that ran as not cached', async () => {
    const uri = uriOf(path.join(project, 'src', 'status.ts'));
    await client.open(uri, "import { readFileSync } from 'node:fs';\nexport async function f(p: string) {\n  return readFileSync(p);\n}\n");
    expect(await client.pull(uri)).toHaveLength(1);
    expect(await client.pull(uri)).toHaveLength(1);
    const statuses = client.statuses.filter((status) => status.uri === uri) as (StatusParams | undefined)[];
    expect(statuses).toHaveLength(2);
    expect(statuses[0]).toMatchObject({ state: 'ok', findings: 1 });
    expect(statuses[0]?.cached).toBeUndefined();
    expect(statuses[1]).toMatchObject({ state: 'ok', findings: 1, cached: true });
  });

  it('counts findings in the log as "1 finding", "2 findings"', async () => {
    const uri = uriOf(path.join(project, 'src', 'counted.ts'));
    const one = "import { readFileSync } from 'node:fs';\nexport async function f(p: string) {\n  return readFileSync(p);\n}\n";
    await client.open(uri, one);
    await client.pull(uri);
    await client.change(uri, 2, `${one}export async function g(p: string) {\n  return readFileSync(p);\n}\n`);
    await client.pull(uri);
    // "analysed <file> in N ms (…)", or "analysing <file> took N ms (…)" when it was slow.
    const analysed = client.logs.filter((line) => /analys(ed|ing) \S+counted\.ts (in|took) \d+ ms/.test(line));
    expect(analysed).toEqual([expect.stringMatching(/\(1 finding\)$/), expect.stringMatching(/\(2 findings\)$/)]);
  });
});
