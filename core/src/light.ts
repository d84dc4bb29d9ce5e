/**
 * unblock-core/light: the part of the core that needs no TypeScript — the contracts, the catalog, the APIs that run
 * callbacks, judging async context through any syntax adapter, and matching by origin names (`allow` / `deny`). It
 * serves the plugin's untyped engine (ESLint without type information, oxlint), which must load neither `typescript`
 * nor the type checker; the main entry re-exports it with the typed analysis.
 */
export * from './contracts.js';
// Knowledge: the catalog of blocking APIs and of APIs that run callbacks.
export {
  blockingApis,
  catalogModule,
  findBlockingApi,
  findUntypedApi,
  offloadApis,
  packages,
  passThroughApis,
  reviewedBuiltins,
  untypedEntries,
  untypedNames,
  type UntypedEntry,
} from './catalog/index.js';
export { isPackageSyncCallback, packageCallbackApis, syncCallbackApis, type CallbackApi } from './catalog/callback-apis.js';
// Context, over any syntax adapter; names matched without declarations.
export { findAsyncContext, findingContext, mayBeInAsyncContext, type AsyncContext, type CallbackTiming, type ContextSyntax } from './analysis/context.js';
export { deniedAdvice, nodePrefixed, specifierMatches, userApi, type OriginName } from './analysis/match.js';
