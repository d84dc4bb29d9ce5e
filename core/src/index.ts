/**
 * unblock-core: finds blocking calls inside async JavaScript/TypeScript code (TypeScript syntax tree and type
 * checker in, plain findings out) and the fixes for them. It imports only `typescript` and Node's own modules;
 * the ESLint rules and the language server are adapters over it.
 */
// Everything that needs no TypeScript (also alone: `unblock-core/light`): the contracts (also alone:
// `unblock-core/contracts`), the catalog, async context over any syntax, matching by origin names.
export * from './light.js';
// Analysis with the type checker.
export { BlockingCallDetector, checkFile, detectorFor, detectorsFor, type Detectors } from './analysis/detect.js';
export { argumentsOf, CallResolver, isCallLike, type CallLike } from './analysis/resolve.js';
export { originOf, packageOfFile, type Origin } from './analysis/origin.js';
export { FunctionSummaries, type Summary } from './analysis/summaries.js';
export { blockingTagNames, hasMarker } from './analysis/jsdoc-tags.js';
// Fixes that span files: make a chain of the project's functions async.
export { planAsyncChain, planAsyncChains, type ChainPlan, type ChainRefusal, type ChainRefusalReason } from './fixes/chain.js';
export { applyFixEdits, diagnosticLine, newErrors, newTypeErrors } from './fixes/chain-check.js';
export { preliminaryCheck, preliminaryEnvironment, typedExtensions, type PreliminaryEnvironment, type PreliminaryResult } from './analysis/preliminary.js';
// Incremental checking, for editors.
export { checkedFile, checkEditedFile, prepareEdit, type CheckedFile, type PreparedEdit } from './incremental/edit.js';
export { IncrementalChecker, type CheckResult } from './incremental/checker.js';
