/**
 * Trainings and their evaluations. Participation (who was enrolled, checked in, opened,
 * submitted) is kept in `enrolments`/`attendance`; answers are kept in `evaluation_responses`
 * with nothing that links them to a deputy: no deputy id, no token, no time, a random id.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { formVersions, forms } from './forms';
import { deputies, townships } from './roster';

export const trainings = sqliteTable('trainings', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  title: text('title').notNull(),
  startsOn: text('starts_on').notNull(),
  endsOn: text('ends_on').notNull(),
  place: text('place').notNull().default(''),
  organiser: text('organiser').notNull().default(''),
  /** The questionnaire deputies answer; answers record the exact version. */
  formId: integer('form_id').references(() => forms.id),
  evaluationStatus: text('evaluation_status', { enum: ['draft', 'open', 'closed'] })
    .notNull()
    .default('draft'),
  /** Public code in the daily check-in QR URL (`/c/<code>`). */
  checkinCode: text('checkin_code').notNull().unique(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const courses = sqliteTable(
  'courses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    trainingId: integer('training_id')
      .notNull()
      .references(() => trainings.id),
    title: text('title').notNull(),
    lecturer: text('lecturer').notNull().default(''),
    day: text('day').notNull(),
    startsAt: text('starts_at').notNull().default(''),
    kind: text('kind', { enum: ['lecture', 'experience', 'discussion'] }).notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('courses_training').on(t.trainingId)],
);

/** A deputy enrolled in a training, with the personal one-time evaluation token. */
export const enrolments = sqliteTable(
  'enrolments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    trainingId: integer('training_id')
      .notNull()
      .references(() => trainings.id),
    deputyId: integer('deputy_id')
      .notNull()
      .references(() => deputies.id),
    townshipId: integer('township_id')
      .notNull()
      .references(() => townships.id),
    token: text('token').notNull().unique(),
    /** The China day the deputy first interacted with the form (not merely fetched it: link previews fetch too). */
    openedOn: text('opened_on'),
    submittedOn: text('submitted_on'),
    /**
     * Wrong check-in answers given under this deputy's name at this training. Self check-in
     * stops at a small limit (see worker/evaluations/checkin.ts), so guessing is capped per
     * deputy, not per client address (a lecture hall shares one address).
     */
    checkinFailures: integer('checkin_failures').notNull().default(0),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('enrolments_training_deputy').on(t.trainingId, t.deputyId),
    index('enrolments_training_township').on(t.trainingId, t.townshipId),
  ],
);

/** Daily check-in at a training. */
export const attendance = sqliteTable(
  'attendance',
  {
    enrolmentId: integer('enrolment_id')
      .notNull()
      .references(() => enrolments.id),
    day: text('day').notNull(),
    checkedInAt: integer('checked_in_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.enrolmentId, t.day] })],
);

/**
 * Released anonymous answers: the only answers any view (results, exports, statistics
 * rollups) reads. An answer arrives in `evaluation_pending` and moves here only as part of a
 * release batch of at least k answers of one township (or, at close, a township-less pool),
 * so no view ever changes by fewer than k answers (worker/evaluations/release.ts).
 *
 * The id is random; there is deliberately no time or deputy column.
 * Migration 0001 rebuilds this table WITHOUT ROWID, so no hidden rowid records the order of
 * submission. drizzle-kit cannot express that: if this table ever changes, edit the generated
 * rebuild so it keeps `WITHOUT ROWID` (test/worker/evaluations/anonymity.test.ts checks it).
 */
export const evaluationResponses = sqliteTable(
  'evaluation_responses',
  {
    id: text('id').primaryKey(),
    trainingId: integer('training_id')
      .notNull()
      .references(() => trainings.id),
    formVersionId: integer('form_version_id')
      .notNull()
      .references(() => formVersions.id),
    townshipId: integer('township_id').references(() => townships.id),
    answers: text('answers').notNull(),
  },
  (t) => [index('evaluation_responses_training').on(t.trainingId, t.townshipId)],
);

/**
 * Submitted answers not yet released (see `evaluationResponses`). Same shape, same rules: a
 * random id and nothing that links the row to a deputy. The custom migration
 * `*_evaluation_pending_without_rowid.sql` rebuilds it WITHOUT ROWID so no hidden rowid
 * records the order of submission while answers wait here.
 */
export const evaluationPending = sqliteTable(
  'evaluation_pending',
  {
    id: text('id').primaryKey(),
    trainingId: integer('training_id')
      .notNull()
      .references(() => trainings.id),
    formVersionId: integer('form_version_id')
      .notNull()
      .references(() => formVersions.id),
    townshipId: integer('township_id').references(() => townships.id),
    answers: text('answers').notNull(),
  },
  (t) => [index('evaluation_pending_training').on(t.trainingId, t.townshipId)],
);

/**
 * One release of answers: how many moved from pending to released, for which township (null:
 * the township-less pool released at close), and when. The page uses it to say when results
 * were last updated; it holds counts only, never a response id.
 */
export const evaluationReleases = sqliteTable(
  'evaluation_releases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    trainingId: integer('training_id')
      .notNull()
      .references(() => trainings.id),
    townshipId: integer('township_id').references(() => townships.id),
    responses: integer('responses').notNull(),
    releasedAt: integer('released_at').notNull(),
  },
  (t) => [index('evaluation_releases_training').on(t.trainingId)],
);
