/**
 * 代录: opinions a deputy or staff member types in for a resident who came to the station,
 * phoned or wrote. They enter the workflow exactly as a resident's own submission does
 * (`planSubmission`: 待受理 with its deadline), carry their channel in `opinion_intake`, and
 * name the deputy who took them down as the recipient offered at 受理.
 *
 * Everything a request stores — the session, who was present, the opinions, their first
 * timeline events, the intake rows and the audit entry — goes into one `db.batch`, so the
 * person is never told "saved" about half of it. Each opinion's submission key is derived
 * from the request's key, so a retried request collides on the UNIQUE keys instead of
 * storing anything twice.
 */
import { type SQL, sql } from 'drizzle-orm';
import { database, schema } from '../db/client';
import type { IntakeChannel } from '../db/schema/duty';
import type { SessionUser } from '../platform/auth/session';
import { uniqueViolation } from '../platform/db-errors';
import { ApiError } from '../platform/errors';
import { mobileCN } from '../roster/validation';
import { prepared } from '../intake/d1';
import { newTrackingCode } from '../intake/tracking-code';
import { planSubmission, type PlanContext } from '../workflow/machine';
import type { ProxyOpinion } from './validation';

/** An opinion entry after the checks the schema cannot make. */
export interface CleanProxyOpinion extends ProxyOpinion {
  channel: IntakeChannel;
}

/**
 * Checks consent and phone numbers of entered opinions and that their categories exist;
 * throws one 422 naming every bad field (`opinions.<i>.<field>`).
 */
export async function checkProxyOpinions(d1: D1Database, entries: readonly ProxyOpinion[]): Promise<void> {
  const fields: Record<string, { key: 'reception_consent_required' | 'phone_invalid' | 'unknown_category' }> = {};
  const codes = [...new Set(entries.map((e) => e.category))];
  const known = new Set<string>();
  if (codes.length > 0) {
    const rows = await d1
      .prepare(`SELECT code FROM categories WHERE active = 1 AND code IN (${codes.map(() => '?').join(',')})`)
      .bind(...codes)
      .all<{ code: string }>();
    for (const r of rows.results) known.add(r.code);
  }
  entries.forEach((e, i) => {
    if (!known.has(e.category)) fields[`opinions.${i}.category`] = { key: 'unknown_category' };
    if (e.reporterPhone !== '' && !mobileCN.safeParse(e.reporterPhone).success) {
      fields[`opinions.${i}.reporterPhone`] = { key: 'phone_invalid' };
    }
    if (!e.consent && (e.reporterName !== '' || e.reporterPhone !== '')) {
      fields[`opinions.${i}.consent`] = { key: 'reception_consent_required' };
    }
  });
  if (Object.keys(fields).length > 0) throw new ApiError(422, 'validation_failed', {}, fields);
}

/** The submission key of the i-th opinion of a request. */
export function entryKey(requestKey: string, i: number): string {
  return `${requestKey}:${i}`;
}

/**
 * The statements storing the entered opinions: per opinion its row, its 'submit' event (with
 * the person who typed it as actor) and its intake row. `receptionId` is an SQL expression
 * for the session's id (inside the same batch), or null outside a session.
 */
export function proxyOpinionStatements(
  d1: D1Database,
  opts: {
    user: Pick<SessionUser, 'id' | 'displayName' | 'deputyId'>;
    station: { id: number; townshipId: number };
    entries: readonly ProxyOpinion[];
    requestKey: string;
    receptionId: SQL | null;
    ctx: PlanContext;
  },
): { statements: D1PreparedStatement[]; trackingCodes: string[] } {
  const db = database(d1);
  const { now } = opts.ctx;
  const plan = planSubmission(opts.ctx);
  const { event } = plan;
  const statements: D1PreparedStatement[] = [];
  const trackingCodes: string[] = [];
  opts.entries.forEach((e, i) => {
    const key = entryKey(opts.requestKey, i);
    const trackingCode = newTrackingCode();
    trackingCodes.push(trackingCode);
    const consent = e.consent && (e.reporterName !== '' || e.reporterPhone !== '');
    const phone = e.reporterPhone === '' ? null : mobileCN.parse(e.reporterPhone);
    const ofThisOpinion = sql`FROM ${schema.opinions} WHERE ${schema.opinions.submissionKey} = ${key}`;
    statements.push(
      prepared(
        d1,
        db.insert(schema.opinions).values({
          trackingCode,
          submissionKey: key,
          stationId: opts.station.id,
          townshipId: opts.station.townshipId,
          formVersionId: null,
          category: e.category,
          body: e.body,
          place: e.place,
          extraAnswers: '{}',
          reporterName: consent && e.reporterName !== '' ? e.reporterName : null,
          reporterPhone: consent ? phone : null,
          consentAt: consent ? now : null,
          state: plan.changes.state ?? 'pending',
          dueOn: plan.changes.dueOn ?? null,
          receivedAt: plan.changes.receivedAt ?? now,
          updatedAt: now,
        }),
      ),
      prepared(
        d1,
        sql`INSERT INTO ${schema.opinionEvents} (opinion_id, at, actor_user_id, actor_label, action, from_state, to_state, public_reply, internal_note, data)
            SELECT id, ${now}, ${opts.user.id}, ${opts.user.displayName}, ${event.action}, ${event.fromState}, ${event.toState}, ${event.publicReply}, ${event.internalNote}, ${JSON.stringify({ channel: e.channel })} ${ofThisOpinion}`,
      ),
      prepared(
        d1,
        sql`INSERT INTO ${schema.opinionIntake} (opinion_id, channel, recipient_deputy_id, reception_id, entered_by, created_at)
            SELECT id, ${e.channel}, ${opts.user.deputyId}, ${opts.receptionId ?? null}, ${opts.user.id}, ${now} ${ofThisOpinion}`,
      ),
    );
  });
  return { statements, trackingCodes };
}

/** The tracking codes of the opinions stored under a request's key, in entry order. */
export async function trackingCodesOfRequest(d1: D1Database, requestKey: string): Promise<string[]> {
  const rows = await d1
    .prepare(`SELECT submission_key AS k, tracking_code AS code FROM opinions WHERE submission_key LIKE ?1 || ':%'`)
    .bind(requestKey)
    .all<{ k: string; code: string }>();
  return rows.results
    .map((r) => ({ i: Number(r.k.slice(requestKey.length + 1)), code: r.code }))
    .sort((a, b) => a.i - b.i)
    .map((r) => r.code);
}

/** Attempts at fresh tracking codes before giving up (a collision is a one-in-billions event). */
const CODE_ATTEMPTS = 5;

/**
 * Runs a batch built by `build()`, building it again with fresh tracking codes when one
 * collided with a stored opinion. Other failures are thrown to the caller.
 */
export async function batchWithFreshCodes<T>(
  d1: D1Database,
  build: () => { statements: D1PreparedStatement[]; result: T },
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const { statements, result } = build();
    try {
      await d1.batch(statements);
      return result;
    } catch (err) {
      if (uniqueViolation(err) === 'tracking_code' && attempt < CODE_ATTEMPTS) continue;
      throw err;
    }
  }
}
