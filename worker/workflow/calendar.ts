/**
 * China working-day calendar for deadlines (督办).
 *
 * Rule: a day listed as 'holiday' is a rest day, a day listed as 'workday' is a working day
 * (调休 make-up Saturday/Sunday), any other day follows the weekday (Mon–Fri work, Sat–Sun rest).
 * The listed days are data: seeded from ./cn-holidays.json into the `calendar_days` table,
 * where admins edit them. Everything here is pure; days are 'YYYY-MM-DD' in China time.
 */
import holidayFile from './cn-holidays.json';
import { isOpinionState, type OpinionState } from './states';

/** One row of `calendar_days`. */
export interface CalendarRow {
  day: string;
  kind: 'holiday' | 'workday';
  name: string;
}

/** A calendar built from rows; build it once per request with {@link buildCalendar}. */
export interface Calendar {
  readonly overrides: ReadonlyMap<string, CalendarRow>;
}

/** The shape of cn-holidays.json: per year, holiday periods with their days off and make-up working days. */
export interface HolidayFile {
  about?: string;
  years: Record<string, readonly { name: string; off: readonly string[]; work: readonly string[] }[]>;
}

/** Deadline colour shown wherever opinions are listed. */
export type DeadlineStatus = 'green' | 'yellow' | 'red';

/** "Due within 2 working days" turns yellow (the definition). */
export const YELLOW_WITHIN_WORKING_DAYS = 2;

/** Working days allowed per state; the `step_limits` table overrides these per state. */
export type StepLimits = Readonly<Partial<Record<OpinionState, number>>>;

/**
 * Default limits in working days. `resolved` is the resident's rating window: after it staff
 * (or the system) may close an unrated opinion. `deliberating` has no default on purpose: its
 * due date is the deadline agreed in 三议, which also governs 四办 (see transitions.ts).
 */
export const DEFAULT_STEP_LIMITS: StepLimits = {
  pending: 2,
  listening: 3,
  viewing: 5,
  handling: 15,
  review: 5,
  resolved: 10,
};

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
/** No real calendar has a year of rest days in a row; stop rather than loop forever on bad data. */
const MAX_REST_RUN = 366;

/** Whether `value` is a real calendar day written 'YYYY-MM-DD'. */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DAY_RE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

function toEpochDay(day: string): number {
  if (!isDay(day)) throw new RangeError(`not a calendar day: ${String(day)}`);
  return Date.parse(`${day}T00:00:00Z`) / MS_PER_DAY;
}

