/**
 * Cloudflare Queues: the producer side (enqueue outbox ids after their batch committed) and
 * the `queue()` consumer. Queue messages carry only the outbox id; the row is the truth, so
 * a lost, duplicated or late queue message never loses or doubles an SMS.
 */
import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import { type Database, database, schema } from '../db/client';
import type { Env } from '../env';
import { deliverMessage } from './deliver';
import { providerFor } from './providers';
import type { SmsProvider } from './providers/types';

const m = schema.outboxMessages;

/** The body of a queue message. */
export interface OutboxJob {
  id: number;
}

/** Queues accept at most 24 h of delay; later messages are picked up by the Cron sweep. */
const MAX_DELAY_SECONDS = 24 * 3600;
/** Messages per sendBatch call (the Queues limit). */
const BATCH = 100;

/** The origin links in messages point at: PUBLIC_ORIGIN, else the given request origin. */
export function publicOrigin(env: Env, fallback = ''): string {
  return env.PUBLIC_ORIGIN || fallback;
}

/**
 * Enqueues outbox ids. Failures are logged, not thrown: the rows are committed, and the
 * sweep re-enqueues anything left pending, so the person who acted is never told "failed".
 */
export async function enqueue(env: Env, ids: readonly number[]): Promise<void> {
  try {
    for (let i = 0; i < ids.length; i += BATCH) {
      await env.OUTBOX_QUEUE.sendBatch(ids.slice(i, i + BATCH).map((id) => ({ body: { id } satisfies OutboxJob })));
    }
  } catch (err) {
    console.error('enqueueing outbox messages failed; the sweep will retry', err);
  }
}

/** Enqueues the pending messages an opinion's write created at or after `since`. */
export async function enqueueForOpinion(env: Env, opinionId: number, since: number): Promise<void> {
  const rows = await database(env.DB)
    .select({ id: m.id })
    .from(m)
    .where(and(eq(m.opinionId, opinionId), eq(m.state, 'pending'), gte(m.createdAt, since)))
    .all();
  if (rows.length > 0)
    await enqueue(
      env,
      rows.map((r) => r.id),
    );
}

/** Enqueues the pending messages with these dedupe keys (created by one batch). */
export async function enqueueKeys(env: Env, db: Database, keys: readonly string[]): Promise<void> {
  const ids: number[] = [];
  for (let i = 0; i < keys.length; i += 90) {
    const rows = await db
      .select({ id: m.id })
      .from(m)
      .where(and(inArray(m.dedupeKey, keys.slice(i, i + 90)), eq(m.state, 'pending')))
      .all();
    ids.push(...rows.map((r) => r.id));
  }
  if (ids.length > 0) await enqueue(env, ids);
}

/** The ids of messages due now (for the sweep). */
export async function duePending(db: Database, now: number, limit = 1000): Promise<number[]> {
  const rows = await db
    .select({ id: m.id })
    .from(m)
    .where(and(eq(m.state, 'pending'), lte(m.notBefore, now)))
    .orderBy(m.id)
    .limit(limit)
    .all();
  return rows.map((r) => r.id);
}

/**
 * The consumer: delivers each message; transient failures go back to the queue with backoff
 * (`retry`), deferrals (quiet hours, daily cap) are re-sent with a delay, everything else is
 * acknowledged. A message whose handling throws is retried by Queues and, after the consumer's
 * max_retries, lands in the dead-letter queue (the row stays pending for the sweep).
 */
export async function handleOutboxBatch(
  batch: MessageBatch<OutboxJob>,
  env: Env,
  opts: { now?: () => number; provider?: SmsProvider } = {},
): Promise<void> {
  const db = database(env.DB);
  const provider = opts.provider ?? providerFor(env);
  const origin = publicOrigin(env);
  for (const msg of batch.messages) {
    const id = Number(msg.body?.id);
    if (!Number.isInteger(id) || id <= 0) {
      msg.ack();
      continue;
    }
    try {
      const d = await deliverMessage(db, provider, id, { now: opts.now?.() ?? Date.now(), origin });
      if (d.outcome === 'retry') msg.retry({ delaySeconds: d.delaySeconds });
      else if (d.outcome === 'deferred') {
        if (d.delaySeconds <= MAX_DELAY_SECONDS) await env.OUTBOX_QUEUE.send({ id }, { delaySeconds: d.delaySeconds });
        msg.ack();
      } else msg.ack();
    } catch (err) {
      console.error(`delivering outbox message ${id} failed`, err);
      msg.retry({ delaySeconds: 60 });
    }
  }
}
