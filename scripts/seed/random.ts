/**
 * Seeded pseudo-random helpers for the demo data. Everything the seed generates flows from one
 * integer seed through these functions, so the same seed always yields the same district.
 * Not for anything secret: mulberry32 is fast and well distributed, not cryptographic.
 */

/**
 * The mulberry32 generator: a 32-bit state, floats in [0, 1).
 *
 * @example
 * const next = mulberry32(42);
 * next(); // 0.6011037519201636, every time
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Mixes a seed with a label into a new 32-bit seed (FNV-1a over the label, then a final mix),
 * so each generator draws from its own stream: adding draws to one never shifts another.
 *
 * @example
 * createRng(deriveSeed(district.seed, 'opinions'));
 */
export function deriveSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

/** A seeded random source with the helpers the generators need. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element, uniformly. Throws on an empty list. */
  pick<T>(items: readonly T[]): T;
  /** One element, with probability proportional to `weight(item)`. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T;
  /** A shuffled copy (Fisher–Yates); the input is left alone. */
  shuffle<T>(items: readonly T[]): T[];
  /** `count` distinct elements in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** A string of `length` characters drawn from `alphabet`. */
  string(alphabet: string, length: number): string;
}

/**
 * Creates a seeded random source.
 *
 * @example
 * const rng = createRng(20261125);
 * rng.int(1, 6);               // a die roll, the same one every run
 * rng.weighted(['a', 'b'], (x) => (x === 'a' ? 9 : 1));
 */
export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (min: number, max: number): number => {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`int(${min}, ${max}): need integers with min <= max`);
    }
    return min + Math.floor(next() * (max - min + 1));
  };
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('pick() from an empty list');
    return items[int(0, items.length - 1)] as T;
  };
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(0, i);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  };
  return {
    next,
    int,
    pick,
    shuffle,
    chance: (p) => next() < p,
    weighted<T>(items: readonly T[], weight: (item: T) => number): T {
      let total = 0;
      for (const item of items) total += Math.max(0, weight(item));
      if (!(total > 0)) throw new RangeError('weighted() needs at least one positive weight');
      let r = next() * total;
      for (const item of items) {
        r -= Math.max(0, weight(item));
        if (r < 0) return item;
      }
      // Floating-point rounding can leave r at ~0 after the loop: the last positive item wins.
      for (let i = items.length - 1; i >= 0; i--) {
        if (weight(items[i] as T) > 0) return items[i] as T;
      }
      throw new RangeError('unreachable');
    },
    sample<T>(items: readonly T[], count: number): T[] {
      if (count > items.length) throw new RangeError(`sample(${count}) from ${items.length} items`);
      return shuffle(items).slice(0, count);
    },
    string(alphabet: string, length: number): string {
      let s = '';
      for (let i = 0; i < length; i++) s += alphabet[int(0, alphabet.length - 1)];
      return s;
    },
  };
}

/**
 * Splits `total` into `weights.length` non-negative integers proportional to the weights that
 * add up to exactly `total` (largest-remainder rounding, so no count drifts).
 *
 * @example
 * apportion(10, [1, 1, 2]); // [3, 2, 5] or similar, always summing to 10
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) throw new RangeError('apportion() needs a positive weight sum');
  const exact = weights.map((w) => (w / sum) * total);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    left--;
  }
  return out;
}
