/**
 * The core's typed engine (the detector over TypeScript's type checker), loaded the first time a rule runs with type
 * information. Loading the plugin and its untyped engine (ESLint without a project, oxlint) loads neither
 * `typescript` nor the typed analysis: only `unblock-core/light`.
 */
import type * as Core from 'unblock-core';
import { assertTypeScriptSupported } from '../typescript-support.js';

export type TypedCore = Pick<typeof Core, 'argumentsOf' | 'detectorFor' | 'planAsyncChain'>;

let core: TypedCore | undefined;

export function typedCore(): TypedCore {
  assertTypeScriptSupported();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, not when the plugin loads
  return (core ??= require('unblock-core') as TypedCore);
}
