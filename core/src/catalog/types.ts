/**
 * The catalog is typed data: which APIs block the event loop, what they are for, and their async twin.
 * One module per source package; `index.ts` gathers them. No logic lives here beyond lookup tables.
 */

/** Kinds of blocking work. Users switch categories on and off; `defaultCategories` favours precision. */
export type Category =
  | 'fs'
  | 'process'
  | 'crypto'
  | 'compression'
  | 'database'
  | 'compile'
  | 'sync-bridge'
  | 'module-loading'
  | 'console';

export const allCategories: readonly Category[] = [
  'fs',
  'process',
  'crypto',
  'compression',
  'database',
  'compile',
  'sync-bridge',
  'module-loading',
  'console',
];

/** Real but often intended, so opt-in. */
const optInCategories: ReadonlySet<Category> = new Set(['module-loading', 'console']);

/** On unless configured otherwise. */
export const defaultCategories: readonly Category[] = allCategories.filter((category) => !optInCategories.has(category));

export const categoryDescriptions: Readonly<Record<Category, string>> = {
  fs: 'synchronous file-system access, including globbing and removal',
  process: 'spawning a child process and waiting for it',
  crypto: 'CPU-heavy hashing, key derivation and key generation',
  compression: 'compressing or decompressing in one synchronous step',
  database: 'synchronous database drivers',
  compile: 'bundling, transpiling or compiling on the calling thread',
  'sync-bridge': 'making async work synchronous by blocking the thread (Atomics.wait, worker bridges)',
  'module-loading': 'runtime `require()` of a module, which reads and evaluates files synchronously',
  console: '`console` output, which is synchronous for files and, on POSIX, for pipes',
};

/**
 * How the async twin is reached.
 * - `promise`: the twin returns a promise: `await twin(...args)`.
 * - `callback`: the twin takes a Node-style callback: `await promisify(twin)(...args)`.
 */
export type TwinStyle = 'promise' | 'callback';

export interface AsyncTwin {
  /** Module to import the twin from: 'node:fs/promises', 'bcryptjs'. */
  readonly module: string;
  /** Export path of the twin in that module: 'readFile', 'hash'. */
  readonly name: string;
  readonly style: TwinStyle;
  /** How messages spell the twin, when it differs from `module.name`: 'fs.promises.readFile'. */
  readonly label?: string;
  /**
   * How the "use the async API" suggestion rewrites a call, when the twin returns the same value, throws the
   * same errors and accepts the same arguments. Absent: no suggestion (the message still names the twin).
   */
  readonly rewrite?: TwinRewrite;
  /** Offer the rewrite only for calls with at most this many arguments (`statSync(p, { throwIfNoEntry })`). */
  readonly maxArguments?: number;
}

/**
 * - `same`: `readFileSync(p, 'utf8')` → `await readFile(p, 'utf8')` (callback twins through `promisify`);
 * - `exists`: `existsSync(p)` → `await access(p).then(() => true, () => false)`;
 * - `stdout`: `execSync(cmd, { encoding })` → `(await promisify(exec)(cmd, { encoding })).stdout`, only
 *   when the options name a string encoding (without one, the sync result is a Buffer and the twin's a string).
 */
export type TwinRewrite = 'same' | 'exists' | 'stdout';

/**
 * One blocking API, as declared.
 *
 * `path` is where the declaration sits inside the module's type declarations:
 * - `readFileSync` — an export;
 * - `realpathSync.native` — a member of an exported namespace or object;
 * - `Dir#readSync` — an instance member of an exported class or interface;
 * - `DatabaseSync` — a class: its constructor (`new DatabaseSync()`) blocks.
 */
export interface BlockingApiData {
  readonly path: string;
  readonly category: Category;
  /** Only the overload without a callback parameter blocks (`crypto.randomBytes(16)`). */
  readonly onlyWithoutCallback?: boolean;
  readonly twin?: AsyncTwin;
  /** Documentation of this API; defaults to the package's `docs`. */
  readonly docs?: string;
  /** Extra advice for the message when there is no twin: 'run it in a worker thread'. */
  readonly advice?: string;
  /**
   * How the API is reached from a module or global object when there is no type information, if that
   * differs from `path` ('console.log' for 'Console#log'). Instance members without it need types.
   */
  readonly untyped?: string;
}

export interface PackageCatalog {
  /** The specifier users import: 'node:fs', 'bcryptjs', or 'global' for built-in globals. */
  readonly module: string;
  /** Other specifiers of the same module ('fs' for 'node:fs'; deep imports). */
  readonly aliases?: readonly string[];
  /** Modules whose exports this one re-exports at runtime (fs-extra re-exports node:fs). */
  readonly reexports?: readonly string[];
  /** Package documentation URL; entries may override. */
  readonly docs: string;
  /** The npm package whose version was checked, and the version, for the docs table. */
  readonly verifiedWith?: string;
  readonly entries: readonly BlockingApiData[];
  /** Declarations that look blocking (a `*Sync` name, a synchronous module) but are not listed. */
  readonly leftOut?: readonly LeftOut[];
}

/** A declaration looked at and not listed, and why (`tests/catalog/node-types.test.ts` wants one for each). */
export interface LeftOut {
  readonly path: string;
  readonly reason: string;
}

/** A catalog entry with its module attached, as the detectors see it. */
export interface BlockingApi extends Omit<BlockingApiData, 'category'> {
  /** `user`: listed by the `deny` option. */
  readonly category: Category | 'user';
  readonly module: string;
  readonly docs: string;
  /** 'node:fs.readFileSync', 'bcryptjs.hashSync', 'node:fs.Dir#readSync'. */
  readonly id: string;
  /** For the project's own code (module 'project'): the file that declares it. */
  readonly file?: string;
}

/** Helper that keeps each catalog module's literal checked against the types. */
export function definePackage(catalog: PackageCatalog): PackageCatalog {
  return catalog;
}
