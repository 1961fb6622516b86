/**
 * The 履职档案 of one deputy over a period: receptions attended, opinions taken up and how
 * they ended, opinions entered for residents, trainings (participation only — never an
 * answer), 催办 received and confirmed activities. Plain queries over the same rows the
 * dashboard's rollups count, with the same rules (a session counts on its day, an opinion
 * when it was accepted), so the sum of a township's records equals its overview figures.
 */
import { type Database, schema } from '../db/client';
import { OPEN_STATES, RESOLVED_STATES } from '../workflow/states';
import { type RatingCounts, satisfaction } from '../stats/formulas';
import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';

const CHINA_MS = 8 * 3_600_000;

/** Epoch ms of 00:00 China time on `day`. */
export function chinaMidnight(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - CHINA_MS;
}

/** The period of a record: calendar days, both inclusive. */
export interface Period {
  from: string;
  to: string;
}

/** The deputy a record is about, as the record shows them (no phone number). */
export interface RecordDeputy {
  id: number;
  name: string;
  level: 'district' | 'township';
  townshipId: number;
  townshipName: string;
  stationName: string | null;
  sector: string;
  active: boolean;
}

/** The deputy with their township and station names, or null. */
export async function recordDeputy(db: Database, id: number): Promise<RecordDeputy | null> {
  const d = schema.deputies;
  const row = await db
    .select({
      id: d.id,
      name: d.name,
      level: d.level,
      townshipId: d.townshipId,
      townshipName: schema.townships.name,
      stationName: schema.stations.name,
      sector: d.sector,
      active: d.active,
    })
    .from(d)
    .innerJoin(schema.townships, eq(schema.townships.id, d.townshipId))
    .leftJoin(schema.stations, eq(schema.stations.id, d.stationId))
    .where(eq(d.id, id))
    .get();
  return row ?? null;
}

const openList = sql.join(
  OPEN_STATES.map((s) => sql`${s}`),
  sql`, `,
);
const resolvedList = sql.join(
  RESOLVED_STATES.map((s) => sql`${s}`),
  sql`, `,
);

/**
 * Everything on the record for the period. `today` decides what is overdue now; activities
 * of every status are returned when `withPending` (staff, the deputy), confirmed ones otherwise.
 */
