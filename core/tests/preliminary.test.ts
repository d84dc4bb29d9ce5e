/**
 * The preliminary pass (import tracking without types) finds what the typed check confirms, and nothing it would
 * retract: the demo app file by file, and the look-alikes the typed check tells apart.
 */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectorOptions, preliminaryCheck, type PreliminaryEnvironment } from '../src/index.js';
import { ProjectUnderTest } from '../../scripts/lib/retractions.mjs';

const defaults = detectorOptions({});
const root = path.resolve(__dirname, '../..');
const withTypes: PreliminaryEnvironment = { resolves: () => true, syntheticDefaultImports: true };
const found = (code: string, fileName = 'file.ts', environment = withTypes, options = defaults) =>
  preliminaryCheck(path.join(root, fileName), code, options, environment).findings.map((finding) => `${finding.api.id} ${code.slice(...finding.range)}`);

describe('preliminaryCheck', () => {
  it('tracks imports, aliases and destructuring to catalog APIs called in async code', () => {
    expect(found(`import * as fs from 'node:fs'; export async function f() { return fs.readFileSync('x'); }`)).toEqual(["node:fs.readFileSync fs.readFileSync('x')"]);
    expect(found(`import { execSync as run } from 'child_process'; export const f = async () => run('ls');`)).toEqual(["node:child_process.execSync run('ls')"]);
    expect(found(`import fs = require('fs'); const { existsSync } = fs; export async function f() { existsSync('x'); }`)).toEqual(["node:fs.existsSync existsSync('x')"]);
    expect(found(`const { readFileSync } = require('fs'); async function f() { readFileSync('x'); }`, 'file.js')).toEqual(["node:fs.readFileSync readFileSync('x')"]);
    expect(found(`import { DatabaseSync } from 'node:sqlite'; export async function f() { return new DatabaseSync(':memory:'); }`)).toHaveLength(1);
  });

  it('leaves to the typed check what only types can tell', () => {
    // shadowed, user objects, `require` in a .ts file (typed `any`), a sync callback the types would see
    expect(found(`import * as fs from 'node:fs'; export async function f(fs: { readFileSync(p: string): string }) { return fs.readFileSync('x'); }`)).toEqual([]);
    expect(found(`const fs = { readFileSync: (p: string) => p }; export async function f() { return fs.readFileSync('x'); }`)).toEqual([]);
    expect(found(`const fs = require('fs'); export async function f() { return fs.readFileSync('x'); }`)).toEqual([]);
    expect(found(`import { readFileSync } from 'fs'; export async function f(xs: string[]) { xs.map((x) => readFileSync(x)); }`)).toEqual([]);
    // a package the project has no types for, callbacks that may be passed, an offload API in the file, `allow`
    expect(found(`import { hashSync } from 'bcryptjs'; export async function f() { hashSync('x', 10); }`, 'file.ts', { ...withTypes, resolves: () => false })).toEqual([]);
    expect(found(`import { randomBytes } from 'crypto'; export async function f(cb: () => void) { randomBytes(16, cb); }`)).toEqual([]);
    expect(found(`import { readFileSync } from 'fs'; import { runAsWorker } from 'synckit'; runAsWorker(async () => readFileSync('x'));`)).toEqual([]);
    const allow = detectorOptions({ allow: [{ from: 'package', package: 'fs', name: 'readFileSync' }] });
    expect(found(`import { readFileSync } from 'fs'; export async function f() { readFileSync('x'); }`, 'file.ts', withTypes, allow)).toEqual([]);
  });
});

describe('retractions', () => {
  it('none on the demo app: every preliminary finding is one the typed check reports', () => {
    const project = new ProjectUnderTest(path.join(root, 'fixtures/demo-app'));
    let preliminary = 0;
    const retracted: string[] = [];
    for (const fileName of project.fileNames) {
      const comparison = project.compare(fileName, defaults);
      preliminary += comparison.preliminary.length;
      retracted.push(...comparison.retracted.map((finding) => `${path.relative(root, fileName)}: ${finding.api.id} at ${finding.range[0]}`));
    }
    console.log(`demo app: ${preliminary} preliminary findings, ${retracted.length} retracted`);
    expect(retracted).toEqual([]);
    expect(preliminary).toBeGreaterThan(0);
  });
});
