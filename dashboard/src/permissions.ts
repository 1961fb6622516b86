/**
 * What each role may do in the dashboard. The Worker enforces the same rules (403); these
 * only decide what to show, so a leader never sees an edit button that would fail.
 */
import type { Me, Role } from './api';

type Who = Pick<Me, 'role' | 'townshipId'>;

/** Staff and admins change the roster; leaders read it; deputies do not use it. */
export function canEditRoster(user: Who): boolean {
  return user.role === 'admin' || user.role === 'staff';
}

/** Townships themselves are edited only district-wide (admin, or staff without a township). */
export function canEditTownships(user: Who): boolean {
  return user.role === 'admin' || (user.role === 'staff' && user.townshipId === null);
}

/**
 * The township a user is confined to, or null when they see the whole district. Township
 * staff get their township preselected and locked in every filter and form.
 */
export function lockedTownship(user: Who): number | null {
  return user.role === 'staff' ? user.townshipId : null;
}

/** Whether any of `roles` includes the user's role. */
export function hasRole(user: Who, roles: readonly Role[]): boolean {
  return roles.includes(user.role);
}
