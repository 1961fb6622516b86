/**
 * Sign-in throttling kept in D1: failed attempts are counted per account and per client IP
 * in fixed 15-minute windows. Only failures count, so a person who types the password right
 *
 * is not slowed down by a stranger who merely guessed at another account from the same network.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { type Database, schema } from '../../db/client';

export const WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;

function keys(username: string, ip: string) {
  return { account: `user:${username.toLowerCase()}`, ip: `ip:${ip}` };
}

/** Minutes until the caller may try again, or 0 when not throttled. */
export async function throttledMinutes(db: Database, username: string, ip: string, now = Date.now()): Promise<number> {
  const k = keys(username, ip);
  const rows = await db
    .select()
    .from(schema.loginFailures)
    .where(inArray(schema.loginFailures.key, [k.account, k.ip]))
    .all();
  let waitMs = 0;
  for (const row of rows) {
    const limit = row.key === k.account ? MAX_FAILURES_PER_ACCOUNT : MAX_FAILURES_PER_IP;
    const windowEnd = row.windowStart + WINDOW_MS;
    if (row.count >= limit && windowEnd > now) waitMs = Math.max(waitMs, windowEnd - now);
  }
  return Math.ceil(waitMs / 60_000);
}

/** Counts one failure for the account and the IP (a new window starts when the old one ended). */
export async function recordFailure(db: Database, username: string, ip: string, now = Date.now()): Promise<void> {
  const k = keys(username, ip);
  const upsert = (key: string) =>
    db
      .insert(schema.loginFailures)
      .values({ key, windowStart: now, count: 1 })
      .onConflictDoUpdate({
        target: schema.loginFailures.key,
        set: {
          count: sql`CASE WHEN ${schema.loginFailures.windowStart} + ${WINDOW_MS} <= ${now} THEN 1 ELSE ${schema.loginFailures.count} + 1 END`,
          windowStart: sql`CASE WHEN ${schema.loginFailures.windowStart} + ${WINDOW_MS} <= ${now} THEN ${now} ELSE ${schema.loginFailures.windowStart} END`,
        },
      });
  await db.batch([upsert(k.account), upsert(k.ip)]);
}

/** A successful sign-in clears the account's counter. */
export async function clearFailures(db: Database, username: string): Promise<void> {
  await db.delete(schema.loginFailures).where(eq(schema.loginFailures.key, `user:${username.toLowerCase()}`));
}
