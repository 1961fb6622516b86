/**
 * The morning run's workflow steps, each taken through the state machine as the `system`
 * actor and written with the opinions' own commit (timeline event, outbox rows, revision
 * guard), so a run repeated in the same minute finds nothing left to do:
 * - close resolved opinions whose rating window passed unrated (`close`, counted as 未评价);
 * - flag opinions that became overdue (`supervise` by the system, once per due date), which
 *   tells the assigned deputy (催办) and feeds the staff digest.
 */
import { and, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { type Database, schema } from '../db/client';
import { commitTransition, type TransitionWrite } from '../opinions/commit';
import { loadCalendar, loadLimits } from '../opinions/deadlines';
import { addCalendarDays, chinaDay } from '../workflow/calendar';
import { planTransition, TIMED_STATES } from '../workflow/machine';

const o = schema.opinions;
const e = schema.opinionEvents;
const SYSTEM = { userId: null, label: 'system', audit: null } as const;
/** Rows handled per run and step: a district's daily volume many times over. */
const PER_RUN = 500;

type Row = typeof o.$inferSelect;

async function apply(
  db: Database,
  row: Row,
  action: 'close' | 'supervise',
  now: number,
  ctx: Awaited<ReturnType<typeof context>>,
) {
  const plan = planTransition(row, action, { role: 'system' }, {}, { now, calendar: ctx.calendar, limits: ctx.limits });
  if (!plan.ok) return false;
  const before: Record<string, unknown> = { state: row.state, revision: row.revision };
  const write: TransitionWrite = {
    opinionId: row.id,
    revision: row.revision,
    before,
    changes: plan.changes,
    event: plan.event,
    actor: SYSTEM,
    now,
  };
  try {
    await commitTransition(db, write);
    return true;
  } catch (err) {
    // Someone changed the opinion a moment ago (409): the next run looks at it again.
    console.warn(`system ${action} of opinion ${row.id} skipped`, err);
    return false;
  }
}

async function context(db: Database) {
  const [calendar, limits] = await Promise.all([loadCalendar(db), loadLimits(db)]);
  return { calendar, limits };
}

/** Closes resolved, unrated opinions whose rating window has passed; returns their ids. */
export async function closeUnrated(db: Database, now: number): Promise<number[]> {
  const ctx = await context(db);
  // Only rows resolved at least as many calendar days ago as the window has working days can qualify.
  const window = ctx.limits.resolved ?? 0;
  const latest = Date.parse(`${addCalendarDays(chinaDay(now), -window)}T23:59:59+08:00`);
  const rows = await db
    .select()
    .from(o)
    .where(and(eq(o.state, 'resolved'), isNull(o.rating), isNotNull(o.resolvedAt), lt(o.resolvedAt, latest)))
    // Oldest first: a backlog larger than one run is worked off in order over the next mornings.
    .orderBy(o.resolvedAt, o.id)
    .limit(PER_RUN)
    .all();
  const closed: number[] = [];
  for (const row of rows) if (await apply(db, row, 'close', now, ctx)) closed.push(row.id);
  return closed;
}

/** Flags opinions overdue today that the system has not flagged for this due date; returns them. */
export async function flagOverdue(db: Database, now: number): Promise<{ id: number; townshipId: number }[]> {
  const ctx = await context(db);
  const today = chinaDay(now);
  const flagged = sql`EXISTS (SELECT 1 FROM ${e} WHERE ${e.opinionId} = ${o.id} AND ${e.action} = 'supervise'
    AND ${e.actorLabel} = 'system' AND json_extract(${e.data}, '$.dueOn') = ${o.dueOn})`;
  const rows = await db
    .select()
    .from(o)
    .where(and(inArray(o.state, [...TIMED_STATES]), isNotNull(o.dueOn), lt(o.dueOn, today), sql`NOT ${flagged}`))
    .orderBy(o.dueOn, o.id)
    .limit(PER_RUN)
    .all();
  const out: { id: number; townshipId: number }[] = [];
  for (const row of rows) if (await apply(db, row, 'supervise', now, ctx)) out.push({ id: row.id, townshipId: row.townshipId });
  return out;
}
