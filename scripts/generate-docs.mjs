#!/usr/bin/env node
// Writes what is generated from the built core and server, so it cannot drift from them:
// - the "Blocking APIs" tables of rules-docs/no-blocking-call.md, from the catalog;
// - the settings of the VS Code extension (vscode-client/package.json, contributes.configuration), from the
//   server's settings contract, whose rule options and categories are the core's.
// `--check` fails instead when a file is out of date, so CI keeps them in step (`npm run docs` rewrites them).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const core = require('unblock-core');
const { editorSettings } = require('../language-server/dist/settings.js');
const check = process.argv.includes('--check');
const stale = [];

/** Writes `text` to `file` (a URL), or with `--check` notes that it differs. */
function update(file, text, what) {
  if (readFileSync(file, 'utf8') === text) return;
  if (check) stale.push(`${new URL(file).pathname.split('/').slice(-2).join('/')} is out of date with ${what}`);
  else writeFileSync(file, text);
}

// ---- rules-docs/no-blocking-call.md: the catalog tables
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
update(page, current.slice(0, start + begin.length) + lines.join('\n') + current.slice(stop), 'the catalog');

// ---- vscode-client/package.json: the settings the server reads, then the extension's own (`unblock.server.*`)
const manifestFile = new URL('../vscode-client/package.json', import.meta.url);
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
const properties = {};
for (const [name, setting] of Object.entries(editorSettings)) {
  // `pattern` is for ESLint's messages (VS Code lists an enum's choices itself); `manifestKey` says where it goes.
  const { manifestKey, ...property } = setting;
  properties[`unblock.${manifestKey ?? name}`] = JSON.parse(JSON.stringify(property, (key, value) => (key === 'pattern' ? undefined : value)));
}
for (const [key, property] of Object.entries(manifest.contributes.configuration.properties)) properties[key] ??= property;
manifest.contributes.configuration.properties = properties;
update(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`, "the server's settings (language-server/src/settings.ts)");

if (stale.length > 0) {
  for (const line of stale) console.error(`${line}: run \`npm run docs\`.`);
  process.exit(1);
}
