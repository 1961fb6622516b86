/**
 * /api/messages (消息记录): every message the outbox holds, as its reader reads it, with
 * filters and "resend" for failed ones — for admins and staff (township staff see their own
 * township's). /api/messages/templates lists the templates with their SMS length.
 * /hooks/sms/inbound is the signed webhook a district's SMS gateway calls with replies
 * ("TD" = 退订).
 */
import { and, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import * as z from 'zod';
import { auditEntry } from '../audit/log';
import { database, schema } from '../db/client';
import type { AppEnv } from '../env';
import { currentUser, maskPhone, requireRole, townshipScope } from '../platform/auth/guard';
import { ApiError } from '../platform/errors';
import { validate } from '../platform/validation';
import { verifyWebhook } from './providers/webhook';
import { enqueue, publicOrigin } from './queue';
import { isMobile, isOptOutText } from './rules';
import { allTemplates } from './template-store';
import { renderBody, smsSegments } from './templates';

const m = schema.outboxMessages;
const blank = (v: unknown) => (v === '' ? undefined : v);

const listQuery = z.object({
  state: z.preprocess(blank, z.enum(['pending', 'sending', 'sent', 'failed', 'suppressed']).optional()),
  audience: z.preprocess(blank, z.enum(['resident', 'deputy', 'department', 'staff']).optional()),
  template: z.preprocess(blank, z.string().max(40).optional()),
  /** A tracking code, or the last digits of a number. */
  q: z.preprocess(blank, z.string().trim().max(20).optional()),
  opinionId: z.preprocess(blank, z.coerce.number().int().positive().optional()),
  townshipId: z.preprocess(blank, z.coerce.number().int().positive().optional()),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const inboundBody = z.object({ phone: z.string().max(20), text: z.string().max(500) });

export const messageRoutes = new Hono<AppEnv>()
  .get('/', requireRole('admin', 'staff'), async (c) => {
    const user = currentUser(c);
    const q = validate(listQuery, c.req.query());
    const scope = townshipScope(user, q.townshipId);
    const db = database(c.env.DB);
    const where: SQL[] = [];
    if (scope !== null) where.push(eq(m.townshipId, scope));
    if (q.state) where.push(eq(m.state, q.state));
    if (q.audience) where.push(eq(m.audience, q.audience));
    if (q.template) where.push(eq(m.templateId, q.template));
    if (q.opinionId) where.push(eq(m.opinionId, q.opinionId));
    if (q.q) {
      const term = q.q.toUpperCase();
      where.push(
        /^\d{4,11}$/.test(term)
          ? sql`substr(${m.phone}, -${term.length}) = ${term}`
          : sql`json_extract(${m.variables}, '$.code') = ${term}`,
      );
    }
    const filter = where.length > 0 ? and(...where) : undefined;
    const [rows, total, templates] = await Promise.all([
      db
        .select()
        .from(m)
        .where(filter)
        .orderBy(desc(m.createdAt), desc(m.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize)
        .all(),
      db.select({ n: count() }).from(m).where(filter).get(),
      allTemplates(db),
    ]);
    const byId = new Map(templates.map((t) => [t.id, t]));
    const origin = publicOrigin(c.env, new URL(c.req.url).origin);
    const en = c.get('locale') === 'en';
    const items = rows.map((r) => {
      const t = byId.get(r.templateId);
      let vars: Record<string, unknown> = {};
      try {
        vars = JSON.parse(r.variables) as Record<string, unknown>;
      } catch {
        // Shown as the bare template then.
      }
      // Sent messages show what went out; others what would go out now.
      const text = r.body ?? renderBody(t?.body ?? '', vars, origin);
      return {
        id: r.id,
        createdAt: r.createdAt,
        sentAt: r.sentAt,
        notBefore: r.notBefore > r.createdAt ? r.notBefore : null,
        state: r.state,
        reason: r.reason,
        attempts: r.attempts,
        audience: r.audience,
        templateId: r.templateId,
        templateName: t ? (en ? t.nameEn : t.nameZh) : r.templateId,
        phone: maskPhone(r.phone),
        text,
        segments: smsSegments(text).segments,
        eventKind: r.eventKind,
        opinionId: r.opinionId,
        trainingId: r.trainingId,
        provider: r.provider,
      };
    });
    return c.json({ items, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize });
  })
  .get('/templates', requireRole('admin', 'staff'), async (c) => {
    const en = c.get('locale') === 'en';
    const items = (await allTemplates(database(c.env.DB))).map((t) => ({
      id: t.id,
      audience: t.audience,
      name: en ? t.nameEn : t.nameZh,
      body: t.body,
      variables: t.variables,
      providerTemplateId: t.providerTemplateId ?? null,
      edited: t.edited,
      active: t.active,
      ...smsSegments(t.body),
    }));
    return c.json({ items });
  })
  .post('/:id{[0-9]+}/resend', requireRole('admin', 'staff'), async (c) => {
    const user = currentUser(c);
    const id = Number(c.req.param('id'));
    const db = database(c.env.DB);
    const row = await db.select().from(m).where(eq(m.id, id)).get();
    if (!row) throw new ApiError(404, 'not_found');
    if (row.townshipId !== null) townshipScope(user, row.townshipId);
    else townshipScope(user, null);
    const now = Date.now();
    // Only a failed message goes back: the guard in WHERE makes a double click resend once.
    const [updated] = await db.batch([
      db
        .update(m)
        .set({ state: 'pending', attempts: 0, reason: null, notBefore: 0, updatedAt: now })
        .where(and(eq(m.id, id), eq(m.state, 'failed')))
        .returning({ id: m.id }),
      auditEntry(db, user, 'resend', 'message', id, { state: row.state, reason: row.reason }, { state: 'pending' }),
    ]);
    if (updated.length === 0) throw new ApiError(409, 'message_not_resendable');
    await enqueue(c.env, [id]);
    return c.json({ id, state: 'pending' });
  });

/**
 * POST /hooks/sms/inbound: replies reported by the district's gateway, signed like outbound
 * webhook calls. Outside /api on purpose: no session, no browser, its own authentication.
 */
export const inboundRoutes = new Hono<AppEnv>().post('/inbound', async (c) => {
  const secret = c.env.SMS_WEBHOOK_SECRET;
  const raw = await c.req.text();
  const ok =
    secret !== undefined &&
    secret !== '' &&
    (await verifyWebhook(
      secret,
      { timestamp: c.req.header('x-lianluo-timestamp'), signature: c.req.header('x-lianluo-signature') },
      raw,
      Math.floor(Date.now() / 1000),
    ));
  if (!ok) throw new ApiError(401, 'webhook_bad_signature');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ApiError(400, 'invalid_json');
  }
  const body = validate(inboundBody, parsed);
  const phone = body.phone.replace(/^\+?86/, '');
  const optOut = isMobile(phone) && isOptOutText(body.text);
  if (optOut) {
    await database(c.env.DB)
      .insert(schema.smsOptOuts)
      .values({ phone, source: 'webhook', createdAt: Date.now() })
      .onConflictDoNothing();
  }
  return c.json({ optedOut: optOut });
});
