/**
 * Steady diagnostics while typing (pull clients): a flood of edits and pulls, some of them cancelled, next to flagged
 * lines whose text never changes. Every report the server answers must still hold those findings: a diagnostic the
 * edit cannot have changed stays until a newer result replaces it (an error that tells the client to pull again —
 * `ServerCancelled` — is fine; an empty or partial report is not).
 */
import * as path from 'node:path';
import { LSPErrorCodes, ResponseError, type DocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancellationTokenSource } from '../../scripts/lib/lsp-client.mjs';
import { copyFixture, ensureBuilt, fixturesDir, removeFixture, TestClient, uriOf } from './helpers/client.js';

beforeAll(ensureBuilt, 120_000);

const original = [
  "import { existsSync, readFileSync } from 'node:fs';",
  'export async function load(p: string) {',
  "  const text = readFileSync(p, 'utf8');",
  '  return text;',
  '}',
  'export async function check(p: string) {',
  '  return existsSync(p);',
  '}',
  // More flagged functions below, so that an analysis takes long enough for a pull to be cancelled while it runs.
  ...Array.from({ length: 150 }, (_, index) => `export async function more${index}(p: string) {\n  return existsSync(p) && readFileSync(p, 'utf8');\n}`),
  '',
].join('\n');
/** Typed at the end of line 3 (`const text = …`), after an Enter. */
const typed = '  const size = text.length + 1;';

