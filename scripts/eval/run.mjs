#!/usr/bin/env node
// `npm run eval`: the real-world accuracy evaluation. Brings the pinned projects (sources.mjs), lints them (lint.mjs),
// scores the findings against the hand labels in eval/labels/ (score.mjs) and prints the report (report.mjs), or
// JSON with --json. A measurement, not a gate: it exits 0 whatever the numbers, non-zero only when it cannot run.
//   node scripts/eval/run.mjs [--json] [--project <id>]... [--plugin <path of another eslint-plugin-unblock build>]
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import { lintProject, loadPlugin } from './lint.mjs';
import { formatReport } from './report.mjs';
import { checkPositions, kinds, metrics, parseLabelFile, scoreKind, validateLabels } from './score.mjs';
import { ensureProject, evalDir, readManifest, sourceFiles } from './sources.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const json = args.includes('--json');
const only = args.flatMap((arg, index) => (args[index - 1] === '--project' ? [arg] : []));
const pluginPath = args[args.indexOf('--plugin') + 1];
const setups = ['unblock-untyped', 'unblock-typed', 'n/no-sync', 'n/no-sync (allowAtRootLevel)'];

/** Every project's labels; unknown projects and schema problems are reported, not thrown. */
export function readLabels(projects) {
  const dir = path.join(evalDir, 'labels');
  const labels = new Map();
  const problems = [];
  const ids = new Set(projects.map((project) => project.id));
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.jsonl')).sort()) {
    const id = name.slice(0, -'.jsonl'.length);
    if (!ids.has(id)) {
      problems.push(`${name}: no project ${id} in eval/projects.json`);
      continue;
    }
    const { rows, problems: parseProblems } = parseLabelFile(id, readFileSync(path.join(dir, name), 'utf8'));
    problems.push(...parseProblems, ...validateLabels(id, rows));
    labels.set(id, rows);
  }
  return { labels, problems };
}

const log = (message) => {
  if (!json) process.stderr.write(`${message}\n`);
};

async function evaluate() {
  const started = performance.now();
  const manifest = readManifest();
  const unknown = only.filter((id) => !manifest.projects.some((project) => project.id === id));
  if (unknown.length > 0) {
    process.stderr.write(`unknown project ${unknown.join(', ')}; one of: ${manifest.projects.map((project) => project.id).join(', ')}\n`);
    process.exit(2);
  }
  const projects = manifest.projects.filter((project) => only.length === 0 || only.includes(project.id));
  const { labels, problems } = readLabels(manifest.projects);
  const plugin = args.includes('--plugin') ? loadPlugin(path.resolve(pluginPath ?? '')) : loadPlugin();
  const fatal = [];
  const perProject = [];
  const details = Object.fromEntries(kinds.map((kind) => [kind, Object.fromEntries(setups.map((setup) => [setup, []]))]));
  const off = Object.fromEntries(kinds.map((kind) => [kind, Object.fromEntries(setups.map((setup) => [setup, []]))]));
  let sourceMs = 0;
  let lintMs = 0;

  for (const project of projects) {
    const rows = labels.get(project.id) ?? [];
    let start = performance.now();
    const root = ensureProject(project, log);
    sourceMs += performance.now() - start;
    const files = sourceFiles(project, root);
    const lines = new Map();
    const readLine = (file, line) => {
      if (!lines.has(file)) {
        try {
          lines.set(file, readFileSync(path.join(root, file), 'utf8').split('\n'));
        } catch {
          lines.set(file, []);
        }
      }
      return lines.get(file)[line - 1];
    };
    problems.push(...checkPositions(project.id, rows, readLine));
    for (const row of rows) if (!files.includes(row.file)) problems.push(`${project.id} ${row.file}: not among the linted files`);

    log(`linting ${project.id} (${files.length} files)`);
    start = performance.now();
    const linted = await lintProject(root, files, plugin);
    lintMs += performance.now() - start;
    fatal.push(...linted.fatal.map((line) => `${project.id} ${line}`));

    const entry = { id: project.id, package: project.package, version: project.version, files: files.length, counts: {}, metrics: {} };
    for (const kind of kinds) {
      const sites = rows.filter((row) => row.expected[kind]);
      entry.counts[kind] = { sites: sites.length, flag: sites.filter((row) => row.expected[kind] === 'flag').length };
      entry.counts[kind].noFlag = entry.counts[kind].sites - entry.counts[kind].flag;
      entry.metrics[kind] = {};
      for (const setup of setups) {
        const scored = scoreKind(kind, rows, linted.findings[setup][kind]);
        entry.metrics[kind][setup] = metrics(scored.outcomes, scored.offScored ? scored.off.length : 0);
        for (const { label, outcome } of scored.outcomes) {
          details[kind][setup].push({ project: project.id, file: label.file, line: label.line, column: label.column, api: label.api, expected: label.expected[kind], outcome, reason: label.reason });
        }
        off[kind][setup].push(...scored.off.map((finding) => ({ project: project.id, ...finding })));
      }
    }
    perProject.push(entry);
  }

  const summary = Object.fromEntries(
    kinds.map((kind) => [
      kind,
      Object.fromEntries(setups.map((setup) => [setup, metrics(details[kind][setup], kind === 'direct' ? off[kind][setup].length : 0)])),
    ]),
  );
  const total = (kind) => ({
    sites: perProject.reduce((sum, project) => sum + project.counts[kind].sites, 0),
    flag: perProject.reduce((sum, project) => sum + project.counts[kind].flag, 0),
    noFlag: perProject.reduce((sum, project) => sum + project.counts[kind].noFlag, 0),
  });
  return {
    date: new Date().toISOString().slice(0, 10),
    plugin: `${plugin.meta.name}@${plugin.meta.version}${args.includes('--plugin') ? ` from ${path.resolve(pluginPath ?? '')}` : ''}`,
    node: process.version,
    eslint: ESLint.version,
    pluginN: require('eslint-plugin-n/package.json').version,
    projects: perProject,
    totals: { direct: total('direct'), indirect: total('indirect') },
    summary,
    details,
    off,
    offNote:
      'Direct false alarms include findings in sampled files that sit on no labelled site (every candidate site of a sampled file is labelled); ' +
      'indirect findings on unlabelled call sites are listed, not scored (indirect sites are a sample).',
    problems,
    fatal,
    seconds: (performance.now() - started) / 1000,
    sourceSeconds: sourceMs / 1000,
    lintSeconds: lintMs / 1000,
  };
}

let result;
try {
  result = await evaluate();
} catch (error) {
  process.stderr.write(`npm run eval could not run: ${error.message}\n`);
  process.exit(1);
}
if (json) {
  const { offNote, ...data } = result;
  process.stdout.write(`${JSON.stringify({ ...data, note: offNote }, null, 2)}\n`);
} else {
  process.stdout.write(`${formatReport(result)}\n`);
}
