// The sample of the evaluation: which call sites get a hand label. A site is a call (or a function reference passed
// as an argument) whose callee's last name looks like a blocking API — ends in `Sync`, or is `sync`, `randomBytes`,
// `pseudoRandomBytes`, `randomInt`, `Atomics.wait`, `deasync` — in the sampled files of a project: every file of
// the manifest's folders, or, when the manifest gives `sample: { files, seed }`, that many files drawn with the seed
// from those that have such a site. The selection is by spelling only, so it includes look-alikes (a project's own
// `loadSync`) that must be labelled no-flag. Printed with the enclosing functions as a reading aid; labels are
// written by hand after reading the code.
//   node scripts/eval/candidates.mjs <project id> [--jsonl]
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from '@typescript-eslint/typescript-estree';
import { mulberry32 } from '../lib/random.mjs';
import { ensureProject, readManifest, sourceFiles } from './sources.mjs';

const apiName = /(?:Sync|^sync|^randomBytes|^pseudoRandomBytes|^randomInt|^deasync)$/;

/** The callee's last name and its position (1-based line and column, as ESLint reports them). */
function calleeName(node) {
  if (node.type === 'Identifier') return node;
  if (node.type === 'MemberExpression' && !node.computed) return node.property;
  if (node.type === 'ChainExpression') return calleeName(node.expression);
  return undefined;
}

function describeFunction(fn, parent) {
  const flags = `${fn.async ? 'async ' : ''}${fn.generator ? 'generator ' : ''}`;
  let name = fn.id?.name;
  if (!name && parent?.type === 'VariableDeclarator') name = parent.id.name;
  if (!name && ['MethodDefinition', 'Property', 'PropertyDefinition'].includes(parent?.type)) name = parent.key?.name ?? parent.key?.value;
  if (!name && (parent?.type === 'CallExpression' || parent?.type === 'NewExpression')) {
    const callee = calleeName(parent.callee);
    name = `callback of ${parent.type === 'NewExpression' ? 'new ' : ''}${callee ? callee.name : '(…)'}()`;
  }
  return `${flags}${fn.type === 'ArrowFunctionExpression' ? 'arrow' : 'function'} ${name ?? '(anonymous)'}`.trim();
}

const isFunction = (node) => ['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression'].includes(node?.type);

/** Every candidate site of one file, with the chain of enclosing functions (innermost first). */
export function candidatesOf(code, file) {
  const ast = parse(code, { loc: true, range: true, jsx: /\.[jt]sx$/.test(file), comment: false });
  const sites = [];
  const stack = [];
  const visit = (node, parent) => {
    if (!node || typeof node.type !== 'string') return;
    const fn = isFunction(node);
    if (fn) stack.push(describeFunction(node, parent));
    if (node.type === 'CallExpression' || node.type === 'NewExpression') {
      const name = calleeName(node.callee);
      const isAtomicsWait = node.callee.type === 'MemberExpression' && node.callee.object.name === 'Atomics' && name?.name === 'wait';
      if (name && (apiName.test(name.name) || isAtomicsWait)) {
        sites.push({ file, line: name.loc.start.line, column: name.loc.start.column + 1, api: code.slice(node.callee.range[0], node.callee.range[1]).replace(/\s+/g, ''), within: [...stack].reverse().join(' › ') || '(module level)' });
      }
      for (const argument of node.arguments) {
        const reference = calleeName(argument);
        if (reference && /Sync$/.test(reference.name)) {
          sites.push({ file, line: reference.loc.start.line, column: reference.loc.start.column + 1, api: `${code.slice(argument.range[0], argument.range[1])} (passed)`, within: [...stack].reverse().join(' › ') || '(module level)' });
        }
      }
    }
    for (const key of Object.keys(node)) {
      if (key === 'parent' || key === 'loc' || key === 'range') continue;
      const value = node[key];
      if (Array.isArray(value)) value.forEach((child) => visit(child, node));
      else if (value && typeof value.type === 'string') visit(value, node);
    }
    if (fn) stack.pop();
  };
  visit(ast, undefined);
  return sites;
}

/** The project's sampled files and their candidate sites. */
export function sampledCandidates(project, root) {
  const byFile = new Map();
  for (const file of sourceFiles(project, root)) {
    const sites = candidatesOf(readFileSync(path.join(root, file), 'utf8'), file);
    if (sites.length > 0) byFile.set(file, sites);
  }
  let files = [...byFile.keys()];
  if (project.sample) {
    const next = mulberry32(project.sample.seed);
    const shuffled = files.map((file) => [next(), file]).sort((a, b) => a[0] - b[0]).map(([, file]) => file);
    files = shuffled.slice(0, project.sample.files).sort();
  }
  return files.flatMap((file) => byFile.get(file));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [id, format] = process.argv.slice(2);
  const project = readManifest().projects.find((candidate) => candidate.id === id);
  if (!project) throw new Error(`unknown project ${id}`);
  const root = ensureProject(project);
  for (const site of sampledCandidates(project, root)) {
    if (format === '--jsonl') console.log(JSON.stringify({ file: site.file, line: site.line, column: site.column, api: site.api }));
    else {
      const text = readFileSync(path.join(root, site.file), 'utf8').split('\n')[site.line - 1].trim();
      console.log(`${site.file}:${site.line}:${site.column}  [${site.within}]\n    ${text.slice(0, 150)}`);
    }
  }
}
