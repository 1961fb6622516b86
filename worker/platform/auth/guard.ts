/**
 * Authorisation helpers. Every API route states who may call it with `requireRole`, and
 * township-scoped staff are confined to their township with `townshipScope`/`assertTownship`.
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../env';
import type { Role } from '../../db/schema';
import { ApiError } from '../errors';
import type { SessionUser } from './session';

/**
 * Middleware: 401 without a session, 403 when the role is not listed, and 403
 * `password_change_required` while an admin-reset password has not been replaced (the
 * temporary password was seen by the admin, so it must not unlock any data).
 */
export function requireRole(...roles: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const user = c.get('user');
    if (!user) throw new ApiError(401, 'unauthenticated');
    if (user.mustChangePassword) throw new ApiError(403, 'password_change_required');
    if (!roles.includes(user.role)) throw new ApiError(403, 'forbidden');
    await next();
  });
}

/** Middleware: any signed-in session, even one that must change its password first. */
export const requireSession = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get('user')) throw new ApiError(401, 'unauthenticated');
  await next();
});

/** The signed-in user of a route behind `requireRole` (never null there). */
export function currentUser(c: Context<AppEnv>): SessionUser {
  const user = c.get('user');
  if (!user) throw new ApiError(401, 'unauthenticated');
  return user;
}

/** True when the user sees every township (admin, leader, district-wide staff). */
export function isDistrictWide(user: SessionUser): boolean {
  return user.role === 'admin' || user.role === 'leader' || (user.role === 'staff' && user.townshipId === null);
}

/**
 * The township a list should be limited to: township staff always get their own (and a 403
 * if they ask for another); district-wide users get what they asked for, or null for all.
 */
export function townshipScope(user: SessionUser, requested: number | null | undefined): number | null {
  if (isDistrictWide(user)) return requested ?? null;
  if (user.townshipId === null) throw new ApiError(403, 'forbidden');
  if (requested != null && requested !== user.townshipId) throw new ApiError(403, 'forbidden_township');
  return user.townshipId;
}

/** Throws 403 unless the user may act on data of this township. */
export function assertTownship(user: SessionUser, townshipId: number): void {
  if (!isDistrictWide(user) && user.townshipId !== townshipId) throw new ApiError(403, 'forbidden_township');
}

/** Whether this user may see deputies' and residents' full phone numbers in lists. */
export function seesPhones(user: SessionUser): boolean {
  return user.role === 'admin' || user.role === 'staff';
}

/** 138****8000: enough to recognise a number, not enough to call it. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}
