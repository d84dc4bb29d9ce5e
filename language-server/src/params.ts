/**
 * What the requests the server answers must carry, checked before a handler reads them: a request without one of
 * these fields is answered Invalid params (-32602) naming it, never an internal error from a handler's TypeError.
 */
type Check = (value: unknown) => boolean;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString: Check = (value) => typeof value === 'string';
const isPosition: Check = (value) => isObject(value) && typeof value.line === 'number' && typeof value.character === 'number';
const isRange: Check = (value) => isObject(value) && isPosition(value.start) && isPosition(value.end);
const isDiagnostics: Check = (value) => Array.isArray(value) && value.every((item) => isObject(item) && isRange(item.range));

/** Per method: the path of each required field (`context.diagnostics`), and what it must be. */
const required: Readonly<Record<string, Readonly<Record<string, Check>>>> = {
  'textDocument/diagnostic': { 'textDocument.uri': isString },
  'textDocument/codeAction': { 'textDocument.uri': isString, range: isRange, 'context.diagnostics': isDiagnostics },
  'workspace/executeCommand': { command: isString },
  'codeAction/resolve': { title: isString },
};

const descriptions = new Map<Check, string>([
  [isString, 'a string'],
  [isRange, 'a range'],
  [isDiagnostics, 'an array of diagnostics'],
]);

/** What is wrong with the params of `method` ("`context.diagnostics` must be an array of diagnostics"), if anything. */
export function paramsProblem(method: string, params: unknown): string | undefined {
  for (const [field, check] of Object.entries(required[method] ?? {})) {
    let value: unknown = params;
    for (const key of field.split('.')) value = isObject(value) ? value[key] : undefined;
    if (!check(value)) return `\`${field}\` must be ${descriptions.get(check) ?? 'given'}`;
  }
  return undefined;
}
