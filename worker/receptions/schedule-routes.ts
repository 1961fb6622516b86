/**
 * 排班: the duty schedule of each liaison station, edited by staff of its township, and the
 * duty calendar built from it (`GET /duty`): a deputy's own coming duty days for their start
 * page, a township's for its staff, and today's duty that preselects the logging form.
 */
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { auditEntry } from '../audit/log';
import { type Database, database, schema } from '../db/client';
import type { AppEnv } from '../env';
import type { SessionUser } from '../platform/auth/session';
import { assertTownship, currentUser, requireRole, townshipScope } from '../platform/auth/guard';
import { ApiError } from '../platform/errors';
import { jsonBody, validate } from '../platform/validation';
import { addCalendarDays, chinaDay } from '../workflow/calendar';
import { assertDeputiesOf, stationOf } from './db';
import { type Schedule, upcomingDuty } from './schedule';
import { scheduleInput, schedulePatch, scheduleQuery } from './validation';

const ds = schema.dutySchedules;
const dd = schema.dutyScheduleDeputies;

/** A monthly rule needs its day; an end before the start is a typing slip. */
function checkRule(rule: { rule?: string; dayOfMonth?: number | null; startsOn?: string; endsOn?: string | null }) {
  if (rule.rule === 'monthly' && (rule.dayOfMonth === null || rule.dayOfMonth === undefined)) {
    throw new ApiError(422, 'duty_schedule_invalid', {}, { dayOfMonth: { key: 'field_required' } });
  }
  if (rule.endsOn && rule.startsOn && rule.endsOn < rule.startsOn) {
    throw new ApiError(422, 'duty_ends_before_start', {}, { endsOn: { key: 'duty_ends_before_start' } });
  }
}

