/** Helpers of the notification tests: outbox rows as stored, opinions with a consented number, queue batches. */
import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import worker from '../../../worker/index';
import { newTrackingCode } from '../../../worker/intake/tracking-code';
import { handleOutboxBatch, type OutboxJob } from '../../../worker/notifications/queue';

/** A stored outbox row (snake_case, as D1 returns it). */
export interface OutboxRow {
  id: number;
  dedupe_key: string;
  phone: string;
  audience: string;
  template_id: string;
  variables: string;
  body: string | null;
  event_kind: string;
  opinion_id: number | null;
  training_id: number | null;
  recipient_deputy_id: number | null;
  state: string;
  reason: string | null;
  attempts: number;
  not_before: number;
  provider: string | null;
  sent_at: number | null;
}

/** Every outbox row matching a WHERE clause, oldest first. */
export async function outbox(where = '1 = 1', ...params: unknown[]): Promise<OutboxRow[]> {
  const { results } = await env.DB.prepare(`SELECT * FROM outbox_messages WHERE ${where} ORDER BY id`)
    .bind(...params)
    .all<OutboxRow>();
  return results;
}

/** 10:00 China time on a weekday: outside quiet hours. */
export const DAYTIME = Date.parse('2026-12-07T10:00:00+08:00');
/** 22:30 China time: inside quiet hours. */
export const NIGHT = Date.parse('2026-12-07T22:30:00+08:00');

let n = 0;

/** A fresh tracking code that the public pages accept (the real alphabet, no 0/O/1/I/L). */
function trackingCode(): string {
  return newTrackingCode();
}

/** An opinion whose reporter left a number with consent; returns its id, code and revision. */
export async function consentedOpinion(
  fields: { state?: string; phone?: string; deputyId?: number | null; dueOn?: string | null; resolvedAt?: number | null } = {},
) {
  n++;
  const code = trackingCode();
  const now = Date.now();
  const row = await env.DB.prepare(
    `INSERT INTO opinions (tracking_code, submission_key, station_id, township_id, category, body, place, reporter_name,
       reporter_phone, consent_at, state, assigned_deputy_id, due_on, received_at, resolved_at, updated_at)
     VALUES (?, ?, 1, 1, 'road_traffic', '路灯不亮，晚上出行不便，请尽快修复。', '城关路', '张三', ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id, revision`,
  )
    .bind(
      code,
      `nt-key-${n}-${Math.random()}`,
      fields.phone ?? `1391234${String(n).padStart(4, '0')}`,
      now,
      fields.state ?? 'pending',
      fields.deputyId ?? null,
      fields.dueOn ?? null,
      now,
      fields.resolvedAt ?? null,
      now,
    )
    .first<{ id: number; revision: number }>();
  return { id: row!.id, code, revision: row!.revision };
}

/** A queue batch of these outbox ids, as Queues would deliver it. */
export function batchOf(ids: number[]) {
  return createMessageBatch<OutboxJob>(
    'lianluo-outbox',
    ids.map((id, i) => ({ id: `m-${id}-${i}-${Math.random()}`, timestamp: Date.now(), attempts: 1, body: { id } })),
  );
}

/**
 * Runs the consumer on these outbox ids at a chosen time and returns the ack/retry result.
 * (The Worker's `queue()` export is this same function with the real clock.)
 */
export async function consumeAt(now: number, ids: number[], overrides: Partial<typeof env> = {}) {
  const batch = batchOf(ids);
  const ctx = createExecutionContext();
  await handleOutboxBatch(batch, { ...env, ...overrides }, { now: () => now });
  return getQueueResult(batch, ctx);
}

/** Runs the Worker's real `queue()` handler on these outbox ids and returns the ack/retry result. */
export async function runQueue(ids: number[], overrides: Partial<typeof env> = {}) {
  const batch = createMessageBatch<OutboxJob>(
    'lianluo-outbox',
    ids.map((id, i) => ({ id: `m-${id}-${i}-${Math.random()}`, timestamp: Date.now(), attempts: 1, body: { id } })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, { ...env, ...overrides }, ctx);
  return getQueueResult(batch, ctx);
}
