/**
 * A training's programme: courses with title, lecturer, day, time and kind. Courses are rated
 * in the questionnaire by their id, so a course that has been rated cannot be deleted.
 */
import { and, eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { auditEntry } from '../audit/log';
import { type Database, database, schema } from '../db/client';
import type { AppEnv } from '../env';
import { ApiError } from '../platform/errors';
import { jsonBody } from '../platform/validation';
import { organiser } from './access';
import { loadTraining, type Training } from './db';
import { courseInput, coursePatch } from './validation';

const co = schema.courses;

function checkDay(training: Training, day: string): void {
  if (day < training.startsOn || day > training.endsOn) {
    throw new ApiError(422, 'validation_failed', {}, { day: { key: 'course_day_outside' } });
  }
}

async function loadCourse(db: Database, trainingId: number, courseId: number) {
  const row = await db
    .select()
    .from(co)
    .where(and(eq(co.id, courseId), eq(co.trainingId, trainingId)))
    .get();
  if (!row) throw new ApiError(404, 'not_found');
  return row;
}

/**
 * Whether any answer rates or names this course. Answers are JSON, keyed by course id inside
 * the course block and used as the code of course-filled choices, so the check looks for the
 * id as a key or as a string value anywhere in the training's answers.
 */
async function courseHasAnswers(db: Database, trainingId: number, courseId: number): Promise<boolean> {
  const id = String(courseId);
  // Released and still-pending answers alike (release.ts): both are answers that name the course.
  const row = await db.get<{ n: number }>(sql`
    SELECT count(*) AS n FROM (
      SELECT answers FROM evaluation_responses WHERE training_id = ${trainingId}
      UNION ALL SELECT answers FROM evaluation_pending WHERE training_id = ${trainingId}
    ) r, json_tree(r.answers) j
    WHERE ((j.key = ${id} AND j.type = 'object') OR (j.atom = ${id} AND j.type = 'text'))`);
  return (row?.n ?? 0) > 0;
}

export const courseRoutes = new Hono<AppEnv>()
  .post('/:id{[0-9]+}/courses', async (c) => {
    const user = organiser(c);
    const body = await jsonBody(c, courseInput);
    const db = database(c.env.DB);
    const training = await loadTraining(db, Number(c.req.param('id')));
    checkDay(training, body.day);
    const [inserted] = await db.batch([
      db
        .insert(co)
        .values({ ...body, trainingId: training.id })
        .returning(),
      auditEntry(db, user, 'create', 'course', null, null, { trainingId: training.id, ...body }),
    ]);
    return c.json({ course: inserted[0]! }, 201);
  })
  .patch('/:id{[0-9]+}/courses/:courseId{[0-9]+}', async (c) => {
    const user = organiser(c);
    const body = await jsonBody(c, coursePatch);
    const db = database(c.env.DB);
    const training = await loadTraining(db, Number(c.req.param('id')));
    const before = await loadCourse(db, training.id, Number(c.req.param('courseId')));
    if (body.day !== undefined) checkDay(training, body.day);
    const [updated] = await db.batch([
      db.update(co).set(body).where(eq(co.id, before.id)).returning(),
      auditEntry(db, user, 'update', 'course', before.id, before, body),
    ]);
    return c.json({ course: updated[0]! });
  })
  .delete('/:id{[0-9]+}/courses/:courseId{[0-9]+}', async (c) => {
    const user = organiser(c);
    const db = database(c.env.DB);
    const training = await loadTraining(db, Number(c.req.param('id')));
    const before = await loadCourse(db, training.id, Number(c.req.param('courseId')));
    if (await courseHasAnswers(db, training.id, before.id)) throw new ApiError(409, 'course_has_answers');
    await db.batch([
      db.delete(co).where(eq(co.id, before.id)),
      auditEntry(db, user, 'delete', 'course', before.id, before, null),
    ]);
    return c.body(null, 204);
  });
