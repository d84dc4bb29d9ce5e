/** What the core reports: plain data, the same for the ESLint rules and the language server. */
import type { AsyncTwin, BlockingApi } from './catalog/types.js';
import * as path from 'node:path';
import type { ChainLink } from './summaries.js';

export interface FixEdit {
  readonly range: readonly [start: number, end: number];
  readonly text: string;
}

export interface Fix {
  /** An action: "Use the async API `fs.promises.readFile`". */
  readonly title: string;
  readonly kind: 'async-twin' | 'worker';
  /** `safe`: behaviour preserved, applied by `--fix`; `suggestion`: changes behaviour (adds `await`, threads). */
  readonly safety: 'safe' | 'suggestion';
  readonly edits: readonly FixEdit[];
}

export interface Finding {
  readonly ruleId: 'no-blocking-call' | 'no-indirect-blocking-call';
  /** 'node:fs.readFileSync', 'bcryptjs.hashSync', 'project.loadConfig'. */
  readonly api: string;
  readonly category: BlockingApi['category'];
  readonly range: readonly [start: number, end: number];
  /** The async function that runs the call, for messages and related information. */
  readonly asyncContext: readonly [start: number, end: number] | undefined;
  /** "inside async function `load`". */
  readonly context: string;
  /**
   * When the call runs in a helper that async code calls (`write` in `async function init`): the calls of the
   * outermost helper from async code, so editors can point at them.
   */
  readonly calledFrom?: readonly (readonly [start: number, end: number])[];
  /** 'fs.readFileSync' */
  readonly label: string;
  /** "use `fs.promises.readFile`" */
  readonly remedy: string;
  readonly twin: AsyncTwin | undefined;
  readonly docs: string;
  readonly fixes: readonly Fix[];
  /** Indirect findings: from the called project function down to the blocking call. */
  readonly chain?: readonly ChainLink[];
}

/** 'node:fs' → 'fs'; 'global' and 'project' → '' (so `Atomics.wait` and `hashPassword` read as themselves). */
export function moduleLabel(module: string): string {
  return module === 'global' || module === 'project' ? '' : module.replace(/^node:/, '');
}

/** How messages name an API: 'fs.readFileSync', 'fs.Dir#readSync', 'Atomics.wait', 'bcryptjs.hashSync'. */
export function apiLabel(api: Pick<BlockingApi, 'module' | 'path'>): string {
  const module = moduleLabel(api.module);
  return module ? `${module}.${api.path}` : api.path.replace(/#/g, '.');
}

/** 'fs.promises.readFile'; a callback twin reads 'util.promisify(crypto.pbkdf2)'. */
export function twinLabel(twin: AsyncTwin): string {
  const name = twin.label ?? `${moduleLabel(twin.module)}.${twin.name}`;
  return twin.style === 'callback' ? `util.promisify(${name})` : name;
}

/** "use `fs.promises.readFile`", or the entry's advice. */
export function remedyText(api: Pick<BlockingApi, 'twin' | 'advice'>): string {
  return api.twin ? `use \`${twinLabel(api.twin)}\`` : (api.advice ?? 'run it in a worker thread');
}

/**
 * "`fs.readFileSync` blocks the event loop inside async function `load`; use `fs.promises.readFile`.", and for
 * indirect findings with the chain: "`loadConfig()` blocks … : loadConfig → readJson → fs.readFileSync (config.ts:3); …".
 * `fromFile`: the file the message is shown for, so the chain's location reads relative to it.
 */
export function findingMessage(finding: Pick<Finding, 'label' | 'context' | 'remedy' | 'chain'>, fromFile = ''): string {
  const chain = finding.chain?.length ? `: ${describeChain(finding.chain, fromFile)}` : '';
  return `\`${finding.label}\` blocks the event loop ${finding.context}${chain}; ${finding.remedy}.`;
}

/** "loadConfig → readJson → fs.readFileSync (config.ts:12)", the file relative to `fromFile`'s folder. */
export function describeChain(chain: readonly ChainLink[], fromFile: string): string {
  const last = chain.at(-1);
  if (!last) return '';
  const file = path.relative(path.dirname(fromFile), last.file).replace(/\\/g, '/');
  return `${chain.map((link) => link.label).join(' → ')} (${file}:${last.line})`;
}
