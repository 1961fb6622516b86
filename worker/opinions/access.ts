/**
 * Who may see an opinion, and who sees its personal data and internal notes.
 *
 * - Seeing: admins, leaders and district-wide staff see every opinion; township staff those
 *   of their township; a deputy only those assigned to them.
 * - Handling (full phone number, internal notes): the assigned deputy, staff of the
 *   opinion's township or district-wide, and admins. Leaders read dashboards: they get the
 *   opinion with the phone masked and without internal notes.
 */
import type { SessionUser } from '../platform/auth/session';
import { isDistrictWide } from '../platform/auth/guard';
import { ApiError } from '../platform/errors';

/** The columns of an opinion the rules look at. */
export interface AccessRow {
  townshipId: number;
  assignedDeputyId: number | null;
}

type Who = Pick<SessionUser, 'role' | 'townshipId' | 'deputyId'>;

/** isDistrictWide reads only the role and township, which every `Who` has. */
const districtWide = (user: Who): boolean => isDistrictWide(user as SessionUser);

function isAssignedDeputy(user: Who, row: AccessRow): boolean {
  return user.role === 'deputy' && user.deputyId !== null && user.deputyId === row.assignedDeputyId;
}

/** Whether the user may open this opinion at all. */
export function canSee(user: Who, row: AccessRow): boolean {
  if (user.role === 'deputy') return isAssignedDeputy(user, row);
  return districtWide(user) || user.townshipId === row.townshipId;
}

/** Throws 403 unless {@link canSee}; the code tells a township's staff why. */
export function assertCanSee(user: Who, row: AccessRow): void {
  if (canSee(user, row)) return;
  if (user.role === 'staff') throw new ApiError(403, 'forbidden_township');
  if (user.role === 'deputy') throw new ApiError(403, 'not_assigned_deputy');
  throw new ApiError(403, 'forbidden');
}

/** The assigned handler: sees the reporter's full phone number and the internal notes. */
export function isHandler(user: Who, row: AccessRow): boolean {
  if (user.role === 'admin') return true;
  if (user.role === 'staff') return canSee(user, row);
  return isAssignedDeputy(user, row);
}

/** Internal notes go to the same people as the phone number: those who handle the opinion. */
export const seesInternalNotes = isHandler;

/** Whether the user counts as the assigned deputy when the workflow machine checks roles. */
export function actsAsAssignedDeputy(user: Who, row: AccessRow): boolean {
  return isAssignedDeputy(user, row);
}

/**
 * What a list may show this user: township staff are confined to their township (403 when
 * they ask for another), deputies to their own opinions (their deputy filter is forced).
 */
export function listScope(
  user: Who,
  requested: { townshipId?: number | undefined; deputyId?: number | undefined },
): { townshipId: number | null; deputyId: number | null } {
  if (user.role === 'deputy') {
    if (user.deputyId === null) throw new ApiError(403, 'forbidden');
    if (requested.deputyId !== undefined && requested.deputyId !== user.deputyId) throw new ApiError(403, 'forbidden');
    return { townshipId: requested.townshipId ?? null, deputyId: user.deputyId };
  }
  if (districtWide(user)) return { townshipId: requested.townshipId ?? null, deputyId: requested.deputyId ?? null };
  if (user.townshipId === null) throw new ApiError(403, 'forbidden');
  if (requested.townshipId !== undefined && requested.townshipId !== user.townshipId)
    throw new ApiError(403, 'forbidden_township');
  return { townshipId: user.townshipId, deputyId: requested.deputyId ?? null };
}
