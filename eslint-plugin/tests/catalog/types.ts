/**
 * Test-case data for the catalog: one `<catalog-module>.cases.ts` per file in core/src/catalog, each
 * exporting `invalid: CatalogCase[]` and `valid: (string | CatalogCase)[]` (a string is a 'file.ts'
 * snippet; an object with `ids: []` when it needs `filename` or `nodeTypes`).
 */
export interface CatalogCase {
  /** A complete TypeScript module; the blocking calls sit inside async functions. */
  code: string;
  /** Catalog ids (`${module}.${path}`) expected to be reported, in source order. */
  ids: string[];
  /**
   * The fixture file to lint the code as (fixtures/typed, `allowJs`). Default 'file.ts' (CommonJS, since
   * fixtures/package.json has no "type"); 'file.mts' for ESM-only type entry points (`fs-extra/esm`);
   * 'script.js' for plain CommonJS `require()` code: in a .ts file `require()` returns `any`, in a .js file
   * TypeScript resolves it to the module.
   */
  filename?: 'file.ts' | 'file.mts' | 'script.js';
  /**
   * Needs newer Node typings than the installed `@types/node@20`: 22 (node:sqlite) lints it in fixtures/typed-node22,
   * 24 (`crypto.argon2Sync`, zstd, sqlite tag stores) in fixtures/typed-node24.
   */
  nodeTypes?: 22 | 24;
}
