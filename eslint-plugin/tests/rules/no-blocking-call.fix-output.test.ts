/**
 * Suggestions applied, then checked as a user would: the code still runs and gives the same result (no
 * statement glued to the one before it by ASI), comments survive, the import a fix leaves unused is gone
 * (`tsc --noUnusedLocals` passes), and new imports follow the file's quotes and semicolons.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { lintTyped } from '../util/rule-tester.js';

const rules = { 'unblock/no-blocking-call': 'error' } as const;
const work = path.resolve(__dirname, '../../../artifacts/fix-output');

/** Every suggestion of `code` applied alone: the outputs, with their titles. */
function suggestionsOf(code: string, filename = 'file.ts'): { title: string; output: string }[] {
  return lintTyped(code, { filename, rules }).flatMap((message) =>
    (message.suggestions ?? []).map((suggestion) => ({
      title: suggestion.desc,
      output: code.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + code.slice(suggestion.fix.range[1]),
    })),
  );
}

/** Applies the first suggestion until none is left (re-linting after each, as in an editor). */
function applyAll(code: string, filename = 'file.ts'): string {
  for (let step = 0; step < 50; step++) {
    const [first] = suggestionsOf(code, filename);
    if (!first) return code;
    code = first.output;
  }
  throw new Error('suggestions did not converge');
}

/** Runs `export async function f(p)` of a TypeScript or CommonJS source, transpiled, on a real file. */
async function run(source: string, name: string, commonjs = false): Promise<unknown> {
  await mkdir(work, { recursive: true });
  const output = ts.transpileModule(source, { compilerOptions: { module: commonjs ? ts.ModuleKind.CommonJS : ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  const file = path.join(work, `${name}.${commonjs ? 'cjs' : 'mjs'}`);
  await writeFile(file, output);
  const module = (await import(pathToFileURL(file).href)) as { f?: (p: string) => Promise<unknown>; default?: { f: (p: string) => Promise<unknown> } };
  const f = module.f ?? module.default!.f;
  return f(path.join(__dirname, '../../../fixtures/typed/tsconfig.json'));
}

/** `tsc --noUnusedLocals` over files written into one project. */
function typeCheck(files: Record<string, string>): string {
  const dir = path.join(work, 'tsc');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const options = { strict: true, noUnusedLocals: true, module: 'nodenext', target: 'es2022', esModuleInterop: true, skipLibCheck: true, noEmit: true, types: ['node'] };
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...options, typeRoots: [path.resolve(__dirname, '../../../node_modules/@types')] } }));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
  return tsc.stdout + tsc.stderr;
}

describe('ASI: a rewrite that starts a statement with `(`', () => {
  // Each line before a call ends an expression that `(` would call, except `if (…) g()`'s is `g()` too, and `() => {}`.
  const noSemicolons = `import * as fs from "node:fs"
export async function f(p: string) {
  const o = {}
  fs.readFileSync(p).toString()
  let g = function () { return 1 }
  fs.readFileSync(p, "utf8").length
  let x = 1
  x = 2
  fs.readFileSync(p).byteLength
  if (o) g()
  fs.readFileSync(p).toString()
  const h = () => {}
  fs.readFileSync(p).toString()
  return [typeof o, typeof g, x, typeof h]
}
`;

  it('adds a leading `;` exactly where the previous line would be continued (TypeScript, no semicolons)', () => {
    const outputs = suggestionsOf(noSemicolons).map(({ output }) => output.split('\n').find((line) => line.includes('await'))!.trim());
    expect(outputs).toEqual([
      ';(await fs.promises.readFile(p)).toString()',
      ';(await fs.promises.readFile(p, "utf8")).length',
      ';(await fs.promises.readFile(p)).byteLength',
      ';(await fs.promises.readFile(p)).toString()',
      '(await fs.promises.readFile(p)).toString()', // after `() => {}` ASI ends the statement
    ]);
  });

  it('the fixed function runs and returns what the original returns', async () => {
    const fixed = applyAll(noSemicolons);
    expect(fixed).not.toContain('readFileSync');
    expect(await run(fixed, 'asi-fixed')).toEqual(await run(noSemicolons, 'asi-original'));
  });

  it('the same in CommonJS JavaScript', async () => {
    const code = `const fs = require("node:fs")
/** @param {string} p */
exports.f = async function f(p) {
  const o = {}
  fs.readFileSync(p).toString()
  let n = 1
  n = 2
  fs.readFileSync(p).byteLength
  return [typeof o, n]
}
`;
    const fixed = applyAll(code, 'script.js');
    expect(fixed).toContain(';(await fs.promises.readFile(p)).toString()');
    expect(fixed).toContain(';(await fs.promises.readFile(p)).byteLength');
    expect(await run(fixed, 'asi-js-fixed', true)).toEqual(await run(code, 'asi-js-original', true));
  });
});

