/**
 * SQL expressions shared by the rollup migrations and the runtime recomputation after a
 * calendar edit (./recompute.ts). Pure strings; no database access here.
 */

/** Mondays to Fridays from 1970-01-05 (a Monday) up to and including `day`. */
const weekdaysUpTo = (day: string) => {
  const n = `CAST(julianday(${day}) - 2440591.5 AS INTEGER)`;
  return `((${n} / 7) * 5 + min(${n} % 7 + 1, 5))`;
};

/**
 * Working days in (a, b] — the same rule as worker/workflow/calendar.ts `workingDaysBetween`
 * and the same text as the stats_rollups migration: Mondays to Fridays, minus listed holidays
 * on a weekday, plus listed make-up working days (调休) on a weekend; clamped at 0. Reads only
 * the calendar_days rows inside the range, as they are when the statement runs.
 */
export const workingDaysSql = (a: string, b: string) =>
  `max(0, ${weekdaysUpTo(b)} - ${weekdaysUpTo(a)} + (SELECT coalesce(sum(iif(kind = 'workday', strftime('%w', day) IN ('0', '6'), -(strftime('%w', day) NOT IN ('0', '6')))), 0) FROM calendar_days WHERE day > ${a} AND day <= ${b}))`;

/** China (UTC+8) calendar day of an epoch-ms expression. */
export const daySql = (ms: string) => `date(${ms} / 1000 + 28800, 'unixepoch')`;
/** Monday of the China-time week of an epoch-ms expression. */
export const weekSql = (ms: string) => `date(${ms} / 1000 + 28800, 'unixepoch', '-6 days', 'weekday 1')`;
/** Monday of the week of a 'YYYY-MM-DD' expression. */
export const weekOfDaySql = (day: string) => `date(${day}, '-6 days', 'weekday 1')`;
