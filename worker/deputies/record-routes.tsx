/** @jsxImportSource hono/jsx */
/**
 * GET /api/deputies/:id/record (履职档案) and the activities on it. Leaders and admins read
 * every deputy's, staff their township's, a deputy only their own. Staff add activities
 * (confirmed at once) or review the ones a deputy added (pending until then).
 */
import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { auditEntry } from '../audit/log';
import { database, schema } from '../db/client';
import type { AppEnv } from '../env';
import type { SessionUser } from '../platform/auth/session';
import { assertTownship, currentUser, requireRole } from '../platform/auth/guard';
import { ApiError } from '../platform/errors';
import { jsonBody, validate } from '../platform/validation';
import { chinaDay } from '../workflow/calendar';
import { deputyRecord, type Period, type RecordDeputy, recordDeputy } from './record';
import { RecordSheet } from './sheet';
import { activityInput, activityReview, recordQuery } from './validation';

/** The deputy of the URL, if this user may see their record (404 before 403 for ids that do not exist). */
async function visibleDeputy(c: Context<AppEnv>, user: SessionUser): Promise<RecordDeputy> {
  const deputy = await recordDeputy(database(c.env.DB), Number(c.req.param('id')));
  if (!deputy) throw new ApiError(404, 'not_found');
  if (user.role === 'deputy') {
    if (user.deputyId !== deputy.id) throw new ApiError(403, 'forbidden');
  } else {
    assertTownship(user, deputy.townshipId);
  }
  return deputy;
}

/** The period asked for: a year, or from/to, defaulting to 1 January of this year up to today. */
export function periodOf(q: { from?: string; to?: string; year?: number }, today: string): Period {
  if (q.year !== undefined) return { from: `${q.year}-01-01`, to: `${q.year}-12-31` };
  const from = q.from ?? `${today.slice(0, 4)}-01-01`;
  const to = q.to ?? today;
  if (to < from) throw new ApiError(422, 'dates_out_of_order', {}, { to: { key: 'dates_out_of_order' } });
  return { from, to };
}

const READERS = requireRole('admin', 'staff', 'leader', 'deputy');

export const deputyRecordRoutes = new Hono<AppEnv>()
  .get('/:id{[0-9]+}/record', READERS, async (c) => {
    const user = currentUser(c);
    const deputy = await visibleDeputy(c, user);
    const today = chinaDay(Date.now());
    const period = periodOf(validate(recordQuery, c.req.query()), today);
    // Leaders read the record as it will be reported: confirmed activities only.
    const record = await deputyRecord(database(c.env.DB), deputy.id, period, today, user.role !== 'leader');
    return c.json({ deputy, ...record });
  })
  .get('/:id{[0-9]+}/record/sheet', READERS, async (c) => {
    // The printable A4 sheet (述职): the same record, confirmed activities only.
    const user = currentUser(c);
    const deputy = await visibleDeputy(c, user);
    const today = chinaDay(Date.now());
    const q = validate(recordQuery, c.req.query());
    const period = periodOf(q, today);
    const record = await deputyRecord(database(c.env.DB), deputy.id, period, today, false);
    const page = <RecordSheet locale={c.get('locale')} deputy={deputy} record={record} year={q.year ?? null} today={today} />;
    c.header('Cache-Control', 'private, no-store');
    return c.html(`<!doctype html>${await page.toString()}`);
  })
  .post('/:id{[0-9]+}/activities', requireRole('admin', 'staff', 'deputy'), async (c) => {
    const user = currentUser(c);
    const deputy = await visibleDeputy(c, user);
    const body = await jsonBody(c, activityInput);
    if (body.day > chinaDay(Date.now())) {
      throw new ApiError(422, 'activity_in_future', {}, { day: { key: 'activity_in_future' } });
    }
    const db = database(c.env.DB);
    const now = Date.now();
    const byStaff = user.role !== 'deputy';
    const values = {
      ...body,
      deputyId: deputy.id,
      townshipId: deputy.townshipId,
      status: byStaff ? ('confirmed' as const) : ('pending' as const),
      createdBy: user.id,
      createdAt: now,
      reviewedBy: byStaff ? user.id : null,
      reviewedAt: byStaff ? now : null,
    };
    const [inserted] = await db.batch([
      db.insert(schema.deputyActivities).values(values).returning(),
      auditEntry(db, user, 'create', 'deputy_activity', null, null, values),
    ]);
    return c.json({ activity: inserted[0]! }, 201);
  })
  .patch('/activities/:activityId{[0-9]+}', requireRole('admin', 'staff'), async (c) => {
    const user = currentUser(c);
    const id = Number(c.req.param('activityId'));
    const body = await jsonBody(c, activityReview);
    const db = database(c.env.DB);
    const a = schema.deputyActivities;
    const before = await db.select().from(a).where(eq(a.id, id)).get();
    if (!before) throw new ApiError(404, 'not_found');
    assertTownship(user, before.townshipId);
    const now = Date.now();
    const [updated] = await db.batch([
      db.update(a).set({ status: body.status, reviewedBy: user.id, reviewedAt: now }).where(eq(a.id, id)).returning(),
      auditEntry(db, user, body.status === 'confirmed' ? 'confirm' : 'reject', 'deputy_activity', id, before, body),
    ]);
    return c.json({ activity: updated[0]! });
  });
