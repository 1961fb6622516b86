/**
 * Plain read queries of the opinions area. Each takes the drizzle handle and returns rows;
 * who may see what is decided by the callers (./access.ts), not here.
 */
import { and, asc, desc, eq, gte, inArray, lte, ne, type SQL, sql } from 'drizzle-orm';
import { type Database, schema } from '../db/client';
import { DUPLICATE_WINDOW_DAYS } from './similarity';

const o = schema.opinions;
const e = schema.opinionEvents;
const MS_PER_DAY = 86_400_000;

/** Columns of a list row: the opinion with the names a person reads instead of ids. */
const listColumns = {
  id: o.id,
  trackingCode: o.trackingCode,
  townshipId: o.townshipId,
  townshipName: schema.townships.name,
  stationId: o.stationId,
  stationName: schema.stations.name,
  category: o.category,
  categoryZh: schema.categories.nameZh,
  categoryEn: schema.categories.nameEn,
  /** The first 140 characters: enough for a list line, not the whole text for 50 rows. */
  excerpt: sql<string>`substr(${o.body}, 1, 140)`,
  bodyLength: sql<number>`length(${o.body})`,
  place: o.place,
  reporterName: o.reporterName,
  reporterPhone: o.reporterPhone,
  state: o.state,
  assignedDeputyId: o.assignedDeputyId,
  assignedDeputyName: schema.deputies.name,
  leadDepartment: o.leadDepartment,
  dueOn: o.dueOn,
  receivedAt: o.receivedAt,
  acceptedAt: o.acceptedAt,
  resolvedAt: o.resolvedAt,
  closedAt: o.closedAt,
  rating: o.rating,
  reopenCount: o.reopenCount,
  updatedAt: o.updatedAt,
  /** 进站接待 / 电话 / 来信 / 其他 for opinions entered for a resident (代录, worker/receptions); null otherwise. */
  channel: sql<
    'reception' | 'phone' | 'letter' | 'other' | null
  >`(SELECT ${schema.opinionIntake.channel} FROM ${schema.opinionIntake} WHERE ${schema.opinionIntake.opinionId} = ${o.id})`,
};

/*
 * Every read joins the township and station names, the deputy's name and the category's
 * names. The joins are written out per query rather than in a generic helper, so drizzle
 * types the left-joined names as nullable.
 */

/**
 * Totals beyond this are shown as "1,000+": counting every match of a filter cost a read of
 * every matching row on every page (1,000,274 rows for the default inbox at 1M opinions);
 * counting stops here, so a page costs about the same at any size. Nobody pages past 20
 * pages of 50; they narrow the filter.
 */
export const LIST_TOTAL_CAP = 1000;

/** One page of opinions and the total matching (at most {@link LIST_TOTAL_CAP}, then `totalCapped`). */
export async function listPage(
  db: Database,
  where: SQL | undefined,
  order: SQL[],
  page: number,
  pageSize: number,
  /** The same set written for counting (state indexes allowed); default `where`. */
  countWhere: SQL | undefined = where,
) {
  const [rows, total] = await Promise.all([
    db
      .select(listColumns)
      .from(o)
      .innerJoin(schema.townships, eq(schema.townships.id, o.townshipId))
      .innerJoin(schema.stations, eq(schema.stations.id, o.stationId))
      .leftJoin(schema.deputies, eq(schema.deputies.id, o.assignedDeputyId))
      .leftJoin(schema.categories, eq(schema.categories.code, o.category))
      .where(where)
      .orderBy(...order)
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .all(),
    db.get<{ n: number }>(
      sql`SELECT count(*) AS n FROM (SELECT 1 FROM ${o} WHERE ${countWhere ?? sql`1`} LIMIT ${LIST_TOTAL_CAP + 1})`,
    ),
  ]);
  const n = Number(total?.n ?? 0);
  return { rows, total: Math.min(n, LIST_TOTAL_CAP), totalCapped: n > LIST_TOTAL_CAP };
}

/** Every matching opinion (for exports), with the full text, up to `limit` rows. */
export async function listAll(db: Database, where: SQL | undefined, order: SQL[], limit: number) {
  const columns = {
    ...listColumns,
    body: o.body,
    departments: o.departments,
    transferredTo: o.transferredTo,
    mergedIntoCode: sql<string | null>`(select m.tracking_code from opinions m where m.id = ${o.mergedIntoId})`,
    selfHandled: o.selfHandled,
    ratingComment: o.ratingComment,
    ratedAt: o.ratedAt,
  };
  return db
    .select(columns)
    .from(o)
    .innerJoin(schema.townships, eq(schema.townships.id, o.townshipId))
    .innerJoin(schema.stations, eq(schema.stations.id, o.stationId))
    .leftJoin(schema.deputies, eq(schema.deputies.id, o.assignedDeputyId))
    .leftJoin(schema.categories, eq(schema.categories.code, o.category))
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .all();
}

