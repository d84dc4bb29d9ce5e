#!/usr/bin/env node
// Editor-latency benchmark of unblock-language-server against the ESLint language server (vscode-eslint's
// server from vscode-langservers-extracted) running unblock's rules with typescript-eslint type information, on
// the same project and the same edits.
//
// The project is a temporary copy of eslint@10's lib/ (389 files, CommonJS JavaScript) with its own tsconfig.json
// (allowJs), package.json, eslint.config.mjs and a symlink to the repository's node_modules, plus one ~2,900-line
// file (lib/eslint/bench-big.js: eslint-helpers.js and eslint.js, each wrapped in a function, and a few async
// functions with blocking calls between them). Each server in turn (never two at once): open that file and time
// the first diagnostics, 200 edits (a line inserted into, then removed from, an async function) each followed by a
// `textDocument/diagnostic` pull whose result is checked to be for the new text, 50 code action requests at a
// diagnostic, and the server's RSS at the end. Both servers are pull-diagnostics servers: vscode-eslint 3's server
// (in vscode-langservers-extracted 4.10) declares `diagnosticProvider` and does not push.
//
// The ESLint server runs twice: with `unblock/no-blocking-call` only, then with `unblock/no-indirect-blocking-call`
// too, which is what the unblock server always detects (it has no setting to skip the indirect detection).
// The unblock server gets the environment the VS Code extension starts it with (language-server/src/memory.ts).
//
// BENCH_EDITS, BENCH_CODE_ACTIONS: loop sizes. BENCH_ESLINT_BUDGET_MS: each ESLint server's edit loop stops after
// this long (default 90 s; the table says how many edits ran). BENCH_ONLY_UNBLOCK=1: skip the ESLint servers (a
// quick look at unblock's own numbers, no comparison). BENCH_CPU_PROF=1: profile the unblock server
// (--cpu-prof into artifacts/bench-lsp-profile/) and print its top self-time functions.
import { cp, mkdir, mkdtemp, readdir, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { withServerEnvironment } from 'unblock-language-server/protocol';
import { LspClient } from '../lib/lsp-client.mjs';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../../', import.meta.url));
const unblockServer = path.join(root, 'language-server', 'dist', 'server.js');
const eslintServer = path.join(root, 'node_modules', 'vscode-langservers-extracted', 'lib', 'eslint-language-server', 'eslintServer.js');
const eslintLib = path.join(path.dirname(require.resolve('eslint/package.json')), 'lib');
const edits = Number(process.env.BENCH_EDITS ?? 200);
const codeActionRuns = Number(process.env.BENCH_CODE_ACTIONS ?? 50);
const eslintBudgetMs = Number(process.env.BENCH_ESLINT_BUDGET_MS ?? 90_000);
const cpuProf = process.env.BENCH_CPU_PROF === '1';
const onlyUnblock = process.env.BENCH_ONLY_UNBLOCK === '1';
const targetP95Ms = 50;
const targetRatio = 10;

// ---------------------------------------------------------------------------------------------------------------
// The project
// ---------------------------------------------------------------------------------------------------------------

const benchBlock = [
  '',
  '//-----------------------------------------------------------------------------',
  '// bench: async functions with blocking calls (the edits go into benchLoadJson)',
  '//-----------------------------------------------------------------------------',
  '',
  'const benchFs = require("node:fs");',
  'const benchCrypto = require("node:crypto");',
  '',
  '/** @param {string} file a path (typed, so "Use the async API" can be offered: a number would be a descriptor) */',
  'async function benchLoadJson(file) {',
  '\tconst started = Date.now(); // bench-anchor',
  '\tconst text = benchFs.readFileSync(file, "utf8"); // bench-target',
  '\treturn { data: JSON.parse(text), ms: Date.now() - started };',
  '}',
  '',
  '/** @param {string} password */',
  'async function benchHash(password) {',
  '\treturn benchCrypto.pbkdf2Sync(password, "salt", 1000, 32, "sha256").toString("hex");',
  '}',
  '',
  '/** @param {string} dir */',
  'async function benchList(dir) {',
  '\treturn benchFs.readdirSync(dir).filter(name => benchFs.statSync(`${dir}/${name}`).isFile());',
  '}',
  '',
  'module.exports.bench = { benchLoadJson, benchHash, benchList };',
  '',
];

async function createProject() {
  const dir = await realpath(await mkdtemp(path.join(os.tmpdir(), 'unblock-bench-lsp-')));
  await cp(eslintLib, path.join(dir, 'lib'), { recursive: true });
  await symlink(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const json = (value) => `${JSON.stringify(value, null, 2)}\n`;
  await writeFile(path.join(dir, 'package.json'), json({ name: 'bench-lsp-project', version: '1.0.0', private: true, type: 'commonjs' }));
  await writeFile(
    path.join(dir, 'tsconfig.json'),
    json({
      compilerOptions: {
        allowJs: true,
        checkJs: false,
        noEmit: true,
        target: 'es2022',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        types: ['node'],
        skipLibCheck: true,
      },
      include: ['lib/**/*.js'],
    }),
  );
  await writeFile(
    path.join(dir, 'eslint.config.mjs'),
    [
      "import tseslint from 'typescript-eslint';",
      "import unblock from 'eslint-plugin-unblock';",
      '',
      'export default [',
      '  {',
      "    files: ['**/*.js'],",
      "    plugins: { unblock, '@typescript-eslint': tseslint.plugin },",
      '    languageOptions: {',
      "      sourceType: 'commonjs',",
      '      parser: tseslint.parser,',
      '      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },',
      '    },',
      "    rules: {",
      "      'unblock/no-blocking-call': 'error',",
      "      // The bench runs the ESLint server once with each; the unblock server always runs both detections.",
      "      ...(process.env.BENCH_UNBLOCK_RULES === 'both' && { 'unblock/no-indirect-blocking-call': 'error' }),",
      '    },',
      '  },',
      '];',
      '',
    ].join('\n'),
  );
  // The big file: two real modules (each in its own function scope, so their top-level names do not clash) and
  // the bench's async functions between them.
  const wrap = async (name) => [`// ---- lib/eslint/${name} ----`, '(function () {', await readFile(path.join(eslintLib, 'eslint', name), 'utf8'), '})();'];
  const lines = [...(await wrap('eslint-helpers.js')), ...benchBlock, ...(await wrap('eslint.js'))].join('\n').split('\n');
  const bigFile = path.join(dir, 'lib', 'eslint', 'bench-big.js');
  const text = `${lines.join('\n')}\n`;
  await writeFile(bigFile, text);
  const files = (await readdir(path.join(dir, 'lib'), { recursive: true })).filter((file) => file.endsWith('.js'));
  return { dir, bigFile, text, lineCount: lines.length, fileCount: files.length };
}

const now = () => performance.now();

// ---------------------------------------------------------------------------------------------------------------
// One server's run
// ---------------------------------------------------------------------------------------------------------------

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** The diagnostic of the bench's `readFileSync` call in benchLoadJson, among `no-blocking-call` diagnostics. */
function targetDiagnostic(items, line) {
  return items.find((item) => item.range.start.line === line && /no-blocking-call/.test(String(item.code)) && /readFileSync/.test(item.message));
}

async function runServer({ name, client, project, capabilities, isTarget, isAsyncFix, budgetMs }) {
  const uri = pathToFileURL(project.bigFile).href;
  const lines = project.text.split('\n');
  const anchorLine = lines.findIndex((line) => line.includes('// bench-anchor'));
  const targetLine = lines.findIndex((line) => line.includes('// bench-target'));
  const result = { name, pid: client.pid };

  await client.initialize({ folder: project.dir, capabilities });
  const pull = async (what, ms) => {
    const report = await client.request('textDocument/diagnostic', { textDocument: { uri } }, { timeoutMs: ms, what });
    if (report?.kind !== 'full') throw new Error(`${name}: ${what}: expected a full report, got ${JSON.stringify(report)?.slice(0, 200)}`);
    return report.items;
  };

  // 1. Open → first diagnostics.
  let version = 1;
  let started = now();
  await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'javascript', version, text: project.text } });
  let items = await pull('the first diagnostics', 180_000);
  result.firstMs = now() - started;
  result.findings = items.filter(isTarget).length;
  result.all = items.length;
  if (!targetDiagnostic(items.filter(isTarget), targetLine)) {
    throw new Error(`${name}: no no-blocking-call diagnostic at line ${targetLine + 1} among ${JSON.stringify(items.map((item) => `${item.range.start.line + 1} ${item.code}`))}\n${client.context()}`);
  }

  // 2. Edits: insert a line after the anchor, remove it again; each followed by a pull that must see the new text.
  const editMs = [];
  const editStart = now();
  for (let index = 0; index < edits; index++) {
    if (now() - editStart > budgetMs) break;
    const inserting = index % 2 === 0;
    const at = { line: anchorLine + 1, character: 0 };
    const change = inserting
      ? { range: { start: at, end: at }, text: `\tconst benchEdit = started + ${index};\n` }
      : { range: { start: at, end: { line: anchorLine + 2, character: 0 } }, text: '' };
    version++;
    started = now();
    await client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    items = await pull(`diagnostics after edit ${index + 1}`, 60_000);
    editMs.push(now() - started);
    const expectedLine = targetLine + (inserting ? 1 : 0);
    if (!targetDiagnostic(items, expectedLine)) {
      throw new Error(`${name}: after edit ${index + 1} the readFileSync diagnostic is not on line ${expectedLine + 1}: stale or missing diagnostics`);
    }
  }
  result.edits = editMs.length;
  result.editP50 = percentile(editMs, 50);
  result.editP95 = percentile(editMs, 95);
  result.editMax = Math.max(...editMs);

  // 3. Code actions at the readFileSync diagnostic of the current version.
  const diagnostic = targetDiagnostic(items, targetLine + (editMs.length % 2 === 1 ? 1 : 0));
  const actionMs = [];
  let titles = [];
  for (let index = 0; index < codeActionRuns; index++) {
    started = now();
    const actions = await client.request(
      'textDocument/codeAction',
      { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], triggerKind: 1 } },
      { timeoutMs: 30_000, what: `code action ${index + 1}` },
    );
    actionMs.push(now() - started);
    titles = (actions ?? []).map((action) => action.title);
  }
  if (!titles.some(isAsyncFix)) throw new Error(`${name}: no "Use the async API" action among ${JSON.stringify(titles)}`);
  result.actionTitles = titles;
  result.actionP50 = percentile(actionMs, 50);
  result.actionP95 = percentile(actionMs, 95);

  Object.assign(result, await client.memory());
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------------------------

