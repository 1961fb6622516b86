/**
 * The statements for the departments' side of a planned transition (assignments, extension
 * requests and decisions, 催办 records, contact sharing). They join the opinion's own UPDATE
 * and event in the one batch that worker/opinions/commit.ts assembles, so a lost revision race
 * rolls them back with everything else.
 */
import type { BatchItem } from 'drizzle-orm/batch';
import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { type Database, schema } from '../db/client';
import type { HandlingWrites } from '../workflow/handling';

const a = schema.opinionAssignments;
const CURRENT = ['assigned', 'signed', 'answered'] as const;

/** Who and when, for the rows that record it. */
export interface HandlingContext {
  opinionId: number;
  now: number;
  userId: number | null;
}

/** The statements for `w`, in the order they must run (withdrawals before new assignments). */
export function handlingStatements(db: Database, w: HandlingWrites, ctx: HandlingContext): BatchItem<'sqlite'>[] {
  const out: BatchItem<'sqlite'>[] = [];
  const { opinionId, now, userId } = ctx;
  for (const c of w.assignments) {
    if (c.kind === 'create') {
      out.push(
        db.insert(a).values({
          opinionId,
          departmentId: c.departmentId,
          role: c.role,
          status: 'assigned',
          assignedAt: now,
          signDueOn: c.signDueOn,
        }),
      );
      continue;
    }
    const ends = c.status === 'done' || c.status === 'returned' || c.status === 'withdrawn';
    out.push(
      db
        .update(a)
        .set({
          status: c.status,
          // A return of the answer (answered → signed) keeps the original signature time.
          ...(c.status === 'signed' ? { signedAt: sql`coalesce(${a.signedAt}, ${now})` } : {}),
          ...(c.status === 'answered' ? { answeredAt: now } : {}),
          ...(c.status === 'returned' ? { returnedAt: now, returnReason: c.reason ?? null } : {}),
          ...(ends ? { endedAt: now } : {}),
        })
        .where(and(eq(a.opinionId, opinionId), eq(a.departmentId, c.departmentId), inArray(a.status, [...CURRENT]))),
    );
  }
  const x = w.extension;
  if (x?.kind === 'request') {
    out.push(
      db.insert(schema.opinionExtensions).values({
        opinionId,
        departmentId: x.departmentId,
        requestedBy: userId,
        requestedAt: now,
        fromDueOn: x.fromDueOn,
        requestedDueOn: x.requestedDueOn,
        reason: x.reason,
        status: 'pending',
      }),
    );
  } else if (x?.kind === 'decide') {
    out.push(
      db
        .update(schema.opinionExtensions)
        .set({ status: x.status, decidedBy: userId, decidedAt: now, decisionNote: x.note })
        .where(and(eq(schema.opinionExtensions.opinionId, opinionId), eq(schema.opinionExtensions.status, 'pending'))),
    );
  }
  const r = w.reminder;
  if (r) {
    out.push(
      db.insert(schema.opinionReminders).values({
        opinionId,
        targetKind: r.targetKind,
        departmentId: r.departmentId,
        deputyId: r.deputyId,
        issuedBy: userId,
        issuedAt: now,
        note: r.note,
        dueOn: r.dueOn,
        overdueDays: r.overdueDays,
      }),
    );
  }
  if (w.shareContactWith !== null) {
    out.push(
      db
        .update(a)
        .set({ contactSharedAt: now, contactSharedBy: userId })
        .where(
          and(
            eq(a.opinionId, opinionId),
            eq(a.departmentId, w.shareContactWith),
            ne(a.status, 'withdrawn'),
            isNull(a.contactSharedAt),
          ),
        ),
    );
  }
  return out;
}
