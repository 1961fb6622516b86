/**
 * The dashboard's statistics formulas. Pure: counts in, figures out; no database, no labels.
 * Every rate is a fraction in [0, 1] (the dashboard formats it as a percentage), and every
 * figure whose denominator is zero is `null` — "no data", never a misleading 0 %.
 */

/** Fewer items than this and a township is left out of a ranking: too few to be fair. */
export const MIN_RANKING_ITEMS = 10;

/** Evaluation breakdowns of fewer answers are withheld, so no deputy can be recognised. */
export const MIN_EVALUATION_GROUP = 5;

/**
 * Rounds to `digits` decimals, half away from zero. The scaled value is first cut to 15
 * significant digits, so binary noise (1.005 × 100 = 100.49999…) cannot round the wrong way.
 */
export function round(value: number, digits = 4): number {
  const f = 10 ** digits;
  return (Math.sign(value) * Math.round(Number((Math.abs(value) * f).toPrecision(15)))) / f;
}

/**
 * `part / whole`, rounded to 4 decimals, or null when there is nothing to divide by.
 * @example share(3, 4) // 0.75
 * @example share(0, 0) // null
 */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? round(part / whole) : null;
}

/** Current-state counts of a group of opinions (one per state of worker/workflow/states.ts). */
export interface StateCounts {
  pending: number;
  listening: number;
  viewing: number;
  deliberating: number;
  handling: number;
  resolved: number;
  closed: number;
  review: number;
  rejected: number;
  duplicate: number;
  transferred: number;
}

/** 已办结: the result was fed back (resolved) or accepted/closed afterwards. */
export function resolvedCount(s: StateCounts): number {
  return s.resolved + s.closed;
}

/** Still needing work from staff or deputies (review included). */
export function openCount(s: StateCounts): number {
  return s.pending + s.listening + s.viewing + s.deliberating + s.handling + s.review;
}

/** Ended without the four steps: 不予受理, 重复 (merged), 转办. */
export function sideOutcomeCount(s: StateCounts): number {
  return s.rejected + s.duplicate + s.transferred;
}

/**
 * Opinions the township had to handle itself: received minus side outcomes. Duplicates are
 * counted once (in the opinion they were merged into); rejected and transferred opinions were
 * never the township's to resolve. This is the denominator of the resolution rate.
 */
export function handledCount(received: number, s: StateCounts): number {
  return received - sideOutcomeCount(s);
}

/**
 * 办结率: resolved ÷ opinions to handle (received − 不予受理 − 重复 − 转办).
 * @example resolutionRate(10, { ...zeroStates, resolved: 3, closed: 3, duplicate: 2 }) // 0.75
 */
export function resolutionRate(received: number, s: StateCounts): number | null {
  return share(resolvedCount(s), handledCount(received, s));
}

/** Residents' ratings of the result. */
export interface RatingCounts {
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
}

/** How many opinions were rated at all. */
export function ratedCount(r: RatingCounts): number {
  return r.satisfied + r.basicallySatisfied + r.dissatisfied;
}

/**
 * 满意率: (满意 + 基本满意) ÷ rated.
 * @example satisfaction({ satisfied: 6, basicallySatisfied: 2, dissatisfied: 2 }) // 0.8
 */
export function satisfaction(r: RatingCounts): number | null {
  return share(r.satisfied + r.basicallySatisfied, ratedCount(r));
}

/** A histogram of whole numbers: value (as written in JSON keys) → count. */
export type Histogram = Record<string, number>;

/**
 * Adds histograms (as stored in stats_opinion_weeks.resolve_days). Keys that are not whole
 * numbers ≥ 0 and counts that are not positive are ignored, so one odd row cannot poison a
 * median.
 */
export function mergeHistograms(histograms: Iterable<Histogram>): Map<number, number> {
  const out = new Map<number, number>();
  for (const h of histograms) {
    for (const [key, count] of Object.entries(h)) {
      const value = Number(key);
      if (!Number.isInteger(value) || value < 0 || !(typeof count === 'number' && count > 0)) continue;
      out.set(value, (out.get(value) ?? 0) + count);
    }
  }
  return out;
}

/** Parses a stored histogram; anything but a JSON object counts as empty. */
export function parseHistogram(text: string | null | undefined): Histogram {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Histogram) : {};
  } catch {
    return {};
  }
}

