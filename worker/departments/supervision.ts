/**
 * /api/supervision: the 督办 list — open items whose clock is near (yellow) or past (red):
 * a department's 签收 deadline until it signs, then the handling deadline — grouped by
 * department and by township, with how long overdue, how often chased (催办), and whether
 * the item is 挂牌督办 (overdue for the setting's working days). Staff act on it; leaders
 * read it. Reads only open items on the clock (indexed), never the whole table.
 *
 * /api/reminders: the 催办 a department or deputy received, for the top of their inbox.
 */
import { and, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { type Database, database, schema } from '../db/client';
import type { AppEnv } from '../env';
import { currentUser, requireRole, townshipScope } from '../platform/auth/guard';
import { validate } from '../platform/validation';
import { chinaDay, type Calendar } from '../workflow/calendar';
import { isEscalated, overdueWorkingDays } from '../workflow/handling';
import { TIMED_STATES } from '../workflow/states';
import { colourBounds, deadlineOf, loadCalendar } from '../opinions/deadlines';
import { loadHandlingSettings } from '../opinions/handling-state';
import { supervisionQuery } from './validation';

const o = schema.opinions;
const a = schema.opinionAssignments;

/** One row of the 督办 list. */
export interface SupervisionItem {
  opinionId: number;
  trackingCode: string;
  townshipId: number;
  townshipName: string;
  state: string;
  /** Which clock: the department's 签收, or the handling deadline. */
  clock: 'sign' | 'handle';
  departmentId: number | null;
  departmentName: string | null;
  deputyName: string | null;
  dueOn: string;
  colour: 'yellow' | 'red';
  overdueDays: number;
  escalated: boolean;
  reminders: number;
  lastReminderAt: number | null;
}

async function handleClock(db: Database, where: SQL[], greenFrom: string) {
  return db
    .select({
      opinionId: o.id,
      trackingCode: o.trackingCode,
      townshipId: o.townshipId,
      townshipName: schema.townships.name,
      state: o.state,
      departmentId: o.leadDepartmentId,
      departmentName: o.leadDepartment,
      deputyName: schema.deputies.name,
      dueOn: sql<string>`${o.dueOn}`,
    })
    .from(o)
    .innerJoin(schema.townships, eq(schema.townships.id, o.townshipId))
    .leftJoin(schema.deputies, eq(schema.deputies.id, o.assignedDeputyId))
    .where(and(inArray(o.state, [...TIMED_STATES]), lt(o.dueOn, greenFrom), ...where))
    .all();
}

async function signClock(db: Database, where: SQL[], greenFrom: string) {
  return db
    .select({
      opinionId: o.id,
      trackingCode: o.trackingCode,
      townshipId: o.townshipId,
      townshipName: schema.townships.name,
      state: o.state,
      departmentId: a.departmentId,
      departmentName: schema.departments.name,
      deputyName: schema.deputies.name,
      dueOn: sql<string>`${a.signDueOn}`,
    })
    .from(a)
    .innerJoin(o, eq(o.id, a.opinionId))
    .innerJoin(schema.townships, eq(schema.townships.id, o.townshipId))
    .innerJoin(schema.departments, eq(schema.departments.id, a.departmentId))
    .leftJoin(schema.deputies, eq(schema.deputies.id, o.assignedDeputyId))
    .where(and(eq(a.status, 'assigned'), lt(a.signDueOn, greenFrom), inArray(o.state, [...TIMED_STATES]), ...where))
    .all();
}

/** Per-opinion 催办 counts for these opinions. */
async function reminderCounts(db: Database, ids: number[]) {
  const out = new Map<number, { n: number; last: number }>();
  for (let i = 0; i < ids.length; i += 90) {
    const rows = await db
      .select({
        opinionId: schema.opinionReminders.opinionId,
        n: sql<number>`count(*)`,
        last: sql<number>`max(${schema.opinionReminders.issuedAt})`,
      })
      .from(schema.opinionReminders)
      .where(inArray(schema.opinionReminders.opinionId, ids.slice(i, i + 90)))
      .groupBy(schema.opinionReminders.opinionId)
      .all();
    for (const r of rows) out.set(r.opinionId, { n: r.n, last: r.last });
  }
  return out;
}

/** Groups rows by a key, with counts per colour and the worst delay. */
function groupBy(items: SupervisionItem[], key: (i: SupervisionItem) => [number | null, string | null]) {
  const groups = new Map<
    string,
    { id: number | null; name: string | null; yellow: number; red: number; escalated: number; maxOverdueDays: number }
  >();
  for (const i of items) {
    const [id, name] = key(i);
    const k = String(id);
    const g = groups.get(k) ?? { id, name, yellow: 0, red: 0, escalated: 0, maxOverdueDays: 0 };
    g[i.colour]++;
    if (i.escalated) g.escalated++;
    g.maxOverdueDays = Math.max(g.maxOverdueDays, i.overdueDays);
    groups.set(k, g);
  }
  return [...groups.values()].sort((x, y) => y.red - x.red || y.maxOverdueDays - x.maxOverdueDays || y.yellow - x.yellow);
}

/** The whole 督办 view for a scope. Exported for the consistency tests. */
export async function supervisionView(
  db: Database,
  scope: { townshipId: number | null; departmentId: number | null; only?: 'overdue' | 'escalated' },
  now: number,
  calendar?: Calendar,
) {
  const cal = calendar ?? (await loadCalendar(db));
  const settings = await loadHandlingSettings(db);
  const today = chinaDay(now);
  const { greenFrom } = colourBounds(cal, today);
  const where: SQL[] = [];
  if (scope.townshipId !== null) where.push(eq(o.townshipId, scope.townshipId));
  const [handle, sign] = await Promise.all([
    handleClock(db, scope.departmentId === null ? where : [...where, eq(o.leadDepartmentId, scope.departmentId)], greenFrom),
    signClock(db, scope.departmentId === null ? where : [...where, eq(a.departmentId, scope.departmentId)], greenFrom),
  ]);
  // Both clocks can run at once on one item (an unsigned co-department during 四办): both are listed.
  const rows = [
    ...sign.map((r) => ({ ...r, clock: 'sign' as const })),
    ...handle.map((r) => ({ ...r, clock: 'handle' as const })),
  ];
  const counts = await reminderCounts(db, [...new Set(rows.map((r) => r.opinionId))]);
  let items: SupervisionItem[] = rows.map((r) => {
    const colour = deadlineOf(cal, 'pending', r.dueOn, today) === 'red' ? 'red' : 'yellow';
    const c = counts.get(r.opinionId);
    return {
      ...r,
      colour,
      overdueDays: overdueWorkingDays(cal, r.dueOn, today),
      escalated: isEscalated(cal, r.dueOn, today, settings),
      reminders: c?.n ?? 0,
      lastReminderAt: c?.last ?? null,
    };
  });
  if (scope.only === 'overdue') items = items.filter((i) => i.colour === 'red');
  if (scope.only === 'escalated') items = items.filter((i) => i.escalated);
  items.sort(
    (x, y) =>
      Number(y.escalated) - Number(x.escalated) ||
      y.overdueDays - x.overdueDays ||
      x.dueOn.localeCompare(y.dueOn) ||
      x.opinionId - y.opinionId,
  );
  return {
    today,
    escalateAfterWorkingDays: settings.escalateAfterWorkingDays,
    items,
    byDepartment: groupBy(items, (i) => [i.departmentId, i.departmentName]),
    byTownship: groupBy(items, (i) => [i.townshipId, i.townshipName]),
  };
}

export const supervisionRoutes = new Hono<AppEnv>().get('/', requireRole('admin', 'staff', 'leader'), async (c) => {
  const user = currentUser(c);
  const q = validate(supervisionQuery, c.req.query());
  const townshipId = townshipScope(user, q.townshipId);
  const view = await supervisionView(
    database(c.env.DB),
    { townshipId, departmentId: q.departmentId ?? null, only: q.only },
    Date.now(),
  );
  return c.json(view);
});

/** How far back the inbox banner looks for 催办. */
const REMINDER_WINDOW_MS = 30 * 86_400_000;

export const reminderRoutes = new Hono<AppEnv>().get('/', requireRole('admin', 'staff', 'deputy', 'department'), async (c) => {
  const user = currentUser(c);
  const r = schema.opinionReminders;
  const since = Date.now() - REMINDER_WINDOW_MS;
  const filters: SQL[] = [gte(r.issuedAt, since), inArray(o.state, [...TIMED_STATES])];
  if (user.role === 'department') filters.push(eq(r.departmentId, user.departmentId ?? 0));
  else if (user.role === 'deputy') filters.push(eq(r.targetKind, 'deputy'), eq(r.deputyId, user.deputyId ?? 0));
  else {
    const township = townshipScope(user, undefined);
    if (township !== null) filters.push(eq(o.townshipId, township));
  }
  const items = await database(c.env.DB)
    .select({
      id: r.id,
      opinionId: r.opinionId,
      trackingCode: o.trackingCode,
      targetKind: r.targetKind,
      departmentName: schema.departments.name,
      issuedAt: r.issuedAt,
      issuedBy: schema.users.displayName,
      note: r.note,
      dueOn: r.dueOn,
      overdueDays: r.overdueDays,
    })
    .from(r)
    .innerJoin(o, eq(o.id, r.opinionId))
    .leftJoin(schema.departments, eq(schema.departments.id, r.departmentId))
    .leftJoin(schema.users, eq(schema.users.id, r.issuedBy))
    .where(and(...filters))
    .orderBy(desc(r.issuedAt), desc(r.id))
    .limit(50)
    .all();
  return c.json({ items });
});
