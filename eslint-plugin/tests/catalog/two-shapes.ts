/**
 * Cases for a package that blocks through a named `…Sync` export in its current (ESM) versions and through `.sync`
 * on the default export in its older CommonJS ones (`locatePathSync` / `locatePath.sync`).
 */
import type { CatalogCase } from './types.js';

export function twoShapeCases(module: string, syncName: string, legacyName: string, asyncName: string): { invalid: CatalogCase[]; valid: string[] } {
  return {
    invalid: [
      { code: `import { ${syncName} } from '${module}';\nexport async function run() { return ${syncName}('x'); }`, ids: [`${module}.${syncName}`] },
      { code: `const ${legacyName} = require('${module}');\nexports.run = async () => ${legacyName}.sync('x');`, ids: [`${module}.sync`], filename: 'script.js' },
    ],
    valid: [`import { ${asyncName} } from '${module}';\nexport async function run() { return ${asyncName}('x'); }`],
  };
}