/**
 * The median of the values a histogram counts: the middle value, or the mean of the two
 * middle values for an even count (so it may end in .5). Null when empty. Exact, because the
 * histogram keeps every whole number of working days.
 * @example histogramMedian(new Map([[2, 1], [5, 2], [9, 1]])) // 5
 * @example histogramMedian(new Map([[2, 1], [4, 1]]))         // 3
 */
export function histogramMedian(h: ReadonlyMap<number, number>): number | null {
  let n = 0;
  for (const c of h.values()) n += c;
  if (n === 0) return null;
  const sorted = [...h.entries()].sort((a, b) => a[0] - b[0]);
  /** The k-th smallest value (0-based). */
  const at = (k: number): number => {
    let seen = 0;
    for (const [value, count] of sorted) {
      seen += count;
      if (k < seen) return value;
    }
    return sorted[sorted.length - 1]![0];
  };
  return n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}

/** The median of plain values (the independent check in tests uses the same definition). */
export function median(values: readonly number[]): number | null {
  const h = new Map<number, number>();
  for (const v of values) h.set(v, (h.get(v) ?? 0) + 1);
  return histogramMedian(h);
}

/** Answers to the 0–10 recommendation question, grouped. */
export interface NpsCounts {
  /** 9–10 */
  promoters: number;
  /** 7–8 */
  passives: number;
  /** 0–6 */
  detractors: number;
}

/**
 * Recommendation score (NPS): % promoters − % detractors, −100…100 with one decimal (the
 * same definition as the evaluations module). Null when nobody answered.
 * @example nps({ promoters: 2, passives: 1, detractors: 1 }) // 25
 */
export function nps(c: NpsCounts): number | null {
  const n = c.promoters + c.passives + c.detractors;
  return n > 0 ? round(((c.promoters - c.detractors) / n) * 100, 1) : null;
}

/**
 * Mean of a 1–5 scale from its counts (index 0 = point 1), two decimals; null when empty.
 * @example scaleMean([0, 0, 1, 1, 2]) // 4.25
 */
export function scaleMean(counts: readonly number[]): number | null {
  let n = 0;
  let sum = 0;
  counts.forEach((c, i) => {
    n += c;
    sum += c * (i + 1);
  });
  return n > 0 ? round(sum / n, 2) : null;
}

/** One township's candidate value for a ranking. */
export interface RankingEntry {
  townshipId: number;
  value: number | null;
  /** How many items the value rests on (its denominator). */
  items: number;
}

/** A ranking and the townships left out of it, with why (their item count). */
export interface Ranking {
  ranked: { townshipId: number; value: number; items: number; rank: number }[];
  excluded: { townshipId: number; items: number }[];
}

/**
 * Ranks townships by a value, best first. Townships resting on fewer than `minItems` items
 * (or with no value) are not ranked but listed in `excluded`, so the dashboard can say who
 * was left out. Equal values share a rank and the next rank is skipped (1, 2, 2, 4).
 * @example
 * rank([{ townshipId: 1, value: 0.9, items: 40 }, { townshipId: 2, value: 1, items: 3 }], 'desc')
 * // { ranked: [{ townshipId: 1, value: 0.9, items: 40, rank: 1 }], excluded: [{ townshipId: 2, items: 3 }] }
 */
export function rank(entries: readonly RankingEntry[], direction: 'asc' | 'desc', minItems = MIN_RANKING_ITEMS): Ranking {
  const eligible: { townshipId: number; value: number; items: number }[] = [];
  const excluded: Ranking['excluded'] = [];
  for (const e of entries) {
    if (e.value === null || e.items < minItems) excluded.push({ townshipId: e.townshipId, items: e.items });
    else eligible.push({ townshipId: e.townshipId, value: e.value, items: e.items });
  }
  const sign = direction === 'desc' ? -1 : 1;
  eligible.sort((a, b) => sign * (a.value - b.value) || b.items - a.items || a.townshipId - b.townshipId);
  const ranked = eligible.map((e, i) => ({ ...e, rank: i + 1 }));
  for (let i = 1; i < ranked.length; i++) {
    if (ranked[i]!.value === ranked[i - 1]!.value) ranked[i]!.rank = ranked[i - 1]!.rank;
  }
  return { ranked, excluded };
}
