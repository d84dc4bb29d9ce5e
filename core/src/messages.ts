/**
 * The messages contract: the rule names findings are reported under, the sentences (the rules' `meta.messages`, the
 * server's diagnostics), the data that fills them and each rule's documentation page. Findings carry data; these
 * functions are the only place it becomes text.
 */
import * as path from 'node:path';
import type { AsyncTwin, BlockingApi } from './catalog/types.js';
import type { ChainLink, Finding, FindingContext, FindingKind, FunctionDescription } from './finding.js';

/** The rule each kind of finding is reported under, in ESLint configs and disable comments (`unblock/<name>`). */
export const ruleNames = { direct: 'no-blocking-call', indirect: 'no-indirect-blocking-call' } as const satisfies Record<FindingKind, string>;
export type RuleName = (typeof ruleNames)[FindingKind];

/** The ESLint plugin's namespace: `unblock/no-blocking-call`. */
export const pluginNamespace = 'unblock';

/** Message ids and templates (`{{placeholder}}`, as ESLint fills them). */
export const messageIds = { direct: 'blockingCall', indirect: 'indirectBlockingCall' } as const satisfies Record<FindingKind, string>;
export const messages = {
  blockingCall: '`{{api}}` blocks the event loop {{context}}; {{remedy}}.',
  indirectBlockingCall: '`{{api}}` blocks the event loop {{context}}: {{chain}}; {{remedy}}.',
} as const satisfies Record<(typeof messageIds)[FindingKind], string>;

/** The documentation page of a rule. */
export function ruleDocsUrl(rule: string): string {
  return `https://github.com/unblock-dev/unblock/blob/main/rules-docs/${rule}.md`;
}

/**
 * The placeholders of a finding's message. `fromFile`: the file the message is shown for, so an indirect chain's
 * location reads relative to it.
 */
export function messageData(finding: Finding, fromFile: string): Record<string, string> {
  const remedy = finding.kind === 'indirect' ? indirectRemedy(finding) : remedyText(finding.api);
  const data: Record<string, string> = { api: findingLabel(finding), context: describeContext(finding.context), remedy };
  if (finding.kind === 'indirect') data.chain = describeChain(finding.chain ?? [], fromFile);
  return data;
}

/** The finding's message, as its rule reports it. */
export function formatMessage(finding: Finding, fromFile: string): string {
  const data = messageData(finding, fromFile);
  return messages[messageIds[finding.kind]].replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (all, name: string) => data[name] ?? all);
}

/** 'fs.readFileSync'; an indirect finding names the project function as reached: 'loadConfig()', 'new Cache()', 'readJson'. */
function findingLabel(finding: Finding): string {
  const first = finding.chain?.[0];
  if (finding.kind !== 'indirect' || !first) return apiLabel(finding.api);
  return finding.reached === 'reference' ? first.label : finding.reached === 'new' ? `new ${first.label}()` : `${first.label}()`;
}

/** 'node:fs' → 'fs'; 'global' and 'project' → '' (so `Atomics.wait` and `hashPassword` read as themselves). */
export function moduleLabel(module: string): string {
  return module === 'global' || module === 'project' ? '' : module.replace(/^node:/, '');
}

/**
 * How messages name an API: 'fs.readFileSync', 'fs.Dir#readSync', 'Atomics.wait', 'console.log' (a global as code
 * reaches it), 'bcryptjs.hashSync'. `members: '.'` writes instance members with a dot, as chains do ('fs.Dir.readSync').
 */
export function apiLabel(api: Pick<BlockingApi, 'module' | 'path' | 'untyped'>, members: '#' | '.' = '#'): string {
  const module = moduleLabel(api.module);
  if (!module) return (api.untyped ?? api.path).replace(/#/g, '.');
  return `${module}.${members === '#' ? api.path : api.path.replace(/#/g, '.')}`;
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
 * What to do about an indirect finding, by what it offers: the twin that makes the chain async, and running the
 * function in a worker thread only when that suggestion is there (an exported function of another file whose
 * arguments and result can be cloned).
 */
export function indirectRemedy(finding: Pick<Finding, 'chain' | 'chainTwin' | 'fixes'>): string {
  const name = finding.chain?.[0]?.label ?? 'it';
  const remedies = [
    ...(finding.chainTwin ? [`make the chain async with \`${twinLabel(finding.chainTwin)}\``] : []),
    ...(finding.fixes.some((fix) => fix.kind === 'worker') ? [`run \`${name}\` in a worker thread`] : []),
  ];
  return remedies.join(', or ') || `make \`${name}\` async, or move its blocking work off the event loop`;
}

/** "async function `load`", "arrow function", "method `execute`". */
export function functionLabel(fn: FunctionDescription): string {
  return `${fn.async ? 'async ' : ''}${fn.kind}${fn.name ? ` \`${fn.name}\`` : ''}`;
}

/**
 * "inside async function `load`", "inside a `.map()` callback in async function `load`", "at module level", "inside
 * arrow function `write`, called from async function `init`", "inside function `readJson`, called from async
 * function `get` (through `loadConfig`)".
 */
export function describeContext(context: FindingContext): string {
  if (context.kind === 'top-level' || !context.fn) return 'at module level';
  const where = functionLabel({ ...context.fn, async: context.kind === 'async' });
  const [helper, ...outer] = context.helpers ?? [];
  const inner = helper ? functionLabel(helper) : where;
  const runner = context.callback && (context.callback.method ? `a \`${context.callback.method}()\` callback` : 'a callback');
  const place = runner ? `inside ${runner} in ${inner}` : `inside ${inner}`;
  if (!helper) return place;
  const through = outer.length ? ` (through ${outer.map((link) => (link.name ? `\`${link.name}\`` : 'a function')).join(', ')})` : '';
  return `${place}, called from ${where}${through}`;
}

/** "loadConfig → readJson → fs.readFileSync (config.ts:12)", the file relative to `fromFile`'s folder. */
export function describeChain(chain: readonly ChainLink[], fromFile: string): string {
  const last = chain.at(-1);
  if (!last) return '';
  const file = path.relative(path.dirname(fromFile), last.file).replace(/\\/g, '/');
  return `${chain.map((link) => link.label).join(' → ')} (${file}:${last.line})`;
}
