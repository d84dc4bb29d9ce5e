/** The server outlives bad input: malformed messages, unknown methods, odd notifications, huge files, lost configs. */
import { rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { DiagnosticSeverity, FileChangeType } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, diagnosticLines, ensureBuilt, expectedMarkers, fixturesDir, readText, removeFixture, TestClient, uriOf, withDeadline } from './helpers/client.js';

beforeAll(ensureBuilt, 120_000);

/** A cheap request that must be answered: proof the server still works. */
async function answers(client: TestClient): Promise<void> {
  const uri = 'file:///nowhere/not-open.ts';
  const actions = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, []);
  expect(actions).toEqual([]);
  expect(client.exitCode).toBeUndefined();
}

describe('bad messages', () => {
  let project: string;
  let client: TestClient;

  beforeAll(async () => {
    project = await copyFixture(path.join(fixturesDir, 'project'));
    client = await TestClient.start({ workspaceFolder: project });
  });
  afterAll(async () => {
    await client?.stop();
    await removeFixture(project);
  });

  it('survives malformed JSON-RPC: invalid JSON, a message that is neither request nor notification', async () => {
    const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    await client.writeRaw(frame('{ this is not JSON'));
    await client.writeRaw(frame('{"jsonrpc":"2.0"}'));
    await client.writeRaw(frame('[1, 2, 3]'));
    await answers(client);
  });

  it('answers unknown requests with MethodNotFound and ignores unknown notifications', async () => {
    await client.connection.sendNotification('unblock/noSuchNotification', { x: 1 });
    await expect(withDeadline(client.connection.sendRequest('unblock/noSuchRequest', {}), 5_000, 'unblock/noSuchRequest')).rejects.toMatchObject({
      code: -32601,
    });
    await answers(client);
  });

  it('answers a request without its params with Invalid params, survives a notification whose handler throws, and lives on', async () => {
    // No textDocument: Invalid params (protocol-errors.test.ts has the other methods and fields).
    await expect(withDeadline(client.connection.sendRequest('textDocument/codeAction', {}), 5_000, 'a broken codeAction')).rejects.toMatchObject({
      code: -32602,
    });
    await client.connection.sendNotification('textDocument/didOpen', {});
    await answers(client);
    expect(client.errorLogs.some((line) => line.includes('textDocument/didOpen failed'))).toBe(true);
  });

  it('ignores (and logs) didChange of a document that is not open', async () => {
    const uri = uriOf(path.join(project, 'src', 'never-opened.ts'));
    await client.change(uri, 2, 'export {};');
    await client.waitFor('the log line about the unopened document', () => client.logs.find((line) => line.includes(`ignored a change of ${uri}`)));
    await answers(client);
    expect(client.published.some((params) => params.uri === uri)).toBe(false);
  });

  it('skips a 5 MB file with one information diagnostic saying why, and stays responsive', async () => {
    const uri = uriOf(path.join(project, 'src', 'huge.ts'));
    const line = "  readFileSync('/etc/hostname', 'utf8'); // a blocking call, many times over\n";
    const text = `import { readFileSync } from 'node:fs';\nexport async function huge() {\n${line.repeat(Math.ceil((5 * 1024 * 1024) / line.length))}}\n`;
    expect(text.length).toBeGreaterThan(5 * 1024 * 1024);
    const started = Date.now();
    await client.open(uri, text);
    const diagnostics = await client.waitForPublished(uri, 1, 10_000);
    expect(diagnostics).toEqual([
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        source: 'unblock',
        code: 'file-too-large',
        message: 'unblock did not analyse this file: it is 5 MB, over the 2 MB limit (setting unblock.maxFileSize).',
      },
    ]);
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// edited\n' }]);
    expect(await client.waitForPublished(uri, 2, 10_000)).toHaveLength(1);
    await answers(client);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(client.logs.filter((entry) => entry.includes('skipped') && entry.includes('huge.ts'))).toHaveLength(1);
  });
});

