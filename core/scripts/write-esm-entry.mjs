// The core compiles to CommonJS; this writes the ESM entry that re-exports it, so both `import` and `require` work
// and share one module (one catalog, one set of caches). The names are read from the build, so none is missed.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const dist = new URL('../dist/', import.meta.url);
const names = Object.keys(createRequire(import.meta.url)('../dist/index.js')).filter((name) => name !== '__esModule');
writeFileSync(new URL('index.mjs', dist), `import core from './index.js';\n\nexport const { ${names.join(', ')} } = core;\n`);
writeFileSync(new URL('index.d.mts', dist), "export * from './index.js';\n");
