/**
 * The first file opened in a fresh VS Code: when unblock's first squiggle appears, and when TypeScript's own (a type
 * error in the same file), both timed from the same moment (Enter in quick open) and printed with the steps between,
 * read from the editor's and the server's logs (all wall-clock times of this machine): the extension host, the
 * extensions' activation, unblock's server (process start, initialize, didOpen, pull, settings, ESLint config, first
 * answer), TypeScript's server start. No timed assertion. The file is a copy of the demo app's config.ts with a type
 * error added after its imports (or any project's file with an async function that blocks and a type error added at
 * its top), opened before anything else and closed after. With the squiggle-floor test extension installed
 * (floor-extension/), also when the editor draws a squiggle that an extension sets the moment the file opens: the
 * least any extension's squiggle can take in this editor, on this machine.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { rm } from 'node:fs/promises';
import * as path from 'node:path';
import { languageStatusWhen, listFiles, log, openFile, runCommand, until } from './helpers.mjs';

/** The demo app's first file: where it is, and the lines unblock's squiggle and TypeScript's are expected on. */
export const demoFirstFile = {
  relativePath: 'src/routes/first-open.ts',
  unblockLine: /config = JSON\.parse\(fs\.readFileSync\(CONFIG_PATH/,
  typescriptLine: /firstOpenTypeError: number/,
};
/** The line the squiggle-floor extension marks (floor-extension/): its squiggle is the earliest any can be drawn. */
const floorLine = '// squiggle-floor: the test extension marks this line the moment the file opens';

/**
 * tests/e2e/floor-extension packaged as a .vsix (in `dir`): installed beside unblock's, it adds an error diagnostic
 * on the `squiggle-floor` line as the file opens — what the editor itself takes to draw a squiggle.
 */
export function packageFloorExtension(root, dir) {
  const source = path.join(dir, 'floor-extension');
  fs.cpSync(path.join(root, 'tests', 'e2e', 'floor-extension'), source, { recursive: true });
  const vsix = path.join(dir, 'squiggle-floor.vsix');
  const vsce = path.join(root, 'node_modules', '.bin', 'vsce');
  const result = spawnSync(vsce, ['package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '-o', vsix], { cwd: source, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`vsce package (squiggle-floor) failed: ${result.stderr || result.stdout}`);
  return vsix;
}

/** Writes the file into the workspace (before the workbench opens: quick open finds it). */
export function writeFirstFile(workspace, configSource) {
  const text = configSource.replace("const CONFIG_PATH = join(DATA_DIR, 'config.json');", `const CONFIG_PATH = join(DATA_DIR, 'config.json');\nexport const firstOpenTypeError: number = 'not a number';\n${floorLine}`);
  fs.writeFileSync(path.join(workspace, demoFirstFile.relativePath), text);
}

/**
 * Any project's first file: a copy of `source` (relative to the workspace) beside it, named `name`, with an async
 * function that blocks, a type error and the floor's line added at its top (on screen as it opens). Returns it as
 * `demoFirstFile` is.
 */
export function writeMarkedCopy(workspace, source, name = 'unblock-first-open.ts') {
  const relativePath = path.join(path.dirname(source), name);
  const added = [
    "import { readFileSync as firstOpenReadFileSync } from 'node:fs';",
    "export async function firstOpenBlocking(): Promise<string> { return firstOpenReadFileSync('first-open.txt', 'utf8'); }",
    "export const firstOpenTypeError: number = 'not a number';",
    floorLine,
    '',
  ].join('\n');
  fs.writeFileSync(path.join(workspace, relativePath), added + fs.readFileSync(path.join(workspace, source), 'utf8'));
  return { relativePath, unblockLine: /return firstOpenReadFileSync\('first-open\.txt'/, typescriptLine: /firstOpenTypeError: number/ };
}

/**
 * Prints and returns `{ unblockMs, typescriptMs, floorMs, steps }`, from pressing Enter to open the file (undefined:
 * none in 120 s; `floorMs` with `withFloor`, the squiggle-floor extension installed; no `typescriptMs` when not
 * `withTypeScript`: not waited for); `steps`: [what, ms after Enter] from the logs under `userData` (when given);
 * `label` says when it opened; `file`: what `writeFirstFile` (the default) or `writeMarkedCopy` wrote.
 */
export async function firstSquiggles(page, workspace, userData, { label = 'the first file opened', file = demoFirstFile, withFloor = false, withTypeScript = true, withStatus = false } = {}) {
  const { relativePath, unblockLine, typescriptLine } = file;
  let entered = 0;
  await openFile(page, relativePath, { onEnter: () => (entered = Date.now()) });
  const editorShownMs = Date.now() - entered;
  const when = (what, line) =>
    squiggleShown(page, relativePath, line, 120_000).then(
      (at) => at - entered,
      (error) => log(`no ${what}: ${error.message.split('\n')[0]}`),
    );
  const unblockSquiggle = when('unblock squiggle', unblockLine);
  // withStatus: what the language status says as soon as unblock's squiggle is drawn (types still loading).
  const loadingStatus = withStatus && unblockSquiggle.then(() => statusWhen(page, entered, /unblock:/, 10_000));
  const [unblockMs, typescriptMs, floorMs] = await Promise.all([
    unblockSquiggle,
    withTypeScript ? when('TypeScript squiggle', typescriptLine) : undefined,
    withFloor ? when('squiggle-floor squiggle', /squiggle-floor:/) : undefined,
  ]);
  const ratio = unblockMs !== undefined && typescriptMs ? ` (${(unblockMs / typescriptMs).toFixed(2)}× TypeScript's)` : '';
  const gap = unblockMs === undefined || floorMs === undefined ? undefined : unblockMs - floorMs;
  const relative = gap === undefined ? '—' : gap >= 0 ? `${gap} ms after it` : `${-gap} ms before it`;
  const floor = floorMs === undefined ? '' : `; the floor (a squiggle set by an extension as the file opens) ${floorMs} ms: unblock ${relative}`;
  console.log(`FIRST SQUIGGLE of ${label} (${relativePath}): unblock ${unblockMs ?? '—'} ms${ratio}, TypeScript ${typescriptMs ?? '—'} ms after opening${floor}`);
  const steps = [
    ['editor shown', editorShownMs],
    ...(userData ? await stepsFromLogs(userData, entered) : []),
    ['unblock squiggle on screen', unblockMs],
    ['TypeScript squiggle on screen', typescriptMs],
    ['squiggle-floor squiggle on screen', floorMs],
  ].filter(([, ms]) => ms !== undefined);
  console.log('  timeline, ms after Enter opened the file (negative: before):');
  for (const [what, ms] of steps.sort((a, b) => a[1] - b[1])) console.log(`    ${String(Math.round(ms)).padStart(7)}  ${what}`);
  const typed = /unblock: (\d+ blocking calls?|no blocking calls)/;
  const status = withStatus ? { whileLoading: await loadingStatus, typed: await statusWhen(page, entered, typed, 60_000) } : undefined;
  await runCommand(page, 'View: Close Editor');
  await rm(path.join(workspace, relativePath));
  return { unblockMs, typescriptMs, floorMs, steps, status };
}

/** What the language status says once it matches `pattern` (up to `ms`), and when it was read (ms after `entered`). */
async function statusWhen(page, entered, pattern, ms) {
  const text = await languageStatusWhen(page, pattern, ms);
  return { text, ms: Date.now() - entered };
}

/** The wall-clock time (ms) at which an error squiggle is first drawn on the line of the editor matching `line`. */
function squiggleShown(page, file, line, timeout) {
  return page.waitForFunction(
    ({ file, source }) => {
      const editor = document.querySelector(`.editor-instance .monaco-editor[data-uri$="${file}"]`);
      const pattern = new RegExp(source);
      const row = editor && [...editor.querySelectorAll('.view-line')].find((element) => pattern.test(element.textContent.replace(/\u00a0/g, ' ')));
      if (!row) return false;
      const { top, bottom } = row.getBoundingClientRect();
      const drawn = [...editor.querySelectorAll('.squiggly-error')].some((squiggle) => {
        const box = squiggle.getBoundingClientRect();
        return box.width > 0 && box.top + box.height / 2 > top && box.top + box.height / 2 < bottom;
      });
      return drawn && Date.now();
    },
    { file, source: line.source },
    { polling: 'raf', timeout },
  ).then((handle) => handle.jsonValue());
}

/**
 * [what, ms after `entered`] from the logs: the extension host's start and the activations (its log), TypeScript's
 * server start (its log), and unblock's server steps (the server's `first answer:` line in the Unblock output).
 */
async function stepsFromLogs(userData, entered) {
  const logs = path.join(userData, 'logs');
  const read = (pattern) => listFiles(logs).filter((file) => pattern.test(file)).map((file) => fs.readFileSync(file, 'utf8')).join('\n');
  const firstAnswer = /\[unblock\] first answer: .*? \+(\d+) ms after the process started at (\S+) \(([^)]*); (\d+) ms of CPU time\)/;
  const unblockLog = await until('the server\'s "first answer" line in the Unblock output', 15_000, () => {
    const text = read(/Unblock\.log$/);
    return firstAnswer.test(text) && text;
  }).catch(() => '');
  const answer = firstAnswer.exec(unblockLog);
  const hostLog = read(/(remote)?exthost\.log$/);
  const logTime = (text, pattern) => {
    const match = new RegExp(`^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}) .*${pattern}`, 'm').exec(text);
    return match ? new Date(match[1].replace(' ', 'T')).getTime() - entered : undefined;
  };
  const steps = [
    ['extension host started', logTime(hostLog, 'Extension host with pid \\d+ started')],
    ['unblock extension activated', logTime(hostLog, '_doActivateExtension unblock-dev\\.unblock-vscode,')],
    ['TypeScript extension activated', logTime(hostLog, '_doActivateExtension vscode\\.typescript-language-features,')],
    ['TypeScript: "Starting TS Server"', logTime(read(/TypeScript\.log$/), 'Starting TS Server')],
  ];
  if (answer) {
    const started = new Date(answer[2]).getTime() - entered;
    steps.push(['unblock server process started', started]);
    for (const step of answer[3].split(', ')) {
      const [, name, at] = /^(.*) \+(\d+)$/.exec(step) ?? [];
      if (name) steps.push([`unblock server: ${name}`, started + Number(at)]);
    }
    steps.push([`unblock server: first answer sent (the server had used ${answer[4]} ms of CPU time)`, started + Number(answer[1])]);
    const typed = /\[unblock\] first typed answer: .*? \+(\d+) ms after the process started/.exec(unblockLog);
    if (typed) steps.push(['unblock server: first typed answer sent (types loaded)', started + Number(typed[1])]);
  } else {
    log('no "first answer" line in the Unblock output');
  }
  return steps.filter(([, ms]) => ms !== undefined);
}
