/**
 * How users name an API in `allow` and `deny`: typescript-eslint's TypeOrValueSpecifier format, the same shape and
 * the same JSON schema (https://typescript-eslint.io/packages/type-utils/type-or-value-specifier), defined here so
 * that the core depends on no ESLint package. Matching a specifier against a declaration is `analysis/resolve.ts`'s.
 */
import type { JsonSchema } from './schema.js';

/** A name declared in the project's own files, optionally in one file (`path`, relative to the project). */
export interface FileSpecifier {
  readonly from: 'file';
  readonly name: string | readonly string[];
  readonly path?: string;
}

/** A name from TypeScript's default libraries (`Atomics.wait`). */
export interface LibSpecifier {
  readonly from: 'lib';
  readonly name: string | readonly string[];
}

/** A name exported by a package (`node:fs`, `bcryptjs`). */
export interface PackageSpecifier {
  readonly from: 'package';
  readonly name: string | readonly string[];
  readonly package: string;
}

/** A bare string matches the name from anywhere. */
export type TypeOrValueSpecifier = string | FileSpecifier | LibSpecifier | PackageSpecifier;

const names: JsonSchema = {
  oneOf: [
    { type: 'string' },
    { type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true },
  ],
  description: 'An export (`readFileSync`), a member path (`realpathSync.native`, `Dir.readSync`) or the last segment; or a list of them.',
};

/** The object form of a specifier coming `from` somewhere: `from` and `name`, and what else that place needs. */
function objectSpecifier(from: string, description: string, more: Readonly<Record<string, JsonSchema>>, required: readonly string[] = []): JsonSchema {
  return {
    type: 'object',
    description,
    additionalProperties: false,
    properties: { from: { type: 'string', enum: [from] }, name: names, ...more },
    required: ['from', 'name', ...required],
  };
}

/** One specifier, in typescript-eslint's schema (its branches in the same order), with descriptions. */
export const typeOrValueSpecifierSchema: JsonSchema = {
  oneOf: [
    { type: 'string', description: 'A name, from anywhere.' },
    objectSpecifier('file', "A name declared in the project's own files.", {
      path: { type: 'string', description: 'The file that declares it, relative to the project.' },
    }),
    objectSpecifier('lib', "A name from TypeScript's default libraries.", {}),
    objectSpecifier('package', 'A name exported by a package.', { package: { type: 'string', description: 'The package (`node:fs`, `bcryptjs`).' } }, [
      'package',
    ]),
  ],
};

/** The names a specifier can match a declaration by: each name's last segment (`readSync` of `Dir.readSync`). */
export function specifierNames(specifier: TypeOrValueSpecifier): string[] {
  const all = typeof specifier === 'string' ? [specifier] : [specifier.name].flat();
  return all.map((name) => name.split(/[.#]/).pop()!);
}