/**
 * When each matching opinion last entered each state (self-loops such as notes excluded):
 * the step timestamps of the export, in one grouped query with the list's own WHERE.
 */
export async function stepTimes(db: Database, where: SQL | undefined): Promise<Map<number, Map<string, number>>> {
  const rows = await db
    .select({ opinionId: e.opinionId, state: e.toState, at: sql<number>`max(${e.at})` })
    .from(e)
    .innerJoin(o, eq(o.id, e.opinionId))
    .where(and(sql`${e.fromState} IS NOT ${e.toState}`, where))
    .groupBy(e.opinionId, e.toState)
    .all();
  const out = new Map<number, Map<string, number>>();
  for (const r of rows) {
    const m = out.get(r.opinionId) ?? new Map<string, number>();
    m.set(r.state, r.at);
    out.set(r.opinionId, m);
  }
  return out;
}

/** One opinion with every column and the names it refers to, or undefined. */
export function loadOpinion(db: Database, id: number) {
  return db
    .select({
      opinion: o,
      townshipName: schema.townships.name,
      stationName: schema.stations.name,
      stationCode: schema.stations.code,
      assignedDeputyName: schema.deputies.name,
      categoryZh: schema.categories.nameZh,
      categoryEn: schema.categories.nameEn,
      mergedIntoCode: sql<string | null>`(select m.tracking_code from opinions m where m.id = ${o.mergedIntoId})`,
    })
    .from(o)
    .innerJoin(schema.townships, eq(schema.townships.id, o.townshipId))
    .innerJoin(schema.stations, eq(schema.stations.id, o.stationId))
    .leftJoin(schema.deputies, eq(schema.deputies.id, o.assignedDeputyId))
    .leftJoin(schema.categories, eq(schema.categories.code, o.category))
    .where(eq(o.id, id))
    .get();
}

/** A row of {@link listPage}. */
export type ListRow = Awaited<ReturnType<typeof listPage>>['rows'][number];
/** A row of {@link listAll}. */
export type ExportRow = Awaited<ReturnType<typeof listAll>>[number];

/** The bare row, for writes (no joins). */
export function loadRow(db: Database, id: number) {
  return db.select().from(o).where(eq(o.id, id)).get();
}

/** The timeline, oldest first. */
export function loadEvents(db: Database, opinionId: number) {
  return db.select().from(e).where(eq(e.opinionId, opinionId)).orderBy(asc(e.at), asc(e.id)).all();
}

/** The photos of an opinion, in upload order. */
export function loadPhotos(db: Database, opinionId: number) {
  return db
    .select()
    .from(schema.opinionPhotos)
    .where(eq(schema.opinionPhotos.opinionId, opinionId))
    .orderBy(asc(schema.opinionPhotos.id))
    .all();
}

/** Names of deputies by id (for timeline entries that mention an assignment). */
export async function deputyNames(db: Database, ids: readonly number[]): Promise<Record<number, string>> {
  const unique = [...new Set(ids)].slice(0, 90);
  if (unique.length === 0) return {};
  const rows = await db
    .select({ id: schema.deputies.id, name: schema.deputies.name })
    .from(schema.deputies)
    .where(inArray(schema.deputies.id, unique))
    .all();
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

/** Tracking codes of opinions by id (for timeline entries about merges). */
export async function trackingCodes(db: Database, ids: readonly number[]): Promise<Record<number, string>> {
  const unique = [...new Set(ids)].slice(0, 90);
  if (unique.length === 0) return {};
  const rows = await db.select({ id: o.id, code: o.trackingCode }).from(o).where(inArray(o.id, unique)).all();
  return Object.fromEntries(rows.map((r) => [r.id, r.code]));
}

/**
 * Opinions that could duplicate this one: same station and category, arrived within
 * {@link DUPLICATE_WINDOW_DAYS} days either side, not already merged away. At most 300,
 * newest first: a station does not get more than that about one category in half a year.
 */
export function duplicateCandidates(db: Database, row: { id: number; stationId: number; category: string; receivedAt: number }) {
  const window = DUPLICATE_WINDOW_DAYS * MS_PER_DAY;
  return db
    .select({
      id: o.id,
      trackingCode: o.trackingCode,
      body: o.body,
      state: o.state,
      receivedAt: o.receivedAt,
      assignedDeputyId: o.assignedDeputyId,
    })
    .from(o)
    .where(
      and(
        eq(o.stationId, row.stationId),
        eq(o.category, row.category),
        ne(o.id, row.id),
        ne(o.state, 'duplicate'),
        gte(o.receivedAt, row.receivedAt - window),
        lte(o.receivedAt, row.receivedAt + window),
      ),
    )
    .orderBy(desc(o.receivedAt))
    .limit(300)
    .all();
}
