/**
 * The linter that runs the rules: ESLint, or another host of ESLint-compatible JavaScript plugins (oxlint's
 * `jsPlugins`). What of ESLint's rule API the untyped engine needs, checked before it is used, and the notices a rule
 * prints — once per process — when its host lacks something, so that a missing piece degrades into a clear message
 * instead of a crash or a silent nothing.
 */
import type { TSESLint } from '@typescript-eslint/utils';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The host's name as it introduces itself (`languageOptions.parser.name`; oxlint says `oxlint`), else ESLint. */
export function hostName(context: Context): string {
  const parser = (context as { languageOptions?: { parser?: { name?: unknown; meta?: { name?: unknown } } } }).languageOptions?.parser;
  const name = parser?.meta?.name ?? parser?.name;
  return name === 'oxlint' ? 'oxlint' : 'ESLint';
}

/** True under a host that runs ESLint plugins but is not ESLint (oxlint): it never gives type information. */
export function isForeignHost(context: Context): boolean {
  return hostName(context) !== 'ESLint';
}

/**
 * What import tracking needs and the host does not give: `sourceCode.getScope`, and a scope manager whose global
 * scope has `set`, `variables`, `through` and `childScopes` (what `ReferenceTracker` and `findVariable` walk).
 * Empty when everything is there.
 */
export function untypedApiGaps(sourceCode: unknown, program: unknown): string[] {
  const getScope = (sourceCode as { getScope?: unknown } | undefined)?.getScope;
  if (typeof getScope !== 'function') return ['`sourceCode.getScope`'];
  let scope: Record<string, unknown> | undefined;
  try {
    scope = getScope.call(sourceCode, program) as Record<string, unknown> | undefined;
  } catch (error) {
    return [`a scope manager (\`sourceCode.getScope\` threw: ${error instanceof Error ? error.message : String(error)})`];
  }
  if (!scope || typeof scope !== 'object') return ['a scope manager (`sourceCode.getScope` returned no scope)'];
  const gaps: string[] = [];
  if (typeof (scope.set as Map<string, unknown> | undefined)?.get !== 'function') gaps.push('`scope.set`');
  for (const list of ['variables', 'through', 'childScopes']) if (!Array.isArray(scope[list])) gaps.push(`\`scope.${list}\``);
  return gaps;
}

/**
 * Whether the file's global scope declares ECMAScript's built-ins (`Object`, `Atomics`, …). ESLint always does;
 * oxlint does for its default `env` (`builtin`), not for an `env` that leaves `"builtin": true` out. Global APIs
 * (`Atomics.wait`) are tracked only through a declared global.
 */
export function declaresBuiltins(sourceCode: unknown, program: unknown): boolean {
  const scope = (sourceCode as { getScope(node: unknown): { set: Map<string, unknown> } }).getScope(program);
  return scope.set.has('Object');
}

/**
 * Before import tracking runs on `program`: what it needs from the host, checked, and said once when missing. False
 * when it cannot run (then the rule reports nothing); true when it can, maybe with less (no built-in globals).
 */
export function untypedHostReady(context: Context, program: unknown): boolean {
  const gaps = untypedApiGaps(context.sourceCode, program);
  if (gaps.length > 0) {
    noticeOnce(
      'no-blocking-call/untyped-api',
      `unblock/no-blocking-call: ${hostName(context)} gives rules no ${gaps.join(', ')}, which import tracking needs; the rule reports nothing here.`,
    );
    return false;
  }
  if (!declaresBuiltins(context.sourceCode, program)) {
    noticeOnce(
      'no-blocking-call/no-builtins',
      `unblock/no-blocking-call: ${hostName(context)} declares no ECMAScript built-in globals here, so global APIs such as \`Atomics.wait\` are not tracked (oxlint: keep \`"builtin": true\` in \`env\`).`,
    );
  }
  return true;
}

/** A rule that needs type information, under a host that never gives any (oxlint): said once. */
export function noticeNoTypes(context: Context, rule: string): void {
  if (!isForeignHost(context)) return;
  noticeOnce(
    `${rule}/no-types`,
    `${rule}: needs type information, which ${hostName(context)} does not give to plugins; the rule reports nothing here. Run it in a type-aware ESLint run (see rules-docs/oxlint.md).`,
  );
}

const noticed = new Set<string>();

/** Prints `text` on stderr the first time `key` is noticed in this process; later calls say nothing. */
export function noticeOnce(key: string, text: string): void {
  if (noticed.has(key)) return;
  noticed.add(key);
  console.warn(text);
}