describe('configs that change under the server', () => {
  it('falls back to an inferred project when tsconfig.json is deleted (no file watching: mtime check)', async () => {
    // In the temp folder: no tsconfig.json above it to fall back to (nor @types/node: the bundled one serves).
    const project = await copyFixture(path.join(fixturesDir, 'project'), 'tmp');
    const client = await TestClient.start({ workspaceFolder: project });
    try {
      const main = path.join(project, 'src', 'main.ts');
      const text = await readText(main);
      await client.open(uriOf(main), text);
      expect(diagnosticLines(await client.waitForPublished(uriOf(main), 1))).toEqual(expectedMarkers(text));
      await rm(path.join(project, 'tsconfig.json'));
      await client.change(uriOf(main), 2, `${text}// edited\n`);
      expect(diagnosticLines(await client.waitForPublished(uriOf(main), 2))).toEqual(expectedMarkers(text));
      expect(client.logs.some((line) => line.includes('tsconfig.json was deleted'))).toBe(true);
      expect(client.logs.some((line) => line.includes('created the inferred project'))).toBe(true);
      await answers(client);
    } finally {
      await client.stop();
      await removeFixture(project);
    }
  });

  it('reloads on workspace/didChangeWatchedFiles when the client watches files', async () => {
    const project = await copyFixture(path.join(fixturesDir, 'project'));
    const client = await TestClient.start({
      workspaceFolder: project,
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
    });
    try {
      const main = path.join(project, 'src', 'main.ts');
      await client.open(uriOf(main), await readText(main));
      expect(await client.waitForPublished(uriOf(main), 1)).toHaveLength(2);
      // The config now leaves crypto's types out: `types: []` and no @types/node → the bundled one is used.
      const tsconfig = path.join(project, 'tsconfig.json');
      await writeFile(tsconfig, (await readText(tsconfig)).replace('"types": ["node"]', '"types": []'));
      const before = client.published.length;
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(tsconfig), type: FileChangeType.Changed }] });
      await client.waitFor('diagnostics published again', () => (client.published.length > before ? true : undefined));
      expect(client.published.at(-1)?.diagnostics).toHaveLength(2);
      expect(client.logs.filter((line) => line.includes('loaded') && line.includes('tsconfig.json'))).toHaveLength(2);
      expect(client.logs.some((line) => line.includes("using the language server's bundled @types/node"))).toBe(true);
    } finally {
      await client.stop();
      await removeFixture(project);
    }
  });
});

describe('a loose file outside any project, with no @types/node around', () => {
  let folder: string;
  let client: TestClient;

  beforeAll(async () => {
    folder = await copyFixture(path.join(fixturesDir, 'loose'), 'tmp');
    client = await TestClient.start({ workspaceFolder: folder, capabilities: { window: { workDoneProgress: true } } });
  });
  afterAll(async () => {
    await client?.stop();
    await removeFixture(folder);
  });

  it('is analysed in an inferred project with the bundled @types/node (logged once)', async () => {
    const script = path.join(folder, 'script.mjs');
    const text = await readText(script);
    await client.open(uriOf(script), text, 'javascript');
    expect(diagnosticLines(await client.waitForPublished(uriOf(script), 1))).toEqual(expectedMarkers(text));
    await client.change(uriOf(script), 2, `${text}\n`);
    await client.waitForPublished(uriOf(script), 2);
    expect(client.logs.filter((line) => line.includes("using the language server's bundled @types/node"))).toHaveLength(1);
  });

  it('reported progress while the project loaded', () => {
    expect(client.progressCreated).toHaveLength(1);
    expect(client.progress.map((entry) => entry.value.kind)).toEqual(['begin', 'report', 'end']);
    expect(client.progress.every((entry) => entry.token === client.progressCreated[0])).toBe(true);
  });
});

