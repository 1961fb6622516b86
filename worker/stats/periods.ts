/**
 * Statistics periods. The rollups count by week (Monday to Sunday, China time), so a period is
 * a run of whole weeks: a requested range is widened to the Monday of its first day and the
 * Sunday of its last, and the answer says which weeks it covers. Pure.
 */
import { addCalendarDays, isDay } from '../workflow/calendar';

/** The default period: the current week and the 11 before it. */
export const DEFAULT_WEEKS = 12;
/** Longest period one request may ask for (two years): rows read grow with weeks. */
export const MAX_WEEKS = 106;

const MS_PER_DAY = 86_400_000;

/**
 * The Monday of the week `day` falls in.
 * @example weekStart('2026-11-25') // '2026-11-23' (a Wednesday's Monday)
 */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addCalendarDays(day, -((weekday + 6) % 7));
}

/** A period of whole weeks. */
export interface Period {
  /** Monday of the first week. */
  from: string;
  /** Sunday of the last week. */
  to: string;
  /** The Monday of every week in the period, oldest first. */
  weeks: string[];
}

/** Why a requested period cannot be used. */
export type PeriodProblem = 'dates_out_of_order' | 'period_too_long';

/**
 * Whole weeks covering `from`…`to`. Missing ends default to the current week (`today`) and
 * the {@link DEFAULT_WEEKS} weeks up to it.
 * @example wholeWeeks('2026-11-04', '2026-11-25', '2026-11-25')
 * // { ok: true, period: { from: '2026-11-02', to: '2026-11-29', weeks: ['2026-11-02', …, '2026-11-23'] } }
 */
export function wholeWeeks(
  from: string | undefined,
  to: string | undefined,
  today: string,
): { ok: true; period: Period } | { ok: false; problem: PeriodProblem } {
  const lastMonday = weekStart(to ?? today);
  const firstMonday = from ? weekStart(from) : addCalendarDays(lastMonday, -7 * (DEFAULT_WEEKS - 1));
  if (firstMonday > lastMonday) return { ok: false, problem: 'dates_out_of_order' };
  const count = Math.round((Date.parse(lastMonday) - Date.parse(firstMonday)) / MS_PER_DAY / 7) + 1;
  if (count > MAX_WEEKS) return { ok: false, problem: 'period_too_long' };
  const weeks = Array.from({ length: count }, (_, i) => addCalendarDays(firstMonday, 7 * i));
  return { ok: true, period: { from: firstMonday, to: addCalendarDays(lastMonday, 6), weeks } };
}

export { isDay };
