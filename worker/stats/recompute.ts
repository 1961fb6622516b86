/**
 * Keeping the working-day figures true after a calendar correction. Resolution times are
 * stored per resolved opinion (stats_resolutions.working_days) because the histogram of
 * exact medians is built from them; when an admin marks a past day as a holiday (or a make-up
 * working day), every resolution whose span contains that day changes. The statement built
 * here recomputes them inside the calendar write's own batch, after the new calendar rows are
 * written, and the stats_resolutions_days trigger moves each changed value in the histograms.
 * Backlog ages are worked out when read, so they need nothing.
 */
import { sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../db/client';
import { isDay } from '../workflow/calendar';
import { daySql, workingDaysSql } from './working-days-sql';

/** A calendar entry as the calendar API stores it. */
export interface CalendarEntry {
  day: string;
  kind: string;
}

/**
 * The days whose kind differs between two versions of a calendar (added, removed or changed).
 * @example changedCalendarDays([{ day: '2026-10-08', kind: 'holiday' }], []) // ['2026-10-08']
 */
export function changedCalendarDays(before: readonly CalendarEntry[], after: readonly CalendarEntry[]): string[] {
  const was = new Map(before.map((d) => [d.day, d.kind]));
  const now = new Map(after.map((d) => [d.day, d.kind]));
  const days = new Set<string>();
  for (const [day, kind] of was) if (now.get(day) !== kind) days.add(day);
  for (const [day, kind] of now) if (was.get(day) !== kind) days.add(day);
  return [...days].sort();
}

/**
 * The SQL that recomputes the working days of every resolution whose span (received, resolved]
 * may contain one of `changedDays`; null when nothing changed. The days are inlined (checked
 * to be 'YYYY-MM-DD' first) because drizzle's batch cannot bind parameters of raw SQL.
 */
export function recomputeWorkingDaysSql(changedDays: readonly string[]): string | null {
  const days = changedDays.filter(isDay).sort();
  if (days.length === 0) return null;
  const first = days[0]!;
  const last = days[days.length - 1]!;
  const received = `(SELECT ${daySql('o.received_at')} FROM opinions o WHERE o.id = stats_resolutions.opinion_id)`;
  return `UPDATE stats_resolutions SET working_days = ${workingDaysSql(received, 'resolved_day')}
WHERE resolved_day >= '${first}' AND ${received} < '${last}'`;
}

/**
 * The recomputation as a drizzle batch item, for the calendar write's `db.batch([...])`.
 * Place it after the statements that write the new calendar rows.
 * @example
 * const recompute = recomputeWorkingDays(db, changedCalendarDays(before, body.days));
 * await db.batch([...writes, ...(recompute ? [recompute] : [])]);
 */
export function recomputeWorkingDays(db: Database, changedDays: readonly string[]): BatchItem<'sqlite'> | null {
  const text = recomputeWorkingDaysSql(changedDays);
  return text === null ? null : db.run(sql.raw(text));
}
