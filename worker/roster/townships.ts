/** Townships and sub-districts: everyone signed in as staff, leader or admin can list them; district-wide staff edit. */
import { eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { auditEntry } from '../audit/log';
import { database, schema } from '../db/client';
import type { AppEnv } from '../env';
import { currentUser, isDistrictWide, requireRole } from '../platform/auth/guard';
import { uniqueViolation } from '../platform/db-errors';
import { ApiError } from '../platform/errors';
import { jsonBody } from '../platform/validation';
import { townshipInput, townshipPatch } from './validation';

function duplicate(err: unknown, body: { code?: string; name?: string }): never {
  const column = uniqueViolation(err);
  if (column === 'code')
    throw new ApiError(
      409,
      'duplicate_code',
      { value: body.code ?? '' },
      { code: { key: 'duplicate_code', params: { value: body.code ?? '' } } },
    );
  if (column === 'name')
    throw new ApiError(
      409,
      'duplicate_name',
      { value: body.name ?? '' },
      { name: { key: 'duplicate_name', params: { value: body.name ?? '' } } },
    );
  throw err;
}

const requireDistrictEditor = requireRole('admin', 'staff');

export const townshipRoutes = new Hono<AppEnv>()
  .get('/', requireRole('admin', 'staff', 'leader'), async (c) => {
    const t = schema.townships;
    const items = await database(c.env.DB)
      .select({
        id: t.id,
        code: t.code,
        name: t.name,
        kind: t.kind,
        sortOrder: t.sortOrder,
        active: t.active,
        stationCount: sql<number>`(select count(*) from stations s where s.township_id = townships.id and s.active = 1)`,
        deputyCount: sql<number>`(select count(*) from deputies d where d.township_id = townships.id and d.active = 1)`,
      })
      .from(t)
      .orderBy(t.sortOrder, t.id)
      .all();
    return c.json({ items });
  })
  .post('/', requireDistrictEditor, async (c) => {
    const user = currentUser(c);
    if (!isDistrictWide(user)) throw new ApiError(403, 'forbidden');
    const body = await jsonBody(c, townshipInput);
    const db = database(c.env.DB);
    const now = Date.now();
    try {
      const [inserted] = await db.batch([
        db
          .insert(schema.townships)
          .values({ ...body, createdAt: now, updatedAt: now })
          .returning(),
        auditEntry(db, user, 'create', 'township', body.code, null, body),
      ]);
      return c.json({ township: inserted[0]! }, 201);
    } catch (err) {
      duplicate(err, body);
    }
  })
  .patch('/:id{[0-9]+}', requireDistrictEditor, async (c) => {
    const user = currentUser(c);
    if (!isDistrictWide(user)) throw new ApiError(403, 'forbidden');
    const id = Number(c.req.param('id'));
    const body = await jsonBody(c, townshipPatch);
    const db = database(c.env.DB);
    const before = await db.select().from(schema.townships).where(eq(schema.townships.id, id)).get();
    if (!before) throw new ApiError(404, 'not_found');
    try {
      const [updated] = await db.batch([
        db
          .update(schema.townships)
          .set({ ...body, updatedAt: Date.now() })
          .where(eq(schema.townships.id, id))
          .returning(),
        auditEntry(db, user, 'update', 'township', id, before, body),
      ]);
      return c.json({ township: updated[0]! });
    } catch (err) {
      duplicate(err, body);
    }
  });
