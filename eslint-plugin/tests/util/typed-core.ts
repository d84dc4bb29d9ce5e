/** What `src/util/typed-core.ts` loads, for the tests: the core's source (vitest.config.ts points the plugin here). */
import { argumentsOf, detectorFor, planAsyncChain } from 'unblock-core';
import type { TypedCore } from '../../src/util/typed-core.js';

export type { TypedCore };

export function typedCore(): TypedCore {
  return { argumentsOf, detectorFor, planAsyncChain };
}
