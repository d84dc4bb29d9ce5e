// The language-server soak's loop: drives a server with the seeded edits of soak-edits.mjs (typing, pulls racing
// edits or cancelled, code actions), checks every answer for staleness and, at checkpoints, against a fresh server;
// and `soakDriver`, the loop's view of the shared LSP client (scripts/lib/lsp-client.mjs). Shared by
// scripts/bench/lsp-soak.mjs (2,000 edits, RSS) and language-server/tests/soak.test.ts (a shorter slice).
import * as path from 'node:path';
import { CancellationTokenSource, uriOf } from '../lib/lsp-client.mjs';
import { Random } from '../lib/random.mjs';
import { defaultEdits, defaultSeed, positionAt, SoakEditor, soakOpenFiles } from './soak-edits.mjs';

// ---------------------------------------------------------------------------------------------------------------
// Diagnostics comparison
// ---------------------------------------------------------------------------------------------------------------

/** What must match between two servers: range, code and message (sorted: equal positions have no fixed order). */
export function diagnosticKeys(items) {
  const at = (position) => `${position.line + 1}:${position.character + 1}`;
  return items.map((item) => `${at(item.range.start)}-${at(item.range.end)} ${String(item.code)} ${item.message}`).sort();
}

/** Per file, the diagnostics only `actual` has (stale) and only `expected` has (missing). */
export function compareDiagnostics(actual, expected) {
  const differences = [];
  for (const [file, items] of expected) {
    const want = diagnosticKeys(items);
    const got = diagnosticKeys(actual.get(file) ?? []);
    const stale = got.filter((key) => !want.includes(key));
    const missing = want.filter((key) => !got.includes(key));
    for (const key of stale) differences.push({ file, kind: 'stale', key });
    for (const key of missing) differences.push({ file, kind: 'missing', key });
  }
  return differences;
}

// ---------------------------------------------------------------------------------------------------------------
// The soak loop
// ---------------------------------------------------------------------------------------------------------------

const cancelledCodes = new Set([-32800, -32802]); // RequestCancelled, ServerCancelled
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.now();

/**
 * Drives a server with `edits` generated edits of the open files of the soak project (already on disk, opened
 * here). After an edit: keep typing, pull the edited file (sometimes with edits racing the pull, sometimes
 * cancelled), pull every open file (also when the server asked for a refresh), or ask for code actions.
 *
 * `driver`: `open(file, text, version)`, `change(file, version, changes)`, `pull(file, previousResultId, { cancel })`
 * → a DocumentDiagnosticReport (rejects with the response error), `codeActions(file, range, diagnostics, only)`,
 * `takeRefresh()` (a refresh was asked for since the last call), `alive()`, `loggedErrors()` (error log lines).
 * `fresh(texts)`: a new server's diagnostics of these texts (Map file → Diagnostic[]), the reference at each
 * checkpoint (every `checkpointEvery` edits and after the last). `settleAt`: edit indexes after which (and after
 * the last edit) the loop settles (pending answers in, every file pulled, `settleMs` idle) and calls
 * `onSettled(label, index)`, for memory readings.
 */
