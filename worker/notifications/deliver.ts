/**
 * Delivering one outbox message: the rules (opt-out, quiet hours, daily cap), the claim
 * (pending → sending, guarded so two deliveries of the same queue message cannot both send),
 * the provider call, and the result (sent, or back to pending with backoff, or failed with
 * the reason after MAX_ATTEMPTS). The queue consumer and tests call {@link deliverMessage}.
 */
import { and, count, eq, gte, lt, sql } from 'drizzle-orm';
import { type Database, schema } from '../db/client';
import type { SmsProvider } from './providers/types';
import { backoffSeconds, chinaDayStart, DAILY_CAP, MAX_ATTEMPTS, nextMorning, quietHoursRelease } from './rules';
import { loadTemplate } from './template-store';
import { placeholders, renderBody } from './templates';

const m = schema.outboxMessages;

/** What happened to the message; `delaySeconds` says when to look again. */
export type Delivery =
  | { outcome: 'sent' | 'failed' | 'suppressed' | 'skipped' }
  | { outcome: 'deferred' | 'retry'; delaySeconds: number };

/** Templates that answer the resident's own request and go out even after 退订. */
const REQUESTED = new Set(['tracking_codes']);

async function deferUntil(db: Database, id: number, until: number, reason: string, now: number): Promise<Delivery> {
  await db
    .update(m)
    .set({ notBefore: until, reason, updatedAt: now })
    .where(and(eq(m.id, id), eq(m.state, 'pending')));
  return { outcome: 'deferred', delaySeconds: Math.max(1, Math.ceil((until - now) / 1000)) };
}

/** The text a message reads (or will read) as, and the template's parameters in order. */
export async function renderMessage(db: Database, row: { templateId: string; variables: string }, origin: string) {
  const template = await loadTemplate(db, row.templateId);
  let vars: Record<string, unknown> = {};
  try {
    vars = JSON.parse(row.variables) as Record<string, unknown>;
  } catch {
    // A row is only ever written by this module's callers with JSON; an empty object is the safe reading.
  }
  const text = renderBody(template?.body ?? '', vars, origin);
  const params = placeholders(template?.body ?? '').map((name) => renderBody(`{${name}}`, vars, origin));
  return { text, params, providerTemplateId: template?.providerTemplateId ?? null, known: template !== null };
}

/** Delivers outbox message `id` at `now` through `provider`; safe to call any number of times. */
export async function deliverMessage(
  db: Database,
  provider: SmsProvider,
  id: number,
  opts: { now: number; origin: string },
): Promise<Delivery> {
  const { now } = opts;
  const row = await db.select().from(m).where(eq(m.id, id)).get();
  if (row?.state !== 'pending') return { outcome: 'skipped' };
  if (row.notBefore > now) return { outcome: 'deferred', delaySeconds: Math.ceil((row.notBefore - now) / 1000) };

  if (!REQUESTED.has(row.templateId)) {
    const optedOut = await db
      .select({ phone: schema.smsOptOuts.phone })
      .from(schema.smsOptOuts)
      .where(eq(schema.smsOptOuts.phone, row.phone))
      .get();
    if (optedOut) {
      await db
        .update(m)
        .set({ state: 'suppressed', reason: 'opted_out', updatedAt: now })
        .where(and(eq(m.id, id), eq(m.state, 'pending')));
      return { outcome: 'suppressed' };
    }
  }
  const release = quietHoursRelease(now);
  if (release > now) return deferUntil(db, id, release, 'quiet_hours', now);
  const today = await db
    .select({ n: count() })
    .from(m)
    .where(and(eq(m.phone, row.phone), eq(m.state, 'sent'), gte(m.sentAt, chinaDayStart(now))))
    .get();
  if ((today?.n ?? 0) >= DAILY_CAP) return deferUntil(db, id, nextMorning(now), 'daily_cap', now);

  const claimed = await db
    .update(m)
    .set({ state: 'sending', attempts: sql`${m.attempts} + 1`, updatedAt: now })
    .where(and(eq(m.id, id), eq(m.state, 'pending'), lt(m.notBefore, now + 1)))
    .returning({ attempts: m.attempts })
    .get();
  if (!claimed) return { outcome: 'skipped' };

  const rendered = await renderMessage(db, row, opts.origin);
  const result = rendered.known
    ? await provider
        .send({
          id,
          phone: row.phone,
          text: rendered.text,
          templateId: row.templateId,
          providerTemplateId: rendered.providerTemplateId,
          params: rendered.params,
        })
        .catch((err: unknown) => ({
          ok: false as const,
          transient: true,
          reason: `provider error: ${err instanceof Error ? err.message : String(err)}`,
        }))
    : { ok: false as const, transient: false, reason: `unknown template ${row.templateId}` };
  const sending = and(eq(m.id, id), eq(m.state, 'sending'));
  if (result.ok) {
    await db
      .update(m)
      .set({
        state: 'sent',
        body: rendered.text,
        provider: provider.name,
        providerMessageId: result.providerMessageId,
        sentAt: now,
        reason: null,
        updatedAt: now,
      })
      .where(sending);
    return { outcome: 'sent' };
  }
  if (result.transient && claimed.attempts < MAX_ATTEMPTS) {
    const delaySeconds = backoffSeconds(claimed.attempts);
    await db
      .update(m)
      .set({
        state: 'pending',
        reason: result.reason,
        provider: provider.name,
        notBefore: now + delaySeconds * 1000,
        updatedAt: now,
      })
      .where(sending);
    return { outcome: 'retry', delaySeconds };
  }
  await db
    .update(m)
    .set({ state: 'failed', reason: result.reason, body: rendered.text, provider: provider.name, updatedAt: now })
    .where(sending);
  return { outcome: 'failed' };
}