/** Schedules matching the filters, each with its rota (id and name, in roster order). */
async function loadSchedules(db: Database, filters: SQL[]) {
  const rows = await db
    .select({
      id: ds.id,
      stationId: ds.stationId,
      stationName: schema.stations.name,
      stationAddress: schema.stations.address,
      townshipId: ds.townshipId,
      townshipName: schema.townships.name,
      rule: ds.rule,
      everyWeeks: ds.everyWeeks,
      dayOfMonth: ds.dayOfMonth,
      period: ds.period,
      startsOn: ds.startsOn,
      endsOn: ds.endsOn,
      note: ds.note,
      active: ds.active,
    })
    .from(ds)
    .innerJoin(schema.stations, eq(schema.stations.id, ds.stationId))
    .innerJoin(schema.townships, eq(schema.townships.id, ds.townshipId))
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(schema.townships.sortOrder, ds.stationId, ds.startsOn, ds.id)
    .all();
  const rota =
    rows.length === 0
      ? []
      : await db
          .select({ scheduleId: dd.scheduleId, id: schema.deputies.id, name: schema.deputies.name })
          .from(dd)
          .innerJoin(schema.deputies, eq(schema.deputies.id, dd.deputyId))
          .where(
            inArray(
              dd.scheduleId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(schema.deputies.level, schema.deputies.id)
          .all();
  return rows.map((row) => ({
    ...row,
    deputies: rota.filter((d) => d.scheduleId === row.id).map(({ id, name }) => ({ id, name })),
  }));
}

/** The filters of what a user may see: a deputy their own rotas, staff their township. */
function scopeFilters(user: SessionUser, q: { townshipId?: number; stationId?: number; deputyId?: number }): SQL[] {
  const filters: SQL[] = [];
  if (user.role === 'deputy') {
    if (user.deputyId === null) throw new ApiError(403, 'forbidden');
    filters.push(sql`${ds.id} IN (SELECT ${dd.scheduleId} FROM ${dd} WHERE ${dd.deputyId} = ${user.deputyId})`);
  } else {
    const township = townshipScope(user, q.townshipId);
    if (township !== null) filters.push(eq(ds.townshipId, township));
    if (q.deputyId) filters.push(sql`${ds.id} IN (SELECT ${dd.scheduleId} FROM ${dd} WHERE ${dd.deputyId} = ${q.deputyId})`);
  }
  if (q.stationId) filters.push(eq(ds.stationId, q.stationId));
  return filters;
}

export const scheduleRoutes = new Hono<AppEnv>()
  .get('/schedules', requireRole('admin', 'staff', 'leader', 'deputy'), async (c) => {
    const q = validate(scheduleQuery, c.req.query());
    const items = await loadSchedules(database(c.env.DB), scopeFilters(currentUser(c), q));
    return c.json({ items });
  })
  .post('/schedules', requireRole('admin', 'staff'), async (c) => {
    const user = currentUser(c);
    const body = await jsonBody(c, scheduleInput);
    checkRule(body);
    const db = database(c.env.DB);
    const station = await stationOf(db, body.stationId);
    assertTownship(user, station.townshipId);
    await assertDeputiesOf(db, station.townshipId, body.deputyIds, 'deputyIds', 'duty_deputies_invalid');
    const now = Date.now();
    const { deputyIds, ...rule } = body;
    const values = { ...rule, townshipId: station.townshipId, active: true, createdBy: user.id, createdAt: now, updatedAt: now };
    // The rota rows find the new schedule as the newest row: the batch is one transaction.
    const newest = sql<number>`(SELECT max(${ds.id}) FROM ${ds})`;
    const [inserted] = await db.batch([
      db.insert(ds).values(values).returning(),
      ...deputyIds.map((deputyId) => db.insert(dd).values({ scheduleId: newest, deputyId })),
      auditEntry(db, user, 'create', 'duty_schedule', null, null, body),
    ]);
    return c.json({ schedule: { ...inserted[0]!, deputyIds } }, 201);
  })
  .patch('/schedules/:id{[0-9]+}', requireRole('admin', 'staff'), async (c) => {
    const user = currentUser(c);
    const id = Number(c.req.param('id'));
    const body = await jsonBody(c, schedulePatch);
    const db = database(c.env.DB);
    const before = await db.select().from(ds).where(eq(ds.id, id)).get();
    if (!before) throw new ApiError(404, 'not_found');
    assertTownship(user, before.townshipId);
    const { deputyIds, ...changes } = body;
    checkRule({ ...before, ...changes });
    if (deputyIds) await assertDeputiesOf(db, before.townshipId, deputyIds, 'deputyIds', 'duty_deputies_invalid');
    const [updated] = await db.batch([
      db
        .update(ds)
        .set({ ...changes, updatedAt: Date.now() })
        .where(eq(ds.id, id))
        .returning(),
      ...(deputyIds
        ? [
            db.delete(dd).where(eq(dd.scheduleId, id)),
            ...deputyIds.map((deputyId) => db.insert(dd).values({ scheduleId: id, deputyId })),
          ]
        : []),
      auditEntry(db, user, 'update', 'duty_schedule', id, before, body),
    ]);
    return c.json({ schedule: updated[0]! });
  })
  .get('/duty', requireRole('admin', 'staff', 'leader', 'deputy'), async (c) => {
    const user = currentUser(c);
    const q = validate(scheduleQuery, c.req.query());
    const from = q.from ?? chinaDay(Date.now());
    const to = addCalendarDays(from, q.days - 1);
    const db = database(c.env.DB);
    const schedules = await loadSchedules(db, [...scopeFilters(user, q), eq(ds.active, true)]);
    const specs: Schedule[] = schedules.map((s) => ({ ...s, deputyIds: s.deputies.map((d) => d.id) }));
    const days = upcomingDuty(specs, from, to, 200);
    const byId = new Map(schedules.map((s) => [s.id, s]));
    // Which of those days already have a session logged at the station (to offer "登记" or "已登记").
    const stationIds = [...new Set(days.map((d) => d.stationId))];
    const logged =
      stationIds.length === 0
        ? []
        : await db
            .select({ stationId: schema.receptions.stationId, day: schema.receptions.day })
            .from(schema.receptions)
            .where(and(inArray(schema.receptions.stationId, stationIds), sql`${schema.receptions.day} BETWEEN ${from} AND ${to}`))
            .all();
    const done = new Set(logged.map((l) => `${l.stationId}:${l.day}`));
    const items = days.map((d) => {
      const s = byId.get(d.scheduleId)!;
      return {
        day: d.day,
        period: d.period,
        scheduleId: d.scheduleId,
        stationId: d.stationId,
        stationName: s.stationName,
        stationAddress: s.stationAddress,
        townshipName: s.townshipName,
        note: s.note,
        deputies: s.deputies,
        logged: done.has(`${d.stationId}:${d.day}`),
      };
    });
    return c.json({ from, to, items });
  });
