/**
 * 提醒未提交的代表: one SMS to each enrolled deputy who has not submitted a training's
 * evaluation, with their personal link, at most once per China day per deputy (the dedupe
 * key carries the day), and the evaluation invitation when an evaluation opens (once per
 * deputy and training). Written with one `INSERT … SELECT` each, so a thousand deputies cost
 * one statement and no phone number passes through application code.
 */
import { and, desc, eq, inArray, isNull, like } from 'drizzle-orm';
import { type Database, schema } from '../db/client';
import { chinaDay } from '../workflow/calendar';

const e = schema.enrolments;
const d = schema.deputies;
const m = schema.outboxMessages;

/** The dedupe-key prefix of one training's reminders on one day. */
function reminderPrefix(trainingId: number, day: string): string {
  return `eval-remind:${trainingId}:${day}:`;
}

/** What a click on "提醒未提交的代表" did. */
export interface ReminderOutcome {
  /** Reminders written now (one per deputy). */
  queued: number;
  /** Not submitted, but already reminded today. */
  alreadyToday: number;
  /** Not submitted and no mobile number in the roster: to be reached another way. */
  withoutPhone: number;
}

/**
 * Writes today's reminders for training `trainingId`, limited to `townshipId` when given.
 * Returns the counts and the dedupe-key prefix of today's rows (to enqueue them).
 */
export async function writeReminders(
  d1: D1Database,
  trainingId: number,
  townshipId: number | null,
  now: number,
  kind: 'reminder' | 'invite' = 'reminder',
): Promise<ReminderOutcome & { prefix: string }> {
  const day = chinaDay(now);
  // Invitations are once per training; reminders once per day.
  const prefix = kind === 'invite' ? `eval-invite:${trainingId}:` : reminderPrefix(trainingId, day);
  const template = kind === 'invite' ? 'evaluation_invite' : 'evaluation_reminder';
  // The deputies still to answer; `township` is the placeholder of the optional township filter.
  const pending = (
    township: string,
  ) => `FROM enrolments e JOIN deputies d ON d.id = e.deputy_id JOIN trainings t ON t.id = e.training_id
    WHERE e.training_id = ?1 AND e.submitted_on IS NULL AND d.active = 1 ${townshipId === null ? '' : `AND e.township_id = ${township}`}`;
  const tw = townshipId === null ? [] : [townshipId];
  const [insert, counts] = await d1.batch([
    d1
      .prepare(
        `INSERT INTO outbox_messages (dedupe_key, channel, phone, audience, recipient_deputy_id, template_id, variables,
           event_kind, training_id, township_id, state, attempts, not_before, created_at, updated_at)
         SELECT ?3 || d.id, 'sms', d.phone, 'deputy', d.id, ?4,
           json_object('name', d.name, 'training', t.title, 'link', '/e/' || e.token),
           ?5, e.training_id, e.township_id, 'pending', 0, 0, ?2, ?2
         ${pending('?6')} AND d.phone IS NOT NULL AND d.phone <> ''
         ON CONFLICT (dedupe_key) DO NOTHING`,
      )
      .bind(trainingId, now, prefix, template, kind, ...tw),
    d1
      .prepare(
        `SELECT count(*) AS total, sum(CASE WHEN d.phone IS NULL OR d.phone = '' THEN 1 ELSE 0 END) AS without_phone ${pending('?2')}`,
      )
      .bind(trainingId, ...tw),
  ]);
  const queued = insert?.meta.changes ?? 0;
  const row = (counts?.results[0] ?? {}) as { total?: number; without_phone?: number | null };
  const total = row.total ?? 0;
  const withoutPhone = row.without_phone ?? 0;
  return { queued, alreadyToday: Math.max(0, total - withoutPhone - queued), withoutPhone, prefix };
}

/** The pending outbox ids whose dedupe key starts with `prefix` (just written by writeReminders). */
export async function pendingWithPrefix(db: Database, prefix: string): Promise<number[]> {
  const rows = await db
    .select({ id: m.id })
    .from(m)
    .where(and(like(m.dedupeKey, `${prefix.replace(/[%_]/g, '')}%`), eq(m.state, 'pending')))
    .all();
  return rows.map((r) => r.id);
}

/** Who was reminded about a training, latest first: deputy, township, when, and the message's state. */
export async function remindersOf(db: Database, trainingId: number, townshipId: number | null) {
  const where = [eq(m.trainingId, trainingId), inArray(m.templateId, ['evaluation_reminder', 'evaluation_invite'])];
  if (townshipId !== null) where.push(eq(m.townshipId, townshipId));
  return db
    .select({
      deputyId: m.recipientDeputyId,
      name: d.name,
      townshipId: m.townshipId,
      kind: m.eventKind,
      at: m.createdAt,
      state: m.state,
    })
    .from(m)
    .innerJoin(d, eq(d.id, m.recipientDeputyId))
    .where(and(...where))
    .orderBy(desc(m.createdAt), desc(m.id))
    .limit(2000)
    .all();
}

/** The personal links of the deputies who have not submitted, for pasting into a WeChat group. */
export async function pendingLinks(db: Database, trainingId: number, townshipId: number | null) {
  const where = [eq(e.trainingId, trainingId), isNull(e.submittedOn), eq(d.active, true)];
  if (townshipId !== null) where.push(eq(e.townshipId, townshipId));
  return db
    .select({ deputyId: d.id, name: d.name, townshipName: schema.townships.name, token: e.token })
    .from(e)
    .innerJoin(d, eq(d.id, e.deputyId))
    .innerJoin(schema.townships, eq(schema.townships.id, e.townshipId))
    .where(and(...where))
    .orderBy(schema.townships.sortOrder, d.name)
    .all();
}
