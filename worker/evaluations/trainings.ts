/**
 * Trainings: list, create, read, edit, delete, and open/close the evaluation. Township staff
 * read everything but their counts cover only their own township.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { auditEntry } from '../audit/log';
import { type Database, database, schema } from '../db/client';
import type { AppEnv } from '../env';
import { currentUser, townshipScope } from '../platform/auth/guard';
import { uniqueViolation } from '../platform/db-errors';
import { ApiError } from '../platform/errors';
import { randomCode } from '../platform/codes';
import { jsonBody } from '../platform/validation';
import { addCalendarDays } from '../workflow/calendar';
import { canRead, organiser } from './access';
import { currentForm, defaultFormId, loadCourses, loadTraining, responseCount, trainingDays, trainingFormId } from './db';
import { pendingCounts, releaseDueStatements } from './release';
import { MAX_TRAINING_DAYS, statusInput, trainingInput, trainingPatch } from './validation';

const t = schema.trainings;

/** Length of the public check-in code in `/c/<code>`. */
const CHECKIN_CODE_LENGTH = 8;

/** A drizzle query as a D1 statement, to run in one batch with hand-written SQL. */
function asStatement(d1: D1Database, query: { toSQL(): { sql: string; params: unknown[] } }): D1PreparedStatement {
  const { sql: text, params } = query.toSQL();
  return d1.prepare(text).bind(...params);
}

function checkDates(startsOn: string, endsOn: string): void {
  if (endsOn < startsOn) {
    throw new ApiError(422, 'validation_failed', {}, { endsOn: { key: 'dates_out_of_order' } });
  }
  if (addCalendarDays(startsOn, MAX_TRAINING_DAYS - 1) < endsOn) {
    throw new ApiError(
      422,
      'validation_failed',
      {},
      { endsOn: { key: 'training_too_long', params: { max: MAX_TRAINING_DAYS } } },
    );
  }
}

/** A questionnaire the training may use: it must exist and be a questionnaire, not the opinion form. */
async function checkForm(db: Database, formId: number): Promise<void> {
  const form = await db.select({ kind: schema.forms.kind }).from(schema.forms).where(eq(schema.forms.id, formId)).get();
  if (form?.kind !== 'questionnaire') throw new ApiError(422, 'validation_failed', {}, { formId: { key: 'unknown_form' } });
}

/** Enrolled / opened / submitted counts per training, limited to one township when given. */
async function countsByTraining(db: Database, trainingIds: number[], township: number | null) {
  if (trainingIds.length === 0) return new Map<number, { enrolled: number; submitted: number }>();
  const e = schema.enrolments;
  const rows = await db
    .select({
      trainingId: e.trainingId,
      enrolled: sql<number>`count(*)`,
      submitted: sql<number>`count(${e.submittedOn})`,
    })
    .from(e)
    .where(and(inArray(e.trainingId, trainingIds), township === null ? undefined : eq(e.townshipId, township)))
    .groupBy(e.trainingId)
    .all();
  return new Map(rows.map((r) => [r.trainingId, { enrolled: r.enrolled, submitted: r.submitted }]));
}

