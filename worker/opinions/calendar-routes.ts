/**
 * The working-day calendar (/api/calendar) and step limits (/api/step-limits): everyone who
 * works with deadlines reads them; admins edit them. An edit applies to every deadline
 * computed afterwards (and to the colours shown from then on); due dates already set stay,
 * because they were promised to residents and departments on the day they were set.
 */
import { like } from 'drizzle-orm';
import { Hono } from 'hono';
import { auditEntry } from '../audit/log';
import { database, schema } from '../db/client';
import type { AppEnv } from '../env';
import { currentUser, requireRole } from '../platform/auth/guard';
import { jsonBody, validate } from '../platform/validation';
import * as z from 'zod';
import { ApiError } from '../platform/errors';
import { calendarRowsFromHolidayFile, chinaDay, DEFAULT_STEP_LIMITS, missingHolidayYear } from '../workflow/calendar';
import { asHolidayFile, parseHolidayNotice } from '../workflow/holiday-notice';
import { changedCalendarDays, recomputeWorkingDays } from '../stats/recompute';
import { loadLimits } from './deadlines';
import { calendarPut, calendarQuery, LIMITED_STATES, stepLimitsPut } from './validation';

const days = schema.calendarDays;
/** POST /api/calendar/parse: the pasted notice (a notice is about 1,500 characters). */
const noticeBody = z.object({ text: z.string().min(1).max(20_000), year: z.number().int().min(2000).max(2100).optional() });
/** Rows per INSERT: 3 bound values each, under D1's 100 parameters per statement. */
const ROWS_PER_INSERT = 30;

async function calendarRows(db: ReturnType<typeof database>, year: number | undefined) {
  const query = db.select().from(days);
  return (year === undefined ? query : query.where(like(days.day, `${year}-%`))).orderBy(days.day).all();
}

async function limitItems(db: ReturnType<typeof database>) {
  const limits = await loadLimits(db);
  return LIMITED_STATES.map((state) => ({
    state,
    workingDays: limits[state] ?? null,
    defaultWorkingDays: DEFAULT_STEP_LIMITS[state] ?? null,
  }));
}

export const calendarRoutes = new Hono<AppEnv>()
  .get('/', requireRole('admin', 'staff', 'leader', 'deputy', 'department'), async (c) => {
    const q = validate(calendarQuery, c.req.query());
    return c.json({ items: await calendarRows(database(c.env.DB), q.year) });
  })
  // Calendar upkeep: from 1 November, the year whose holidays are still missing (dashboard banner, digest).
  .get('/upkeep', requireRole('admin', 'staff', 'leader'), async (c) => {
    const today = chinaDay(Date.now());
    const next = `${Number(today.slice(0, 4)) + 1}-%`;
    const rows = await database(c.env.DB).select({ day: days.day }).from(days).where(like(days.day, next)).limit(1).all();
    return c.json({
      today,
      missingYear: missingHolidayYear(
        today,
        rows.map((r) => r.day),
      ),
    });
  })
  // The State Council's notice, pasted by an admin, read into days for review (nothing is saved here).
  .post('/parse', requireRole('admin'), async (c) => {
    const body = await jsonBody(c, noticeBody);
    const parsed = parseHolidayNotice(body.text, body.year);
    if ('problem' in parsed) throw new ApiError(422, parsed.problem);
    const rows = calendarRowsFromHolidayFile(asHolidayFile(parsed));
    // Make-up days of another year (a December 元旦 make-up) cannot be saved with this year's list.
    const own = rows.filter((r) => r.day.startsWith(`${parsed.year}-`));
    const warnings = [
      ...parsed.warnings,
      ...rows.filter((r) => !own.includes(r)).map((r) => `${r.day}：不属于 ${parsed.year} 年，请在该年的日历中录入`),
    ];
    return c.json({ year: parsed.year, periods: parsed.periods, days: own, warnings });
  })
  .put('/', requireRole('admin'), async (c) => {
    const user = currentUser(c);
    const body = await jsonBody(c, calendarPut);
    const db = database(c.env.DB);
    const before = await calendarRows(db, body.year);
    const inserts = [];
    for (let i = 0; i < body.days.length; i += ROWS_PER_INSERT) {
      inserts.push(db.insert(days).values(body.days.slice(i, i + ROWS_PER_INSERT)));
    }
    // Replace the year's listed days in one transaction: never half a holiday schedule.
    // Resolution times that span a changed day are recomputed in the same batch (after the
    // new rows), so the dashboard's working-day figures never disagree with the calendar.
    const recompute = recomputeWorkingDays(db, changedCalendarDays(before, body.days));
    await db.batch([
      db.delete(days).where(like(days.day, `${body.year}-%`)),
      auditEntry(db, user, 'update', 'calendar', body.year, before, body.days),
      ...inserts,
      ...(recompute ? [recompute] : []),
    ]);
    return c.json({ items: await calendarRows(db, body.year) });
  });

export const stepLimitRoutes = new Hono<AppEnv>()
  .get('/', requireRole('admin', 'staff', 'leader'), async (c) => c.json({ items: await limitItems(database(c.env.DB)) }))
  .put('/', requireRole('admin'), async (c) => {
    const user = currentUser(c);
    const body = await jsonBody(c, stepLimitsPut);
    const db = database(c.env.DB);
    const before = await limitItems(db);
    const entries = Object.entries(body.limits).filter((e): e is [string, number] => typeof e[1] === 'number');
    if (entries.length > 0) {
      await db.batch([
        auditEntry(
          db,
          user,
          'update',
          'step_limits',
          null,
          Object.fromEntries(before.map((b) => [b.state, b.workingDays])),
          body.limits,
        ),
        ...entries.map(([state, workingDays]) =>
          db
            .insert(schema.stepLimits)
            .values({ state, workingDays })
            .onConflictDoUpdate({ target: schema.stepLimits.state, set: { workingDays } }),
        ),
      ]);
    }
    return c.json({ items: await limitItems(db) });
  });
