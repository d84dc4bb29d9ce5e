/**
 * The real-world evaluation's own checks (no network, no linting): the committed labels and manifest are well formed
 * and large enough, and the matcher and counting in scripts/eval/score.mjs do what the report claims.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkPositions,
  labelledName,
  matchFindings,
  metrics,
  parseLabelFile,
  scoreKind,
  validateLabels,
  type Finding,
  type Label,
} from '../scripts/eval/score.mjs';

const evalDir = path.resolve(import.meta.dirname, '../eval');
const manifest = JSON.parse(readFileSync(path.join(evalDir, 'projects.json'), 'utf8')) as {
  projects: { id: string; package: string; version: string; integrity: string; repository: string; dirs: string[] }[];
};
const labelFiles = readdirSync(path.join(evalDir, 'labels')).filter((file) => file.endsWith('.jsonl'));
const labels = new Map(
  labelFiles.map((file) => {
    const id = file.slice(0, -'.jsonl'.length);
    return [id, parseLabelFile(id, readFileSync(path.join(evalDir, 'labels', file), 'utf8'))] as const;
  }),
);
const allRows = [...labels.values()].flatMap(({ rows }) => rows);

describe('eval/ labels and manifest', () => {
  it('pins every project to an npm version with a sha512 integrity', () => {
    for (const project of manifest.projects) {
      expect(project.version, project.id).toMatch(/^\d+\.\d+\.\d+$/);
      expect(project.integrity, project.id).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
      expect(project.dirs.length, project.id).toBeGreaterThan(0);
    }
  });

  it('has a label file for each project and a project for each label file', () => {
    expect([...labels.keys()].sort()).toEqual(manifest.projects.map((project) => project.id).sort());
  });

  it('labels parse and follow the schema (a reason on every row)', () => {
    const problems = [...labels.entries()].flatMap(([id, { rows, problems: parse }]) => [...parse, ...validateLabels(id, rows)]);
    expect(problems).toEqual([]);
  });

  it('covers at least 10 open-source projects and 300 call sites, 40 of them indirect', () => {
    expect(new Set(manifest.projects.map((project) => project.repository)).size).toBeGreaterThanOrEqual(10);
    expect(allRows.length).toBeGreaterThanOrEqual(300);
    const count = (kind: 'direct' | 'indirect', verdict: string) => allRows.filter((row) => row.expected[kind] === verdict).length;
    expect(count('direct', 'flag') + count('direct', 'no-flag')).toBeGreaterThanOrEqual(300);
    expect(count('indirect', 'flag') + count('indirect', 'no-flag')).toBeGreaterThanOrEqual(40);
    // Both verdicts in numbers for both kinds: a sample of only positives would say nothing about false alarms.
    for (const kind of ['direct', 'indirect'] as const) {
      expect(count(kind, 'flag'), kind).toBeGreaterThanOrEqual(20);
      expect(count(kind, 'no-flag'), kind).toBeGreaterThanOrEqual(20);
    }
  });
});

const label = (line: number, column: number, expected: Label['expected'], file = 'a.js'): Label => ({
  file,
  line,
  column,
  api: 'fs.readFileSync',
  expected,
  reason: 'synthetic label for the matcher test',
});

describe('validateLabels', () => {
  it('reports each kind of broken row', () => {
    const problems = validateLabels('p', [
      { file: '/abs.js', line: 0, column: 1, api: 'x', expected: { direct: 'flag' }, reason: 'long enough reason' },
      { file: 'a.js', line: 1, column: 1, api: 'x', expected: { direct: 'yes' }, reason: 'long enough reason' },
      { file: 'a.js', line: 2, column: 1, api: 'x', expected: { other: 'flag' }, reason: 'long enough reason' },
      { file: 'a.js', line: 3, column: 1, api: 'x', expected: { direct: 'flag' }, reason: '' },
      { file: 'a.js', line: 3, column: 1, api: 'x', expected: { direct: 'no-flag' }, reason: 'duplicate of the row above' },
      { file: 'a.js', line: 4, column: 1, api: '', expected: {}, reason: 'two lines\nof reason' },
    ]);
    expect(problems).toEqual([
      "p row 1: file must be a relative path with '/'",
      'p row 1: line must be a positive integer',
      "p row 2: expected.direct must be 'flag' or 'no-flag'",
      'p row 3: expected.other is not one of direct, indirect',
      'p row 4: reason must say why in a line',
      'p row 5: a second direct label for a.js:3:1',
      'p row 6: api is missing',
      'p row 6: reason must be one line',
      'p row 6: expected names no rule kind',
    ]);
  });

  it('reports a line that is not JSON instead of throwing', () => {
    expect(parseLabelFile('p', '{"a":1}\n{oops\n').problems).toEqual([expect.stringMatching(/^p line 2: not JSON/)]);
  });
});

describe('labelledName / checkPositions', () => {
  it('names the callee a position must point at', () => {
    expect(labelledName('fs.readFileSync')).toBe('readFileSync');
    expect(labelledName("this._cliConfig.set('running', null).save()")).toBe('save');
    expect(labelledName('new Glob({ sync: true })')).toBe('Glob');
    expect(labelledName("require('crypto').randomBytes")).toBe('randomBytes');
    expect(labelledName('fs.readFileSync (passed)')).toBe('readFileSync');
  });

  it('flags a label whose column is off', () => {
    const source = ['const x = fs.readFileSync(p);'];
    const read = (_file: string, line: number) => source[line - 1];
    expect(checkPositions('p', [label(1, 14, { direct: 'flag' })], read)).toEqual([]);
    expect(checkPositions('p', [label(1, 11, { direct: 'flag' })], read)).toEqual(['p a.js:1:11: expected `readFileSync` there, found `fs.readFileSync(p);`']);
    expect(checkPositions('p', [label(2, 1, { direct: 'flag' })], read)).toEqual(['p a.js:2: no such line']);
  });
});

describe('matchFindings / scoreKind / metrics', () => {
  // fs.writeFileSync(p, fs.readFileSync(q)) on line 3: names at columns 4 and 24.
  const outer = label(3, 4, { direct: 'flag' });
  const inner = label(3, 24, { direct: 'no-flag' });
  const other = label(5, 1, { direct: 'flag' });
  const unflagged = label(7, 1, { direct: 'no-flag' });
  const indirectOnly = label(9, 3, { indirect: 'flag' });
  const sites = [outer, inner, other, unflagged, indirectOnly];

  it('gives nested calls to the narrowest finding first and keeps the rest unmatched', () => {
    const findings: Finding[] = [
      { file: 'a.js', line: 3, column: 1, endLine: 3, endColumn: 40 }, // outer call expression
      { file: 'a.js', line: 3, column: 21, endLine: 3, endColumn: 39 }, // inner call expression
      { file: 'a.js', line: 5, column: 1, endLine: 5, endColumn: 13 }, // n/no-sync style: only the name
      { file: 'a.js', line: 6, column: 1, endLine: 6, endColumn: 9 }, // on no label
      { file: 'b.js', line: 3, column: 1, endLine: 3, endColumn: 40 }, // another file
    ];
    const { byLabel, unmatched } = matchFindings([outer, inner, other, unflagged], findings);
    expect(byLabel.get(inner)).toBe(findings[1]);
    expect(byLabel.get(outer)).toBe(findings[0]);
    expect(byLabel.get(other)).toBe(findings[2]);
    expect(byLabel.has(unflagged)).toBe(false);
    expect(unmatched).toEqual([findings[3], findings[4]]);
  });

  it('counts outcomes per kind; off-label findings in sampled files are false alarms for direct sites only', () => {
    const findings: Finding[] = [
      { file: 'a.js', line: 3, column: 21, endLine: 3, endColumn: 39 },
      { file: 'a.js', line: 5, column: 1, endLine: 5, endColumn: 30 },
      { file: 'a.js', line: 6, column: 1, endLine: 6, endColumn: 9 },
      { file: 'b.js', line: 1, column: 1, endLine: 1, endColumn: 9 },
    ];
    const direct = scoreKind('direct', sites, findings);
    expect(direct.outcomes.map(({ label: site, outcome }) => [site.line, site.column, outcome])).toEqual([
      [3, 4, 'FN'],
      [3, 24, 'FP'],
      [5, 1, 'TP'],
      [7, 1, 'TN'],
    ]);
    expect(direct.off).toEqual([findings[2]]); // b.js is not a sampled file
    expect(metrics(direct.outcomes, direct.off.length)).toEqual({ TP: 1, FP: 2, FN: 1, TN: 1, precision: 1 / 3, recall: 0.5 });

    const indirect = scoreKind('indirect', sites, [{ file: 'a.js', line: 9, column: 1, endLine: 9, endColumn: 20 }]);
    expect(indirect.outcomes.map(({ outcome }) => outcome)).toEqual(['TP']);
    expect(indirect.offScored).toBe(false);
  });

  it('leaves precision undefined when nothing is flagged', () => {
    expect(metrics([{ outcome: 'TN' }, { outcome: 'FN' }])).toEqual({ TP: 0, FP: 0, FN: 1, TN: 1, precision: undefined, recall: 0 });
  });
});
