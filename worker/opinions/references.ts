/**
 * Checks the records a planned transition points at, which the pure machine cannot see:
 * the deputy and handler exist and belong to the opinion's township, the merge target can
 * take a duplicate, and the photos were uploaded to this opinion for this step.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { type Database, schema } from '../db/client';
import type { SessionUser } from '../platform/auth/session';
import { ApiError } from '../platform/errors';
import type { OpinionChanges } from '../workflow/machine';
import { canSee } from './access';
import type { MergeTargetMark } from './commit';

/** States an opinion cannot absorb duplicates in: it was merged away itself, or never accepted. */
const NOT_A_TARGET = new Set(['duplicate', 'rejected']);

const invalid = (field: string, key: 'unknown_deputy' | 'unknown_handler' | 'merge_target_invalid' | 'invalid_id') =>
  new ApiError(422, key, {}, { [field]: { key } });

/** What the checked references give the commit: the merge target's mark, if any. */
export interface CheckedReferences {
  mergeTarget: MergeTargetMark | null;
  photoIds: number[];
}

/**
 * Throws 422 with the offending field when a reference is wrong.
 * @param photoIds the validated photo ids of the plan (from the event's data)
 */
export async function checkReferences(
  db: Database,
  user: SessionUser,
  row: { id: number; townshipId: number },
  changes: OpinionChanges,
  photoIds: readonly number[],
): Promise<CheckedReferences> {
  if (changes.assignedDeputyId !== undefined) {
    const d = await db
      .select({ townshipId: schema.deputies.townshipId, active: schema.deputies.active })
      .from(schema.deputies)
      .where(eq(schema.deputies.id, changes.assignedDeputyId))
      .get();
    if (!d?.active || d.townshipId !== row.townshipId) throw invalid('deputyId', 'unknown_deputy');
  }
  if (changes.assignedUserId !== undefined) {
    const u = await db
      .select({ role: schema.users.role, townshipId: schema.users.townshipId, active: schema.users.active })
      .from(schema.users)
      .where(eq(schema.users.id, changes.assignedUserId))
      .get();
    const fits =
      u?.active && (u.role === 'admin' || (u.role === 'staff' && (u.townshipId === null || u.townshipId === row.townshipId)));
    if (!fits) throw invalid('handlerUserId', 'unknown_handler');
  }
  let mergeTarget: MergeTargetMark | null = null;
  if (changes.mergedIntoId !== undefined) {
    const t = await db
      .select({
        id: schema.opinions.id,
        revision: schema.opinions.revision,
        state: schema.opinions.state,
        trackingCode: schema.opinions.trackingCode,
        townshipId: schema.opinions.townshipId,
        assignedDeputyId: schema.opinions.assignedDeputyId,
      })
      .from(schema.opinions)
      .where(eq(schema.opinions.id, changes.mergedIntoId))
      .get();
    if (!t || NOT_A_TARGET.has(t.state) || t.townshipId !== row.townshipId || !canSee(user, t)) {
      throw invalid('mergeTarget', 'merge_target_invalid');
    }
    mergeTarget = { id: t.id, revision: t.revision, state: t.state, trackingCode: t.trackingCode };
  }
  if (photoIds.length > 0) {
    const found = await db
      .select({ id: schema.opinionPhotos.id })
      .from(schema.opinionPhotos)
      .where(
        and(
          eq(schema.opinionPhotos.opinionId, row.id),
          inArray(schema.opinionPhotos.id, [...photoIds]),
          isNull(schema.opinionPhotos.eventId),
        ),
      )
      .all();
    if (found.length !== photoIds.length) throw invalid('photoIds', 'invalid_id');
  }
  return { mergeTarget, photoIds: [...photoIds] };
}
