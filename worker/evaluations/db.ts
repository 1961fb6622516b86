/**
 * Queries the training routes share: loading a training with its courses and questionnaire,
 * and making sure the default questionnaire exists.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { type Database, schema } from '../db/client';
import { type Course, type FormDefinition, parseDefinition } from '../forms';
import { TRAINING_FORM_SLUG, trainingFormDefinition } from '../forms/defaults/training';
import { ApiError } from '../platform/errors';
import { addCalendarDays } from '../workflow/calendar';

/** A training row. */
export type Training = typeof schema.trainings.$inferSelect;
/** A course row. */
export type CourseRow = typeof schema.courses.$inferSelect;

/** The training, or 404. */
export async function loadTraining(db: Database, id: number): Promise<Training> {
  const row = await db.select().from(schema.trainings).where(eq(schema.trainings.id, id)).get();
  if (!row) throw new ApiError(404, 'not_found');
  return row;
}

/** Courses in programme order: by day, start time, then the staff's own order. */
export function loadCourses(db: Database, trainingId: number): Promise<CourseRow[]> {
  const c = schema.courses;
  return db
    .select()
    .from(c)
    .where(eq(c.trainingId, trainingId))
    .orderBy(asc(c.day), asc(c.startsAt), asc(c.sortOrder), asc(c.id))
    .all();
}

/** Courses as the form engine wants them (id → stored code, title, lecturer). */
export function engineCourses(courses: readonly CourseRow[]): Course[] {
  return courses.map((c) => ({ id: c.id, title: c.title, lecturer: c.lecturer || undefined, day: c.day }));
}

/** The slug of a questionnaire that belongs to one training alone (made when it is first edited). */
export function ownFormSlug(trainingId: number): string {
  return `training-${trainingId}`;
}

/** The current version of a questionnaire. */
export interface CurrentForm {
  formId: number;
  slug: string;
  title: string;
  version: number;
  versionId: number;
  definition: FormDefinition;
}

/** Loads a form's current version and parses it; a stored definition that no longer parses is a 500 on purpose. */
export async function currentForm(db: Database, formId: number): Promise<CurrentForm> {
  const row = await db
    .select({
      formId: schema.forms.id,
      slug: schema.forms.slug,
      title: schema.forms.title,
      version: schema.formVersions.version,
      versionId: schema.formVersions.id,
      definition: schema.formVersions.definition,
    })
    .from(schema.forms)
    .innerJoin(
      schema.formVersions,
      and(eq(schema.formVersions.formId, schema.forms.id), eq(schema.formVersions.version, schema.forms.currentVersion)),
    )
    .where(eq(schema.forms.id, formId))
    .get();
  if (!row) throw new ApiError(404, 'not_found');
  const parsed = parseDefinition(row.definition);
  if (!parsed.ok) throw new Error(`stored definition of form ${formId} v${row.version} is invalid`);
  return { ...row, definition: parsed.definition };
}

/**
 * The id of the default questionnaire. The migration inserts it; a database whose demo seed
 * was reset, or whose admin deleted it by hand, gets it back from the code here, so creating
 * a training never fails for want of a questionnaire. Idempotent under concurrency.
 */
export async function defaultFormId(db: Database): Promise<number> {
  const find = () => db.select({ id: schema.forms.id }).from(schema.forms).where(eq(schema.forms.slug, TRAINING_FORM_SLUG)).get();
  const found = await find();
  if (found) return found.id;
  const now = Date.now();
  await db.batch([
    db
      .insert(schema.forms)
      .values({
        slug: TRAINING_FORM_SLUG,
        kind: 'questionnaire',
        title: '代表培训评估问卷',
        currentVersion: 1,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing(),
    db
      .insert(schema.formVersions)
      .select(
        db
          .select({
            // Every column in table order, as drizzle's insert…select requires; a NULL id autoincrements.
            id: sql<null>`NULL`.as('id'),
            formId: schema.forms.id,
            version: sql<number>`1`.as('version'),
            definition: sql<string>`${JSON.stringify(trainingFormDefinition)}`.as('definition'),
            createdAt: sql<number>`${now}`.as('created_at'),
            createdBy: sql<null>`NULL`.as('created_by'),
          })
          .from(schema.forms)
          .where(eq(schema.forms.slug, TRAINING_FORM_SLUG)),
      )
      .onConflictDoNothing(),
  ]);
  const created = await find();
  if (!created) throw new Error('default questionnaire could not be created');
  return created.id;
}

/** The training's questionnaire id, falling back to the default for a training created without one. */
export async function trainingFormId(db: Database, training: Training): Promise<number> {
  return training.formId ?? defaultFormId(db);
}

/** Every calendar day of the training, first to last. */
export function trainingDays(training: Pick<Training, 'startsOn' | 'endsOn'>): string[] {
  const days: string[] = [];
  for (let d = training.startsOn; d <= training.endsOn && days.length < 366; d = addCalendarDays(d, 1)) days.push(d);
  return days;
}

/**
 * Number of answers a training has received, released or still pending (release.ts): what
 * decides whether its questionnaire is locked and whether it may be deleted. Not a results
 * figure: it equals the submitted count that progress shows anyway.
 */
export async function responseCount(db: Database, trainingId: number): Promise<number> {
  const row = await db.get<{ n: number }>(
    sql`SELECT (SELECT count(*) FROM evaluation_responses WHERE training_id = ${trainingId}) + (SELECT count(*) FROM evaluation_pending WHERE training_id = ${trainingId}) AS n`,
  );
  return row?.n ?? 0;
}