export const trainingCoreRoutes = new Hono<AppEnv>()
  .get('/', canRead, async (c) => {
    const user = currentUser(c);
    const township = townshipScope(user, null);
    const db = database(c.env.DB);
    const rows = await db
      .select({
        id: t.id,
        title: t.title,
        startsOn: t.startsOn,
        endsOn: t.endsOn,
        place: t.place,
        organiser: t.organiser,
        evaluationStatus: t.evaluationStatus,
        // Qualified by hand: drizzle writes a column inside sql`` unqualified ("id"), and in a
        // correlated subquery that would name the subquery's own column.
        courseCount: sql<number>`(select count(*) from courses c where c.training_id = trainings.id)`,
      })
      .from(t)
      .orderBy(desc(t.startsOn), desc(t.id))
      .all();
    const counts = await countsByTraining(
      db,
      rows.map((r) => r.id),
      township,
    );
    const items = rows.map((r) => ({
      ...r,
      enrolled: counts.get(r.id)?.enrolled ?? 0,
      submitted: counts.get(r.id)?.submitted ?? 0,
    }));
    return c.json({ items });
  })
  .post('/', async (c) => {
    const user = organiser(c);
    const body = await jsonBody(c, trainingInput);
    checkDates(body.startsOn, body.endsOn);
    const db = database(c.env.DB);
    const formId = body.formId ?? (await defaultFormId(db));
    if (body.formId !== undefined) await checkForm(db, body.formId);
    const now = Date.now();
    // A clash of 8 random characters is astronomically rare, but a retry costs nothing.
    for (let attempt = 0; ; attempt++) {
      const checkinCode = randomCode(CHECKIN_CODE_LENGTH);
      try {
        const [inserted] = await db.batch([
          db
            .insert(t)
            .values({ ...body, formId, checkinCode, evaluationStatus: 'draft', createdAt: now, updatedAt: now })
            .returning(),
          auditEntry(db, user, 'create', 'training', null, null, { ...body, formId }),
        ]);
        return c.json({ training: inserted[0]! }, 201);
      } catch (err) {
        if (uniqueViolation(err) !== 'checkin_code' || attempt >= 2) throw err;
      }
    }
  })
  .get('/:id{[0-9]+}', canRead, async (c) => {
    const user = currentUser(c);
    const township = townshipScope(user, null);
    const db = database(c.env.DB);
    const training = await loadTraining(db, Number(c.req.param('id')));
    const [courses, form, counts, responses] = await Promise.all([
      loadCourses(db, training.id),
      trainingFormId(db, training).then((id) => currentForm(db, id)),
      countsByTraining(db, [training.id], township),
      responseCount(db, training.id),
    ]);
    return c.json({
      training,
      days: trainingDays(training),
      courses,
      questionnaire: { formId: form.formId, slug: form.slug, title: form.title, version: form.version },
      enrolled: counts.get(training.id)?.enrolled ?? 0,
      submitted: counts.get(training.id)?.submitted ?? 0,
      responses,
    });
  })
  .patch('/:id{[0-9]+}', async (c) => {
    const user = organiser(c);
    const body = await jsonBody(c, trainingPatch);
    const db = database(c.env.DB);
    const before = await loadTraining(db, Number(c.req.param('id')));
    checkDates(body.startsOn ?? before.startsOn, body.endsOn ?? before.endsOn);
    if (body.formId !== undefined && body.formId !== before.formId) {
      await checkForm(db, body.formId);
      // Answers already given were given to this questionnaire; swapping it would mix forms.
      if ((await responseCount(db, before.id)) > 0) throw new ApiError(409, 'questionnaire_locked');
    }
    const [updated] = await db.batch([
      db
        .update(t)
        .set({ ...body, updatedAt: Date.now() })
        .where(eq(t.id, before.id))
        .returning(),
      auditEntry(db, user, 'update', 'training', before.id, before, body),
    ]);
    return c.json({ training: updated[0]! });
  })
  .delete('/:id{[0-9]+}', async (c) => {
    const user = organiser(c);
    const db = database(c.env.DB);
    const before = await loadTraining(db, Number(c.req.param('id')));
    // Answers are the one thing that cannot be recreated: a training that has them stays.
    if ((await responseCount(db, before.id)) > 0) throw new ApiError(409, 'training_has_answers');
    const e = schema.enrolments;
    await db.batch([
      db
        .delete(schema.attendance)
        .where(inArray(schema.attendance.enrolmentId, db.select({ id: e.id }).from(e).where(eq(e.trainingId, before.id)))),
      db.delete(e).where(eq(e.trainingId, before.id)),
      db.delete(schema.courses).where(eq(schema.courses.trainingId, before.id)),
      db.delete(t).where(eq(t.id, before.id)),
      auditEntry(db, user, 'delete', 'training', before.id, before, null),
    ]);
    return c.body(null, 204);
  })
  .post('/:id{[0-9]+}/evaluation', async (c) => {
    const user = organiser(c);
    const body = await jsonBody(c, statusInput);
    const db = database(c.env.DB);
    const before = await loadTraining(db, Number(c.req.param('id')));
    const now = Date.now();
    // Closing releases what is left: each township's batch of ≥ k, then the pooled remainder
    // (release.ts), in the same batch as the status change so the final results appear with it.
    const release =
      body.status === 'closed'
        ? releaseDueStatements(c.env.DB, before.id, await pendingCounts(c.env.DB, before.id), true, now)
        : [];
    // One raw D1 batch: the release statements are plain SQL, so the drizzle parts join them as SQL too.
    await c.env.DB.batch([
      asStatement(c.env.DB, db.update(t).set({ evaluationStatus: body.status, updatedAt: now }).where(eq(t.id, before.id))),
      asStatement(
        c.env.DB,
        auditEntry(db, user, 'update', 'training', before.id, { evaluationStatus: before.evaluationStatus }, body),
      ),
      ...release,
    ]);
    return c.json({ training: await loadTraining(db, before.id) });
  })
  .get('/questionnaires', canRead, async (c) => {
    const db = database(c.env.DB);
    await defaultFormId(db);
    const f = schema.forms;
    const items = await db
      .select({ id: f.id, slug: f.slug, title: f.title, currentVersion: f.currentVersion })
      .from(f)
      .where(eq(f.kind, 'questionnaire'))
      .orderBy(f.id)
      .all();
    return c.json({ items });
  });
