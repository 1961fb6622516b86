/**
 * Writes a planned transition: the opinion's changes, its timeline event, the photos it
 * links, the merge target's mark, the departments' side (assignments, extension requests,
 * 催办, contact sharing: ./handling-statements.ts) and the audit entry — in ONE `db.batch`,
 * which D1 runs as one transaction. `transitionStatements` is the one place the batch is
 * assembled: whatever else a transition must write (an outbox row, …) is added there.
 *
 * Optimistic concurrency: the UPDATE sets `revision = CASE WHEN revision = <expected> THEN
 * revision + 1 ELSE NULL END`. When someone else changed the row first, that writes NULL
 * into a NOT NULL column, the statement fails, and D1 rolls the whole batch back: no event,
 * no audit row, nothing. (A plain `WHERE revision = ?` would update zero rows *without*
 * failing, and the inserts after it would still run.)
 *
 * Usable by any caller that has a plan: staff and deputies through the API, and residents
 * rating on the tracking page (actor without an account: `audit: null`).
 */
import type { BatchItem } from 'drizzle-orm/batch';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { auditEntry } from '../audit/log';
import { type Database, schema } from '../db/client';
import type { SessionUser } from '../platform/auth/session';
import type { HandlingWrites, OpinionChanges, PlannedEvent } from '../workflow/machine';
import { handlingStatements } from './handling-statements';
import { isRevisionConflict, staleRevision } from './refusals';
import { transitionNotices } from '../notifications/events';

const o = schema.opinions;
const e = schema.opinionEvents;

/** Who acts, as the timeline and the audit log record them. */
export interface CommitActor {
  /** The account, or null for a resident or the system. */
  userId: number | null;
  /** Shown on the timeline: the user's display name, 'resident' or 'system'. */
  label: string;
  /** Audit log actor; null when there is no account to name. */
  audit: Pick<SessionUser, 'id' | 'username'> | null;
}

/** The opinion a duplicate is merged into: it gets a timeline entry and a revision bump. */
export interface MergeTargetMark {
  id: number;
  revision: number;
  state: string;
  trackingCode: string;
}

/** Everything one transition writes. */
export interface TransitionWrite {
  opinionId: number;
  /** The revision the caller read (and the client sent). */
  revision: number;
  /** The row's values before the change, for the audit log. */
  before: Record<string, unknown>;
  changes: OpinionChanges;
  event: PlannedEvent;
  actor: CommitActor;
  now: number;
  /** Photos uploaded for this step, linked to the new event. */
  photoIds?: readonly number[];
  mergeTarget?: MergeTargetMark | null;
  /** The plan's side writes for the departments (absent: none). */
  writes?: HandlingWrites;
}

/** `revision + 1` when it is still `expected`, else NULL (which the NOT NULL column refuses). */
function guardedRevision(expected: number) {
  return sql`CASE WHEN ${o.revision} = ${expected} THEN ${o.revision} + 1 ELSE NULL END`;
}

/** The batch's statements, in order. Exported so tests can break one on purpose. */
export function transitionStatements(db: Database, w: TransitionWrite): BatchItem<'sqlite'>[] {
  const stmts: BatchItem<'sqlite'>[] = [
    db
      .update(o)
      .set({ ...w.changes, revision: guardedRevision(w.revision), updatedAt: w.now })
      .where(eq(o.id, w.opinionId)),
    db
      .insert(e)
      .values({ opinionId: w.opinionId, at: w.now, actorUserId: w.actor.userId, actorLabel: w.actor.label, ...w.event }),
  ];
  if (w.photoIds && w.photoIds.length > 0) {
    // The event just inserted is the opinion's newest (ids only grow inside the transaction).
    stmts.push(
      db
        .update(schema.opinionPhotos)
        .set({ eventId: sql`(SELECT max(${e.id}) FROM ${e} WHERE ${e.opinionId} = ${w.opinionId})` })
        .where(
          and(
            eq(schema.opinionPhotos.opinionId, w.opinionId),
            inArray(schema.opinionPhotos.id, [...w.photoIds]),
            isNull(schema.opinionPhotos.eventId),
          ),
        ),
    );
  }
  if (w.writes) stmts.push(...handlingStatements(db, w.writes, { opinionId: w.opinionId, now: w.now, userId: w.actor.userId }));
  const t = w.mergeTarget;
  if (t) {
    stmts.push(
      db
        .update(o)
        .set({ revision: guardedRevision(t.revision), updatedAt: w.now })
        .where(eq(o.id, t.id)),
      db.insert(e).values({
        opinionId: t.id,
        at: w.now,
        actorUserId: w.actor.userId,
        actorLabel: w.actor.label,
        action: 'merged_in',
        fromState: t.state,
        toState: t.state,
        publicReply: null,
        internalNote: null,
        data: JSON.stringify({ mergedFrom: w.opinionId }),
      }),
    );
  }
  // Who is told (resident, deputy): outbox rows in this same transaction (worker/notifications/).
  stmts.push(
    ...transitionNotices(db, {
      opinionId: w.opinionId,
      revision: w.revision,
      action: w.event.action,
      assignedDeputyId: w.changes.assignedDeputyId,
      publicReply: w.event.publicReply,
      data: w.event.data,
      byPerson: w.actor.label !== 'system',
      now: w.now,
      writes: w.writes ?? null,
    }),
  );
  if (w.actor.audit) {
    stmts.push(
      auditEntry(db, w.actor.audit, w.event.action, 'opinion', w.opinionId, w.before, {
        ...w.changes,
        revision: w.revision + 1,
        publicReply: w.event.publicReply,
        internalNote: w.event.internalNote,
        data: JSON.parse(w.event.data) as unknown,
        ...(t ? { mergedInto: t.trackingCode } : {}),
        ...(w.writes && hasHandlingWrites(w.writes) ? { handling: w.writes } : {}),
      }),
    );
  }
  return stmts;
}

function hasHandlingWrites(w: HandlingWrites): boolean {
  return w.assignments.length > 0 || w.extension !== null || w.reminder !== null || w.shareContactWith !== null;
}

/** Runs the statements as one batch; a lost race becomes 409 `conflict`. */
export async function runTransition(db: Database, stmts: BatchItem<'sqlite'>[], currentRevision: () => Promise<number>) {
  try {
    await db.batch(stmts as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  } catch (err) {
    if (isRevisionConflict(err)) throw staleRevision(await currentRevision());
    throw err;
  }
}

/** Plans are written through here: statements, batch, conflict handling. */
export async function commitTransition(db: Database, w: TransitionWrite): Promise<void> {
  await runTransition(db, transitionStatements(db, w), async () => {
    const row = await db.select({ revision: o.revision }).from(o).where(eq(o.id, w.opinionId)).get();
    return row?.revision ?? w.revision;
  });
}
