/**
 * The morning run's training steps: open draft evaluations whose `evaluation_schedules.opens_on`
 * has come, close open ones after `closes_on` (releasing the remaining answers exactly as the
 * organiser's close does, in the same batch), and invite every enrolled deputy who has not
 * submitted to each open evaluation (once per deputy and training, however often it runs).
 */
import { and, eq, inArray, isNotNull, lt, lte } from 'drizzle-orm';
import { type Database, schema } from '../db/client';
import { pendingCounts, releaseDueStatements } from '../evaluations/release';
import { writeReminders } from '../notifications/reminders';
import { chinaDay } from '../workflow/calendar';

const t = schema.trainings;
const s = schema.evaluationSchedules;

/** What changed: trainings opened and closed, and invitations written. */
export interface EvaluationRun {
  opened: number[];
  closed: number[];
  invited: number;
}

/** Runs the steps for `now`; idempotent (status guards and dedupe keys). */
export async function runEvaluationSchedules(d1: D1Database, db: Database, now: number): Promise<EvaluationRun> {
  const today = chinaDay(now);
  const toOpen = await db
    .select({ id: t.id })
    .from(t)
    .innerJoin(s, eq(s.trainingId, t.id))
    .where(and(eq(t.evaluationStatus, 'draft'), isNotNull(s.opensOn), lte(s.opensOn, today)))
    .all();
  const opened: number[] = [];
  for (const { id } of toOpen) {
    const r = await db
      .update(t)
      .set({ evaluationStatus: 'open', updatedAt: now })
      .where(and(eq(t.id, id), eq(t.evaluationStatus, 'draft')))
      .returning({ id: t.id })
      .all();
    if (r.length > 0) opened.push(id);
  }
  const toClose = await db
    .select({ id: t.id })
    .from(t)
    .innerJoin(s, eq(s.trainingId, t.id))
    .where(and(eq(t.evaluationStatus, 'open'), isNotNull(s.closesOn), lt(s.closesOn, today)))
    .all();
  const closed: number[] = [];
  for (const { id } of toClose) {
    const release = releaseDueStatements(d1, id, await pendingCounts(d1, id), true, now);
    const [update] = await d1.batch([
      d1
        .prepare(`UPDATE trainings SET evaluation_status = 'closed', updated_at = ? WHERE id = ? AND evaluation_status = 'open'`)
        .bind(now, id),
      ...release,
    ]);
    if ((update?.meta.changes ?? 0) > 0) closed.push(id);
  }
  const open = await db
    .select({ id: t.id })
    .from(t)
    .where(inArray(t.evaluationStatus, ['open']))
    .all();
  let invited = 0;
  for (const { id } of open) invited += (await writeReminders(d1, id, null, now, 'invite')).queued;
  return { opened, closed, invited };
}
