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
import { prepared } from '../intake/d1';
import { planContext } from '../intake/db';
import { uniqueViolation } from '../platform/db-errors';
import { assertDeputiesOf, assertDeputyOfTownship, type StoredSession, stationOf, storedSession } from './db';
import { batchWithFreshCodes, checkProxyOpinions, proxyOpinionStatements, trackingCodesOfRequest } from './proxy';
import { scheduleRoutes } from './schedule-routes';
import { proxyOpinionsInput, receptionInput, receptionQuery } from './validation';

const r = schema.receptions;
const rd = schema.receptionDeputies;

/** A key belongs to the person who used it first: anyone else reusing it learns nothing. */
function sameAuthor(session: StoredSession, userId: number): StoredSession {
  if (session.reception.createdBy !== userId) throw new ApiError(409, 'reception_key_reused');
  return session;
}

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
    if (body.opinions.length > body.residentsReceived) {
      throw new ApiError(422, 'reception_opinions_exceed', {}, { residentsReceived: { key: 'reception_opinions_exceed' } });
    }
    const db = database(c.env.DB);
    // A retry of a session that already got through answers with what was stored.
    const key = body.submissionKey ?? crypto.randomUUID();
    const again = await storedSession(c.env.DB, key);
    if (again) return c.json(sameAuthor(again, user.id), 200);
    const station = await stationOf(db, body.stationId);
    if (user.role !== 'deputy') assertTownship(user, station.townshipId);
    await assertDeputiesOf(db, station.townshipId, body.deputyIds, 'deputyIds', 'reception_deputies_invalid');
    await checkProxyOpinions(c.env.DB, body.opinions);
    const now = Date.now();
    const values = {
      stationId: body.stationId,
      townshipId: station.townshipId,
      day: body.day,
      residentsReceived: body.residentsReceived,
      opinionsTaken: Math.max(body.opinionsTaken ?? 0, body.opinions.length),
      notes: body.notes,
      createdBy: user.id,
      createdAt: now,
    };
    // The session's id inside the batch: its key row is written right after it (max(id) is
    // the row this batch just inserted, D1 running the batch as one transaction).
    const sessionId = sql`(SELECT ${schema.receptionSubmissions.receptionId} FROM ${schema.receptionSubmissions} WHERE ${schema.receptionSubmissions.key} = ${key})`;
    const ctx = await planContext(db, now);
    try {
      await batchWithFreshCodes(c.env.DB, () => {
        const entered = proxyOpinionStatements(c.env.DB, {
          user,
          station: { id: body.stationId, townshipId: station.townshipId },
          entries: body.opinions,
          requestKey: key,
          receptionId: sessionId,
          ctx,
        });
        const statements = [
          prepared(c.env.DB, db.insert(r).values(values)),
          prepared(
            c.env.DB,
            sql`INSERT INTO ${schema.receptionSubmissions} (key, reception_id, created_at) SELECT ${key}, max(${r.id}), ${now} FROM ${r}`,
          ),
          ...body.deputyIds.map((deputyId) =>
            prepared(c.env.DB, sql`INSERT INTO ${rd} (reception_id, deputy_id) SELECT ${sessionId}, ${deputyId}`),
          ),
          ...entered.statements,
          prepared(
            c.env.DB,
            auditEntry(db, user, 'create', 'reception', null, null, {
              ...values,
              deputyIds: body.deputyIds,
              trackingCodes: entered.trackingCodes,
            }),
          ),
        ];
        return { statements, result: null };
      });
    } catch (err) {
      // Two copies of the same request racing: the loser reads the winner's session back.
      if (uniqueViolation(err) !== null) {
        const winner = await storedSession(c.env.DB, key);
        if (winner) return c.json(sameAuthor(winner, user.id), 200);
      }
      throw err;
    }
    const stored = await storedSession(c.env.DB, key);
    return c.json(stored!, 201);
  })
  .post('/opinions', requireRole('admin', 'staff', 'deputy'), async (c) => {
    // Opinions that came by phone, letter or otherwise, entered outside a duty session.
    const user = currentUser(c);
    const body = await jsonBody(c, proxyOpinionsInput);
    const db = database(c.env.DB);
    const again = await trackingCodesOfRequest(c.env.DB, body.submissionKey);
    if (again.length > 0) return c.json({ trackingCodes: again }, 200);
    const station = await stationOf(db, body.stationId);
    if (user.role === 'deputy') await assertDeputyOfTownship(db, user.deputyId, station.townshipId);
    else assertTownship(user, station.townshipId);
    await checkProxyOpinions(c.env.DB, body.opinions);
    const now = Date.now();
    const ctx = await planContext(db, now);
    let trackingCodes: string[];
    try {
      trackingCodes = await batchWithFreshCodes(c.env.DB, () => {
        const entered = proxyOpinionStatements(c.env.DB, {
          user,
          station: { id: body.stationId, townshipId: station.townshipId },
          entries: body.opinions,
          requestKey: body.submissionKey,
          receptionId: null,
          ctx,
        });
        const statements = [
          ...entered.statements,
          prepared(
            c.env.DB,
            auditEntry(db, user, 'create', 'proxy_opinion', null, null, {
              stationId: body.stationId,
              channels: body.opinions.map((o) => o.channel),
              trackingCodes: entered.trackingCodes,
            }),
          ),
        ];
        return { statements, result: entered.trackingCodes };
      });
    } catch (err) {
      if (uniqueViolation(err) === 'submission_key') {
        return c.json({ trackingCodes: await trackingCodesOfRequest(c.env.DB, body.submissionKey) }, 200);
      }
      throw err;
    }
    return c.json({ trackingCodes }, 201);
  })
  .route('/', scheduleRoutes);
