/**
 * /api/opinions: the inbox (township staff see their township, deputies what is assigned to
 * them, leaders everything read-only), the item page, actions through the workflow machine,
 * photos, and CSV/XLSX exports of the filtered list.
 */
import { count, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { type Database, database, schema } from '../db/client';
import type { AppEnv } from '../env';
import { currentUser, requireRole } from '../platform/auth/guard';
import type { SessionUser } from '../platform/auth/session';
import { ApiError } from '../platform/errors';
import { CSV_CONTENT_TYPE, writeCsv } from '../platform/export/csv';
import { writeXlsx, XLSX_CONTENT_TYPE } from '../platform/export/xlsx';
import type { Locale } from '../platform/i18n';
import { jsonBody, validate } from '../platform/validation';
import { chinaDay } from '../workflow/calendar';
import { listScope } from './access';
import { takeAction } from './actions';
import { loadCalendar } from './deadlines';
import { opinionDetail } from './detail';
import { attachment, exportTable, MAX_EXPORT_ROWS } from './export';
import { orderOf, whereOf } from './filters';
import { photoResponse, storePhoto } from './photos';
import { listItem } from './present';
import { listAll, listPage, stepTimes } from './queries';
import { actionBody, type OpinionFilters, opinionFilters, opinionListQuery } from './validation';

/** Everyone who works with opinions; leaders only read. */
const READERS = requireRole('admin', 'staff', 'leader', 'deputy');
/** Those who may act on opinions (the machine narrows it per action). */
const ACTORS = requireRole('admin', 'staff', 'deputy');

/** The list's WHERE for this user and these filters, with the calendar the colours need. */
async function filtered(db: Database, user: SessionUser, f: OpinionFilters, now: number) {
  const scope = listScope(user, f);
  const calendar = await loadCalendar(db);
  // Handlers may find an opinion by part of the reporter's number; leaders may not probe numbers.
  const where = whereOf(f, scope, { calendar, now, searchPhones: user.role !== 'leader' });
  return { calendar, where, today: chinaDay(now) };
}

/** The export's table: the same filters and scope as the list, every matching row (up to the cap). */
async function exportRows(db: Database, user: SessionUser, query: Record<string, string>, locale: Locale) {
  const f = validate(opinionFilters, query);
  const now = Date.now();
  const { calendar, where, today } = await filtered(db, user, f, now);
  const total = await db.select({ n: count() }).from(schema.opinions).where(where).get();
  if ((total?.n ?? 0) > MAX_EXPORT_ROWS) throw new ApiError(422, 'export_too_large', { max: MAX_EXPORT_ROWS });
  const [rows, steps] = await Promise.all([listAll(db, where, orderOf(f.sort), MAX_EXPORT_ROWS), stepTimes(db, where)]);
  return { table: exportTable(rows, { user, locale, calendar, today, steps }), today };
}

export const opinionRoutes = new Hono<AppEnv>()
  .get('/', READERS, async (c) => {
    const user = currentUser(c);
    const q = validate(opinionListQuery, c.req.query());
    const db = database(c.env.DB);
    const { calendar, where, today } = await filtered(db, user, q, Date.now());
    const { rows, total } = await listPage(db, where, orderOf(q.sort), q.page, q.pageSize);
    const items = rows.map((r) => listItem(r, { calendar, today, locale: c.get('locale') }));
    return c.json({ items, total, page: q.page, pageSize: q.pageSize, today });
  })
  .get('/categories', READERS, async (c) => {
    const rows = await database(c.env.DB)
      .select()
      .from(schema.categories)
      .where(eq(schema.categories.active, true))
      .orderBy(schema.categories.sortOrder)
      .all();
    const en = c.get('locale') === 'en';
    return c.json({ items: rows.map((r) => ({ code: r.code, name: en ? r.nameEn : r.nameZh })) });
  })
  .get('/export.csv', READERS, async (c) => {
    const user = currentUser(c);
    const { table, today } = await exportRows(database(c.env.DB), user, c.req.query(), c.get('locale'));
    c.header('content-type', CSV_CONTENT_TYPE);
    c.header('content-disposition', attachment(`opinions-${today}`, `意见办理-${today}`, 'csv'));
    c.header('cache-control', 'no-store');
    return c.body(writeCsv(table));
  })
  .get('/export.xlsx', READERS, async (c) => {
    const user = currentUser(c);
    const locale = c.get('locale');
    const { table, today } = await exportRows(database(c.env.DB), user, c.req.query(), locale);
    const bytes = writeXlsx([{ name: locale === 'en' ? 'Opinions' : '意见办理', rows: table }]);
    c.header('content-type', XLSX_CONTENT_TYPE);
    c.header('content-disposition', attachment(`opinions-${today}`, `意见办理-${today}`, 'xlsx'));
    c.header('cache-control', 'no-store');
    return c.body(bytes as Uint8Array<ArrayBuffer>);
  })
  .get('/:id{[0-9]+}', READERS, async (c) => {
    const detail = await opinionDetail(database(c.env.DB), currentUser(c), Number(c.req.param('id')), {
      locale: c.get('locale'),
      now: Date.now(),
    });
    return c.json(detail);
  })
  .post('/:id{[0-9]+}/actions', ACTORS, async (c) => {
    const user = currentUser(c);
    const id = Number(c.req.param('id'));
    const body = await jsonBody(c, actionBody);
    const db = database(c.env.DB);
    const now = Date.now();
    await takeAction(db, user, id, body, now);
    return c.json(await opinionDetail(db, user, id, { locale: c.get('locale'), now }));
  })
  .post('/:id{[0-9]+}/photos', ACTORS, async (c) => {
    let file: unknown;
    try {
      file = (await c.req.formData()).get('photo');
    } catch {
      throw new ApiError(400, 'invalid_json');
    }
    const photo = await storePhoto(c.env, database(c.env.DB), currentUser(c), Number(c.req.param('id')), file);
    return c.json({ photo }, 201);
  })
  .get('/:id{[0-9]+}/photos/:photoId{[0-9]+}', READERS, (c) =>
    photoResponse(c.env, database(c.env.DB), currentUser(c), Number(c.req.param('id')), Number(c.req.param('photoId'))),
  );
