/** Liaison stations and rooms. Township staff see and edit only their township's. */
import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { auditEntry } from '../audit/log';
import { database, schema } from '../db/client';
import type { AppEnv } from '../env';
import { assertTownship, currentUser, requireRole, townshipScope } from '../platform/auth/guard';
import { randomCode } from '../platform/codes';
import { uniqueViolation } from '../platform/db-errors';
import { ApiError } from '../platform/errors';
import { jsonBody, validate } from '../platform/validation';
import { stationInput, stationPatch, stationQuery } from './validation';
import { contains } from '../platform/search';

const s = schema.stations;

async function assertTownshipExists(db: ReturnType<typeof database>, townshipId: number) {
  const row = await db
    .select({ id: schema.townships.id })
    .from(schema.townships)
    .where(eq(schema.townships.id, townshipId))
    .get();
  if (!row) throw new ApiError(422, 'validation_failed', {}, { townshipId: { key: 'unknown_township' } });
}

function duplicateName(err: unknown, name: string | undefined): never {
  if (uniqueViolation(err) === 'name' || String(err).includes('stations.township_id, stations.name')) {
    throw new ApiError(
      409,
      'duplicate_name',
      { value: name ?? '' },
      { name: { key: 'duplicate_name', params: { value: name ?? '' } } },
    );
  }
  throw err;
}

export const stationRoutes = new Hono<AppEnv>()
  .get('/', requireRole('admin', 'staff', 'leader'), async (c) => {
    const q = validate(stationQuery, c.req.query());
    const township = townshipScope(currentUser(c), q.townshipId);
    const filters: SQL[] = [];
    if (township !== null) filters.push(eq(s.townshipId, township));
    if (q.active !== undefined) filters.push(eq(s.active, q.active));
    if (q.q) filters.push(or(contains(s.name, q.q), eq(s.code, q.q.toUpperCase()))!);
    const items = await database(c.env.DB)
      .select({
        id: s.id,
        code: s.code,
        name: s.name,
        kind: s.kind,
        hostType: s.hostType,
        townshipId: s.townshipId,
        townshipName: schema.townships.name,
        address: s.address,
        phone: s.phone,
        active: s.active,
        deputyCount: sql<number>`(select count(*) from deputies d where d.station_id = ${s.id} and d.active = 1)`,
      })
      .from(s)
      .innerJoin(schema.townships, eq(schema.townships.id, s.townshipId))
      .where(filters.length ? and(...filters) : undefined)
      .orderBy(schema.townships.sortOrder, s.townshipId, s.id)
      .all();
    return c.json({ items });
  })
  .post('/', requireRole('admin', 'staff'), async (c) => {
    const user = currentUser(c);
    const body = await jsonBody(c, stationInput);
    assertTownship(user, body.townshipId);
    const db = database(c.env.DB);
    await assertTownshipExists(db, body.townshipId);
    const now = Date.now();
    const values = { ...body, code: randomCode(6), createdAt: now, updatedAt: now };
    try {
      const [inserted] = await db.batch([
        db.insert(s).values(values).returning(),
        auditEntry(db, user, 'create', 'station', values.code, null, values),
      ]);
      return c.json({ station: inserted[0]! }, 201);
    } catch (err) {
      duplicateName(err, body.name);
    }
  })
  .patch('/:id{[0-9]+}', requireRole('admin', 'staff'), async (c) => {
    const user = currentUser(c);
    const id = Number(c.req.param('id'));
    const body = await jsonBody(c, stationPatch);
    const db = database(c.env.DB);
    const before = await db.select().from(s).where(eq(s.id, id)).get();
    if (!before) throw new ApiError(404, 'not_found');
    assertTownship(user, before.townshipId);
    if (body.townshipId !== undefined) {
      assertTownship(user, body.townshipId);
      await assertTownshipExists(db, body.townshipId);
    }
    try {
      const [updated] = await db.batch([
        db
          .update(s)
          .set({ ...body, updatedAt: Date.now() })
          .where(eq(s.id, id))
          .returning(),
        auditEntry(db, user, 'update', 'station', id, before, body),
      ]);
      return c.json({ station: updated[0]! });
    } catch (err) {
      duplicateName(err, body.name);
    }
  });
