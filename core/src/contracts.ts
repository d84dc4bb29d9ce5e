/**
 * The contracts alone (`unblock-core/contracts`): options, messages, findings, specifiers and the category list,
 * without the analysis, so that a client (the VS Code extension) can share them without bundling TypeScript.
 */
export * from './options.js';
export * from './messages.js';
export * from './finding.js';
export * from './specifier.js';
export * from './eslint-rules.js';
export { inlineRefs, isRecord, prune, schemaProblems, type JsonSchema, type JsonType, type SchemaDefinitions } from './schema.js';
export * from './catalog/types.js';
