import { describe, expect, it } from 'vitest';
import {
  handledCount,
  histogramMedian,
  median,
  mergeHistograms,
  MIN_RANKING_ITEMS,
  nps,
  openCount,
  parseHistogram,
  rank,
  resolutionRate,
  resolvedCount,
  round,
  satisfaction,
  scaleMean,
  share,
  type StateCounts,
} from '../../../worker/stats/formulas';

const zero: StateCounts = {
  pending: 0,
  listening: 0,
  viewing: 0,
  deliberating: 0,
  handling: 0,
  resolved: 0,
  closed: 0,
  review: 0,
  rejected: 0,
  duplicate: 0,
  transferred: 0,
};

describe('shares and rates', () => {
  it('divides, rounds to 4 decimals, and says null for nothing to divide by', () => {
    expect(share(1, 3)).toBe(0.3333);
    expect(share(2, 3)).toBe(0.6667);
    expect(share(0, 5)).toBe(0);
    expect(share(3, 0)).toBeNull();
    expect(round(0.12345)).toBe(0.1235);
    expect(round(-1.005, 2)).toBe(-1.01);
  });

  it('counts resolved (已办结 and closed) and open (review included) opinions', () => {
    const s = { ...zero, pending: 1, listening: 2, viewing: 3, deliberating: 4, handling: 5, review: 6, resolved: 7, closed: 8 };
    expect(resolvedCount(s)).toBe(15);
    expect(openCount(s)).toBe(21);
  });

  it('takes side outcomes out of the resolution rate’s denominator', () => {
    const s = { ...zero, resolved: 3, closed: 3, duplicate: 1, rejected: 1, transferred: 1, handling: 2 };
    expect(handledCount(11, s)).toBe(8);
    expect(resolutionRate(11, s)).toBe(0.75);
    // A township whose every opinion was merged or transferred has no rate at all.
    expect(resolutionRate(2, { ...zero, duplicate: 1, transferred: 1 })).toBeNull();
  });

  it('satisfaction is 满意 + 基本满意 over rated', () => {
    expect(satisfaction({ satisfied: 6, basicallySatisfied: 2, dissatisfied: 2 })).toBe(0.8);
    expect(satisfaction({ satisfied: 0, basicallySatisfied: 0, dissatisfied: 3 })).toBe(0);
    expect(satisfaction({ satisfied: 0, basicallySatisfied: 0, dissatisfied: 0 })).toBeNull();
  });
});

describe('medians from histograms', () => {
  it('finds the middle value, or the mean of the two middle ones', () => {
    expect(histogramMedian(new Map([[7, 1]]))).toBe(7);
    expect(
      histogramMedian(
        new Map([
          [2, 1],
          [5, 2],
          [9, 1],
        ]),
      ),
    ).toBe(5);
    expect(
      histogramMedian(
        new Map([
          [2, 1],
          [4, 1],
        ]),
      ),
    ).toBe(3);
    expect(
      histogramMedian(
        new Map([
          [10, 3],
          [1, 3],
        ]),
      ),
    ).toBe(5.5);
    expect(histogramMedian(new Map())).toBeNull();
  });

  it('agrees with sorting the values, for many random samples', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let trial = 0; trial < 200; trial++) {
      const values = Array.from({ length: 1 + Math.floor(next() * 40) }, () => Math.floor(next() * 30));
      const sorted = [...values].sort((a, b) => a - b);
      const mid = sorted.length / 2;
      const expected = sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1]! + sorted[mid]!) / 2;
      expect(median(values)).toBe(expected);
    }
  });

  it('merges stored histograms and ignores what is not a count of whole days', () => {
    const merged = mergeHistograms([{ '3': 2, '5': 1 }, { '3': 1, x: 4, '-1': 2, '2.5': 1, '8': 0 }, parseHistogram('{"5":2}')]);
    expect([...merged].sort((a, b) => a[0] - b[0])).toEqual([
      [3, 3],
      [5, 3],
    ]);
    expect(parseHistogram('not json')).toEqual({});
    expect(parseHistogram('[1,2]')).toEqual({});
    expect(parseHistogram(null)).toEqual({});
  });
});

describe('training results', () => {
  it('computes the recommendation score like the evaluations module', () => {
    expect(nps({ promoters: 2, passives: 1, detractors: 1 })).toBe(25);
    expect(nps({ promoters: 1, passives: 1, detractors: 1 })).toBe(0);
    expect(nps({ promoters: 0, passives: 0, detractors: 3 })).toBe(-100);
    expect(nps({ promoters: 1, passives: 0, detractors: 2 })).toBe(-33.3);
    expect(nps({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
  });

  it('averages a 1–5 scale from its counts', () => {
    expect(scaleMean([0, 0, 1, 1, 2])).toBe(4.25);
    expect(scaleMean([1, 0, 0, 0, 0])).toBe(1);
    expect(scaleMean([0, 0, 0, 0, 0])).toBeNull();
  });
});

describe('rankings', () => {
  it('ranks best first, shares ranks on ties, and lists who had too few items', () => {
    const r = rank(
      [
        { townshipId: 1, value: 0.8, items: 40 },
        { townshipId: 2, value: 0.95, items: 12 },
        { townshipId: 3, value: 1, items: 9 },
        { townshipId: 4, value: 0.8, items: 10 },
        { townshipId: 5, value: null, items: 0 },
        { townshipId: 6, value: 0.5, items: 100 },
      ],
      'desc',
    );
    expect(r.ranked.map((e) => [e.townshipId, e.rank])).toEqual([
      [2, 1],
      [1, 2],
      [4, 2],
      [6, 4],
    ]);
    expect(r.excluded).toEqual([
      { townshipId: 3, items: 9 },
      { townshipId: 5, items: 0 },
    ]);
  });

  it('ranks ascending for "lower is better" figures such as days to resolve', () => {
    const r = rank(
      [
        { townshipId: 1, value: 12, items: 20 },
        { townshipId: 2, value: 7.5, items: 20 },
      ],
      'asc',
    );
    expect(r.ranked.map((e) => e.townshipId)).toEqual([2, 1]);
  });

  it('uses 10 items as the fairness threshold', () => {
    expect(MIN_RANKING_ITEMS).toBe(10);
    const r = rank(
      [
        { townshipId: 1, value: 1, items: 10 },
        { townshipId: 2, value: 1, items: 9 },
      ],
      'desc',
    );
    expect(r.ranked.map((e) => e.townshipId)).toEqual([1]);
    expect(r.excluded.map((e) => e.townshipId)).toEqual([2]);
  });
});
