/**
 * Sign-in throttling kept in D1, following OWASP's guidance against both guessing and
 * lock-out abuse:
 *
 * - **account + address** (5 attempts / 15 min): the lock a guesser hits first. It is keyed by
 *   both, so a stranger guessing at someone's account locks only themselves out, and the
 *   owner signing in from anywhere else is unaffected.
 * - **address** (50 attempts / 15 min): one address spraying many accounts. High enough for
 *   a township office where dozens of people share one exit address.
 * - **account backstop** (20 attempts / hour, from any address): a guesser with many
 *   addresses. Past it the account is not locked: its owner's usual address (that of the last
 *   successful sign-in) is still let through, only slowed down by {@link BACKSTOP_DELAY_MS},
 *   while other addresses are asked to wait.
 *
 * Every attempt is *reserved* before its password is checked, with one upsert that increments
 * the counter and returns it (`INSERT … ON CONFLICT DO UPDATE … RETURNING`). SQLite runs each
 * statement atomically, so 200 concurrent requests get 200 different counts and only those
 * within the limit are ever evaluated: concurrency changes nothing. A successful sign-in gives
 * its reservation back. Addresses are stored only as SHA-256 hashes.
 */
import { eq, lt, sql } from 'drizzle-orm';
import { type Database, schema } from '../../db/client';

/** One limit: at most `max` attempts per `windowMs` (fixed windows). */
export interface Limit {
  max: number;
  windowMs: number;
}

/** The three limits; see the module comment for why each has its size. */
export const LIMITS = {
  pair: { max: 5, windowMs: 15 * 60_000 },
  address: { max: 50, windowMs: 15 * 60_000 },
  account: { max: 20, windowMs: 60 * 60_000 },
} as const satisfies Record<string, Limit>;

/** How long the owner's usual address waits per attempt while the account backstop is in force. */
export const BACKSTOP_DELAY_MS = 2_000;

/** The decision for one attempt, taken before its password is checked. */
export type Reservation =
  | { allowed: true; delayMs: number; keys: AttemptKeys }
  | { allowed: false; reason: 'pair' | 'address' | 'account'; minutes: number };

/** The counter keys of one attempt (hashes; no username or address is stored in the clear twice). */
export interface AttemptKeys {
  pair: string;
  address: string;
  account: string;
}

const f = schema.loginFailures;

/** SHA-256 hex of a text: how client addresses are kept (counters, the usual address). */
export async function addressHash(address: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`addr:${address}`));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The keys of an attempt at `username` from the address with hash `address`. */
export function attemptKeys(username: string, address: string): AttemptKeys {
  const account = username.trim().toLowerCase();
  return { pair: `p:${account}|${address}`, address: `n:${address}`, account: `a:${account}` };
}

/** Increments the counter `key` (starting a new window when the old one ended) and returns it. */
function bump(db: Database, key: string, limit: Limit, now: number) {
  const expired = sql`${f.windowStart} + ${limit.windowMs} <= ${now}`;
  return db
    .insert(f)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: f.key,
      set: {
        count: sql`CASE WHEN ${expired} THEN 1 ELSE ${f.count} + 1 END`,
        windowStart: sql`CASE WHEN ${expired} THEN ${now} ELSE ${f.windowStart} END`,
      },
    })
    .returning({ count: f.count, windowStart: f.windowStart });
}

function minutesLeft(windowStart: number, limit: Limit, now: number): number {
  return Math.max(1, Math.ceil((windowStart + limit.windowMs - now) / 60_000));
}

/**
 * Reserves one sign-in attempt, or says which limit refuses it and for how many minutes.
 * `usualAddress` is the account's usual-address hash (null for unknown accounts).
 */
export async function reserveAttempt(
  db: Database,
  keys: AttemptKeys,
  isUsualAddress: boolean,
  now = Date.now(),
): Promise<Reservation> {
  // The pair first, alone: attempts it refuses must not count against the account, or one
  // guesser hammering from one address would push the backstop over for everyone.
  const [pair] = await bump(db, keys.pair, LIMITS.pair, now);
  if (pair && pair.count > LIMITS.pair.max) {
    return { allowed: false, reason: 'pair', minutes: minutesLeft(pair.windowStart, LIMITS.pair, now) };
  }
  const [[address], [account]] = await db.batch([
    bump(db, keys.address, LIMITS.address, now),
    bump(db, keys.account, LIMITS.account, now),
  ]);
  if (address && address.count > LIMITS.address.max) {
    return { allowed: false, reason: 'address', minutes: minutesLeft(address.windowStart, LIMITS.address, now) };
  }
  if (account && account.count > LIMITS.account.max) {
    if (!isUsualAddress) {
      return { allowed: false, reason: 'account', minutes: minutesLeft(account.windowStart, LIMITS.account, now) };
    }
    return { allowed: true, delayMs: BACKSTOP_DELAY_MS, keys };
  }
  return { allowed: true, delayMs: 0, keys };
}

/**
 * A successful sign-in: the pair's counter is cleared, and the attempt is given back to the
 * address and account counters (it was no guess). Old counters are swept at the same time.
 */
export async function releaseAttempt(db: Database, keys: AttemptKeys, now = Date.now()): Promise<void> {
  const giveBack = (key: string) =>
    db
      .update(f)
      .set({ count: sql`max(${f.count} - 1, 0)` })
      .where(eq(f.key, key));
  await db.batch([
    db.delete(f).where(eq(f.key, keys.pair)),
    giveBack(keys.address),
    giveBack(keys.account),
    // Every window is at most an hour long: older rows can never refuse anything again.
    db.delete(f).where(lt(f.windowStart, now - LIMITS.account.windowMs)),
  ]);
}

/** Waits `ms` (the backstop's slow-down); workerd counts wall time here, not CPU time. */
export function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
