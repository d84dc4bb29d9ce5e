/**
 * The open buffer is the truth until it is closed: an open file deleted on disk keeps its diagnostics and gets new
 * ones on later edits; a file opened from outside the workspace folders leaves nothing behind once closed.
 */
import { rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { FileChangeType } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, ensureBuilt, fixturesDir, removeFixture, TestClient, uriOf } from './helpers/client.js';

beforeAll(ensureBuilt, 120_000);

const oneCall = "import { readFileSync } from 'node:fs';\nexport async function f(p: string) {\n  return readFileSync(p);\n}\n";

describe('an open file deleted on disk', () => {
  let project: string;
  let client: TestClient;

  beforeAll(async () => {
    project = await copyFixture(path.join(fixturesDir, 'project'));
    client = await TestClient.start({ workspaceFolder: project, pull: true });
  });
  afterAll(async () => {
    await client?.stop();
    await removeFixture(project);
  });

  it('keeps its diagnostics, and gets new ones on later edits', async () => {
    const fileName = path.join(project, 'src', 'deleted.ts');
    const uri = uriOf(fileName);
    await writeFile(fileName, oneCall);
    await client.open(uri, oneCall);
    expect(await client.pull(uri)).toHaveLength(1);

    await rm(fileName);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: FileChangeType.Deleted }] });
    expect(await client.pull(uri)).toHaveLength(1);

    await client.change(uri, 2, `${oneCall}export async function g(p: string) {\n  return readFileSync(p, 'utf8');\n}\n`);
    expect(await client.pull(uri)).toHaveLength(2);
  });
});
