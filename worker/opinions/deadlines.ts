/**
 * The working-day calendar and step limits as stored in D1, and the deadline colour of an
 * opinion. The rules themselves live in worker/workflow/calendar.ts; this module only reads
 * the tables and asks it.
 */
import { type Database, schema } from '../db/client';
import {
  addWorkingDays,
  buildCalendar,
  type Calendar,
  DEFAULT_CALENDAR_ROWS,
  type DeadlineStatus,
  deadlineStatus,
  type StepLimits,
  stepLimitsFromRows,
  YELLOW_WITHIN_WORKING_DAYS,
} from '../workflow/calendar';
import { type OpinionState, TIMED_STATES } from '../workflow/states';

/**
 * The calendar from `calendar_days`. An entirely empty table means the reference data was
 * never loaded (a fresh or reset database), not "no holidays ever": the official schedules
 * shipped with the code are used then, so deadlines never silently ignore 春节.
 */
export async function loadCalendar(db: Database): Promise<Calendar> {
  const rows = await db.select().from(schema.calendarDays).all();
  return buildCalendar(rows.length > 0 ? rows : DEFAULT_CALENDAR_ROWS);
}

/** Step limits from `step_limits` over the defaults. */
export async function loadLimits(db: Database): Promise<StepLimits> {
  return stepLimitsFromRows(await db.select().from(schema.stepLimits).all());
}

/** Green/yellow/red for an opinion that is on the clock; null when its state has no deadline. */
export function deadlineOf(cal: Calendar, state: string, dueOn: string | null, today: string): DeadlineStatus | null {
  if (dueOn === null || !TIMED_STATES.includes(state as OpinionState)) return null;
  return deadlineStatus(cal, dueOn, today);
}

/**
 * The due-date ranges of each colour seen on `today`, for filtering in SQL:
 * red is `dueOn < today`; yellow `today <= dueOn < greenFrom`; green `dueOn >= greenFrom`.
 * greenFrom is the first day more than {@link YELLOW_WITHIN_WORKING_DAYS} working days away,
 * which matches deadlineStatus exactly.
 */
export function colourBounds(cal: Calendar, today: string): { today: string; greenFrom: string } {
  return { today, greenFrom: addWorkingDays(cal, today, YELLOW_WITHIN_WORKING_DAYS + 1) };
}
