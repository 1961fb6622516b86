/**
 * The disclosure rules: which pending answers are due for release, and which townships'
 * breakdowns must be withheld so that no small group can be recovered by subtraction.
 */
import { describe, expect, it } from 'vitest';
import { isShowable, RELEASE_K, releasePlan, suppressedTownships } from '../../../worker/evaluations/disclosure';

/** Every figure an adversary can compute from district − shown townships: the withheld remainder. */
function remainder(counts: Map<number | null, number>, withheld: Set<number>): number {
  let n = counts.get(null) ?? 0;
  for (const id of withheld) n += counts.get(id) ?? 0;
  return n;
}

describe('releasePlan', () => {
  it('releases a township only once it has k pending answers', () => {
    expect(RELEASE_K).toBe(5);
    expect(
      releasePlan(
        new Map([
          [1, 5],
          [2, 4],
          [3, 12],
        ]),
        false,
      ),
    ).toEqual({ townships: [1, 3], pool: false });
    expect(releasePlan(new Map([[1, 4]]), false)).toEqual({ townships: [], pool: false });
  });

  it('pools the leftovers at close only when the pool reaches k', () => {
    expect(
      releasePlan(
        new Map([
          [1, 2],
          [2, 3],
        ]),
        true,
      ),
    ).toEqual({ townships: [], pool: true });
    expect(
      releasePlan(
        new Map<number | null, number>([
          [1, 2],
          [null, 2],
        ]),
        true,
      ),
    ).toEqual({ townships: [], pool: false });
    // A township with its own batch is released as such; only the rest is pooled.
    expect(
      releasePlan(
        new Map([
          [1, 6],
          [2, 4],
          [3, 1],
        ]),
        true,
      ),
    ).toEqual({ townships: [1], pool: true });
  });
});

describe('suppressedTownships', () => {
  it('withholds nothing when every township has at least k', () => {
    expect(
      suppressedTownships(
        new Map([
          [1, 5],
          [2, 9],
        ]),
      ),
    ).toEqual(new Set());
  });

  it('withholds the small township and the next-smallest, so district − shown is never below k', () => {
    const counts = new Map([
      [1, 8],
      [2, 3],
      [3, 6],
    ]);
    const withheld = suppressedTownships(counts);
    expect(withheld).toEqual(new Set([2, 3]));
    expect(remainder(counts, withheld)).toBeGreaterThanOrEqual(RELEASE_K);
  });

  it('needs no complement when the small townships together reach k', () => {
    expect(
      suppressedTownships(
        new Map([
          [1, 8],
          [2, 3],
          [3, 2],
        ]),
      ),
    ).toEqual(new Set([2, 3]));
  });

  it('counts township-less answers in the remainder', () => {
    expect(
      suppressedTownships(
        new Map<number | null, number>([
          [1, 7],
          [null, 2],
        ]),
      ),
    ).toEqual(new Set([1]));
    expect(
      suppressedTownships(
        new Map<number | null, number>([
          [1, 7],
          [null, 6],
        ]),
      ),
    ).toEqual(new Set());
  });

  it('holds for every small district: the remainder is 0 or at least k', () => {
    // Exhaustive over three townships with 0–9 answers each, plus 0–6 without a township.
    for (let a = 0; a < 10; a++)
      for (let b = 0; b < 10; b++)
        for (let c = 0; c < 10; c++)
          for (let u = 0; u < 7; u++) {
            const counts = new Map<number | null, number>([
              [1, a],
              [2, b],
              [3, c],
              [null, u],
            ]);
            const withheld = suppressedTownships(counts);
            const total = a + b + c + u;
            if (!isShowable(total)) continue; // nothing at all is shown below k
            const rest = remainder(counts, withheld);
            expect(rest === 0 || rest >= RELEASE_K, JSON.stringify([a, b, c, u])).toBe(true);
            for (const [id, n] of counts)
              if (id !== null && n > 0 && !withheld.has(id)) expect(n).toBeGreaterThanOrEqual(RELEASE_K);
          }
  });
});
