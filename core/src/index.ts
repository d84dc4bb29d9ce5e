/** The detection core: TypeScript AST + type checker in, plain findings out. No ESLint or LSP imports. */
export * from './catalog/types.js';
export { blockingApis, packages, findBlockingApi, offloadApis } from './catalog/index.js';
export { syncCallbackApis, type CallbackApi } from './catalog/callback-apis.js';
export * from './analysis/context.js';
export * from './finding.js';
export { BlockingCallDetector, type DetectorOptions } from './analysis/detect.js';
export { checkedFile, checkEditedFile, prepareEdit, type CheckedFile, type PreparedEdit } from './incremental/edit.js';
export { argumentsOf, CallResolver, isCallLike, specifierMatches, type CallLike, type TypeOrValueSpecifier } from './analysis/resolve.js';
export { canonicalModule, originOf, packageOfFile, type Origin } from './analysis/origin.js';
export { FunctionSummaries, defaultSummaryLimits, type ChainLink, type Summary, type SummaryLimits } from './analysis/summaries.js';
export { hasMarker, blockingTagNames } from './analysis/jsdoc-tags.js';
