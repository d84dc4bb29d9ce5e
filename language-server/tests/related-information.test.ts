/** Related information of a diagnostic: the function that runs the call, where async code calls a local helper. */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import type { Finding } from 'unblock-core';
import { toDiagnostic } from '../src/diagnostics.js';

const text = [
  "import { writeFileSync } from 'node:fs';",
  'export async function init(p: string) {',
  "  const write = () => writeFileSync(p, 'x');",
  '  write();',
  '  await Promise.resolve();',
  '  write();',
  '}',
  '',
].join('\n');
const at = (needle: string, from = 0): [number, number] => {
  const start = text.indexOf(needle, from);
  return [start, start + needle.length];
};

describe('toDiagnostic', () => {
  it('points at each call of the local helper from async code (`calledFrom`)', () => {
    const document = TextDocument.create('file:///w/init.ts', 'typescript', 3, text);
    const first = at('write();');
    const finding: Finding = {
      kind: 'direct',
      api: { module: 'node:fs', path: 'writeFileSync', id: 'node:fs.writeFileSync', category: 'fs', docs: '' },
      range: at("writeFileSync(p, 'x')"),
      context: { kind: 'async', fn: { async: true, kind: 'function', name: 'init', range: [text.indexOf('export async'), text.length - 1] }, calledFrom: [first, at('write();', first[1])] },
      fixes: [],
    };
    const diagnostic = toDiagnostic(finding, document, DiagnosticSeverity.Error);
    expect(diagnostic.relatedInformation?.map(({ location, message }) => `${location.uri} ${location.range.start.line}:${location.range.start.character} ${message}`)).toEqual([
      'file:///w/init.ts 1:0 the async function that runs it',
      'file:///w/init.ts 3:2 called here from async code',
      'file:///w/init.ts 5:2 called here from async code',
    ]);
  });
});
