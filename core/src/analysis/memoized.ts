/**
 * Wrappers whose result runs a project function when called: a memoizing wrapper runs its argument on the first
 * call (`_.memoize(load)`, `memoizee(() => …)`, `memoizeOne(f)`), so a chain goes through it; and a choice between
 * the same function, wrapped or not (`test ? load : _.memoize(load)`). Wrappers are known by the module they come
 * from (import tracking), never by their name. Async memoizers (`p-memoize`) are not listed: they return a promise.
 */
import ts from 'typescript';
import { importedValue } from './import-origin.js';
import { skipOuter } from './resolve.js';

/** Module specifier → the property path (dotted; '' for the module itself) of its memoizing function. */
const memoizers: Readonly<Record<string, readonly string[]>> = {
  lodash: ['memoize'],
  'lodash-es': ['memoize'],
  'lodash/memoize': [''],
  'lodash/memoize.js': [''],
  'lodash.memoize': [''],
  'lodash-es/memoize': [''],
  underscore: ['memoize'],
  memoizee: [''],
  'memoize-one': ['', 'default'],
  'fast-memoize': ['', 'default'],
  'micro-memoize': ['', 'default'],
  mem: ['', 'default'],
  memoize: ['', 'default'],
};

/** The function expression (or reference) that calling `expression`'s value runs, when it is such a wrapper. */
export function wrappedFunction(expression: ts.Expression, checker: ts.TypeChecker): ts.Expression | undefined {
  const value = skipOuter(expression);
  if (ts.isCallExpression(value)) return isMemoizer(value.expression, checker) ? value.arguments[0] : undefined;
  if (!ts.isConditionalExpression(value)) return undefined;
  const [first, second] = [value.whenTrue, value.whenFalse].map((branch) => skipOuter(wrappedFunction(branch, checker) ?? branch));
  if (!first || !second || !ts.isIdentifier(first) || !ts.isIdentifier(second)) return undefined;
  const symbol = checker.getSymbolAtLocation(first);
  return symbol && symbol === checker.getSymbolAtLocation(second) ? first : undefined;
}

function isMemoizer(callee: ts.Expression, checker: ts.TypeChecker): boolean {
  const imported = importedValue(callee, checker);
  return !!imported && (memoizers[imported.specifier]?.includes(imported.path.join('.')) ?? false);
}
