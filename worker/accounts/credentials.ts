/**
 * Checking a username and password under the sign-in throttle: the attempt is reserved first
 * (see platform/auth/throttle), the password is evaluated only when the reservation is
 * granted, and a success gives the reservation back. Used by sign-in and by changing one's
 * own password (whose "current password" is a guess like any other for a stolen session).
 */
import { eq, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { type Database, schema } from '../db/client';
import type { AppEnv } from '../env';
import { verifyPassword } from '../platform/auth/password';
import { addressHash, attemptKeys, delay, releaseAttempt, reserveAttempt } from '../platform/auth/throttle';
import { ApiError } from '../platform/errors';

/** A user row as the sign-in needs it. */
export type UserRow = typeof schema.users.$inferSelect;

/** The client's address as Cloudflare reports it; one shared key when it is missing (local tools). */
export function clientAddress(c: Context<AppEnv>): string {
  return c.req.header('cf-connecting-ip') ?? 'local';
}

// A hash of a password nobody has, so unknown usernames cost the same time as known ones.
const DUMMY = { hash: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', salt: 'AAAAAAAAAAAAAAAAAAAAAA==', iterations: 100_000 };

/** What {@link checkCredentials} found. */
export interface CheckedCredentials {
  /** The account when the password was right, else null. */
  user: UserRow | null;
  /** The hash of the client address (to remember as the usual one on success). */
  address: string;
}

/**
 * Reserves an attempt for `username` from this client, then verifies `password`. Throws 429
 * (with the minutes to wait, in a message naming the limit) when throttled; returns
 * `user: null` for a wrong username or password, so the caller picks its own answer (401 for
 * sign-in, a field error when changing a password).
 */
export async function checkCredentials(
  c: Context<AppEnv>,
  db: Database,
  username: string,
  password: string,
): Promise<CheckedCredentials> {
  const address = await addressHash(clientAddress(c));
  // Any letter case finds the account, as usernames are unique regardless of case.
  const user = await db.select().from(schema.users).where(sql`lower(${schema.users.username}) = lower(${username.trim()})`).get();
  const keys = attemptKeys(username, address);
  const reservation = await reserveAttempt(db, keys, user?.usualAddressHash === address);
  if (!reservation.allowed) {
    const code =
      reservation.reason === 'pair'
        ? 'too_many_attempts'
        : reservation.reason === 'address'
          ? 'too_many_attempts_address'
          : 'account_backstop';
    throw new ApiError(429, code, { minutes: reservation.minutes });
  }
  await delay(reservation.delayMs);
  const stored = user ? { hash: user.passwordHash, salt: user.passwordSalt, iterations: user.passwordIterations } : DUMMY;
  const valid = await verifyPassword(password, stored);
  if (!user || !valid) return { user: null, address };
  await releaseAttempt(db, keys);
  return { user, address };
}

/** Remembers the address of a successful sign-in as the account's usual one. */
export function rememberAddress(db: Database, userId: number, address: string) {
  return db.update(schema.users).set({ usualAddressHash: address }).where(eq(schema.users.id, userId));
}
