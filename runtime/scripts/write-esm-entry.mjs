// The runtime compiles to CommonJS; this writes the ESM entry that re-exports it, so both `import` and `require` work.
// The ESM file holds no state of its own, so ESM and CommonJS callers share one worker pool.
import { writeFileSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url);
writeFileSync(
  new URL('index.mjs', dist),
  "import runtime from './index.js';\n\nexport const { inWorker, runInWorker, closeWorkers } = runtime;\n",
);
writeFileSync(new URL('index.d.mts', dist), "export * from './index.js';\n");
