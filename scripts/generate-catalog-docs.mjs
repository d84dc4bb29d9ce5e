#!/usr/bin/env node
// Writes the "Blocking APIs" tables of rules-docs/no-blocking-call.md from the catalog (built plugin).
// `--check` fails instead when the page is out of date, so CI keeps docs and catalog in step.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const core = require('../eslint-plugin/dist/core/index.js');
const page = new URL('../rules-docs/no-blocking-call.md', import.meta.url);
const begin = '<!-- begin catalog -->';
const end = '<!-- end catalog -->';

const defaults = new Set(core.defaultCategories);
const lines = [
  '',
  '| category | on by default | what blocks |',
  '|---|---|---|',
  ...core.allCategories.map((category) => `| \`${category}\` | ${defaults.has(category) ? 'yes' : 'no'} | ${core.categoryDescriptions[category]} |`),
];
for (const pkg of core.packages) {
  const title = pkg.module === 'global' ? 'Globals' : `\`${pkg.module}\``;
  lines.push('', `### ${title}`, '');
  const notes = [
    pkg.aliases?.length ? `also imported as ${pkg.aliases.map((alias) => `\`${alias}\``).join(', ')}` : '',
    pkg.reexports?.length ? `re-exports ${pkg.reexports.map((module) => `\`${module}\``).join(', ')} (covered by those entries)` : '',
    pkg.verifiedWith ? `verified against \`${pkg.verifiedWith}\`` : '',
  ].filter(Boolean);
  if (notes.length) lines.push(`${notes.join('; ')}.`, '');
  lines.push('| API | category | use instead | 💡 async-API suggestion |', '|---|---|---|---|');
  for (const api of core.blockingApis.filter((entry) => entry.module === pkg.module)) {
    const remedy = core.remedyText(api).replace(/^use /, '');
    const label = core.apiLabel(api) + (api.onlyWithoutCallback ? ' (without callback)' : '');
    const suggestion = api.twin?.rewrite ? `yes${api.twin.maxArguments ? ` (up to ${api.twin.maxArguments} argument)` : ''}` : '';
    lines.push(`| [\`${label}\`](${api.docs}) | ${api.category} | ${remedy.replace(/\|/g, '\\|')} | ${suggestion} |`);
  }
  // Declarations that look blocking (a *Sync name) but are not listed, with why.
  if (pkg.leftOut?.length) lines.push('', 'Not reported:', '', ...pkg.leftOut.map(({ path, reason }) => `- \`${path}\`: ${reason}`));
}
lines.push('');

const current = readFileSync(page, 'utf8');
const start = current.indexOf(begin);
const stop = current.indexOf(end);
if (start < 0 || stop < start) throw new Error(`${page.pathname}: missing ${begin} / ${end} markers`);
const next = current.slice(0, start + begin.length) + lines.join('\n') + current.slice(stop);
if (process.argv.includes('--check')) {
  if (next !== current) {
    console.error('rules-docs/no-blocking-call.md is out of date with the catalog: run `npm run docs`.');
    process.exit(1);
  }
} else {
  writeFileSync(page, next);
}
