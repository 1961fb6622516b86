/**
 * 进站接待: deputies take turns receiving residents at their liaison station; a staff member
 * or one of the deputies logs each duty session (day, station, deputies present, residents
 * received, opinions taken in). Township staff log and see their township's stations; a
 * deputy logs only sessions they attended and lists their own; leaders read. The dashboard's
 * participation figures come from these rows through the rollup triggers.
 */
import { and, count, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { auditEntry } from '../audit/log';
import { database, schema } from '../db/client';
import type { AppEnv } from '../env';
import { assertTownship, currentUser, requireRole, townshipScope } from '../platform/auth/guard';
import { ApiError } from '../platform/errors';
import { jsonBody, validate } from '../platform/validation';
import { chinaDay } from '../workflow/calendar';
import { receptionInput, receptionQuery } from './validation';

const r = schema.receptions;
const rd = schema.receptionDeputies;

export const receptionRoutes = new Hono<AppEnv>()
  .get('/', requireRole('admin', 'staff', 'leader', 'deputy'), async (c) => {
    const user = currentUser(c);
    const q = validate(receptionQuery, c.req.query());
    const filters: SQL[] = [];
    if (user.role === 'deputy') {
      // A deputy's own duty record: sessions they were present at, wherever they were.
      if (user.deputyId === null) throw new ApiError(403, 'forbidden');
      filters.push(sql`${r.id} IN (SELECT ${rd.receptionId} FROM ${rd} WHERE ${rd.deputyId} = ${user.deputyId})`);
    } else {
      const township = townshipScope(user, q.townshipId);
      if (township !== null) filters.push(eq(r.townshipId, township));
      if (q.deputyId) filters.push(sql`${r.id} IN (SELECT ${rd.receptionId} FROM ${rd} WHERE ${rd.deputyId} = ${q.deputyId})`);
    }
    if (q.stationId) filters.push(eq(r.stationId, q.stationId));
    if (q.from) filters.push(gte(r.day, q.from));
    if (q.to) filters.push(lte(r.day, q.to));
    const where = filters.length ? and(...filters) : undefined;
    const db = database(c.env.DB);
    const [rows, total] = await Promise.all([
      db
        .select({
          id: r.id,
          day: r.day,
          stationId: r.stationId,
          stationName: schema.stations.name,
          townshipId: r.townshipId,
          townshipName: schema.townships.name,
          residentsReceived: r.residentsReceived,
          opinionsTaken: r.opinionsTaken,
          notes: r.notes,
        })
        .from(r)
        .innerJoin(schema.stations, eq(schema.stations.id, r.stationId))
        .innerJoin(schema.townships, eq(schema.townships.id, r.townshipId))
        .where(where)
        .orderBy(desc(r.day), desc(r.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize)
        .all(),
      db.select({ n: count() }).from(r).where(where).get(),
    ]);
    const present =
      rows.length === 0
        ? []
        : await db
            .select({
              receptionId: rd.receptionId,
              id: schema.deputies.id,
              name: schema.deputies.name,
              level: schema.deputies.level,
            })
            .from(rd)
            .innerJoin(schema.deputies, eq(schema.deputies.id, rd.deputyId))
            .where(
              inArray(
                rd.receptionId,
                rows.map((row) => row.id),
              ),
            )
            .orderBy(schema.deputies.level, schema.deputies.id)
            .all();
    const items = rows.map((row) => ({
      ...row,
      deputies: present.filter((p) => p.receptionId === row.id).map(({ id, name, level }) => ({ id, name, level })),
    }));
    return c.json({ items, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize });
  })
  .post('/', requireRole('admin', 'staff', 'deputy'), async (c) => {
    const user = currentUser(c);
    const body = await jsonBody(c, receptionInput);
    if (body.day > chinaDay(Date.now())) {
      throw new ApiError(422, 'reception_in_future', {}, { day: { key: 'reception_in_future' } });
    }
    if (user.role === 'deputy' && (user.deputyId === null || !body.deputyIds.includes(user.deputyId))) {
      throw new ApiError(422, 'reception_not_present', {}, { deputyIds: { key: 'reception_not_present' } });
    }
    const db = database(c.env.DB);
    const station = await db
      .select({ townshipId: schema.stations.townshipId, active: schema.stations.active })
      .from(schema.stations)
      .where(eq(schema.stations.id, body.stationId))
      .get();
    if (!station) throw new ApiError(422, 'validation_failed', {}, { stationId: { key: 'unknown_station' } });
    if (user.role !== 'deputy') assertTownship(user, station.townshipId);
    // Deputies present must be active deputies of the station's township.
    const found = await db
      .select({ id: schema.deputies.id })
      .from(schema.deputies)
      .where(
        and(
          inArray(schema.deputies.id, body.deputyIds),
          eq(schema.deputies.townshipId, station.townshipId),
          eq(schema.deputies.active, true),
        ),
      )
      .all();
    const missing = body.deputyIds.length - found.length;
    if (missing > 0) {
      throw new ApiError(
        422,
        'reception_deputies_invalid',
        { count: missing },
        { deputyIds: { key: 'reception_deputies_invalid', params: { count: missing } } },
      );
    }
    const values = {
      stationId: body.stationId,
      townshipId: station.townshipId,
      day: body.day,
      residentsReceived: body.residentsReceived,
      opinionsTaken: body.opinionsTaken,
      notes: body.notes,
      createdBy: user.id,
      createdAt: Date.now(),
    };
    // One batch: the session, who was there (the new row is the newest inside this
    // transaction, hence max(id)), and the audit entry.
    const [inserted] = await db.batch([
      db.insert(r).values(values).returning(),
      db
        .insert(rd)
        .values(body.deputyIds.map((deputyId) => ({ receptionId: sql<number>`(SELECT max(${r.id}) FROM ${r})`, deputyId }))),
      auditEntry(db, user, 'create', 'reception', null, null, { ...values, deputyIds: body.deputyIds }),
    ]);
    const reception = inserted[0]!;
    return c.json({ reception: { ...reception, deputyIds: body.deputyIds } }, 201);
  });
