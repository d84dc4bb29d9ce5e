/** The code style of new text: Prettier and EditorConfig settings read as data, else the file's own imports and statements. */
import * as path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { editorconfigSettings, fileStyle, prettierSettings, projectStyleSettings, quoted } from '../src/fixes/style.js';

const source = (text: string) => ts.createSourceFile('/p/src/a.ts', text, ts.ScriptTarget.Latest, true);

describe('fileStyle', () => {
  it('takes the quote of the import specifiers and whether statements end with `;`', () => {
    expect(fileStyle(source(`import a from "a"\nconst b = 'b'\nexport { a, b }\n`))).toEqual({ quote: '"', semicolons: false });
    expect(fileStyle(source(`const a = require('a');\nmodule.exports = "x";\n`))).toEqual({ quote: "'", semicolons: true });
    // no imports: the file's strings decide
    expect(fileStyle(source(`export const a = "a"\nexport const b = "b"\n`))).toEqual({ quote: '"', semicolons: false });
  });

  it('project settings win over the file', () => {
    expect(fileStyle(source(`import a from "a"\n`), { quote: "'", semicolons: true })).toEqual({ quote: "'", semicolons: true });
  });

  it('quotes a specifier in the style', () => {
    expect(quoted(`it's`, { quote: "'", semicolons: true })).toBe(`'it\\'s'`);
    expect(quoted('node:fs', { quote: '"', semicolons: true })).toBe('"node:fs"');
  });
});

describe('Prettier and EditorConfig settings', () => {
  it('reads singleQuote and semi from JSON, YAML and package.json', () => {
    expect(prettierSettings('{ "singleQuote": true, "semi": false }', '.prettierrc')).toEqual({ quote: "'", semicolons: false });
    expect(prettierSettings('semi: false\nsingleQuote: false # double\n', '.prettierrc.yaml')).toEqual({ quote: '"', semicolons: false });
    expect(prettierSettings('{ "name": "x", "prettier": { "semi": true } }', 'package.json')).toEqual({ semicolons: true });
    expect(prettierSettings('{ broken', '.prettierrc.json')).toBeUndefined();
  });

  it('reads quote_type from the .editorconfig sections that match the file', () => {
    const text = `root = true\n[*]\nquote_type = double\n[*.md]\nquote_type = single\n`;
    expect(editorconfigSettings(text, '/p', '/p/src/a.ts')).toEqual({ settings: { quote: '"' }, root: true });
    expect(editorconfigSettings(`[src/**.{ts,js}]\nquote_type = single\n`, '/p', '/p/src/a.ts').settings).toEqual({ quote: "'" });
    expect(editorconfigSettings(`[lib/*.ts]\nquote_type = single\n`, '/p', '/p/src/a.ts').settings).toEqual({});
  });

  it('finds the nearest config upwards; Prettier wins over EditorConfig; nothing is loaded as code', () => {
    const files: Record<string, string> = {
      '/p/.editorconfig': 'root = true\n[*]\nquote_type = double\n',
      '/p/package.json': '{ "name": "p", "prettier": { "semi": false } }',
      '/p/src/.prettierrc.js': 'module.exports = { semi: true }', // code: ignored
    };
    const read = (file: string) => files[file.split(path.sep).join('/')];
    expect(projectStyleSettings('/p/src/a.ts', read)).toEqual({ quote: '"', semicolons: false });
    files['/p/src/.prettierrc'] = '{ "singleQuote": true }';
    expect(projectStyleSettings('/p/src/a.ts', read)).toEqual({ quote: "'" });
  });
});
