/**
 * Enrolment: who takes part in a training, each with a personal one-time evaluation link.
 * Listing shows participation (opened, checked in, submitted) for chasing, never answers.
 * Township staff see and change only the deputies of their own township.
 */
import { and, asc, count, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { z } from 'zod';
import { auditEntry } from '../audit/log';
import { type Database, database, schema } from '../db/client';
import type { AppEnv } from '../env';
import type { Locale } from '../forms/messages';
import { currentUser, maskPhone, seesPhones, townshipScope } from '../platform/auth/guard';
import type { SessionUser } from '../platform/auth/session';
import { ApiError } from '../platform/errors';
import { CSV_CONTENT_TYPE, writeCsv } from '../platform/export/csv';
import { writeXlsx, XLSX_CONTENT_TYPE } from '../platform/export/xlsx';
import { jsonBody, validate } from '../platform/validation';
import { canRead, canStaff, seesTokens } from './access';
import { loadTraining } from './db';
import { pendingRows } from './export';
import { pt } from './messages';
import { newToken } from './tokens';
import { enrolInput, enrolmentQuery, exportQuery } from './validation';
import { contains } from '../platform/search';

const e = schema.enrolments;
const d = schema.deputies;

/** D1 binds at most 100 parameters per statement; an enrolment row binds 6. */
const ROWS_PER_INSERT = 15;
const IDS_PER_QUERY = 90;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

interface ListFilter {
  trainingId: number;
  township: number | null;
  status: 'all' | 'pending' | 'submitted';
  q?: string | undefined;
}

function whereOf(f: ListFilter): SQL | undefined {
  const filters: SQL[] = [eq(e.trainingId, f.trainingId)];
  if (f.township !== null) filters.push(eq(e.townshipId, f.township));
  if (f.status === 'pending') filters.push(isNull(e.submittedOn));
  if (f.status === 'submitted') filters.push(isNotNull(e.submittedOn));
  if (f.q) filters.push(contains(d.name, f.q));
  return and(...filters);
}

/** Enrolments with the deputy, the township and the days checked in, in township order. */
function listQuery(db: Database, where: SQL | undefined) {
  return db
    .select({
      id: e.id,
      deputyId: e.deputyId,
      name: d.name,
      level: d.level,
      phone: d.phone,
      townshipId: e.townshipId,
      townshipName: schema.townships.name,
      token: e.token,
      openedOn: e.openedOn,
      submittedOn: e.submittedOn,
      attendedDays: sql<string | null>`(select group_concat(a.day, ',') from attendance a where a.enrolment_id = enrolments.id)`,
    })
    .from(e)
    .innerJoin(d, eq(d.id, e.deputyId))
    .innerJoin(schema.townships, eq(schema.townships.id, e.townshipId))
    .where(where)
    .orderBy(asc(schema.townships.sortOrder), asc(e.townshipId), asc(d.level), asc(d.id));
}

type ListRow = Awaited<ReturnType<ReturnType<typeof listQuery>['all']>>[number];

/** What a user may see of an enrolment: phones masked for leaders, links only for staff. */
function present(rows: ListRow[], user: SessionUser) {
  const phones = seesPhones(user);
  const tokens = seesTokens(user);
  return rows.map(({ token, attendedDays, ...r }) => ({
    ...r,
    phone: phones ? r.phone : maskPhone(r.phone),
    attendedDays: attendedDays ? attendedDays.split(',').sort() : [],
    token: tokens ? token : null,
  }));
}

/** Deputies matching an enrolment request, within the user's township. */
async function candidates(
  db: Database,
  user: SessionUser,
  body: z.infer<typeof enrolInput>,
): Promise<{ id: number; townshipId: number }[]> {
  const township = townshipScope(user, body.townshipId);
  const base: SQL[] = [eq(d.active, true)];
  if (township !== null) base.push(eq(d.townshipId, township));
  if (body.level) base.push(eq(d.level, body.level));
  if (!body.deputyIds) {
    return db
      .select({ id: d.id, townshipId: d.townshipId })
      .from(d)
      .where(and(...base))
      .all();
  }
  const ids = [...new Set(body.deputyIds)];
  const found: { id: number; townshipId: number }[] = [];
  for (const part of chunks(ids, IDS_PER_QUERY)) {
    found.push(
      ...(await db
        .select({ id: d.id, townshipId: d.townshipId })
        .from(d)
        .where(and(inArray(d.id, part), ...base))
        .all()),
    );
  }
  // Naming a deputy one may not enrol (another township, inactive, unknown) is an error, not a silent skip.
  if (found.length !== ids.length) {
    throw new ApiError(
      422,
      'validation_failed',
      {},
      { deputyIds: { key: 'unknown_deputies', params: { count: ids.length - found.length } } },
    );
  }
  return found;
}

function attachment(name: string, ext: string): string {
  // RFC 6266: an ASCII fallback plus the UTF-8 name, so Chinese file names survive every browser.
  return `attachment; filename="${ext === 'csv' ? 'list.csv' : 'list.xlsx'}"; filename*=UTF-8''${encodeURIComponent(`${name}.${ext}`)}`;
}

export const enrolmentRoutes = new Hono<AppEnv>()
  .get('/:id{[0-9]+}/enrolments', canRead, async (c) => {
    const user = currentUser(c);
    const q = validate(enrolmentQuery, c.req.query());
    const township = townshipScope(user, q.townshipId);
    const db = database(c.env.DB);
    const training = await loadTraining(db, Number(c.req.param('id')));
    const where = whereOf({ trainingId: training.id, township, status: q.status, q: q.q });
    const [rows, total] = await Promise.all([
      listQuery(db, where)
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize)
        .all(),
      db.select({ n: count() }).from(e).innerJoin(d, eq(d.id, e.deputyId)).where(where).get(),
    ]);
    return c.json({ items: present(rows, user), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize });
  })
  .post('/:id{[0-9]+}/enrolments', canStaff, async (c) => {
    const user = currentUser(c);
    const body = await jsonBody(c, enrolInput);
    if (!body.deputyIds && !body.level && body.townshipId === undefined && body.all !== true) {
      throw new ApiError(422, 'validation_failed', {}, { deputyIds: { key: 'nothing_selected' } });
    }
    const db = database(c.env.DB);
    const training = await loadTraining(db, Number(c.req.param('id')));
    const wanted = await candidates(db, user, body);
    const already = new Set(
      (await db.select({ deputyId: e.deputyId }).from(e).where(eq(e.trainingId, training.id)).all()).map((r) => r.deputyId),
    );
    const now = Date.now();
    const rows = wanted
      .filter((w) => !already.has(w.id))
      .map((w) => ({ trainingId: training.id, deputyId: w.id, townshipId: w.townshipId, token: newToken(), createdAt: now }));
    if (rows.length > 0) {
      const inserts = chunks(rows, ROWS_PER_INSERT).map((part) => db.insert(e).values(part).onConflictDoNothing());
      const audit = auditEntry(db, user, 'enrol', 'training', training.id, null, {
        added: rows.length,
        ...(body.deputyIds ? { deputyIds: rows.map((r) => r.deputyId) } : { level: body.level, townshipId: body.townshipId }),
      });
      await db.batch([audit, ...inserts]);
    }
    return c.json({ added: rows.length, alreadyEnrolled: wanted.length - rows.length }, rows.length > 0 ? 201 : 200);
  })
  .delete('/:id{[0-9]+}/enrolments/:enrolmentId{[0-9]+}', canStaff, async (c) => {
    const user = currentUser(c);
    const db = database(c.env.DB);
    const training = await loadTraining(db, Number(c.req.param('id')));
    const before = await db
      .select()
      .from(e)
      .where(and(eq(e.id, Number(c.req.param('enrolmentId'))), eq(e.trainingId, training.id)))
      .get();
    if (!before) throw new ApiError(404, 'not_found');
    townshipScope(user, before.townshipId);
    if (before.submittedOn !== null) throw new ApiError(409, 'enrolment_submitted');
    await db.batch([
      db.delete(schema.attendance).where(eq(schema.attendance.enrolmentId, before.id)),
      // The WHERE repeats the check: a submission landing in between must not lose its participation row.
      db.delete(e).where(and(eq(e.id, before.id), isNull(e.submittedOn))),
      auditEntry(db, user, 'unenrol', 'training', training.id, { deputyId: before.deputyId }, null),
    ]);
    return c.body(null, 204);
  })
  .get('/:id{[0-9]+}/enrolments/export', canRead, async (c) => {
    const user = currentUser(c);
    const q = validate(exportQuery, c.req.query());
    const township = townshipScope(user, q.townshipId);
    const db = database(c.env.DB);
    const training = await loadTraining(db, Number(c.req.param('id')));
    const rows = present(await listQuery(db, whereOf({ trainingId: training.id, township, status: q.status })).all(), user);
    const locale: Locale = c.get('locale');
    const table = pendingRows(rows, locale);
    const name = `${training.title}-${pt(locale, 'sheet_pending')}`;
    if (q.format === 'csv') {
      return c.body(writeCsv(table), 200, { 'content-type': CSV_CONTENT_TYPE, 'content-disposition': attachment(name, 'csv') });
    }
    const bytes = writeXlsx([{ name: pt(locale, 'sheet_pending'), rows: table }]);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': XLSX_CONTENT_TYPE,
      'content-disposition': attachment(name, 'xlsx'),
    });
  });
