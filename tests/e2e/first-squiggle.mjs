/**
 * The first file opened in a fresh VS Code: when unblock's first squiggle appears, and when TypeScript's own (a type
 * error in the same file), both timed from the same moment (Enter in quick open) and printed with the steps between,
 * read from the editor's and the server's logs (all wall-clock times of this machine): the extension host, the
 * extensions' activation, unblock's server (process start, initialize, didOpen, pull, settings, ESLint config, first
 * answer), TypeScript's server start. No timed assertion. The file is a copy of the demo app's config.ts with a type
 * error added after its imports, opened before anything else and closed after.
 */
import * as fs from 'node:fs';
import { rm } from 'node:fs/promises';
import * as path from 'node:path';
import { listFiles, log, openFile, runCommand, until } from './helpers.mjs';

const relativePath = 'src/routes/first-open.ts';

/** Writes the file into the workspace (before the workbench opens: quick open finds it). */
export function writeFirstFile(workspace, configSource) {
  const text = configSource.replace("const CONFIG_PATH = join(DATA_DIR, 'config.json');", "const CONFIG_PATH = join(DATA_DIR, 'config.json');\nexport const firstOpenTypeError: number = 'not a number';");
  fs.writeFileSync(path.join(workspace, relativePath), text);
}

/**
 * Prints and returns `{ unblockMs, typescriptMs, steps }`, from pressing Enter to open the file (undefined: none in
 * 120 s); `steps`: [what, ms after Enter] from the logs under `userData` (when given).
 */
export async function firstSquiggles(page, workspace, userData) {
  let entered = 0;
  await openFile(page, relativePath, { onEnter: () => (entered = Date.now()) });
  const editorShownMs = Date.now() - entered;
  const when = (what, line) =>
    squiggleShown(page, relativePath, line, 120_000).then(
      (at) => at - entered,
      (error) => log(`no ${what}: ${error.message.split('\n')[0]}`),
    );
  const [unblockMs, typescriptMs] = await Promise.all([
    when('unblock squiggle', /config = JSON\.parse\(fs\.readFileSync\(CONFIG_PATH/),
    when('TypeScript squiggle', /firstOpenTypeError: number/),
  ]);
  const ratio = unblockMs !== undefined && typescriptMs ? ` (${(unblockMs / typescriptMs).toFixed(2)}× TypeScript's)` : '';
  console.log(`FIRST SQUIGGLE of the first file opened (${relativePath}): unblock ${unblockMs ?? '—'} ms${ratio}, TypeScript ${typescriptMs ?? '—'} ms after opening`);
  const steps = [
    ['editor shown', editorShownMs],
    ...(userData ? await stepsFromLogs(userData, entered) : []),
    ['unblock squiggle on screen', unblockMs],
    ['TypeScript squiggle on screen', typescriptMs],
  ].filter(([, ms]) => ms !== undefined);
  console.log('  timeline, ms after Enter opened the file (negative: before):');
  for (const [what, ms] of steps.sort((a, b) => a[1] - b[1])) console.log(`    ${String(Math.round(ms)).padStart(7)}  ${what}`);
  await runCommand(page, 'View: Close Editor');
  await rm(path.join(workspace, relativePath));
  return { unblockMs, typescriptMs, steps };
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
  const answer = await until('the server\'s "first answer" line in the Unblock output', 15_000, () => firstAnswer.exec(read(/Unblock\.log$/))).catch(() => undefined);
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
  } else {
    log('no "first answer" line in the Unblock output');
  }
  return steps.filter(([, ms]) => ms !== undefined);
}