export async function deputyRecord(db: Database, deputyId: number, period: Period, today: string, withPending: boolean) {
  const fromMs = chinaMidnight(period.from);
  const toMs = chinaMidnight(period.to) + 86_400_000;
  const r = schema.receptions;
  const rd = schema.receptionDeputies;
  const o = schema.opinions;
  const a = schema.deputyActivities;
  const e = schema.enrolments;
  const tr = schema.trainings;
  const [receptions, opinionSums, opinions, entered, trainings, reminders, activities] = await db.batch([
    db
      .select({
        id: r.id,
        day: r.day,
        stationName: schema.stations.name,
        residentsReceived: r.residentsReceived,
        opinionsTaken: r.opinionsTaken,
      })
      .from(rd)
      .innerJoin(r, eq(r.id, rd.receptionId))
      .innerJoin(schema.stations, eq(schema.stations.id, r.stationId))
      .where(and(eq(rd.deputyId, deputyId), gte(r.day, period.from), lte(r.day, period.to)))
      .orderBy(desc(r.day), desc(r.id)),
    db
      .select({
        takenUp: sql<number>`count(*)`,
        resolved: sql<number>`coalesce(sum(${o.state} IN (${resolvedList})), 0)`,
        open: sql<number>`coalesce(sum(${o.state} IN (${openList})), 0)`,
        overdue: sql<number>`coalesce(sum(${o.state} IN (${openList}) AND ${o.dueOn} < ${today}), 0)`,
        satisfied: sql<number>`coalesce(sum(${o.rating} = 'satisfied'), 0)`,
        basicallySatisfied: sql<number>`coalesce(sum(${o.rating} = 'basically_satisfied'), 0)`,
        dissatisfied: sql<number>`coalesce(sum(${o.rating} = 'dissatisfied'), 0)`,
      })
      .from(o)
      .where(and(eq(o.assignedDeputyId, deputyId), gte(o.acceptedAt, fromMs), sql`${o.acceptedAt} < ${toMs}`)),
    db
      .select({
        id: o.id,
        trackingCode: o.trackingCode,
        category: o.category,
        categoryZh: schema.categories.nameZh,
        categoryEn: schema.categories.nameEn,
        state: o.state,
        dueOn: o.dueOn,
        acceptedAt: o.acceptedAt,
        rating: o.rating,
      })
      .from(o)
      .leftJoin(schema.categories, eq(schema.categories.code, o.category))
      .where(and(eq(o.assignedDeputyId, deputyId), gte(o.acceptedAt, fromMs), sql`${o.acceptedAt} < ${toMs}`))
      .orderBy(desc(o.acceptedAt))
      .limit(50),
    db
      .select({ n: sql<number>`count(*)` })
      .from(schema.opinionIntake)
      .where(
        and(
          eq(schema.opinionIntake.recipientDeputyId, deputyId),
          sql`${schema.opinionIntake.channel} IS NOT NULL`,
          gte(schema.opinionIntake.createdAt, fromMs),
          sql`${schema.opinionIntake.createdAt} < ${toMs}`,
        ),
      ),
    db
      .select({
        trainingId: tr.id,
        title: tr.title,
        startsOn: tr.startsOn,
        endsOn: tr.endsOn,
        daysAttended: sql<number>`(SELECT count(*) FROM ${schema.attendance} WHERE ${schema.attendance.enrolmentId} = ${e.id})`,
        evaluated: sql<number>`${e.submittedOn} IS NOT NULL`,
      })
      .from(e)
      .innerJoin(tr, eq(tr.id, e.trainingId))
      .where(and(eq(e.deputyId, deputyId), lte(tr.startsOn, period.to), gte(tr.endsOn, period.from)))
      .orderBy(asc(tr.startsOn)),
    // 催办 addressed to the deputy, and 督办 of the opinions they handle.
    db
      .select({ n: sql<number>`count(*)` })
      .from(schema.opinionEvents)
      .innerJoin(o, eq(o.id, schema.opinionEvents.opinionId))
      .where(
        and(
          gte(schema.opinionEvents.at, fromMs),
          sql`${schema.opinionEvents.at} < ${toMs}`,
          sql`((${schema.opinionEvents.action} = 'remind' AND json_extract(${schema.opinionEvents.data}, '$.reminder.deputyId') = ${deputyId})
            OR (${schema.opinionEvents.action} = 'supervise' AND ${o.assignedDeputyId} = ${deputyId}))`,
        ),
      ),
    db
      .select({ id: a.id, kind: a.kind, day: a.day, title: a.title, notes: a.notes, status: a.status })
      .from(a)
      .where(
        and(
          eq(a.deputyId, deputyId),
          gte(a.day, period.from),
          lte(a.day, period.to),
          withPending ? sql`${a.status} <> 'rejected'` : eq(a.status, 'confirmed'),
        ),
      )
      .orderBy(desc(a.day), desc(a.id)),
  ]);
  const sums = opinionSums[0]!;
  const ratings: RatingCounts = {
    satisfied: sums.satisfied,
    basicallySatisfied: sums.basicallySatisfied,
    dissatisfied: sums.dissatisfied,
  };
  return {
    period,
    receptions: {
      sessions: receptions.length,
      residentsReceived: receptions.reduce((n, x) => n + x.residentsReceived, 0),
      items: receptions,
    },
    opinions: {
      takenUp: sums.takenUp,
      resolved: sums.resolved,
      open: sums.open,
      overdue: sums.overdue,
      ratings,
      satisfaction: satisfaction(ratings),
      enteredForResidents: entered[0]?.n ?? 0,
      items: opinions,
    },
    trainings: trainings.map((t) => ({
      ...t,
      evaluated: Boolean(t.evaluated),
      daysExpected: Math.round((Date.parse(t.endsOn) - Date.parse(t.startsOn)) / 86_400_000) + 1,
    })),
    reminders: reminders[0]?.n ?? 0,
    activities,
    activitiesConfirmed: activities.filter((x) => x.status === 'confirmed').length,
  };
}

/** The record as the API returns it. */
export type DeputyRecord = Awaited<ReturnType<typeof deputyRecord>>;