describe('comments inside the rewritten call', () => {
  it('keeps the callee\'s and the arguments\' comments', () => {
    const code = `import * as fs from 'node:fs';
export async function f(p: string) {
  return fs /* c */ .readFileSync(/* e */ p, 'utf8' /* g */);
}
`;
    const [fix] = suggestionsOf(code);
    expect(fix!.output).toContain(`return await /* c */ fs.promises.readFile(/* e */ p, 'utf8' /* g */);`);
  });

  it('turns a line comment in the callee into a block comment and keeps a multi-line argument list', async () => {
    const code = `import * as fs from 'node:fs';
export async function f(p: string) {
  return fs // the module
    .readFileSync(
      p, // the path
      'utf8',
    ).length;
}
`;
    const [fix] = suggestionsOf(code);
    expect(fix!.output).toContain(`return (await /* the module */ fs.promises.readFile(
      p, // the path
      'utf8',
    )).length;`);
    expect(await run(fix!.output, 'comments-fixed')).toEqual(await run(code, 'comments-original'));
  });
});

describe('the import the fix leaves unused', () => {
  const cases: Record<string, { code: string; expected: RegExp[]; absent?: RegExp[] }> = {
    'only use: the declaration is replaced by the new import': {
      code: `import { readFileSync } from 'node:fs';\nexport async function f(p: string) { return readFileSync(p, 'utf8'); }\n`,
      expected: [/^import \{ readFile \} from 'node:fs\/promises';\nexport/],
      absent: [/readFileSync/],
    },
    'another name in the same import stays': {
      code: `import { readFileSync, writeFileSync } from 'node:fs';\nexport async function f(p: string) { writeFileSync(p, 'x'); return readFileSync(p, 'utf8'); }\n`,
      expected: [/^import \{ writeFileSync \} from 'node:fs';\nimport \{ readFile \} from 'node:fs\/promises';/],
    },
    'a type-only use keeps it': {
      code: `import { readFileSync } from 'node:fs';\nexport type Reader = typeof readFileSync;\nexport async function f(p: string) { return readFileSync(p, 'utf8'); }\n`,
      expected: [/^import \{ readFileSync \} from 'node:fs';/],
    },
    'a re-export keeps it': {
      code: `import { readFileSync } from 'node:fs';\nexport { readFileSync };\nexport async function f(p: string) { return readFileSync(p, 'utf8'); }\n`,
      expected: [/^import \{ readFileSync \} from 'node:fs';/],
    },
    'a default import beside it stays, and provides fs.promises': {
      code: `import fs, { readFileSync } from 'fs';\nexport async function f(p: string) { return readFileSync(p, 'utf8') + fs.constants.F_OK; }\n`,
      expected: [/^import fs from 'fs';\n/, /await fs\.promises\.readFile\(p, 'utf8'\)/],
    },
  };
  for (const [name, { code, expected, absent = [] }] of Object.entries(cases)) {
    it(name, () => {
      const fix = suggestionsOf(code).find(({ title }) => title.includes('`readFile`') || title.includes('.readFile`'));
      for (const pattern of expected) expect(fix!.output).toMatch(pattern);
      for (const pattern of absent) expect(fix!.output).not.toMatch(pattern);
    });
  }

  it('two pending suggestions: each applied alone keeps the import the other still uses; the last removes it', () => {
    const code = `import { readFileSync } from 'node:fs';\nexport async function f(p: string) { return readFileSync(p, 'utf8') + readFileSync(p, 'utf8'); }\n`;
    const alone = suggestionsOf(code);
    expect(alone).toHaveLength(2);
    for (const { output } of alone) expect(output).toMatch(/^import \{ readFileSync \} from 'node:fs';/);
    const files = Object.fromEntries([
      ...Object.values(cases).map(({ code }, index) => [`case${index}.ts`, applyAll(code)]),
      ['both.ts', applyAll(code)],
    ]);
    expect(files['both.ts']).not.toContain('readFileSync');
    expect(typeCheck(files)).toBe('');
  });

  it('a require destructuring loses the name, or the whole statement', () => {
    const code = `const { readFileSync, existsSync } = require('node:fs');\n/** @param {string} p */\nexports.f = async function f(p) { return existsSync(p) && readFileSync(p, 'utf8'); };\n`;
    const fixed = applyAll(code, 'script.js');
    expect(fixed).not.toMatch(/readFileSync|existsSync/);
    expect(fixed).toMatch(/^const \{ access, readFile \} = require\('node:fs\/promises'\);\n/);
  });
});

