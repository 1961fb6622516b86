/**
 * /api/opinions: the inbox (township staff see their township, deputies what is assigned to
 * them, leaders everything read-only), the item page, actions through the workflow machine,
 * photos, and CSV/XLSX exports of the filtered list.
 */
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { type Database, database, schema } from '../db/client';
import type { AppEnv } from '../env';
import { currentUser, requireRole } from '../platform/auth/guard';
import type { SessionUser } from '../platform/auth/session';
import { ApiError } from '../platform/errors';
import { CSV_CONTENT_TYPE } from '../platform/export/csv';
import { csvStream, prependRows, xlsxStream } from '../platform/export/stream';
import { XLSX_CONTENT_TYPE } from '../platform/export/xlsx';
import type { Locale } from '../platform/i18n';
import { jsonBody, validate } from '../platform/validation';
import { chinaDay } from '../workflow/calendar';
import { listScope } from './access';
import { takeAction } from './actions';
import { enqueueForOpinion } from '../notifications/queue';
import { loadCalendar } from './deadlines';
import { opinionDetail } from './detail';
import { attachment, exportHeader } from './export';
import { cappedCount, exportOrder, MAX_XLSX_EXPORT_ROWS, opinionPages, primed } from './export-pages';
import { orderOf, whereOf } from './filters';
import { photoResponse, storePhoto } from './photos';
import { listItem } from './present';
import { departmentRow, ownAssignments } from './department-inbox';
import { opinionIdByCode } from './code-lookup';
import { listPage } from './queries';
import { actionBody, type OpinionFilters, opinionFilters, opinionListQuery } from './validation';

/** Everyone who works with opinions; leaders only read; departments see what was given to them. */
const READERS = requireRole('admin', 'staff', 'leader', 'deputy', 'department');
/** Exports carry every matching row: the office, deputies and leaders, not outside bodies. */
const EXPORTERS = requireRole('admin', 'staff', 'leader', 'deputy');
/** Those who may act on opinions (the machine narrows it per action). */
const ACTORS = requireRole('admin', 'staff', 'deputy', 'department');
/** Photos are uploaded by those who handle the opinion in the office's sense (./photos.ts). */
const UPLOADERS = requireRole('admin', 'staff', 'deputy');

/** The list's WHERE for this user and these filters, with the calendar the colours need. */
async function filtered(db: Database, user: SessionUser, f: OpinionFilters, now: number) {
  const scope = listScope(user, f);
  const [calendar, codeId] = await Promise.all([loadCalendar(db), f.q === undefined ? null : opinionIdByCode(db, f.q)]);
  // Handlers may find an opinion by part of the reporter's number; leaders may not probe numbers.
  const ctx = { calendar, now, searchPhones: user.role !== 'leader', codeId };
  const where = whereOf(f, scope, ctx);
  // The same set for the (capped) count, free to use the state indexes: a count needs no order.
  const countWhere = whereOf(f, scope, { ...ctx, indexedStates: true });
  return { calendar, where, countWhere, today: chinaDay(now) };
}

/**
 * The export: the same filters and scope as the list, every matching row, streamed in
 * key-ordered pages (./export-pages.ts) so memory stays flat whatever the size. Only XLSX
 * has a cap — one Excel sheet's rows — checked with a count that stops there.
 */
async function exportSource(db: Database, user: SessionUser, query: Record<string, string>, locale: Locale, xlsx: boolean) {
  const f = validate(opinionFilters, query);
  const { calendar, where, today } = await filtered(db, user, f, Date.now());
  if (xlsx && (await cappedCount(db, where, MAX_XLSX_EXPORT_ROWS + 1)) > MAX_XLSX_EXPORT_ROWS)
    throw new ApiError(422, 'export_too_large', { max: MAX_XLSX_EXPORT_ROWS });
  const ctx = { user, locale, calendar, today };
  const pages = await primed(opinionPages(db, where, exportOrder(f.sort), ctx));
  return { header: exportHeader(ctx), pages, today };
}

export const opinionRoutes = new Hono<AppEnv>()
  .get('/', READERS, async (c) => {
    const user = currentUser(c);
    const q = validate(opinionListQuery, c.req.query());
    const db = database(c.env.DB);
    const { calendar, where, countWhere, today } = await filtered(db, user, q, Date.now());
    const { rows, total, totalCapped } = await listPage(db, where, orderOf(q.sort), q.page, q.pageSize, countWhere);
    const items = rows.map((r) => listItem(r, { calendar, today, locale: c.get('locale') }));
    if (user.role === 'department') {
      // A department's inbox: its own standing and clock on each item, and no reporter names.
      const mine = await ownAssignments(
        db,
        user.departmentId ?? 0,
        items.map((i) => i.id),
      );
      const own = items.map((i) => departmentRow(i, mine.get(i.id) ?? null, calendar, today));
      return c.json({ items: own, total, totalCapped, page: q.page, pageSize: q.pageSize, today });
    }
    return c.json({ items, total, totalCapped, page: q.page, pageSize: q.pageSize, today });
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
  .get('/export.csv', EXPORTERS, async (c) => {
    const user = currentUser(c);
    const { header, pages, today } = await exportSource(database(c.env.DB), user, c.req.query(), c.get('locale'), false);
    c.header('content-type', CSV_CONTENT_TYPE);
    c.header('content-disposition', attachment(`opinions-${today}`, `意见办理-${today}`, 'csv'));
    c.header('cache-control', 'no-store');
    return c.body(csvStream(prependRows([header], pages)));
  })
  .get('/export.xlsx', EXPORTERS, async (c) => {
    const user = currentUser(c);
    const locale = c.get('locale');
    const { header, pages, today } = await exportSource(database(c.env.DB), user, c.req.query(), locale, true);
    c.header('content-type', XLSX_CONTENT_TYPE);
    c.header('content-disposition', attachment(`opinions-${today}`, `意见办理-${today}`, 'xlsx'));
    c.header('cache-control', 'no-store');
    return c.body(xlsxStream({ name: locale === 'en' ? 'Opinions' : '意见办理', header, pages }));
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
    // The outbox rows were committed with the action; hand them to the queue (the sweep catches a miss).
    c.executionCtx.waitUntil(enqueueForOpinion(c.env, id, now));
    return c.json(await opinionDetail(db, user, id, { locale: c.get('locale'), now }));
  })
  .post('/:id{[0-9]+}/photos', UPLOADERS, async (c) => {
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
