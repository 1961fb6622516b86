/**
 * The outbox sweep (every 10 minutes, and in the morning run): messages left in `sending` by
 * a consumer that died mid-send go back to pending, and every pending message that is due is
 * enqueued again. A lost enqueue therefore delays a message by minutes, never loses it;
 * enqueueing one twice is harmless because delivery claims the row first.
 */
import { and, eq, lt } from 'drizzle-orm';
import { database, schema } from '../db/client';
import type { Env } from '../env';
import { duePending, enqueue } from '../notifications/queue';

/** A send that has not reported back in this long is presumed lost with its isolate. */
export const STUCK_SENDING_MS = 10 * 60_000;

/** Runs the sweep; returns how many were reset and how many enqueued. */
export async function sweepOutbox(env: Env, now: number): Promise<{ reset: number; enqueued: number }> {
  const db = database(env.DB);
  const m = schema.outboxMessages;
  const reset = await db
    .update(m)
    .set({ state: 'pending', reason: 'requeued_after_stuck_send', updatedAt: now })
    .where(and(eq(m.state, 'sending'), lt(m.updatedAt, now - STUCK_SENDING_MS)))
    .returning({ id: m.id })
    .all();
  const ids = await duePending(db, now);
  await enqueue(env, ids);
  return { reset: reset.length, enqueued: ids.length };
}