export async function runSoak({
  driver,
  fresh,
  seed = defaultSeed,
  edits = defaultEdits,
  checkpointEvery = Infinity,
  settleAt = [],
  settleMs = 0,
  onSettled = async () => {},
  onProgress = () => {},
}) {
  const editor = new SoakEditor({ seed });
  const schedule = new Random(seed ^ 0x5c4ed);
  // Choices that depend on the server's answers (which diagnostic to ask code actions for) use their own
  // generator, so they never shift the edits.
  const answers = new Random(seed ^ 0xa115);
  const result = {
    seed,
    edits: 0,
    kinds: {},
    pulls: 0,
    unchanged: 0,
    pullMs: [],
    cancelled: 0,
    codeActions: 0,
    errors: [],
    stalePulls: [],
    checkpoints: [],
    texts: editor.texts,
    finalDiagnostics: new Map(),
  };
  /** The client's view per file: the last report's result id and items. */
  const views = new Map();
  let racing = [];
  let raceEdits = 0;
  let index = 0;

  const pull = async (file, { quiet = true, cancel = false } = {}) => {
    const previous = views.get(file);
    const started = now();
    result.pulls++;
    try {
      const report = await driver.pull(file, previous?.resultId, { cancel });
      if (report?.kind === 'unchanged' && previous && report.resultId === previous.resultId) {
        views.set(file, previous);
        result.unchanged++;
        if (quiet && !cancel) {
          // "Unchanged" keeps what the client shows: check it against a full report of the same version.
          const full = await driver.pull(file, undefined, { cancel: false });
          const [kept, current] = [diagnosticKeys(previous.items), diagnosticKeys(full.items ?? [])];
          if (kept.join('\n') !== current.join('\n')) {
            result.stalePulls.push(
              `seed ${seed}, edit ${index}: ${file}: answered "unchanged" (result ${previous.resultId}), but a full pull differs: ` +
                `kept [${kept.filter((key) => !current.includes(key)).join('; ')}], missing [${current.filter((key) => !kept.includes(key)).join('; ')}]`,
            );
          }
          views.set(file, { resultId: full.resultId, items: full.items ?? [] });
        }
      } else if (report?.kind === 'full' && Array.isArray(report.items)) {
        views.set(file, { resultId: report.resultId, items: report.items });
      } else {
        result.errors.push(`seed ${seed}, edit ${index}: ${file}: unexpected diagnostic report ${JSON.stringify(report)?.slice(0, 200)}`);
        return;
      }
      if (!quiet || cancel) return;
      if (index > 0) result.pullMs.push(now() - started); // not the first pulls, which load the project
      // Nothing was sent while this pull ran: its findings are for the current version.
      const version = editor.versions.get(file);
      const old = views.get(file).items.filter((item) => typeof item.data?.version === 'number' && item.data.version !== version);
      if (old.length > 0) {
        result.stalePulls.push(`seed ${seed}, edit ${index}: ${file}: a pull at version ${version} returned ${old.length} diagnostics of version ${old[0].data.version}`);
      }
    } catch (error) {
      if (cancelledCodes.has(error?.code)) result.cancelled++;
      else result.errors.push(`seed ${seed}, edit ${index}: textDocument/diagnostic of ${file} failed: ${error?.message ?? error}`);
    }
  };
  const awaitRacing = async () => {
    await Promise.all(racing);
    racing = [];
  };
  const pullAll = async () => {
    await awaitRacing();
    driver.takeRefresh();
    for (const file of soakOpenFiles) await pull(file);
    return new Map(soakOpenFiles.map((file) => [file, views.get(file)?.items ?? []]));
  };
  const codeActions = async (file) => {
    const text = editor.texts.get(file);
    const items = views.get(file)?.items ?? [];
    const diagnostic = items.length > 0 ? answers.pick(items) : undefined;
    const at = positionAt(text, answers.int(0, text.length));
    const range = diagnostic?.range ?? { start: at, end: at };
    const only = answers.chance(0.2) ? ['source.fixAll.unblock'] : undefined;
    result.codeActions++;
    try {
      const actions = await driver.codeActions(file, range, diagnostic ? [diagnostic] : [], only);
      if (actions !== null && !Array.isArray(actions)) throw new Error(`not an array: ${JSON.stringify(actions).slice(0, 200)}`);
      // The actions are for the current text (nothing was sent meanwhile): their edits must lie inside it.
      const lines = text.split('\n');
      const inside = (position) => position.line < lines.length && position.character <= lines[position.line].length;
      for (const action of actions ?? []) {
        for (const edit of Object.values(action.edit?.changes ?? {}).flat()) {
          if (!inside(edit.range.start) || !inside(edit.range.end)) {
            result.errors.push(`seed ${seed}, edit ${index}: ${file}: code action "${action.title}" edits outside the text: ${JSON.stringify(edit.range)}`);
          }
        }
      }
    } catch (error) {
      result.errors.push(`seed ${seed}, edit ${index}: textDocument/codeAction of ${file} failed: ${error?.message ?? error}`);
    }
  };
  const checkpoint = async () => {
    const actual = await pullAll();
    const expected = await fresh(new Map(editor.texts));
    const differences = compareDiagnostics(actual, expected).map(
      (difference) =>
        `seed ${seed}, after edit ${index}: ${difference.file}: ` +
        `${difference.kind === 'stale' ? 'only the soaked server reports' : 'only a fresh server reports'} ${difference.key}`,
    );
    result.checkpoints.push({ index, differences });
    return actual;
  };
  const settle = async (label) => {
    await pullAll();
    await sleep(settleMs);
    await onSettled(label, index);
  };

  for (const file of soakOpenFiles) await driver.open(file, editor.texts.get(file), editor.versions.get(file));
  await pullAll();

  for (index = 1; index <= edits; index++) {
    if (!driver.alive()) {
      result.errors.push(`seed ${seed}: the server exited before edit ${index}`);
      break;
    }
    const edit = editor.nextEdit();
    result.kinds[edit.kind] = (result.kinds[edit.kind] ?? 0) + 1;
    await driver.change(edit.file, edit.version, edit.changes);
    result.edits = index;
    onProgress(index);

    if (raceEdits > 0 && --raceEdits === 0) await awaitRacing();
    if (raceEdits === 0) {
      // What the editor does now: mostly nothing while typing, a pull after most other edits.
      const next = schedule.weighted(
        editor.isTyping
          ? { type: 75, pull: 20, race: 5 }
          : { type: 25, pull: 45, 'pull-all': 10, race: 8, cancel: 4, 'code-action': 8 },
      );
      if (next === 'pull' || next === 'code-action') {
        if (driver.takeRefresh()) await pullAll();
        else await pull(edit.file);
        if (next === 'code-action') await codeActions(edit.file);
      } else if (next === 'pull-all') {
        await pullAll();
      } else if (next === 'race') {
        // The pull is answered while the next edits arrive.
        racing.push(pull(edit.file, { quiet: false }));
        raceEdits = schedule.int(1, 3);
      } else if (next === 'cancel') {
        await pull(edit.file, { cancel: true });
      }
    }
    if (index % checkpointEvery === 0 && index < edits) await checkpoint();
    if (settleAt.includes(index) && index < edits) await settle('warm-up');
  }
  index = result.edits;
  await settle('end');
  result.finalDiagnostics = await checkpoint();
  result.errors.push(...driver.loggedErrors().map((line) => `seed ${seed}: the server logged an error: ${line}`));
  if (!driver.alive()) result.errors.push(`seed ${seed}: the server exited during the soak`);
  return result;
}

