// A code-server with the packaged .vsix installed, in a sandbox, and a headless Chromium page on its workbench with
// fixtures/demo-app open: what an end-to-end check file needs before it drives the editor. `close()` stops both and
// removes the sandbox (kept with KEEP_RUN=1).
import { execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { exitUnlessPresent, freePort, log, sandbox, stopGroup, tail, until } from './helpers.mjs';

/** `--vsix <file>` from the command line, else the version vscode-client/package.json names. */
export function vsixFromArguments(root) {
  const index = process.argv.indexOf('--vsix');
  if (index > 0) return path.resolve(process.argv[index + 1]);
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'vscode-client', 'package.json'), 'utf8'));
  return path.join(root, 'vscode-client', `unblock-vscode-${version}.vsix`);
}

/**
 * `project`: the folder copied into the sandbox and opened (default fixtures/demo-app); `prepare(workspace)` runs on
 * the copy before the workbench opens it; `alsoInstall`: more .vsix files, installed after `vsix`.
 */
export async function launchVsCode({ root, vsix, project, prepare, alsoInstall = [] }) {
  const e2eHome = process.env.E2E_HOME ?? path.join(os.homedir(), '.cache', 'unblock-e2e');
  const csVersion = process.env.CS_VERSION ?? '4.100.3';
  const codeServer = path.join(e2eHome, `code-server-${csVersion}`, 'node_modules', '.bin', 'code-server');
  const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  exitUnlessPresent([
    [codeServer, 'run tests/e2e/install-vscode.sh'],
    [chromiumPath, 'run tests/e2e/install-vscode.sh'],
    [vsix, 'run `npm run package`'],
  ]);
  const { chromium } = createRequire(path.join(e2eHome, 'tools', 'package.json'))('playwright-core');
  const box = sandbox(root, project);
  await prepare?.(box.workspace);
  const dirs = ['--config', path.join(box.run, 'config.yaml'), '--user-data-dir', box.userData, '--extensions-dir', box.extensions];
  for (const extension of [vsix, ...alsoInstall]) {
    await promisify(execFile)(codeServer, [...dirs, '--install-extension', extension], { env: box.env, encoding: 'utf8', timeout: 120_000 }).catch((error) => {
      throw new Error(`code-server --install-extension ${path.basename(extension)} failed: ${error.stdout ?? ''}${error.stderr ?? error.message}`);
    });
  }

  const port = await freePort();
  const output = await fs.promises.open(path.join(box.run, 'code-server.log'), 'w');
  const flags = ['--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override'];
  // Its own process group (setsid), so that one signal stops it and everything it started.
  const server = spawn(codeServer, [...dirs, '--bind-addr', `127.0.0.1:${port}`, ...flags, box.workspace], {
    env: box.env,
    detached: true,
    stdio: ['ignore', output.fd, output.fd],
  });
  let browser;
  const close = async () => {
    await browser?.close().catch(() => {});
    await stopGroup(server.pid);
    await output.close();
    if (process.env.KEEP_RUN) log('run folder kept:', box.run);
    else await fs.promises.rm(box.run, { recursive: true, force: true });
  };
  try {
    await until('code-server answers /healthz', 60_000, async () => {
      if (server.exitCode !== null) throw new Error(`code-server exited (${server.exitCode}): ${tail(path.join(box.run, 'code-server.log'))}`);
      return (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.ok === true;
    });
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      env: box.env,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-sync'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(box.workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    log(`code-server ${csVersion} on port ${port}: workbench ready`);
    return { ...box, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}
