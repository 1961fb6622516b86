/**
 * Turns the inbox/export filters and the user's scope into one SQL condition on `opinions`.
 * Every condition names only `opinions` columns, so the same WHERE serves the list, its count,
 * the export, and the export's timeline query.
 */
import { and, asc, desc, eq, gte, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { schema } from '../db/client';
import { normaliseCode } from '../platform/codes';
import type { Calendar } from '../workflow/calendar';
import { addCalendarDays, chinaDay } from '../workflow/calendar';
import { TIMED_STATES } from '../workflow/states';
import { colourBounds } from './deadlines';
import type { OpinionFilters } from './validation';
import { contains } from '../platform/search';

const o = schema.opinions;

/** Epoch ms of 00:00 China time on a 'YYYY-MM-DD' day. */
export function chinaDayStart(day: string): number {
  return Date.parse(`${day}T00:00:00+08:00`);
}

/** The scope {@link listScope} computed for the user. */
export interface Scope {
  townshipId: number | null;
  deputyId: number | null;
  /** Opinions given to this department (lead or co-handler), not withdrawn from it. */
  departmentId?: number | null;
}

/**
 * `state IN (…)` shaped for the inbox's plans. One state uses the (state, received_at) index,
 * which is already in the list's order. For several states the unary `+` keeps SQLite from
 * taking a state index (it would then sort every match — 3.2 M rows read for state=open at
 * 1M opinions): the planner walks the received-time index instead and stops after a page.
 */
function stateIn(states: readonly string[]): SQL {
  if (states.length === 1) return eq(o.state, states[0]!);
  return sql`+${o.state} IN (${sql.join(
    states.map((s) => sql`${s}`),
    sql`, `,
  )})`;
}

/** Removes LIKE wildcards a person typed, so "50%" is searched literally enough. */
function likeTerm(text: string): string {
  return text.replace(/[%_\\]/g, '');
}

/**
 * The WHERE of a filtered list. `searchPhones` lets handlers find an opinion by part of the
 * reporter's number; nobody else can probe numbers through search.
 */
export function whereOf(
  f: OpinionFilters,
  scope: Scope,
  ctx: {
    calendar: Calendar;
    now: number;
    searchPhones: boolean;
    /** The opinion whose tracking code `f.q` is (./code-lookup.ts): then the list is that one. */
    codeId?: number | null;
    /** Let state conditions use the state indexes (for counts, which need no order; see stateIn). */
    indexedStates?: boolean;
  },
): SQL | undefined {
  const conditions: SQL[] = [];
  if (scope.townshipId !== null) conditions.push(eq(o.townshipId, scope.townshipId));
  if (scope.deputyId !== null) conditions.push(eq(o.assignedDeputyId, scope.deputyId));
  if (scope.departmentId != null) {
    const a = schema.opinionAssignments;
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${a} WHERE ${a.opinionId} = ${o.id} AND ${a.departmentId} = ${scope.departmentId} AND ${a.status} <> 'withdrawn')`,
    );
  }
  if (f.stationId !== undefined) conditions.push(eq(o.stationId, f.stationId));
  if (f.category !== undefined) conditions.push(eq(o.category, f.category));
  const states = (list: readonly string[]) => (ctx.indexedStates ? inArray(o.state, [...list]) : stateIn(list));
  if (f.state !== undefined) conditions.push(states(f.state.length ? f.state : ['']));
  const colour = f.overdue ? 'red' : f.deadline;
  if (colour !== undefined) {
    const { today, greenFrom } = colourBounds(ctx.calendar, chinaDay(ctx.now));
    conditions.push(states([...TIMED_STATES]));
    if (colour === 'red') conditions.push(lt(o.dueOn, today));
    if (colour === 'yellow') conditions.push(gte(o.dueOn, today), lt(o.dueOn, greenFrom));
    if (colour === 'green') conditions.push(gte(o.dueOn, greenFrom));
  }
  if (f.receivedFrom !== undefined) conditions.push(gte(o.receivedAt, chinaDayStart(f.receivedFrom)));
  if (f.receivedTo !== undefined) conditions.push(lt(o.receivedAt, chinaDayStart(addCalendarDays(f.receivedTo, 1))));
  if (f.q !== undefined && ctx.codeId != null) {
    // An exact tracking code: its unique index, not a text search over every opinion.
    conditions.push(eq(o.id, ctx.codeId));
  } else if (f.q !== undefined) {
    const term = likeTerm(f.q);
    if (term !== '') {
      const options: SQL[] = [
        contains(o.body, term),
        contains(o.place, term),
        contains(o.reporterName, term),
        eq(o.trackingCode, normaliseCode(term)),
      ];
      if (ctx.searchPhones && /^\d{4,11}$/.test(term)) options.push(contains(o.reporterPhone, term));
      conditions.push(or(...options)!);
    }
  }
  return conditions.length ? and(...conditions) : undefined;
}

/** ORDER BY for a sort option; the id breaks ties so paging is stable. */
export function orderOf(sort: OpinionFilters['sort']): SQL[] {
  if (sort === 'received') return [asc(o.receivedAt), asc(o.id)];
  if (sort === 'due') {
    // Only open opinions are on the clock (a resolved one's dueOn is the rating window); the rest go last.
    const due = sql`CASE WHEN ${inArray(o.state, [...TIMED_STATES])} THEN ${o.dueOn} END`;
    return [sql`${due} IS NULL`, asc(due), asc(o.receivedAt), asc(o.id)];
  }
  return [desc(o.receivedAt), desc(o.id)];
}
