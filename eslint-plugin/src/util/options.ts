/** Options shared by the rules (schema, defaults) and the per-program detector cache. */
import { typeOrValueSpecifiersSchema, type TypeOrValueSpecifier } from '@typescript-eslint/type-utils';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import type * as ts from 'typescript';
import { allCategories, BlockingCallDetector, type Category, categoryDescriptions, type ContextMode, contextModes, defaultCategories, type DetectorOptions } from 'unblock-core';

export interface SharedOptions {
  categories?: Partial<Record<Category, boolean>>;
  context?: ContextMode;
  allow?: TypeOrValueSpecifier[];
  deny?: TypeOrValueSpecifier[];
}

export const sharedOptionProperties: Record<keyof SharedOptions, JSONSchema4> = {
  categories: {
    type: 'object',
    description: `Turn categories of blocking APIs on or off. On by default: ${defaultCategories.join(', ')}.`,
    additionalProperties: false,
    properties: Object.fromEntries(
      allCategories.map((category) => [category, { type: 'boolean', description: `Report ${categoryDescriptions[category]}.` }]),
    ),
  },
  context: {
    type: 'string',
    enum: [...contextModes],
    description:
      'Where to report: `async` (async functions and sync callbacks running during them), `function` (any function), `everywhere` (module level too).',
  },
  allow: { ...typeOrValueSpecifiersSchema, description: 'APIs never to report, as TypeOrValueSpecifiers.' },
  deny: { ...typeOrValueSpecifiersSchema, description: 'Extra APIs to report as blocking, as TypeOrValueSpecifiers.' },
};

export const sharedDefaults = { context: 'async' as const, allow: [], deny: [] };

export function enabledCategories(switches: Partial<Record<Category, boolean>> = {}): Category[] {
  return allCategories.filter((category) => switches[category] ?? defaultCategories.includes(category));
}

/** One detector per program and options: type-checker work and function summaries are shared by a lint run. */
const detectors = new WeakMap<ts.Program, Map<string, BlockingCallDetector>>();

export function detectorFor(program: ts.Program, options: SharedOptions & Omit<DetectorOptions, 'categories'>): BlockingCallDetector {
  const resolved: DetectorOptions = { ...options, categories: enabledCategories(options.categories) };
  const key = JSON.stringify(resolved);
  let byOptions = detectors.get(program);
  if (!byOptions) detectors.set(program, (byOptions = new Map()));
  let detector = byOptions.get(key);
  if (!detector) byOptions.set(key, (detector = new BlockingCallDetector(program, resolved)));
  return detector;
}
