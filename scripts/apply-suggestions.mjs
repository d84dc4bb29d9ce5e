#!/usr/bin/env node
// Applies unblock's suggestions to a TypeScript project, one at a time (re-linting after each, as a person in
// an editor would), preferring one kind: `twin` (use the async API), `worker` (run in a worker thread; it is
// offered for CPU-bound work only, so `--prefer worker` moves CPU work to threads and uses twins for I/O) or `chain`
// (make the chain of an indirect finding async, when it stays within the file).
// Used by the fix-safety test and the event-loop benchmark.
//
//   node scripts/apply-suggestions.mjs <project dir> [--prefer twin|worker|chain] [--only]
//
// --only: never fall back to the other kind when the preferred one is not offered.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { Linter } = require('eslint');
const tseslint = require('typescript-eslint');
const unblock = require('eslint-plugin-unblock');

/** The suggestion of each kind of fix, by its message id (the rules' `suggestAsyncTwin` / `suggestWorker` / `suggestAsyncChain`). */
const messageIds = { twin: 'suggestAsyncTwin', worker: 'suggestWorker', chain: 'suggestAsyncChain' };

/**
 * @param {{ projectDir: string, prefer?: 'twin' | 'worker' | 'chain', only?: boolean, maxSteps?: number }} options
 * @returns {{ applied: { file: string, line: number, title: string }[], unfixed: { file: string, line: number, message: string }[] }}
 */
export function applySuggestions({ projectDir, prefer = 'twin', only = false, maxSteps = 200 }) {
  const linter = new Linter({ configType: 'flat', cwd: projectDir });
  const config = [
    {
      files: ['**/*.{ts,mts,cts}'],
      languageOptions: {
        parser: tseslint.parser,
        parserOptions: { project: './tsconfig.json', tsconfigRootDir: projectDir, disallowAutomaticSingleRunInference: true },
      },
      plugins: { unblock },
      rules: { 'unblock/no-blocking-call': 'error', 'unblock/no-indirect-blocking-call': 'error' },
    },
  ];
  const order = prefer === 'twin' ? ['twin', 'worker'] : prefer === 'worker' ? ['worker', 'twin'] : ['chain', 'twin', 'worker'];
  const kinds = only ? order.slice(0, 1) : order;
  const applied = [];
  const unfixed = [];
  for (const file of sourceFiles(path.join(projectDir, 'src'))) {
    let text = readFileSync(file, 'utf8');
    const skipped = new Set();
    for (let step = 0; step < maxSteps; step++) {
      const messages = linter.verify(text, config, file).filter((message) => message.ruleId?.startsWith('unblock/'));
      const fatal = messages.find((message) => message.fatal);
      if (fatal) throw new Error(`${file}: ${fatal.message}`);
      const candidate = messages
        .filter((message) => !skipped.has(`${message.line}:${message.column}:${message.message}`))
        .map((message) => ({ message, suggestion: pick(message.suggestions ?? [], kinds) }))
        .find(({ suggestion }) => suggestion);
      if (!candidate) {
        unfixed.push(...messages.map((message) => ({ file, line: message.line, message: message.message })));
        break;
      }
      const { message, suggestion } = candidate;
      const next = text.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + text.slice(suggestion.fix.range[1]);
      if (next === text) skipped.add(`${message.line}:${message.column}:${message.message}`);
      text = next;
      applied.push({ file, line: message.line, title: suggestion.desc });
    }
    writeFileSync(file, text);
  }
  return { applied, unfixed };
}

function pick(suggestions, kinds) {
  for (const kind of kinds) {
    const found = suggestions.find((suggestion) => suggestion.messageId === messageIds[kind]);
    if (found) return found;
  }
  return undefined;
}

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.[cm]?ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [projectDir, ...flags] = process.argv.slice(2);
  if (!projectDir) {
    console.error('usage: apply-suggestions.mjs <project dir> [--prefer twin|worker|chain] [--only]');
    process.exit(2);
  }
  const preferIndex = flags.indexOf('--prefer');
  const prefer = preferIndex >= 0 ? flags[preferIndex + 1] : 'twin';
  const { applied, unfixed } = applySuggestions({ projectDir: path.resolve(projectDir), prefer, only: flags.includes('--only') });
  for (const { file, line, title } of applied) console.log(`fixed  ${path.relative(process.cwd(), file)}:${line}  ${title}`);
  for (const { file, line, message } of unfixed) console.log(`left   ${path.relative(process.cwd(), file)}:${line}  ${message}`);
  console.log(`${applied.length} suggestions applied, ${unfixed.length} findings left`);
}