/** The soak's `driver` over an LSP client (scripts/lib/lsp-client.mjs) of a server whose workspace is `dir`. */
export function soakDriver(client, dir, { timeoutMs = 60_000 } = {}) {
  const uri = (file) => uriOf(path.join(dir, file));
  let refreshes = client.refreshRequests;
  return {
    open: (file, text, version) => client.notify('textDocument/didOpen', { textDocument: { uri: uri(file), languageId: 'typescript', version, text } }),
    change: (file, version, contentChanges) => client.notify('textDocument/didChange', { textDocument: { uri: uri(file), version }, contentChanges }),
    pull: (file, previousResultId, { cancel }) => {
      const source = new CancellationTokenSource();
      const params = { textDocument: { uri: uri(file) }, ...(previousResultId && { previousResultId }) };
      const answer = client.request('textDocument/diagnostic', params, { timeoutMs, token: source.token, what: `textDocument/diagnostic of ${file}` });
      if (cancel) setImmediate(() => source.cancel());
      return answer;
    },
    codeActions: (file, range, diagnostics, only) =>
      client.request('textDocument/codeAction', { textDocument: { uri: uri(file) }, range, context: { diagnostics, ...(only && { only }) } }, { timeoutMs }),
    takeRefresh: () => {
      const asked = client.refreshRequests > refreshes;
      refreshes = client.refreshRequests;
      return asked;
    },
    alive: () => !client.exited,
    loggedErrors: () => client.errorLogs,
  };
}