function fromEpochDay(epochDay: number): string {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The China (UTC+8, no daylight saving) calendar day of an epoch-millisecond timestamp. */
export function chinaDay(epochMs: number): string {
  return new Date(epochMs + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The day `n` calendar days after `day` (negative n goes back). */
export function addCalendarDays(day: string, n: number): string {
  return fromEpochDay(toEpochDay(day) + n);
}

/**
 * Turns the holiday file into `calendar_days` rows, sorted by day. Days off become 'holiday'
 * (weekend days inside a holiday period included, so lists can show the holiday's name);
 * make-up days become 'workday'; both carry the period's name. Throws on a malformed or
 * contradictory file, because a silently wrong calendar produces wrong deadlines.
 */
export function calendarRowsFromHolidayFile(file: HolidayFile): CalendarRow[] {
  const rows = new Map<string, CalendarRow>();
  const add = (day: string, kind: CalendarRow['kind'], name: string) => {
    if (!isDay(day)) throw new RangeError(`holiday file: not a calendar day: ${day}`);
    if (rows.has(day)) throw new RangeError(`holiday file: ${day} listed twice`);
    rows.set(day, { day, kind, name });
  };
  for (const periods of Object.values(file.years)) {
    for (const p of periods) {
      for (const day of p.off) add(day, 'holiday', p.name);
      for (const day of p.work) add(day, 'workday', p.name);
    }
  }
  return [...rows.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** The seed rows: the official 2025 and 2026 schedules shipped in cn-holidays.json. */
export const DEFAULT_CALENDAR_ROWS: readonly CalendarRow[] = calendarRowsFromHolidayFile(holidayFile);

/** Builds a calendar from rows (e.g. everything in `calendar_days`). Later rows for a day win. */
export function buildCalendar(rows: readonly CalendarRow[]): Calendar {
  const overrides = new Map<string, CalendarRow>();
  for (const row of rows) {
    if (!isDay(row.day)) throw new RangeError(`calendar row: not a calendar day: ${row.day}`);
    overrides.set(row.day, row);
  }
  return { overrides };
}

/** A calendar from the shipped seed rows, for scripts and tests. */
export function defaultCalendar(): Calendar {
  return buildCalendar(DEFAULT_CALENDAR_ROWS);
}

/** Whether `day` is a working day: listed days decide, others follow Mon–Fri. */
export function isWorkingDay(cal: Calendar, day: string): boolean {
  const listed = cal.overrides.get(day);
  if (listed) return listed.kind === 'workday';
  const weekday = new Date(toEpochDay(day) * MS_PER_DAY).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The due date `n` working days after `start`: the n-th working day strictly after it, so an
 * opinion received on a Friday with n = 1 is due Monday. n = 0 returns `start` unchanged.
 */
export function addWorkingDays(cal: Calendar, start: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  let epochDay = toEpochDay(start);
  let rest = 0;
  for (let left = n; left > 0; ) {
    epochDay += 1;
    if (isWorkingDay(cal, fromEpochDay(epochDay))) {
      left -= 1;
      rest = 0;
    } else if (++rest > MAX_REST_RUN) {
      throw new RangeError('calendar has no working day for over a year');
    }
  }
  return fromEpochDay(epochDay);
}

/**
 * Working days in (a, b]: how many working days after `a` it takes to reach `b`, so that
 * `workingDaysBetween(a, addWorkingDays(a, n)) === n`. Negative when b is before a.
 */
export function workingDaysBetween(cal: Calendar, a: string, b: string): number {
  const from = toEpochDay(a);
  const to = toEpochDay(b);
  // 0 - n rather than -n: -0 would leak into comparisons and JSON as a surprise.
  if (to < from) return 0 - workingDaysBetween(cal, b, a);
  let count = 0;
  for (let d = from + 1; d <= to; d++) if (isWorkingDay(cal, fromEpochDay(d))) count++;
  return count;
}

/**
 * Colour for a due date seen on `today`: red once the due day has passed, yellow when it is due
 * today or within {@link YELLOW_WITHIN_WORKING_DAYS} working days, green otherwise.
 */
export function deadlineStatus(cal: Calendar, dueOn: string, today: string): DeadlineStatus {
  if (toEpochDay(today) > toEpochDay(dueOn)) return 'red';
  return workingDaysBetween(cal, today, dueOn) <= YELLOW_WITHIN_WORKING_DAYS ? 'yellow' : 'green';
}

/**
 * Merges `step_limits` rows over the defaults. Rows with an unknown state or a limit that is
 * not a whole number ≥ 1 are ignored so one bad admin edit cannot break every deadline.
 */
export function stepLimitsFromRows(
  rows: readonly { state: string; workingDays: number }[],
  defaults: StepLimits = DEFAULT_STEP_LIMITS,
): StepLimits {
  const limits: Partial<Record<OpinionState, number>> = { ...defaults };
  for (const { state, workingDays } of rows) {
    if (isOpinionState(state) && Number.isInteger(workingDays) && workingDays >= 1) limits[state] = workingDays;
  }
  return limits;
}

/** From this month on (November, when the State Council publishes it) next year's schedule is expected. */
export const UPKEEP_FROM_MONTH = 11;

/**
 * Calendar upkeep: the year whose holidays should already be entered but are not, or null.
 * From 1 November of year Y, the schedule of Y+1 is due; `listedDays` are the days stored in
 * `calendar_days` (only their years matter). Without it every deadline in January would
 * ignore 元旦 and 春节.
 */
export function missingHolidayYear(today: string, listedDays: readonly string[]): number | null {
  const year = Number(today.slice(0, 4));
  if (Number(today.slice(5, 7)) < UPKEEP_FROM_MONTH) return null;
  const next = `${year + 1}-`;
  return listedDays.some((d) => d.startsWith(next)) ? null : year + 1;
}
