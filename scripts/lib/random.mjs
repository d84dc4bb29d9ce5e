// Seeded randomness for the fuzzers, the soak and the tests: mulberry32 and the draws made from it. The same seed
// gives the same sequence, so a failure is reproduced from its seed alone.

/** mulberry32: a small, fast, seedable PRNG returning floats in [0, 1). */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed per (base seed, iteration) that is stable whatever else the loop does. */
export function deriveSeed(base, index) {
  return (Math.imul(base ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
}

export class Random {
  constructor(seed) {
    /** The next float in [0, 1); a function of its own, so it can stand in for `Math.random`. */
    this.next = mulberry32(seed);
  }

  chance(p) {
    return this.next() < p;
  }

  /** An integer in [min, max]. */
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick(items) {
    return items[Math.floor(this.next() * items.length)];
  }

  /**
   * One choice, with probability proportional to its weight: from `[weight, value]` pairs, or from an object of
   * `key: weight` (a key; weights of 0 left out).
   */
  weighted(choices) {
    const pairs = Array.isArray(choices)
      ? choices
      : Object.entries(choices)
          .filter(([, weight]) => weight > 0)
          .map(([key, weight]) => [weight, key]);
    let roll = this.next() * pairs.reduce((sum, [weight]) => sum + weight, 0);
    for (const [weight, value] of pairs) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return pairs.at(-1)[1];
  }
}
