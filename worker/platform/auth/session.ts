/**
 * Sessions stored in D1. The browser holds a random 256-bit token in an HttpOnly, Secure,
 * SameSite=Lax cookie; the database holds only its SHA-256, so a leaked database backup
 * cannot be replayed as cookies. Sessions slide: each use within the TTL extends them, but
 * never past {@link SESSION_ABSOLUTE_MS} after sign-in, so a stolen cookie that is kept in
 * use still dies within a week.
 */
import { eq, lt } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../env';
import { type Database, schema } from '../../db/client';
import type { Role } from '../../db/schema';

export const SESSION_COOKIE = 'lianluo_session';

/** The longest a session lives, however actively it is used: 7 days after sign-in. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 3_600_000;

/** The signed-in user as the rest of the Worker sees it. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  townshipId: number | null;
  townshipName: string | null;
  deputyId: number | null;
  /** For a `department` account: the 承办单位 it works for (department_members). */
  departmentId: number | null;
  departmentName: string | null;
  /** After an admin's reset: nothing but choosing a new password is allowed. */
  mustChangePassword: boolean;
  sessionId: string;
}

function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function ttlMs(c: Context<AppEnv>): number {
  const hours = Number(c.env.SESSION_TTL_HOURS) || 12;
  return hours * 3_600_000;
}

/** Creates a session for the user and sets the cookie. */
export async function startSession(c: Context<AppEnv>, db: Database, userId: number): Promise<void> {
  const token = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const now = Date.now();
  await db.batch([
    db.insert(schema.sessions).values({ id: await sha256Hex(token), userId, createdAt: now, expiresAt: now + ttlMs(c) }),
    db.update(schema.users).set({ lastLoginAt: now }).where(eq(schema.users.id, userId)),
    // Housekeeping: expired sessions are never useful again.
    db.delete(schema.sessions).where(lt(schema.sessions.expiresAt, now)),
  ]);
  setSessionCookie(c, token, now + ttlMs(c), now);
}

function setSessionCookie(c: Context<AppEnv>, token: string, expiresAt: number, now: number) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    secure: true,
    sameSite: 'Lax',
    path: '/',
    maxAge: Math.max(0, Math.floor((expiresAt - now) / 1000)),
  });
}

/** Looks up the cookie's session; null when absent, unknown, expired or the account is disabled. */
export async function loadSession(c: Context<AppEnv>, db: Database): Promise<SessionUser | null> {
  const token = getCookie(c, SESSION_COOKIE);
  if (!token || token.length > 100) return null;
  const id = await sha256Hex(token);
  const row = await db
    .select({
      sessionId: schema.sessions.id,
      expiresAt: schema.sessions.expiresAt,
      createdAt: schema.sessions.createdAt,
      id: schema.users.id,
      username: schema.users.username,
      displayName: schema.users.displayName,
      role: schema.users.role,
      townshipId: schema.users.townshipId,
      townshipName: schema.townships.name,
      deputyId: schema.users.deputyId,
      departmentId: schema.departmentMembers.departmentId,
      departmentName: schema.departments.name,
      mustChangePassword: schema.users.mustChangePassword,
      active: schema.users.active,
    })
    .from(schema.sessions)
    .innerJoin(schema.users, eq(schema.users.id, schema.sessions.userId))
    .leftJoin(schema.townships, eq(schema.townships.id, schema.users.townshipId))
    .leftJoin(schema.departmentMembers, eq(schema.departmentMembers.userId, schema.users.id))
    .leftJoin(schema.departments, eq(schema.departments.id, schema.departmentMembers.departmentId))
    .where(eq(schema.sessions.id, id))
    .get();
  const now = Date.now();
  if (!row?.active || row.expiresAt < now) return null;
  const hardEnd = row.createdAt + SESSION_ABSOLUTE_MS;
  if (hardEnd <= now) return null;
  // Extend only when less than half the lifetime is left, to avoid a write on every request,
  // and never past the absolute end.
  const extended = Math.min(now + ttlMs(c), hardEnd);
  if (row.expiresAt - now < ttlMs(c) / 2 && extended > row.expiresAt) {
    await db.update(schema.sessions).set({ expiresAt: extended }).where(eq(schema.sessions.id, id));
    // The browser keeps the cookie only for its own max-age: renew that too.
    setSessionCookie(c, token, extended, now);
  }
  const { expiresAt: _e, createdAt: _c, active: _a, ...user } = row;
  return user;
}

/** Deletes the session and clears the cookie. */
export async function endSession(c: Context<AppEnv>, db: Database, sessionId: string): Promise<void> {
  await db.delete(schema.sessions).where(eq(schema.sessions.id, sessionId));
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
}