describe("the file's own style", () => {
  it('double quotes and no semicolons', () => {
    const code = `import { readFileSync } from "node:fs"\nimport * as path from "node:path"\nexport async function f(p: string) {\n  return readFileSync(path.join(p, "a"), "utf8")\n}\n`;
    const [fix] = suggestionsOf(code);
    expect(fix!.title).toBe('Use the async API `readFile` from `node:fs/promises` (adds `await`).');
    expect(fix!.output).toBe(`import * as path from "node:path"\nimport { readFile } from "node:fs/promises"\nexport async function f(p: string) {\n  return await readFile(path.join(p, "a"), "utf8")\n}\n`);
  });

  it('an existing import that provides the async API is used: fs-extra, `import { promises }`, `fs/promises` default', () => {
    const outputs = [
      `import fs from "fs-extra";\nimport { readFileSync } from "fs";\nexport async function f(p: string) { return readFileSync(p, "utf8") + (await fs.readFile(p, "utf8")); }\n`,
      `import { promises, readFileSync } from 'fs';\nexport async function f(p: string) { return readFileSync(p, 'utf8'); }\n`,
      `import fsp from 'fs/promises';\nimport { readFileSync } from 'fs';\nexport async function f(p: string) { return readFileSync(p, 'utf8') + (await fsp.readFile(p, 'utf8')); }\n`,
    ].map((code) => suggestionsOf(code)[0]!);
    expect(outputs.map(({ title }) => title)).toEqual([
      'Use the async API `fs.promises.readFile` (adds `await`).',
      'Use the async API `promises.readFile` (adds `await`).',
      'Use the async API `fsp.readFile` (adds `await`).',
    ]);
    expect(outputs[0]!.output).toBe(`import fs from "fs-extra";\nexport async function f(p: string) { return await fs.promises.readFile(p, "utf8") + (await fs.readFile(p, "utf8")); }\n`);
    expect(outputs[1]!.output).toBe(`import { promises } from 'fs';\nexport async function f(p: string) { return await promises.readFile(p, 'utf8'); }\n`);
    expect(outputs[2]!.output).toContain(`return await fsp.readFile(p, 'utf8') + (await fsp.readFile(p, 'utf8'));`);
    expect(typeCheck(Object.fromEntries(outputs.map(({ output }, index) => [`style${index}.ts`, output])))).toBe('');
  });

  it("the worker fix's specifiers in the file's quotes", () => {
    const code = `import crypto from "node:crypto"\nexport async function f(s: string) {\n  return crypto.pbkdf2Sync(s, "salt", 1000, 32, "sha256")\n}\n`;
    const worker = suggestionsOf(code).find(({ title }) => title.startsWith('Run'))!;
    expect(worker.output).toBe(`import { inWorker } from "unblock"\nexport async function f(s: string) {\n  return await inWorker<typeof import("node:crypto")>("node:crypto").pbkdf2Sync(s, "salt", 1000, 32, "sha256")\n}\n`);
  });
});
