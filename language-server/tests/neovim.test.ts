/**
 * A second, independent LSP client: a real headless Neovim (0.7+) runs tests/neovim/driver.lua against the built
 * server on a copy of fixtures/demo-app. Neovim's own LSP client opens the file, shows the diagnostic, asks for
 * code actions, applies "Use the async API …" with its WorkspaceEdit code and sees the diagnostic go away. The
 * driver writes what it saw as JSON; the assertions are here.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { access, mkdtemp, readFile, symlink } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, ensureBuilt, languageServerDir, removeFixture, repoRoot, serverPath } from './helpers/client.js';

const execFileAsync = promisify(execFile);

/** `command` on PATH, found without running a shell (once, while the module loads: test files are CommonJS here). */
function findOnPath(command: string): string | undefined {
  for (const folder of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!folder) continue;
    const candidate = path.join(folder, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

const nvim = findOnPath('nvim');
/** Shown by the run's SKIPPED summary (tests/reporters/skipped-summary.ts). */
const skipReason = '`nvim` is not on PATH (install Neovim 0.7+, e.g. `apt-get install neovim`)';
const driver = path.join(languageServerDir, 'tests', 'neovim', 'driver.lua');
/** Each wait inside Neovim; the whole nvim run is killed after 25 s (the test has 30 s). */
const waitMs = 10_000;

interface DriverResult {
  nvimVersion: string;
  steps: string[];
  error?: string;
  serverLog?: string[];
  serverInfo?: { name: string; version: string };
  diagnostic?: { source: string; code: string; message: string; line: number; col: number; lineText: string };
  codesBefore?: string[];
  actionTitles?: string[];
  fixTitle?: string;
  fixIsPreferred?: boolean;
  editedLine?: string;
  bufferText?: string;
  codesAfter?: string[];
  cleared?: boolean;
  exit?: { code: number; signal: number };
}

describe('Neovim as the LSP client', () => {
  let project: string;
  let home: string;

  beforeAll(async () => {
    if (!nvim) return;
    await ensureBuilt();
    project = await copyFixture(path.join(repoRoot, 'fixtures', 'demo-app'), 'tmp');
    // @types/node (and the rest) resolve as in a normal project.
    await symlink(path.join(repoRoot, 'node_modules'), path.join(project, 'node_modules'), 'dir');
    home = await mkdtemp(path.join(os.tmpdir(), 'unblock-nvim-home-'));
  }, 120_000);
  afterAll(async () => {
    if (project) await removeFixture(project);
    if (home) await removeFixture(home);
  });

  it(
    'shows the diagnostic, offers the fixes, applies "Use the async API" and the diagnostic clears',
    async (test) => {
      test.skip(!nvim, skipReason);
      const file = path.join(project, 'src', 'routes', 'config.ts');
      const resultFile = path.join(home, 'result.json');
      const env = {
        ...process.env,
        // Neovim's log, shada and state stay in the temporary folder.
        HOME: home,
        XDG_CONFIG_HOME: path.join(home, 'config'),
        XDG_CACHE_HOME: path.join(home, 'cache'),
        XDG_DATA_HOME: path.join(home, 'data'),
        XDG_STATE_HOME: path.join(home, 'state'),
        UNBLOCK_SERVER_CMD: JSON.stringify([process.execPath, serverPath, '--stdio']),
        UNBLOCK_ROOT: project,
        UNBLOCK_FILE: file,
        UNBLOCK_RESULT: resultFile,
        UNBLOCK_DEADLINE_MS: String(waitMs),
      };
      let output = '';
      try {
        const run = await execFileAsync(nvim!, ['--headless', '--clean', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${driver}`], {
          cwd: project,
          env,
          timeout: 25_000,
          killSignal: 'SIGKILL',
        });
        output = run.stdout + run.stderr;
      } catch (error) {
        const failure = error as { stdout?: string; stderr?: string; killed?: boolean; code?: unknown };
        output = `${failure.stdout ?? ''}${failure.stderr ?? ''}`;
        const written = await access(resultFile).then(
          () => true,
          () => false,
        );
        if (!written) throw new Error(`nvim failed (exit ${String(failure.code)}, killed: ${String(failure.killed)}) without results:\n${output}`);
      }
      const result = JSON.parse(await readFile(resultFile, 'utf8')) as DriverResult;
      const context = `steps: ${result.steps.join(' → ')}\nerror: ${result.error}\nserver log:\n  ${(result.serverLog ?? []).join('\n  ')}\nnvim output: ${output}`;
      expect(result.error, context).toBeUndefined();

      expect(result.nvimVersion).toMatch(/^0\.([7-9]|\d\d)\.|^[1-9]\d*\./);
      expect(result.serverInfo?.name).toBe('unblock-language-server');
      expect(result.diagnostic).toEqual({
        source: 'unblock',
        code: 'no-blocking-call',
        message: '`fs.readFileSync` blocks the event loop inside async function `getConfig`; use `fs.promises.readFile`.',
        line: 29,
        col: 28,
        lineText: expect.stringContaining('JSON.parse(fs.readFileSync(CONFIG_PATH') as unknown as string,
      });
      expect(result.codesBefore).toEqual(['no-blocking-call', 'no-indirect-blocking-call']);
      expect(result.actionTitles).toEqual(
        expect.arrayContaining([
          'Use the async API `fs.promises.readFile`',
          'Disable unblock/no-blocking-call for this line',
          'Disable unblock/no-blocking-call for the entire file',
          'Show documentation for unblock/no-blocking-call',
        ]),
      );
      expect(result.fixTitle).toBe('Use the async API `fs.promises.readFile`');
      expect(result.fixIsPreferred).toBe(true);
      expect(result.editedLine).toContain('await fs.promises.readFile(CONFIG_PATH');
      expect(result.editedLine).not.toContain('readFileSync');
      // Only that line changed: the sync start-up helper keeps its readFileSync.
      expect(result.bufferText?.split('\n').filter((line) => line.includes('fs.readFileSync(CONFIG_PATH'))).toEqual([
        "  return JSON.parse(fs.readFileSync(CONFIG_PATH, 'utf8')) as AppConfig;",
      ]);
      expect(result.cleared).toBe(true);
      expect(result.codesAfter).toEqual(['no-indirect-blocking-call']);
      expect(result.steps).toEqual(['started', 'attached', 'diagnostics', 'code actions', 'applied', 'cleared', 'stopped']);
      expect(result.exit?.code).toBe(0);
    },
    30_000,
  );
});
