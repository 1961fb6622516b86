/**
 * Who may do what with trainings. Reading is open to admins, staff and leaders; organising
 * (the training itself, its courses, its questionnaire, opening and closing) is district
 * work; township staff enrol, print and chase only the deputies of their own township.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { currentUser, isDistrictWide, requireRole, seesPhones } from '../platform/auth/guard';
import type { SessionUser } from '../platform/auth/session';
import { ApiError } from '../platform/errors';

/** Read access: progress, results, programme. */
export const canRead = requireRole('admin', 'staff', 'leader');
/** Staff access: enrolment, slips, chasing (township staff scoped in the handler). */
export const canStaff = requireRole('admin', 'staff');

/** The signed-in user, who must be district-wide staff or an admin (township staff get 403). */
export function organiser(c: Context<AppEnv>): SessionUser {
  const user = currentUser(c);
  // Leaders are district-wide too, but they read; they do not organise.
  if ((user.role !== 'admin' && user.role !== 'staff') || !isDistrictWide(user)) throw new ApiError(403, 'forbidden');
  return user;
}

/**
 * Whether the user may see deputies' personal evaluation links. A link is as good as the
 * deputy's own vote, so only the people who hand them out (staff, admins) see them.
 */
export function seesTokens(user: SessionUser): boolean {
  return seesPhones(user);
}
