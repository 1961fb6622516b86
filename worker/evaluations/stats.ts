/**
 * Statistics formulas of the training evaluations. Pure: numbers in, numbers out; no labels,
 * no database, no Workers globals. `report.ts` puts labels on them.
 */

/** Answers needed before any group (a township, the whole training) is shown at all. */
export const MIN_GROUP_SIZE = 5;

/** Whether a group of `n` answers may be shown without risking that a person is recognised. */
export function isReportable(n: number): boolean {
  return n >= MIN_GROUP_SIZE;
}

/**
 * Rounds to `digits` decimals, half away from zero, as people round by hand: shifting the
 * decimal point in the number's text avoids binary surprises such as 1.005 → 1.00.
 */
export function round(value: number, digits = 2): number {
  const shifted = Math.round(Number(`${Math.abs(value)}e${digits}`));
  const result = Number(`${shifted}e-${digits}`);
  // Numbers whose text is already in exponent form (1e-7) fall back to plain arithmetic.
  const plain = Math.round(Math.abs(value) * 10 ** digits) / 10 ** digits;
  return Math.sign(value) * (Number.isFinite(result) ? result : plain) || 0;
}

/** The arithmetic mean, or null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** How many answers gave each point of a scale. */
export interface RatingSummary {
  n: number;
  /** Mean rating rounded to 2 decimals, or null when nobody answered. */
  mean: number | null;
  /** Count per point, in the order of `points`. */
  counts: number[];
}

/**
 * Summarises ratings on a fixed scale. Values outside `points` (a corrupted row) are ignored,
 * so one bad answer cannot shift a lecturer's average.
 * @example ratingSummary([5, 4, 4], [5, 4, 3, 2, 1]) // { n: 3, mean: 4.33, counts: [1, 2, 0, 0, 0] }
 */
export function ratingSummary(values: readonly unknown[], points: readonly number[]): RatingSummary {
  const index = new Map(points.map((p, i) => [p, i]));
  const counts = points.map(() => 0);
  const valid: number[] = [];
  for (const v of values) {
    if (typeof v !== 'number') continue;
    const i = index.get(v);
    if (i === undefined) continue;
    counts[i] = (counts[i] ?? 0) + 1;
    valid.push(v);
  }
  const m = mean(valid);
  return { n: valid.length, mean: m === null ? null : round(m), counts };
}

/** The recommendation (0–10) summary. */
export interface NpsSummary extends RatingSummary {
  /** Answers of 9 or 10. */
  promoters: number;
  /** Answers of 7 or 8. */
  passives: number;
  /** Answers of 0 to 6. */
  detractors: number;
  /** % promoters − % detractors, −100…100, one decimal; null when nobody answered. */
  score: number | null;
}

/** The 0–10 points, in display order. */
export const NPS_POINTS: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/**
 * The recommendation score: the share of promoters (9–10) minus the share of detractors
 * (0–6), in percentage points.
 * @example npsSummary([10, 9, 8, 6]).score // 25
 */
export function npsSummary(values: readonly unknown[]): NpsSummary {
  const base = ratingSummary(values, NPS_POINTS);
  const c = base.counts;
  const sum = (from: number, to: number) => c.slice(from, to + 1).reduce((a, b) => a + b, 0);
  const promoters = sum(9, 10);
  const passives = sum(7, 8);
  const detractors = sum(0, 6);
  const score = base.n === 0 ? null : round(((promoters - detractors) / base.n) * 100, 1);
  return { ...base, promoters, passives, detractors, score };
}

/**
 * Counts codes: each answer is one code (single choice) or a list (multiple choice).
 * Unknown codes are ignored; `n` counts answers that named at least one known code.
 * @example countCodes(['a', ['a', 'b'], 'x'], ['a', 'b']) // { n: 2, counts: [2, 1] }
 */
export function countCodes(values: readonly unknown[], codes: readonly string[]): { n: number; counts: number[] } {
  const index = new Map(codes.map((code, i) => [code, i]));
  const counts = codes.map(() => 0);
  let n = 0;
  for (const v of values) {
    const list = Array.isArray(v) ? v : [v];
    let any = false;
    for (const code of new Set(list)) {
      const i = typeof code === 'string' ? index.get(code) : undefined;
      if (i === undefined) continue;
      counts[i] = (counts[i] ?? 0) + 1;
      any = true;
    }
    if (any) n++;
  }
  return { n, counts };
}

/** Share of the enrolled who submitted, 0…1 with 4 decimals; null when nobody is enrolled. */
export function completionRate(submitted: number, enrolled: number): number | null {
  return enrolled > 0 ? round(submitted / enrolled, 4) : null;
}
