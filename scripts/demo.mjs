#!/usr/bin/env node
// `npm run demo`: lint the bundled demo service with the real ESLint CLI and show what unblock finds.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const demoApp = fileURLToPath(new URL('../fixtures/demo-app/', import.meta.url));
const eslint = fileURLToPath(new URL('../node_modules/eslint/bin/eslint.js', import.meta.url));

console.log('$ cd fixtures/demo-app && eslint .\n');
const run = spawnSync(process.execPath, [eslint, '.', '--format', 'stylish'], { cwd: demoApp, encoding: 'utf8' });
process.stdout.write(run.stdout);
process.stderr.write(run.stderr);

// ESLint exits 1 when it reports problems (expected here) and 2 when it crashed or was misconfigured.
if (run.status !== 0 && run.status !== 1) {
  console.error(`\nESLint failed (exit ${run.status}).`);
  process.exit(run.status ?? 2);
}
const found = (run.stdout.match(/unblock\/no-(?:indirect-)?blocking-call/g) ?? []).length;
if (found === 0) {
  console.error('No blocking calls were found in the demo app: something is wrong.');
  process.exit(1);
}
console.log(`unblock found ${found} blocking calls inside async code. See fixtures/demo-app/README.md for each route.`);
