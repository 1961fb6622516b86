/**
 * Who may see an opinion, and who sees its personal data and internal notes.
 *
 * - Seeing: admins, leaders and district-wide staff see every opinion; township staff those
 *   of their township; a deputy only those assigned to them.
 * - Handling (full phone number, internal notes): the assigned deputy, staff of the
 *   opinion's township or district-wide, and admins. Leaders read dashboards: they get the
 *   opinion with the phone masked and without internal notes.
 * - A department account sees the opinions its department was given (lead or co-handler,
 *   current or finished; not those withdrawn from it by 改派). The resident consented to
 *   handling by deputies and staff, so the reporter's name and phone stay masked for it unless
 *   staff shared them with that department for handling (`share_contact`), and of internal
 *   notes it reads only those of its own steps and of the office's decisions about them.
 */
import type { SessionUser } from '../platform/auth/session';
import { isDistrictWide } from '../platform/auth/guard';
import { ApiError } from '../platform/errors';

/** The columns of an opinion the rules look at. */
export interface AccessRow {
  townshipId: number;
  assignedDeputyId: number | null;
  /** Departments given the opinion and not withdrawn from it (see ./department-access.ts). */
  departmentIds?: readonly number[];
  /** Departments staff shared the reporter's contact with. */
  contactSharedWith?: readonly number[];
}

type Who = Pick<SessionUser, 'role' | 'townshipId' | 'deputyId'> & { departmentId?: number | null };

function isOwnDepartment(user: Who, row: AccessRow): boolean {
  return user.role === 'department' && user.departmentId != null && (row.departmentIds ?? []).includes(user.departmentId);
}

/** isDistrictWide reads only the role and township, which every `Who` has. */
const districtWide = (user: Who): boolean => isDistrictWide(user as SessionUser);

function isAssignedDeputy(user: Who, row: AccessRow): boolean {
  return user.role === 'deputy' && user.deputyId !== null && user.deputyId === row.assignedDeputyId;
}

/** Whether the user may open this opinion at all. */
export function canSee(user: Who, row: AccessRow): boolean {
  if (user.role === 'deputy') return isAssignedDeputy(user, row);
  if (user.role === 'department') return isOwnDepartment(user, row);
  return districtWide(user) || user.townshipId === row.townshipId;
}

/** Throws 403 unless {@link canSee}; the code tells a township's staff why. */
export function assertCanSee(user: Who, row: AccessRow): void {
  if (canSee(user, row)) return;
  // Another township's opinion answers as if it did not exist: a 403 would let township
  // staff probe which ids exist elsewhere (issue 9).
  if (user.role === 'staff') throw new ApiError(404, 'not_found');
  if (user.role === 'deputy') throw new ApiError(403, 'not_assigned_deputy');
  // The same for a department: which opinions exist is not its business.
  if (user.role === 'department') throw new ApiError(404, 'not_found');
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

/** Who sees the reporter's name and full number: the handlers, and a department staff shared them with. */
export function seesContact(user: Who, row: AccessRow): boolean {
  if (isHandler(user, row)) return true;
  return isOwnDepartment(user, row) && user.departmentId != null && (row.contactSharedWith ?? []).includes(user.departmentId);
}

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
  requested: { townshipId?: number | undefined; deputyId?: number | undefined; departmentId?: number | undefined },
): { townshipId: number | null; deputyId: number | null; departmentId: number | null } {
  const departmentId = requested.departmentId ?? null;
  if (user.role === 'deputy') {
    if (user.deputyId === null) throw new ApiError(403, 'forbidden');
    if (requested.deputyId !== undefined && requested.deputyId !== user.deputyId) throw new ApiError(403, 'forbidden');
    return { townshipId: requested.townshipId ?? null, deputyId: user.deputyId, departmentId };
  }
  if (user.role === 'department') {
    // Its own department, always; asking for another one is refused rather than ignored.
    if (user.departmentId == null) throw new ApiError(403, 'forbidden');
    if (departmentId !== null && departmentId !== user.departmentId) throw new ApiError(403, 'not_assigned_department');
    return { townshipId: requested.townshipId ?? null, deputyId: requested.deputyId ?? null, departmentId: user.departmentId };
  }
  if (districtWide(user)) return { townshipId: requested.townshipId ?? null, deputyId: requested.deputyId ?? null, departmentId };
  if (user.townshipId === null) throw new ApiError(403, 'forbidden');
  if (requested.townshipId !== undefined && requested.townshipId !== user.townshipId)
    throw new ApiError(403, 'forbidden_township');
  return { townshipId: user.townshipId, deputyId: requested.deputyId ?? null, departmentId };
}
