/**
 * GET /api/stats/overview: everything the leaders' overview shows, in one call, read from the
 * rollup tables only (one D1 batch). Leaders, admins and district staff see every township;
 * township staff only their own. The D1 rows read are returned in `X-Rows-Read` (and in the
 * body) so benchmarks and tests can hold the "proportional to townships × weeks" promise.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { currentUser, requireRole, townshipScope } from '../platform/auth/guard';
import { ApiError } from '../platform/errors';
import { validate } from '../platform/validation';
import { chinaDay } from '../workflow/calendar';
import { buildOverview } from './overview';
import { MAX_WEEKS, weekStart, wholeWeeks } from './periods';
import { readOverview, readWeekly } from './queries';
import { overviewQuery, weeklyQuery } from './validation';
import { buildWeekly } from './weekly';
import { addCalendarDays } from '../workflow/calendar';

export const statsRoutes = new Hono<AppEnv>()
  .get('/overview', requireRole('admin', 'staff', 'leader'), async (c) => {
    const q = validate(overviewQuery, c.req.query());
    const townshipId = townshipScope(currentUser(c), q.townshipId);
    const today = chinaDay(Date.now());
    const p = wholeWeeks(q.from, q.to, today);
    if (!p.ok) {
      throw new ApiError(422, p.problem, { max: MAX_WEEKS }, { to: { key: p.problem, params: { max: MAX_WEEKS } } });
    }
    const { period } = p;
    const started = performance.now();
    const rows = await readOverview(c.env.DB, {
      fromWeek: period.weeks[0]!,
      toWeek: period.weeks[period.weeks.length - 1]!,
      toDay: period.to,
      townshipId,
      category: q.category ?? '',
      trainingId: q.trainingId ?? null,
      today,
    });
    const overview = buildOverview(rows, period, today, {
      townshipId,
      level: q.level ?? null,
      category: q.category ?? null,
      trainingId: q.trainingId ?? null,
    });
    c.header('X-Rows-Read', String(rows.rowsRead));
    c.header('Server-Timing', `d1;dur=${(performance.now() - started).toFixed(1)}`);
    c.header('Cache-Control', 'private, no-store');
    return c.json(overview);
  })
  /**
   * GET /api/stats/weekly: the 周报 of one week (default: last week), reproducible — see
   * ./weekly.ts for why its figures do not change once the week is over.
   */
  .get('/weekly', requireRole('admin', 'staff', 'leader'), async (c) => {
    const q = validate(weeklyQuery, c.req.query());
    const townshipId = townshipScope(currentUser(c), q.townshipId);
    const today = chinaDay(Date.now());
    const monday = weekStart(q.week ?? addCalendarDays(today, -7));
    if (monday > today) {
      throw new ApiError(422, 'week_in_future', {}, { week: { key: 'week_in_future' } });
    }
    const rows = await readWeekly(c.env.DB, {
      fromWeek: addCalendarDays(monday, -28),
      toWeek: monday,
      toDay: addCalendarDays(monday, 6),
      townshipId,
      category: q.category ?? '',
      today,
    });
    const report = buildWeekly(
      monday,
      today,
      rows.weeks,
      rows.missedOpen,
      rows.townships,
      { townshipId, category: q.category ?? null },
      rows.rowsRead,
    );
    c.header('X-Rows-Read', String(rows.rowsRead));
    c.header('Cache-Control', 'private, no-store');
    return c.json(report);
  });
