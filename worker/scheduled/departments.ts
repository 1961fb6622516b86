/**
 * The morning run's messages to departments (承办单位) with a current assignment: the deadline
 * is tomorrow (or the next working day), or it has passed. One statement each; the dedupe
 * key holds the assignment and the due date, so each is sent once per deadline.
 */
import { addWorkingDays, type Calendar, chinaDay } from '../workflow/calendar';
import { TIMED_STATES } from '../workflow/states';

const TIMED = TIMED_STATES.map((s) => `'${s}'`).join(', ');

function statement(d1: D1Database, kind: 'due' | 'overdue', now: number, from: string, to: string) {
  const template = kind === 'due' ? 'department_due_tomorrow' : 'department_overdue';
  return d1
    .prepare(
      `INSERT INTO outbox_messages (dedupe_key, channel, phone, audience, template_id, variables, event_kind, opinion_id,
         township_id, state, attempts, not_before, created_at, updated_at)
       SELECT 'dept-' || ?1 || ':' || a.id || ':' || o.due_on, 'sms', dep.contact_phone, 'department', ?2,
         json_object('department', CASE WHEN dep.short_name <> '' THEN dep.short_name ELSE dep.name END,
                     'code', o.tracking_code, 'due', o.due_on, 'link', '/opinions/' || o.id),
         ?1, o.id, o.township_id, 'pending', 0, 0, ?3, ?3
       FROM opinion_assignments a
       JOIN opinions o ON o.id = a.opinion_id
       JOIN departments dep ON dep.id = a.department_id
       WHERE a.status IN ('assigned', 'signed') AND o.state IN (${TIMED}) AND o.due_on >= ?4 AND o.due_on <= ?5
         AND dep.active = 1 AND length(dep.contact_phone) = 11 AND substr(dep.contact_phone, 1, 1) = '1'
         AND dep.contact_phone NOT GLOB '*[^0-9]*'
       ON CONFLICT (dedupe_key) DO NOTHING`,
    )
    .bind(kind, template, now, from, to);
}

/** Writes the due-tomorrow and overdue messages for `now`; returns how many were new. */
export async function departmentDeadlines(d1: D1Database, cal: Calendar, now: number): Promise<number> {
  const today = chinaDay(now);
  const nextWorkingDay = addWorkingDays(cal, today, 1);
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const [due, overdue] = await d1.batch([
    statement(d1, 'due', now, tomorrow, nextWorkingDay),
    // Overdue since yesterday or before; '0000-00-00' as the open lower bound.
    statement(
      d1,
      'overdue',
      now,
      '0000-00-00',
      new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10),
    ),
  ]);
  return (due?.meta.changes ?? 0) + (overdue?.meta.changes ?? 0);
}
