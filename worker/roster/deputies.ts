/**
 * Deputies. Staff (scoped to their township when they have one) list, create and edit them;
 * leaders read the roster with phone numbers masked; deputies use other areas, not this list.
 */
import { and, count, eq, or, type SQL } from 'drizzle-orm';
import { Hono } from 'hono';
import { auditEntry } from '../audit/log';
import { type Database, database, schema } from '../db/client';
import type { AppEnv } from '../env';
import {
  assertTownship,
  currentUser,
  isDistrictWide,
  maskPhone,
  requireRole,
  seesPhones,
  townshipScope,
} from '../platform/auth/guard';
import type { SessionUser } from '../platform/auth/session';
import { uniqueViolation } from '../platform/db-errors';
import { ApiError } from '../platform/errors';
import { jsonBody, validate } from '../platform/validation';
import { deputyInput, deputyPatch, deputyQuery } from './validation';
import { contains } from '../platform/search';

const d = schema.deputies;

/** Station and township must exist and agree (a station belongs to exactly one township). */
async function checkPlacement(db: Database, townshipId: number, stationId: number | null | undefined) {
  const township = await db
    .select({ id: schema.townships.id })
    .from(schema.townships)
    .where(eq(schema.townships.id, townshipId))
    .get();
  if (!township) throw new ApiError(422, 'validation_failed', {}, { townshipId: { key: 'unknown_township' } });
  if (stationId == null) return;
  const station = await db
    .select({ townshipId: schema.stations.townshipId })
    .from(schema.stations)
    .where(eq(schema.stations.id, stationId))
    .get();
  if (!station || station.townshipId !== townshipId) {
    throw new ApiError(422, 'validation_failed', {}, { stationId: { key: 'unknown_station' } });
  }
}

/**
 * The answer to a phone number that is already taken. Only someone who may see the deputy
 * holding it learns that it is a deputy's; township staff typing another township's number get
 * a neutral refusal, so the roster's phone numbers cannot be probed one guess at a time.
 */
async function duplicatePhone(err: unknown, phone: string | undefined, db: Database, user: SessionUser): Promise<never> {
  if (uniqueViolation(err) === 'phone') {
    const holder = phone ? await db.select({ townshipId: d.townshipId }).from(d).where(eq(d.phone, phone)).get() : undefined;
    if (holder && !isDistrictWide(user) && holder.townshipId !== user.townshipId) {
      throw new ApiError(409, 'phone_unavailable', {}, { phone: { key: 'phone_unavailable' } });
    }
    throw new ApiError(
      409,
      'duplicate_phone',
      { value: phone ?? '' },
      { phone: { key: 'duplicate_phone', params: { value: phone ?? '' } } },
    );
  }
  throw err;
}

export const deputyRoutes = new Hono<AppEnv>()
  .get('/', requireRole('admin', 'staff', 'leader'), async (c) => {
    const user = currentUser(c);
    const q = validate(deputyQuery, c.req.query());
    const township = townshipScope(user, q.townshipId);
    const filters: SQL[] = [];
    if (township !== null) filters.push(eq(d.townshipId, township));
    if (q.stationId) filters.push(eq(d.stationId, q.stationId));
    if (q.level) filters.push(eq(d.level, q.level));
    if (q.active !== undefined) filters.push(eq(d.active, q.active));
    if (q.q) {
      const term = q.q.replace(/[%_]/g, '');
      filters.push(or(contains(d.name, term), ...(seesPhones(user) && /^\d{3,}$/.test(term) ? [contains(d.phone, term)] : []))!);
    }
    const where = filters.length ? and(...filters) : undefined;
    const db = database(c.env.DB);
    const [rows, total] = await Promise.all([
      db
        .select({
          id: d.id,
          name: d.name,
          level: d.level,
          townshipId: d.townshipId,
          townshipName: schema.townships.name,
          stationId: d.stationId,
          stationName: schema.stations.name,
          sector: d.sector,
          phone: d.phone,
          active: d.active,
        })
        .from(d)
        .innerJoin(schema.townships, eq(schema.townships.id, d.townshipId))
        .leftJoin(schema.stations, eq(schema.stations.id, d.stationId))
        .where(where)
        .orderBy(schema.townships.sortOrder, d.townshipId, d.level, d.id)
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize)
        .all(),
      db.select({ n: count() }).from(d).where(where).get(),
    ]);
    const showPhones = seesPhones(user);
    const items = rows.map((r) => ({ ...r, phone: showPhones ? r.phone : maskPhone(r.phone) }));
    return c.json({ items, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize });
  })
  .post('/', requireRole('admin', 'staff'), async (c) => {
    const user = currentUser(c);
    const body = await jsonBody(c, deputyInput);
    assertTownship(user, body.townshipId);
    const db = database(c.env.DB);
    await checkPlacement(db, body.townshipId, body.stationId);
    const now = Date.now();
    try {
      const [inserted] = await db.batch([
        db
          .insert(d)
          .values({ ...body, createdAt: now, updatedAt: now })
          .returning(),
        auditEntry(db, user, 'create', 'deputy', body.phone, null, body),
      ]);
      return c.json({ deputy: inserted[0]! }, 201);
    } catch (err) {
      return duplicatePhone(err, body.phone, db, user);
    }
  })
  .patch('/:id{[0-9]+}', requireRole('admin', 'staff'), async (c) => {
    const user = currentUser(c);
    const id = Number(c.req.param('id'));
    const body = await jsonBody(c, deputyPatch);
    const db = database(c.env.DB);
    const before = await db.select().from(d).where(eq(d.id, id)).get();
    if (!before) throw new ApiError(404, 'not_found');
    assertTownship(user, before.townshipId);
    const townshipId = body.townshipId ?? before.townshipId;
    assertTownship(user, townshipId);
    const stationId = body.stationId !== undefined ? body.stationId : body.townshipId !== undefined ? null : undefined;
    await checkPlacement(db, townshipId, stationId ?? (body.townshipId === undefined ? before.stationId : null));
    const changes = { ...body, ...(stationId !== undefined ? { stationId } : {}), updatedAt: Date.now() };
    try {
      const [updated] = await db.batch([
        db.update(d).set(changes).where(eq(d.id, id)).returning(),
        auditEntry(db, user, 'update', 'deputy', id, before, body),
      ]);
      return c.json({ deputy: updated[0]! });
    } catch (err) {
      return duplicatePhone(err, body.phone, db, user);
    }
  });
