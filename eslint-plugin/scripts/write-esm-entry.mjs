// The plugin compiles to CommonJS; this writes the ESM entry that re-exports it, so both `import` and `require` work.
import { writeFileSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url);
writeFileSync(
  new URL('index.mjs', dist),
  "import plugin from './index.js';\n\nexport default plugin;\nexport const { meta, rules, configs } = plugin;\n",
);
writeFileSync(
  new URL('index.d.mts', dist),
  "import plugin from './index.js';\n\nexport default plugin;\nexport declare const meta: typeof plugin.meta, rules: typeof plugin.rules, configs: typeof plugin.configs;\n",
);
