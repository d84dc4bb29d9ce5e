/**
 * The sample output in the READMEs is real: each line of a README's sample block (it starts with the demo file's
 * path) is a line that `npm run demo` (scripts/demo.mjs, the ESLint CLI on fixtures/demo-app) prints for that file,
 * up to the column padding, which depends on the other lines ESLint prints with it.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { codeBlock, root } from './integrations/helpers.js';

const demoApp = path.join(root, 'fixtures/demo-app');
const normalize = (line: string) => line.trim().replace(/\s+/g, ' ');

/** The demo's stylish output: file (relative to the demo app) → its finding lines. */
let printed: Map<string, string[]>;
beforeAll(() => {
  const demo = spawnSync(process.execPath, [path.join(root, 'scripts/demo.mjs')], { cwd: root, encoding: 'utf8', timeout: 5 * 60_000 });
  if (demo.status !== 0) throw new Error(`npm run demo failed:\n${demo.stdout}${demo.stderr}`);
  printed = new Map();
  let file: string | undefined;
  for (const line of demo.stdout.split('\n')) {
    if (path.isAbsolute(line)) printed.set((file = path.relative(demoApp, line).split(path.sep).join('/')), []);
    else if (file && /^\s+\d+:\d+\s/.test(line)) printed.get(file)!.push(normalize(line));
    else file = undefined;
  }
}, 5 * 60_000);

describe.each(['README.md', 'eslint-plugin/README.md'])('%s', (readme) => {
  it("shows finding lines exactly as `npm run demo` prints them for the file it names", () => {
    const [file, ...lines] = codeBlock(readme, 'src/routes/config.ts').split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    expect([...printed.keys()]).toContain(file);
    for (const line of lines) expect(printed.get(file!)).toContain(normalize(line));
  });
});
