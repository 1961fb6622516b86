/**
 * Residents' opinions (群众意见) and their handling through 一听、二看、三议、四办.
 * The state names and allowed transitions live in worker/workflow/machine.ts (pure).
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { formVersions } from './forms';
import { deputies, stations, townships } from './roster';
import { users } from './accounts';

/** Opinion categories, kept as data (道路交通, 水电气, …). */
export const categories = sqliteTable('categories', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

export const opinions = sqliteTable(
  'opinions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Short public code the resident keeps (no 0/O/1/I). */
    trackingCode: text('tracking_code').notNull().unique(),
    /** Client-generated key carried by the form; a retried submission finds the same row. */
    submissionKey: text('submission_key').notNull().unique(),
    stationId: integer('station_id')
      .notNull()
      .references(() => stations.id),
    townshipId: integer('township_id')
      .notNull()
      .references(() => townships.id),
    formVersionId: integer('form_version_id').references(() => formVersions.id),
    category: text('category').notNull(),
    body: text('body').notNull(),
    place: text('place').notNull().default(''),
    /** Answers to extra questions added to the form definition (JSON object). */
    extraAnswers: text('extra_answers').notNull().default('{}'),
    reporterName: text('reporter_name'),
    reporterPhone: text('reporter_phone'),
    consentAt: integer('consent_at'),
    state: text('state').notNull(),
    assignedDeputyId: integer('assigned_deputy_id').references(() => deputies.id),
    assignedUserId: integer('assigned_user_id').references(() => users.id),
    leadDepartment: text('lead_department'),
    /** JSON array of co-handling departments. */
    departments: text('departments').notNull().default('[]'),
    /**
     * The current lead 承办单位 (departments.id); `leadDepartment` keeps its name for lists and
     * exports. No foreign key: adding one would make drizzle-kit rebuild this table, which drops
     * the rollup triggers. The assignment rows (opinion_assignments) are the full record.
     */
    leadDepartmentId: integer('lead_department_id'),
    transferredTo: text('transferred_to'),
    mergedIntoId: integer('merged_into_id'),
    selfHandled: integer('self_handled', { mode: 'boolean' }).notNull().default(false),
    /** Due date of the current step, 'YYYY-MM-DD' (working-day calendar). */
    dueOn: text('due_on'),
    receivedAt: integer('received_at').notNull(),
    acceptedAt: integer('accepted_at'),
    resolvedAt: integer('resolved_at'),
    closedAt: integer('closed_at'),
    rating: text('rating', { enum: ['satisfied', 'basically_satisfied', 'dissatisfied'] }),
    ratingComment: text('rating_comment'),
    ratedAt: integer('rated_at'),
    reopenCount: integer('reopen_count').notNull().default(0),
    /** Incremented on every change: stale writes are refused (optimistic concurrency). */
    revision: integer('revision').notNull().default(0),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('opinions_township_state').on(t.townshipId, t.state),
    index('opinions_station_category').on(t.stationId, t.category),
    index('opinions_deputy').on(t.assignedDeputyId),
    index('opinions_received').on(t.receivedAt),
    index('opinions_due').on(t.state, t.dueOn),
    index('opinions_lead_department').on(t.leadDepartmentId, t.state),
  ],
);

/** The opinion's timeline: every transition and update, with public reply and internal note kept apart. */
export const opinionEvents = sqliteTable(
  'opinion_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    opinionId: integer('opinion_id')
      .notNull()
      .references(() => opinions.id),
    at: integer('at').notNull(),
    actorUserId: integer('actor_user_id'),
    /** 'resident', 'system', or the user's display name at the time. */
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    publicReply: text('public_reply'),
    internalNote: text('internal_note'),
    /** Action-specific data (JSON): departments, deadline, site findings, … */
    data: text('data').notNull().default('{}'),
  },
  (t) => [index('opinion_events_opinion').on(t.opinionId, t.at)],
);

/** Photos in the PHOTOS bucket, attached by the resident or at a site visit. */
export const opinionPhotos = sqliteTable(
  'opinion_photos',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    opinionId: integer('opinion_id')
      .notNull()
      .references(() => opinions.id),
    eventId: integer('event_id'),
    objectKey: text('object_key').notNull().unique(),
    contentType: text('content_type').notNull(),
    bytes: integer('bytes').notNull(),
    /** Whether residents may see it on the tracking page. */
    public: integer('public', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('opinion_photos_opinion').on(t.opinionId)],
);

/** Working-day calendar: official holidays and make-up working days (调休). Other days follow the weekday. */
export const calendarDays = sqliteTable('calendar_days', {
  day: text('day').primaryKey(),
  kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
  name: text('name').notNull().default(''),
});

/** Working days allowed per workflow step (configurable by admins). */
export const stepLimits = sqliteTable('step_limits', {
  state: text('state').primaryKey(),
  workingDays: integer('working_days').notNull(),
});

/** 进站接待: a reception duty session held at a liaison station. */
export const receptions = sqliteTable(
  'receptions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stationId: integer('station_id')
      .notNull()
      .references(() => stations.id),
    townshipId: integer('township_id')
      .notNull()
      .references(() => townships.id),
    day: text('day').notNull(),
    residentsReceived: integer('residents_received').notNull().default(0),
    opinionsTaken: integer('opinions_taken').notNull().default(0),
    notes: text('notes').notNull().default(''),
    createdBy: integer('created_by'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('receptions_township_day').on(t.townshipId, t.day)],
);

export const receptionDeputies = sqliteTable(
  'reception_deputies',
  {
    receptionId: integer('reception_id')
      .notNull()
      .references(() => receptions.id),
    deputyId: integer('deputy_id')
      .notNull()
      .references(() => deputies.id),
  },
  (t) => [index('reception_deputies_reception').on(t.receptionId), index('reception_deputies_deputy').on(t.deputyId)],
);
