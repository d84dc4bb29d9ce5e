// Types of random.mjs, for the TypeScript tests that import it.
export function mulberry32(seed: number): () => number;
export function deriveSeed(base: number, index: number): number;
export class Random {
  constructor(seed: number);
  readonly next: () => number;
  chance(p: number): boolean;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  weighted<T>(choices: readonly (readonly [number, T])[]): T;
  weighted<K extends string>(choices: Readonly<Record<K, number>>): K;
}
