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
import { DEFAULT_STEP_LIMITS } from '../workflow/calendar';
import { loadLimits } from './deadlines';
import { calendarPut, calendarQuery, LIMITED_STATES, stepLimitsPut } from './validation';

const days = schema.calendarDays;
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
  .get('/', requireRole('admin', 'staff', 'leader', 'deputy'), async (c) => {
    const q = validate(calendarQuery, c.req.query());
    return c.json({ items: await calendarRows(database(c.env.DB), q.year) });
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
    await db.batch([
      db.delete(days).where(like(days.day, `${body.year}-%`)),
      auditEntry(db, user, 'update', 'calendar', body.year, before, body.days),
      ...inserts,
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
