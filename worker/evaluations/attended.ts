/**
 * The days a deputy checked in at a training, for the questionnaire's 未参加 presets. Only
 * when the training used check-in at all: a training whose organisers never put up the QR
 * code has no attendance, and must not mark every course as missed.
 */
import { eq, sql } from 'drizzle-orm';
import { type Database, schema } from '../db/client';

/** The enrolment's check-in days, or undefined when nobody at the training ever checked in. */
export async function attendedDays(db: Database, trainingId: number, enrolmentId: number): Promise<string[] | undefined> {
  const a = schema.attendance;
  const rows = await db
    .select({
      day: a.day,
      mine: sql<number>`${a.enrolmentId} = ${enrolmentId}`,
    })
    .from(a)
    .innerJoin(schema.enrolments, eq(schema.enrolments.id, a.enrolmentId))
    .where(eq(schema.enrolments.trainingId, trainingId))
    .groupBy(a.day, sql`${a.enrolmentId} = ${enrolmentId}`)
    .all();
  if (rows.length === 0) return undefined;
  return [...new Set(rows.filter((r) => r.mine === 1).map((r) => r.day))].sort();
}
