/**
 * Flow, backlog and timeliness figures: what happened in a period (events as they happened),
 * what is waiting as of a day and for how long, and how often deadlines were kept. Pure: rows
 * in, figures out; working days come from the calendar passed in, as it is when read.
 *
 * Definitions (the dashboard shows the same text, from its message catalog):
 * - 办结 (flow): resolve events in the period, whatever the receipt date. A later reopening
 *   does not remove it; the reopening is a 重办 event in its own week.
 * - 按期办结率: of the 办理时限 (deadlines agreed in 三议, or set by 自行办理, 延期, 重办) that
 *   fell in the period and have passed or been met, the share met by a resolution on or before
 *   the day. A deadline is missed when the opinion is still in 三议/四办 after it, or moved on
 *   (resolved late, extended, merged, transferred) after it.
 * - Backlog: open opinions (一听 to 四办, and 待复核) by working days since receipt.
 * - Timeliness counting open items: the share resolved within the four steps' limits, of the
 *   opinions whose outcome against that limit is known; and the median with the open ones
 *   counted as at least their current age.
 */
import { histogramMedian, round, share } from './formulas';
import { type Calendar, isWorkingDay, addCalendarDays } from '../workflow/calendar';

/** Age or lateness buckets, in working days. */
export const AGE_BUCKETS = [
  { key: '0-5', max: 5 },
  { key: '6-15', max: 15 },
  { key: '16-30', max: 30 },
  { key: '>30', max: Number.POSITIVE_INFINITY },
] as const;
export type BucketKey = (typeof AGE_BUCKETS)[number]['key'];

/** Count rows keyed by a day. */
export interface DayCount {
  day: string;
  n: number;
}

/**
 * Working days from each of `days` to `today`, in (day, today]: one pass over the calendar
 * from the earliest day, instead of one walk per day.
 */
export function workingDaysTo(cal: Calendar, days: Iterable<string>, today: string): Map<string, number> {
  const wanted = [...new Set(days)].filter((d) => d <= today).sort();
  const out = new Map<string, number>();
  if (wanted.length === 0) return out;
  // Walk back from today, counting working days passed so far.
  let count = 0;
  let i = wanted.length - 1;
  for (let d = today; i >= 0; d = addCalendarDays(d, -1)) {
    while (i >= 0 && wanted[i] === d) out.set(wanted[i--]!, count);
    if (isWorkingDay(cal, d)) count++;
  }
  for (const d of days) if (d > today) out.set(d, 0);
  return out;
}

/** Counts per bucket of a value. */
export function bucketed(values: Iterable<[number, number]>): Record<BucketKey, number> {
  const out = Object.fromEntries(AGE_BUCKETS.map((b) => [b.key, 0])) as Record<BucketKey, number>;
  for (const [value, n] of values) {
    const b = AGE_BUCKETS.find((x) => value <= x.max)!;
    out[b.key] += n;
  }
  return out;
}

/** The backlog as of `today`: open opinions by working days since receipt. */
export interface Backlog {
  asOf: string;
  open: number;
  byAge: Record<BucketKey, number>;
  /** Open opinions past their current step's due day, by working days late. */
  overdue: number;
  overdueBy: Record<BucketKey, number>;
}

/**
 * @example backlog([{ day: '2026-11-30', n: 2 }], [], cal, '2026-12-04') // open 2, byAge['0-5'] 2
 */
export function backlog(
  openByReceived: readonly DayCount[],
  openByDue: readonly DayCount[],
  cal: Calendar,
  today: string,
): Backlog {
  const ages = workingDaysTo(
    cal,
    openByReceived.map((r) => r.day),
    today,
  );
  const late = openByDue.filter((r) => r.day < today);
  const lateness = workingDaysTo(
    cal,
    late.map((r) => r.day),
    today,
  );
  return {
    asOf: today,
    open: openByReceived.reduce((s, r) => s + r.n, 0),
    byAge: bucketed(openByReceived.map((r) => [ages.get(r.day) ?? 0, r.n])),
    overdue: late.reduce((s, r) => s + r.n, 0),
    overdueBy: bucketed(late.map((r) => [lateness.get(r.day) ?? 0, r.n])),
  };
}

/** Resolution time of a cohort, counting the opinions still open. */
export interface Timeliness {
  /** The four steps' limits added up, in working days. */
  limitDays: number;
  /** Resolved within the limit ÷ (resolved + open already past it); null when none is known yet. */
  withinLimit: number | null;
  withinLimitN: number;
  /** Median working days, open ones counted at their current age; `atLeast` when the middle one is open. */
  median: number | null;
  atLeast: boolean;
  /** How many opinions the median rests on (resolved + open). */
  n: number;
}

/**
 * @param resolved working days → count, of the cohort's lasting resolutions
 * @param openAges current age in working days → count, of the cohort's open opinions
 * @example timeliness(new Map([[3, 1]]), new Map([[40, 2]]), 25) // withinLimit 1/3, median 40, atLeast true
 */
export function timeliness(
  resolved: ReadonlyMap<number, number>,
  openAges: ReadonlyMap<number, number>,
  limitDays: number,
): Timeliness {
  let within = 0;
  let known = 0;
  for (const [d, n] of resolved) {
    known += n;
    if (d <= limitDays) within += n;
  }
  for (const [d, n] of openAges) if (d > limitDays) known += n;
  // The median over both, open ones at their age (a lower bound of their eventual time).
  const both = new Map<number, number>();
  let n = 0;
  for (const h of [resolved, openAges]) {
    for (const [d, c] of h) {
      both.set(d, (both.get(d) ?? 0) + c);
      n += c;
    }
  }
  const median = histogramMedian(both);
  // "At least" when an open opinion sits at or after the middle: its final time can only grow.
  let atLeast = false;
  if (median !== null) {
    let openAtOrAbove = 0;
    for (const [d, c] of openAges) if (d >= median) openAtOrAbove += c;
    atLeast = openAtOrAbove > 0;
  }
  return { limitDays, withinLimit: share(within, known), withinLimitN: known, median, atLeast, n };
}

/** Deadline outcomes of a period. */
export interface OnTime {
  met: number;
  /** Missed and moved on since (recorded), plus still open after the day (live). */
  missed: number;
  rate: number | null;
}

/** 按期办结率 from its parts. */
export function onTime(met: number, missedRecorded: number, missedOpen: number): OnTime {
  const missed = missedRecorded + missedOpen;
  return { met, missed, rate: share(met, met + missed) };
}

/** Share, or null: for per-deputy rates with two decimals. */
export function perHead(count: number, heads: number): number | null {
  return heads > 0 ? round(count / heads, 2) : null;
}
