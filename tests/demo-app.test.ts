/** The demo app's findings are exactly the lines marked `// expect: <rule>`: nothing missed, nothing extra. */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import { expect, it } from 'vitest';

const demoApp = path.resolve(import.meta.dirname, '../fixtures/demo-app');

it('reports every marked line of fixtures/demo-app and nothing else', async () => {
  const eslint = new ESLint({ cwd: demoApp });
  const results = await eslint.lintFiles(['.']);
  const found = results
    .flatMap((result) => result.messages.map((message) => `${path.relative(demoApp, result.filePath)}:${message.line} ${message.ruleId}`))
    .sort();
  const sources = await Promise.all(results.map(async (result) => [result.filePath, await readFile(result.filePath, 'utf8')] as const));
  const expected = sources
    .flatMap(([file, text]) =>
      text.split('\n').flatMap((line, index) => {
        const marker = /\/\/ expect: (\S+)/.exec(line);
        return marker ? [`${path.relative(demoApp, file)}:${index + 1} ${marker[1]}`] : [];
      }),
    )
    .sort();
  expect(expected.length).toBeGreaterThanOrEqual(10);
  expect(found).toEqual(expected);
});
