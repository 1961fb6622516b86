import { describe, expect, it } from 'vitest';
import { apportion, createRng, deriveSeed, mulberry32 } from '../../../scripts/seed/random';

describe('mulberry32', () => {
  it('repeats for the same seed and differs for another', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('createRng', () => {
  it('int() stays within inclusive bounds and reaches both ends', () => {
    const rng = createRng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(rng.int(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
    expect(() => rng.int(5, 4)).toThrow(RangeError);
  });

  it('weighted() follows the weights and never picks a zero weight', () => {
    const rng = createRng(2);
    const counts = { a: 0, b: 0, c: 0 };
    const weights = { a: 9, b: 1, c: 0 };
    for (let i = 0; i < 5000; i++) counts[rng.weighted(['a', 'b', 'c'] as const, (k) => weights[k])]++;
    expect(counts.c).toBe(0);
    expect(counts.a / 5000).toBeGreaterThan(0.85);
    expect(counts.a / 5000).toBeLessThan(0.95);
    expect(() => rng.weighted(['x'], () => 0)).toThrow(RangeError);
  });

  it('shuffle() is a permutation and leaves its input alone; sample() is distinct', () => {
    const rng = createRng(3);
    const input = Array.from({ length: 20 }, (_, i) => i);
    const out = rng.shuffle(input);
    expect(input).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect([...out].sort((x, y) => x - y)).toEqual(input);
    expect(new Set(rng.sample(input, 10)).size).toBe(10);
    expect(() => rng.pick([])).toThrow(RangeError);
  });

  it('string() uses only the alphabet', () => {
    expect(createRng(4).string('AB', 50)).toMatch(/^[AB]{50}$/);
  });
});

describe('deriveSeed', () => {
  it('gives distinct, stable streams per label', () => {
    expect(deriveSeed(1, 'names')).toBe(deriveSeed(1, 'names'));
    expect(deriveSeed(1, 'names')).not.toBe(deriveSeed(1, 'stations'));
    expect(deriveSeed(1, 'names')).not.toBe(deriveSeed(2, 'names'));
  });
});

describe('apportion', () => {
  it('sums exactly to the total, proportionally', () => {
    const out = apportion(561, [1.1, 0.94, 0.86, 0.78, 0.76, 0.44, 0.36, 0.51]);
    expect(out.reduce((a, b) => a + b, 0)).toBe(561);
    expect(out[0]).toBeGreaterThan(out[6] ?? 0);
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
  });
});
