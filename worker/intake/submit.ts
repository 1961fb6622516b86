/**
 * Storing a resident's opinion: the row, its first timeline event and its photos land in
 * one `db.batch`, or nothing does.
 *
 * Never duplicate: the form carries a submission key (a UUID made when the page was
 * rendered), and `opinions.submission_key` is UNIQUE. A retry of a request that already got
 * through finds its row and returns the same tracking code; two identical requests racing
 * each other both try to insert, the database lets exactly one win, and the loser reads the
 * winner's tracking code back (and deletes the photos it uploaded, which are its own).
 */
import { sql } from 'drizzle-orm';
import { database, schema } from '../db/client';
import type { Answers } from '../forms';
import { uniqueViolation } from '../platform/db-errors';
import { chinaDay } from '../workflow/calendar';
import { planSubmission, type PlanContext } from '../workflow/machine';
import type { PublicStation } from './db';
import { trackingCodeOfKey } from './db';
import { prepared } from './d1';
import { PHOTO_EXTENSIONS, type PhotoType } from './photos';
import { newTrackingCode } from './tracking-code';
import { residentNotice } from '../notifications/outbox';

/** A cleaned photo ready for storage. */
export interface ReadyPhoto {
  type: PhotoType;
  bytes: Uint8Array;
}

/** Everything needed to store one opinion. */
export interface NewOpinion {
  station: PublicStation;
  formVersionId: number | null;
  answers: Answers;
  submissionKey: string;
  photos: readonly ReadyPhoto[];
  /** The deputy chosen through their 代表码, offered first at 受理 (kept in `opinion_intake`). */
  recipientDeputyId?: number | null;
}

/** Question ids with a column of their own; every other answer goes to `extra_answers`. */
const COLUMN_QUESTIONS = new Set(['category', 'body', 'place', 'reporter_name', 'reporter_phone', 'consent', 'photos']);

/** The category stored when a (staff-edited) form has no category question. */
const FALLBACK_CATEGORY = 'other';

/**
 * Maps validated answers to the opinion's columns. The name and phone are kept only with
 * the resident's consent: a form edited to drop the consent question stores neither.
 */
export function opinionColumns(answers: Answers, now: number) {
  const text = (id: string) => (typeof answers[id] === 'string' ? (answers[id] as string) : null);
  const consent = answers.consent === true;
  const reporterName = consent ? text('reporter_name') : null;
  const reporterPhone = consent ? text('reporter_phone') : null;
  const extra = Object.fromEntries(Object.entries(answers).filter(([id]) => !COLUMN_QUESTIONS.has(id)));
  return {
    category: text('category') ?? FALLBACK_CATEGORY,
    body: text('body') ?? '',
    place: text('place') ?? '',
    extraAnswers: JSON.stringify(extra),
    reporterName,
    reporterPhone,
    consentAt: reporterName !== null || reporterPhone !== null ? now : null,
  };
}

/** Attempts at a fresh tracking code before giving up (a collision is a one-in-billions event). */
const CODE_ATTEMPTS = 5;

/** The outcome: the tracking code, and whether this request created the opinion. */
export interface Stored {
  trackingCode: string;
  created: boolean;
}

/**
 * Stores the opinion (see the module comment). `photosBucket` receives the photos first, so
 * no row ever points at a missing object; they are removed again if the rows are not written.
 */
export async function storeOpinion(d1: D1Database, photosBucket: R2Bucket, input: NewOpinion, ctx: PlanContext): Promise<Stored> {
  const db = database(d1);
  const now = ctx.now;
  const plan = planSubmission(ctx);
  const month = chinaDay(now).slice(0, 7);
  const photos = input.photos.map((p) => ({
    ...p,
    key: `opinions/${month}/${crypto.randomUUID()}.${PHOTO_EXTENSIONS[p.type]}`,
  }));
  await Promise.all(photos.map((p) => photosBucket.put(p.key, p.bytes, { httpMetadata: { contentType: p.type } })));
  const removePhotos = () => (photos.length > 0 ? photosBucket.delete(photos.map((p) => p.key)) : Promise.resolve());

  const key = input.submissionKey;
  const columns = opinionColumns(input.answers, now);
  const { event } = plan;
  for (let attempt = 1; ; attempt++) {
    const trackingCode = newTrackingCode();
    // The event and photo rows find the new opinion by its submission key: in a batch, the
    // id of the row inserted by the first statement is not known to the later ones.
    const ofThisOpinion = sql`FROM ${schema.opinions} WHERE ${schema.opinions.submissionKey} = ${key}`;
    try {
      await d1.batch([
        prepared(
          d1,
          db.insert(schema.opinions).values({
            trackingCode,
            submissionKey: key,
            stationId: input.station.id,
            townshipId: input.station.townshipId,
            formVersionId: input.formVersionId,
            ...columns,
            state: plan.changes.state ?? 'pending',
            dueOn: plan.changes.dueOn ?? null,
            receivedAt: plan.changes.receivedAt ?? now,
            updatedAt: now,
          }),
        ),
        prepared(
          d1,
          sql`INSERT INTO ${schema.opinionEvents} (opinion_id, at, actor_user_id, actor_label, action, from_state, to_state, public_reply, internal_note, data)
              SELECT id, ${now}, NULL, 'resident', ${event.action}, ${event.fromState}, ${event.toState}, ${event.publicReply}, ${event.internalNote}, ${event.data} ${ofThisOpinion}`,
        ),
        ...(input.recipientDeputyId
          ? [
              prepared(
                d1,
                sql`INSERT INTO ${schema.opinionIntake} (opinion_id, channel, recipient_deputy_id, reception_id, entered_by, created_at)
                    SELECT id, NULL, ${input.recipientDeputyId}, NULL, NULL, ${now} ${ofThisOpinion}`,
              ),
            ]
          : []),
        ...photos.map((p) =>
          prepared(
            d1,
            sql`INSERT INTO ${schema.opinionPhotos} (opinion_id, object_key, content_type, bytes, public, created_at)
                SELECT id, ${p.key}, ${p.type}, ${p.bytes.length}, 0, ${now} ${ofThisOpinion}`,
          ),
        ),
        // 受理: the reporter's SMS with the tracking code, if they left a number with consent.
        prepared(
          d1,
          residentNotice(db, {
            opinion: { submissionKey: key },
            templateId: 'opinion_received',
            eventKind: 'submit',
            eventKey: `sub:${key}`,
            now,
          }),
        ),
      ]);
      return { trackingCode, created: true };
    } catch (err) {
      const column = uniqueViolation(err);
      if (column === 'tracking_code' && attempt < CODE_ATTEMPTS) continue;
      // Tidying up must not turn a stored opinion into an error for the resident.
      await removePhotos().catch((e: unknown) => console.error('removing duplicate photos failed', e));
      if (column === 'submission_key') {
        const existing = await trackingCodeOfKey(db, key);
        if (existing) return { trackingCode: existing, created: false };
      }
      throw err;
    }
  }
}
