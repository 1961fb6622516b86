/**
 * Types and small helpers of the 用户 page. The account shape comes from the Worker's
 * GET /api/users answer and the bodies from its zod schemas, like api.ts does for the roster.
 */
import type { InferResponseType } from 'hono/client';
import type { z } from 'zod';
import type { newUser, userPatch } from '../../../../worker/accounts/routes';
import type { client, Role } from '../../api';
import type { PlainKey } from '../../i18n';

/** One row of GET /api/users: the account with its township and linked deputy names. */
export type Account = InferResponseType<typeof client.api.users.$get, 200>['items'][number];
export type AccountInput = z.input<typeof newUser>;
export type AccountPatch = z.input<typeof userPatch>;

/** The roles in the order the role select lists them (most common first). */
export const ROLES: readonly Role[] = ['staff', 'deputy', 'leader', 'admin'];

/** What each role may do, shown under the role select so the admin picks the right one. */
export const ROLE_HINTS: Readonly<Record<Role, PlainKey>> = {
  admin: 'users.roleHint.admin',
  staff: 'users.roleHint.staff',
  leader: 'users.roleHint.leader',
  deputy: 'users.roleHint.deputy',
  // Department accounts are made on the department's own page (承办单位), linked to it there.
  department: 'users.roleHint.department',
};

/** Reads a role from a select value; anything unknown falls back to staff (the default). */
export function asRole(value: string): Role {
  return ROLES.find((r) => r === value) ?? 'staff';
}

/**
 * The township and deputy an account of this role keeps: only staff have a township (none =
 * district-wide) and only deputy accounts a deputy; the Worker refuses any other combination.
 */
export function linksFor(
  role: Role,
  townshipId: string,
  deputyId: string,
): { townshipId: number | null; deputyId: number | null } {
  return {
    townshipId: role === 'staff' && townshipId ? Number(townshipId) : null,
    deputyId: role === 'deputy' && deputyId ? Number(deputyId) : null,
  };
}
