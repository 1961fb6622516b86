/** The statistics formulas: means, distributions, the recommendation score, the threshold. */
import { describe, expect, it } from 'vitest';
import {
  completionRate,
  countCodes,
  isReportable,
  MIN_GROUP_SIZE,
  mean,
  npsSummary,
  ratingSummary,
  round,
} from '../../../worker/evaluations/stats';

describe('ratingSummary', () => {
  it('counts each point and averages', () => {
    expect(ratingSummary([5, 4, 4], [5, 4, 3, 2, 1])).toEqual({ n: 3, mean: 4.33, counts: [1, 2, 0, 0, 0] });
  });
  it('ignores missing and corrupt values instead of letting them shift the mean', () => {
    expect(ratingSummary([5, undefined, '4', 9, null, 1], [5, 4, 3, 2, 1])).toEqual({ n: 2, mean: 3, counts: [1, 0, 0, 0, 1] });
  });
  it('has no mean for no answers', () => {
    expect(ratingSummary([], [5, 4, 3, 2, 1])).toEqual({ n: 0, mean: null, counts: [0, 0, 0, 0, 0] });
  });
});

describe('npsSummary', () => {
  it('is the share of 9–10 minus the share of 0–6, in points', () => {
    const s = npsSummary([10, 9, 8, 7, 6, 0]);
    expect(s).toMatchObject({ n: 6, promoters: 2, passives: 2, detractors: 2, score: 0 });
    expect(npsSummary([10, 9, 8, 6]).score).toBe(25);
    expect(npsSummary([10, 10, 10]).score).toBe(100);
    expect(npsSummary([0, 6, 3]).score).toBe(-100);
    expect(npsSummary([9, 9, 7]).score).toBe(66.7);
  });
  it('has no score without answers', () => {
    expect(npsSummary([]).score).toBeNull();
  });
  it('counts 7 and 8 as passives only, at the exact borders', () => {
    expect(npsSummary([6, 7, 8, 9])).toMatchObject({ detractors: 1, passives: 2, promoters: 1, score: 0 });
  });
});

describe('countCodes', () => {
  it('counts single and multiple choices, ignoring unknown codes and duplicates', () => {
    expect(countCodes(['a', ['a', 'b'], 'x', ['b', 'b'], undefined], ['a', 'b'])).toEqual({ n: 3, counts: [2, 2] });
  });
});

describe('threshold and rates', () => {
  it('withholds groups below five', () => {
    expect(MIN_GROUP_SIZE).toBe(5);
    expect([0, 1, 4, 5, 6].map(isReportable)).toEqual([false, false, false, true, true]);
  });
  it('computes completion and rounds sensibly', () => {
    expect(completionRate(2, 3)).toBe(0.6667);
    expect(completionRate(0, 0)).toBeNull();
    expect(round(1.005, 2)).toBe(1.01);
    expect(round(-2.345, 2)).toBe(-2.35);
    expect(mean([])).toBeNull();
  });
});
