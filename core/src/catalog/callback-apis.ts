/**
 * Built-in APIs that run a function argument synchronously, before returning (iteration) or as a promise
 * reaction. Code in such a callback runs during the async function that made the call, so it blocks there.
 * Matched by origin (`module` + declaration `path`) with types; by `untyped` syntax without them.
 */
export interface CallbackApi {
  readonly module: 'global';
  readonly path: string;
  readonly argument: number;
  /** Without type information: `.map` (any receiver), `Array.from`, `new Promise`. */
  readonly untyped: string;
}

const arrayMethods = [
  'every', 'filter', 'find', 'findIndex', 'findLast', 'findLastIndex', 'flatMap', 'forEach', 'map',
  'reduce', 'reduceRight', 'some', 'sort', 'toSorted',
] as const;

const arrayLikes = [
  'Array', 'ReadonlyArray', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
  'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
] as const;

export const syncCallbackApis: readonly CallbackApi[] = [
  ...arrayLikes.flatMap((owner) =>
    arrayMethods.map((method) => ({ module: 'global' as const, path: `${owner}#${method}`, argument: 0, untyped: `.${method}` })),
  ),
  ...['Map', 'ReadonlyMap', 'Set', 'ReadonlySet'].map((owner) => ({
    module: 'global' as const, path: `${owner}#forEach`, argument: 0, untyped: '.forEach',
  })),
  { module: 'global', path: 'ArrayConstructor#from', argument: 1, untyped: 'Array.from' },
  { module: 'global', path: 'PromiseConstructor', argument: 0, untyped: 'new Promise' },
  ...['Promise#then', 'PromiseLike#then'].flatMap((path) => [
    { module: 'global' as const, path, argument: 0, untyped: '.then' },
    { module: 'global' as const, path, argument: 1, untyped: '.then' },
  ]),
  { module: 'global', path: 'Promise#catch', argument: 0, untyped: '.catch' },
  { module: 'global', path: 'Promise#finally', argument: 0, untyped: '.finally' },
];

/**
 * Package APIs that run a function argument before returning, known by the module their value comes from (import
 * tracking: such packages often ship no types). `path` '' is the module itself. bluebird@3's constructor calls its
 * executor synchronously, as `new Promise` does (`Promise._resolveFromExecutor`).
 */
export const packageCallbackApis: readonly { readonly module: string; readonly path: string; readonly argument: number; readonly construct: boolean }[] = [
  { module: 'bluebird', path: '', argument: 0, construct: true },
  { module: 'bluebird', path: 'Promise', argument: 0, construct: true },
];

/** Whether `new` (`construct`) or a call of the value read from `specifier` by `path` runs argument `argument` synchronously. */
export function isPackageSyncCallback(specifier: string, path: readonly string[], argument: number, construct: boolean): boolean {
  const dotted = path.join('.');
  return packageCallbackApis.some((api) => api.module === specifier && api.path === dotted && api.argument === argument && api.construct === construct);
}

const byPath = new Map<string, CallbackApi[]>();
for (const api of syncCallbackApis) byPath.set(api.path, [...(byPath.get(api.path) ?? []), api]);

export function isSyncCallbackApi(module: string, path: string, argument: number): boolean {
  return module === 'global' && (byPath.get(path)?.some((api) => api.argument === argument) ?? false);
}

/** The names such APIs are called by (`map`, `then`, `from`, `Promise`): a cheap filter before the type checker. */
export const syncCallbackNames: ReadonlySet<string> = new Set(syncCallbackApis.map((api) => api.path.split('#').pop()!));

/** Without a declaration to go by (a receiver typed `any`): `.map@0`, `.then@1`, as the untyped rules match them. */
export function isUntypedSyncCallback(form: string, argument: number): boolean {
  return syncCallbackApis.some((api) => api.untyped === form && api.argument === argument);
}