/** The lines (0-based) of the flagged calls in `text`: the lines holding `readFileSync(` and `existsSync(p)`. */
function flaggedLines(text: string): number[] {
  return text.split('\n').flatMap((line, index) => (/readFileSync\(p|existsSync\(p\)/.test(line) ? (line.match(/Sync\(p/g) ?? []).map(() => index) : []));
}

interface Sent {
  readonly version: number;
  readonly answer: Promise<{ report: DocumentDiagnosticReport | ResponseError<unknown> }>;
}

describe('pull mode: a flood of edits and pulls next to flagged lines', () => {
  let project: string;
  let client: TestClient;

  beforeAll(async () => {
    project = await copyFixture(path.join(fixturesDir, 'project'));
    client = await TestClient.start({ workspaceFolder: project, pull: true, settings: {} });
  });
  afterAll(async () => {
    await client?.stop();
    await removeFixture(project);
  });

  it('never answers a report that drops a finding still in the text', async () => {
    const uri = uriOf(path.join(project, 'src', 'steady.ts'));
    const texts = new Map<number, string>();
    let version = 1;
    texts.set(version, original);
    await client.open(uri, original, 'typescript', version);
    const first = await client.pull(uri);
    expect(first.map((diagnostic) => diagnostic.range.start.line)).toEqual(flaggedLines(original));

    const sent: Sent[] = [];
        const pull = (cancel: 'no' | 'now' | 'soon') => {
      const source = new CancellationTokenSource();
      const answer = client
        .request('textDocument/diagnostic', { textDocument: { uri } }, { token: source.token })
        .then(
          (value) => value as DocumentDiagnosticReport,
          (error: unknown) => (error instanceof ResponseError ? error : Promise.reject(error)),
        )
        .then((report) => ({ report }));
      if (cancel === 'now') source.cancel();
      if (cancel === 'soon') setTimeout(() => source.cancel(), 5);
      sent.push({ version, answer });
    };
    const edit = async (start: number, end: number, insert: string) => {
      const before = texts.get(version)!;
      const text = before.slice(0, start) + insert + before.slice(end);
      const position = (offset: number) => {
        const lines = before.slice(0, offset).split('\n');
        return { line: lines.length - 1, character: lines.at(-1)!.length };
      };
      version++;
      texts.set(version, text);
      await client.change(uri, version, [{ range: { start: position(start), end: position(end) }, text: insert }]);
    };

    // Enter at the end of the flagged line, then type a new line key by key; pull after every key (as an editor
    // does), cancelling every other pull, some at once and some while the server works on them.
    const endOfFlagged = original.indexOf('\n', original.indexOf('readFileSync(p'));
    await edit(endOfFlagged, endOfFlagged, '\n');
    pull('no');
    for (let index = 0; index < typed.length; index++) {
      const at = endOfFlagged + 1 + index;
      await edit(at, at, typed[index]!);
      pull(index % 4 === 1 ? 'now' : index % 4 === 3 ? 'soon' : 'no');
      if (index % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // Pulls cancelled while the server works on them, one at a time.
    for (let index = 0; index < 10; index++) {
      const at = endOfFlagged + 1 + typed.length;
      await edit(at, at, ' ');
      pull(index % 2 === 0 ? 'soon' : 'no');
      await sent.at(-1)!.answer;
      await edit(at, at + 1, '');
    }
    // Undo the whole line at once and redo it, then undo key by key, then the Enter.
    const line = endOfFlagged + 1;
    await edit(line, line + typed.length, '');
    pull('soon');
    await edit(line, line, typed);
    pull('no');
    for (let index = typed.length - 1; index >= 0; index--) {
      const at = endOfFlagged + 1 + index;
      await edit(at, at + 1, '');
      pull(index % 3 === 0 ? 'soon' : 'no');
    }
    await edit(endOfFlagged, endOfFlagged + 1, '');
    pull('no');

    const problems: string[] = [];
    let fulls = 0;
    for (const { version: sentAt, answer: answered } of sent) {
      const { report: answer } = await answered;
      if (answer instanceof ResponseError) {
        if (answer.code !== LSPErrorCodes.ServerCancelled && answer.code !== LSPErrorCodes.RequestCancelled) {
          problems.push(`pull at version ${sentAt}: error ${answer.code} ${answer.message}`);
        }
        continue;
      }
      // A report that crossed the client's cancellation on its way is checked like any other.
      if (answer.kind !== 'full') continue;
      fulls++;
      const lines = answer.items.map((diagnostic) => diagnostic.range.start.line);
      // The report is for the version the pull was sent at, or a newer one: it must match one of them.
      const candidates = [...texts.entries()].filter(([at]) => at >= sentAt).map(([, text]) => flaggedLines(text));
      if (!candidates.some((expected) => JSON.stringify(expected) === JSON.stringify(lines))) {
        problems.push(`pull at version ${sentAt}: findings on lines ${JSON.stringify(lines)}, expected one of ${JSON.stringify(candidates.map(String).filter((x, i, all) => all.indexOf(x) === i))}`);
      }
    }
    expect(problems).toEqual([]);
    expect(fulls).toBeGreaterThan(0);
    // And the end state is the original text with its findings.
    expect((await client.pull(uri)).map((diagnostic) => diagnostic.range.start.line)).toEqual(flaggedLines(original));
  }, 60_000);

  it('answers a pull cancelled while the server works on it with ServerCancelled (retrigger), not with a report', async () => {
    const uri = uriOf(path.join(project, 'src', 'cancelled.ts'));
    await client.open(uri, original);
    expect(await client.pull(uri)).toHaveLength(flaggedLines(original).length);
    // The server asks for the file's settings (after a settings change) while it analyses: hold the answer until
    // the client has cancelled the pull, so the cancellation reaches the server in the middle of the analysis.
    let asked: () => void = () => undefined;
    const configurationAsked = new Promise<void>((resolve) => (asked = resolve));
    let answer: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (answer = resolve));
    client.connection.onRequest('workspace/configuration', async (params: { items: unknown[] }) => {
      asked();
      await released;
      return params.items.map(() => null);
    });
    await client.notify('workspace/didChangeConfiguration', { settings: {} });
    const source = new CancellationTokenSource();
    const report = client.request('textDocument/diagnostic', { textDocument: { uri } }, { token: source.token }).then(
      (value) => value as DocumentDiagnosticReport,
      (error: unknown) => error,
    );
    await configurationAsked;
    source.cancel();
    await new Promise((resolve) => setTimeout(resolve, 100));
    answer();
    const answered = await report;
    expect(answered).toBeInstanceOf(ResponseError);
    expect(answered).toMatchObject({ code: LSPErrorCodes.ServerCancelled, data: { retriggerRequest: true } });
    // Asked again, the findings are all there.
    expect(await client.pull(uri)).toHaveLength(flaggedLines(original).length);
  }, 60_000);
});