const capabilities = {
  textDocument: {
    diagnostic: { dynamicRegistration: false },
    codeAction: { dataSupport: true, isPreferredSupport: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
    synchronization: { dynamicRegistration: false },
  },
  workspace: { configuration: true, workspaceFolders: true },
};
const project = await createProject();
const profileDir = path.join(root, 'artifacts', 'bench-lsp-profile');
const clients = [];
const results = [];
const killAll = () => {
  for (const client of clients) if (!client.exited) client.child.kill('SIGKILL');
};
process.on('exit', killAll);
console.log(
  `project: ${project.fileCount} JavaScript files (a copy of eslint@10 lib/), big file lib/eslint/bench-big.js: ${project.lineCount} lines; ` +
    `${edits} edits, ${codeActionRuns} code actions per server, one server at a time\n`,
);
try {
  // unblock-language-server: always runs both detections (direct and indirect blocking calls).
  if (cpuProf) await rm(profileDir, { recursive: true, force: true }).then(() => mkdir(profileDir, { recursive: true }));
  const unblock = new LspClient({
    name: 'unblock',
    server: unblockServer,
    nodeArgs: cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    configuration: (item) => (item.section === 'unblock' ? {} : null),
    env: withServerEnvironment(process.env),
  });
  clients.push(unblock);
  process.stdout.write('unblock-language-server … ');
  results.push(
    await runServer({
      name: 'unblock-language-server',
      client: unblock,
      project,
      capabilities,
      isTarget: (item) => item.source === 'unblock' && item.code === 'no-blocking-call',
      isAsyncFix: (title) => title.startsWith('Use the async API'),
      budgetMs: Infinity,
    }),
  );
  await unblock.stop();
  console.log('done');

  // vscode-eslint-language-server with typescript-eslint type information: `unblock/no-blocking-call` (the
  // brief's peer), then with `unblock/no-indirect-blocking-call` as well (the same detections as the server).
  const folderUri = pathToFileURL(project.dir).href;
  const eslintSettings = {
    validate: 'on',
    packageManager: 'npm',
    useESLintClass: false,
    useFlatConfig: true,
    experimental: { useFlatConfig: false },
    codeActionOnSave: { mode: 'all', enable: false },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options: {},
    rulesCustomizations: [],
    run: 'onType',
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workingDirectory: { mode: 'location' },
    workspaceFolder: { uri: folderUri, name: path.basename(project.dir) },
    codeAction: { disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' }, showDocumentation: { enable: true } },
  };
  for (const rules of onlyUnblock ? [] : ['direct', 'both']) {
    const name = `ESLint server (${rules === 'direct' ? 'no-blocking-call' : 'both rules'})`;
    const eslint = new LspClient({ name, server: eslintServer, configuration: () => eslintSettings, env: { ...process.env, BENCH_UNBLOCK_RULES: rules } });
    clients.push(eslint);
    process.stdout.write(`${name} … `);
    results.push(
      await runServer({
        name,
        client: eslint,
        project,
        capabilities,
        isTarget: (item) => item.source === 'eslint' && item.code === 'unblock/no-blocking-call',
        isAsyncFix: (title) => title.startsWith('Use the async API'),
        budgetMs: eslintBudgetMs,
      }),
    );
    await eslint.stop();
    console.log('done');
  }
  console.log('');
} finally {
  killAll();
  await rm(project.dir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------------------------

const [ours, peer, peerBoth] = results;
const ms = (value) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const mb = (result) => `${result.rssMb.toFixed(0)} MB (${result.peakMb.toFixed(0)})`;
const ratio = (a, b) => `${(b / a).toFixed(1)}×`;
const metrics = [
  ['time to first diagnostics (open)', (r) => r.firstMs, ms],
  [`edit → diagnostics p50`, (r) => r.editP50, ms],
  ['edit → diagnostics p95', (r) => r.editP95, ms],
  ['edit → diagnostics max', (r) => r.editMax, ms],
  [`code action p50 (${codeActionRuns} requests)`, (r) => r.actionP50, ms],
  ['code action p95', (r) => r.actionP95, ms],
  ['RSS at the end (peak)', (r) => r.rssMb, (_, r) => mb(r)],
];
// Columns: unblock, then each ESLint server and its ratio (none with BENCH_ONLY_UNBLOCK).
const peers = [peer, peerBoth].filter(Boolean);
const rows = [
  ...metrics.map(([label, get, format]) => [
    label,
    format(get(ours), ours),
    ...peers.flatMap((result) => [format(get(result), result), ratio(get(ours), get(result))]),
  ]),
  ['edits measured', String(ours.edits), ...peers.flatMap((result) => [String(result.edits), ''])],
  ['diagnostics in the file (no-blocking-call / all)', `${ours.findings} / ${ours.all}`, ...peers.flatMap((result) => [`${result.findings} / ${result.all}`, ''])],
];
const header = ['', 'unblock-language-server', ...['ESLint server: no-blocking-call', 'ESLint server: both rules'].slice(0, peers.length).flatMap((title) => [title, 'ratio'])];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
const line = (cells) => `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((width, column) => (column === 0 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`);
for (const row of rows) console.log(line(row));
if (peers.length > 0) console.log('ratio: the ESLint server\'s number divided by unblock\'s (> 1: unblock is faster / smaller).');

const p95Met = ours.editP95 <= targetP95Ms;
const speedup = peer ? peer.editP95 / ours.editP95 : NaN;
console.log(`\ntarget: unblock edit → diagnostics p95 ≤ ${targetP95Ms} ms: ${p95Met ? 'MET' : 'MISSED'} (${ms(ours.editP95)})`);
if (peer) {
  console.log(`target: ≥ ${targetRatio}× faster than the ESLint server path (p95): ${speedup >= targetRatio ? 'MET' : 'MISSED'} (${speedup.toFixed(1)}×; ${(peerBoth.editP95 / ours.editP95).toFixed(1)}× against ESLint with both rules)`);
}
for (const result of peers) {
  if (result.edits < edits) console.log(`note: ${result.name} ran ${result.edits} of ${edits} edits within its ${eslintBudgetMs / 1000} s budget`);
}
if (!p95Met || !(speedup >= targetRatio)) {
  console.log(
    'where the time goes: each edit brings the TypeScript program up to date (incremental parse, binding the ' +
      'edited file again, a new type checker: ~13 ms on this file), then the server checks the edited function ' +
      '(or the whole file when the edit may matter beyond it). BENCH_CPU_PROF=1 profiles the server.',
  );
}

if (cpuProf) {
  const profiles = (await readdir(profileDir)).filter((file) => file.endsWith('.cpuprofile'));
  for (const file of profiles) {
    const profile = JSON.parse(await readFile(path.join(profileDir, file), 'utf8'));
    const self = new Map();
    const deltas = profile.timeDeltas;
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    profile.samples.forEach((id, index) => {
      const { functionName, url, lineNumber } = byId.get(id).callFrame;
      const key = `${functionName || '(anonymous)'} ${path.basename(url)}:${lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + (deltas[index] ?? 0));
    });
    const total = [...self.values()].reduce((a, b) => a + b, 0);
    console.log(`\nunblock server CPU profile (${file}): top self time of ${(total / 1000).toFixed(0)} ms`);
    for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
      console.log(`  ${(us / 1000).toFixed(0).padStart(7)} ms  ${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`);
    }
  }
}