/**
 * A tsconfig.json that points nowhere: the open file is still analysed (with the config's own options, or in an
 * inferred project), the server lives on, and its log names the config with TypeScript's own words for the
 * problem, once per load rather than on every analysis.
 */
describe('a tsconfig.json that points nowhere', () => {
  const fixtureConfig = path.join(fixturesDir, 'project', 'tsconfig.json');
  const cases: {
    name: string;
    tsconfig: (compilerOptions: unknown) => string;
    reported: RegExp;
    /** The log line names this file (relative to the project): the broken config, or the missing one it names. */
    named: string;
  }[] = [
    {
      name: '"extends" names a missing base config',
      tsconfig: (compilerOptions) => JSON.stringify({ extends: './missing-base.json', compilerOptions, include: ['src'] }),
      reported: /Cannot read file '.*missing-base\.json'/,
      named: 'tsconfig.json',
    },
    {
      name: '"files" lists a file that does not exist (the open file is not listed)',
      tsconfig: (compilerOptions) => JSON.stringify({ compilerOptions, files: ['src/does-not-exist.ts'] }),
      reported: /File '.*src\/does-not-exist\.ts' not found/,
      named: 'tsconfig.json',
    },
    {
      name: '"include" matches nothing (the open file is not matched)',
      tsconfig: (compilerOptions) => JSON.stringify({ compilerOptions, include: ['nothing/**/*'] }),
      reported: /No inputs were found in config file/,
      named: 'tsconfig.json',
    },
    {
      name: 'it is not valid JSON (a comma missing)',
      tsconfig: (compilerOptions) => `{\n  "compilerOptions": ${JSON.stringify(compilerOptions)}\n  "include": ["src"]\n}\n`,
      reported: /',' expected/,
      named: 'tsconfig.json',
    },
    {
      name: '"references" names a project that does not exist (a solution-style config)',
      tsconfig: (compilerOptions) => JSON.stringify({ compilerOptions, files: [], references: [{ path: './missing-project' }] }),
      reported: /cannot read .*missing-project\/tsconfig\.json: Cannot read file/,
      named: 'missing-project/tsconfig.json',
    },
  ];

  for (const { name, tsconfig, reported, named } of cases) {
    describe(name, () => {
      let project: string;
      let client: TestClient;
      let pulled: string[][];
      let expected: string[];

      beforeAll(async () => {
        // In the temp folder: no tsconfig.json above the broken one that the server could quietly use instead.
        project = await copyFixture(path.join(fixturesDir, 'project'), 'tmp');
        const { compilerOptions } = JSON.parse(await readText(fixtureConfig)) as { compilerOptions: unknown };
        await writeFile(path.join(project, 'tsconfig.json'), tsconfig(compilerOptions));
        client = await TestClient.start({ pull: true, workspaceFolder: project });
        const main = path.join(project, 'src', 'main.ts');
        const text = await readText(main);
        expected = expectedMarkers(text);
        await client.open(uriOf(main), text);
        pulled = [diagnosticLines(await client.pull(uriOf(main)))];
        await client.change(uriOf(main), 2, `${text}// edited\n`);
        pulled.push(diagnosticLines(await client.pull(uriOf(main))));
      });
      afterAll(async () => {
        await client?.stop();
        await removeFixture(project);
      });

      it('answers diagnostic pulls with the blocking calls, before and after an edit, and lives on', async () => {
        expect(pulled).toEqual([expected, expected]);
        await answers(client);
      });

      it('logs the problem once, naming the config', () => {
        const mentions = client.logs.filter((line) => reported.test(line));
        expect(mentions, `one log line matching ${String(reported)}; the log:\n${client.logs.join('\n')}`).toHaveLength(1);
        expect(mentions[0]).toContain(path.join(project, named));
      });

      it('loads the project once, not again on each edit', () => {
        const loads = client.logs.filter((line) => line.startsWith('[unblock] loaded '));
        expect(loads, client.logs.join('\n')).toHaveLength(1);
      });
    });
  }
});
