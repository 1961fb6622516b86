/** Admins read the audit log, newest first. */
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { Hono } from 'hono';
import * as z from 'zod';
import { database, schema } from '../db/client';
import type { AppEnv } from '../env';
import { requireRole } from '../platform/auth/guard';
import { validate } from '../platform/validation';

const query = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  entity: z.string().max(50).optional(),
  entityId: z.string().max(50).optional(),
});

export const auditRoutes = new Hono<AppEnv>().get('/', requireRole('admin'), async (c) => {
  const q = validate(query, c.req.query());
  const db = database(c.env.DB);
  const filters: SQL[] = [];
  if (q.entity) filters.push(eq(schema.auditLog.entity, q.entity));
  if (q.entityId) filters.push(eq(schema.auditLog.entityId, q.entityId));
  const where = filters.length ? and(...filters) : undefined;
  const [items, total] = await Promise.all([
    db
      .select()
      .from(schema.auditLog)
      .where(where)
      .orderBy(desc(schema.auditLog.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .all(),
    db.select({ n: count() }).from(schema.auditLog).where(where).get(),
  ]);
  return c.json({
    items: items.map((r) => ({
      ...r,
      before: r.before ? (JSON.parse(r.before) as unknown) : null,
      after: r.after ? (JSON.parse(r.after) as unknown) : null,
    })),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  });
});
