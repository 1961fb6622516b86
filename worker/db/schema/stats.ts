/**
 * Statistics rollups for the leaders' dashboard. Every table here is kept up to date by SQLite
 * triggers on the source tables (migrations/*_stats_rollups.sql), inside the same statement
 * as the write, so no write path needs code of its own and none can forget. The statistics API
 * reads only these tables (plus the small townships/categories/trainings lists): one dashboard
 * load reads rows in proportion to townships × weeks, never to opinions or deputies.
 *
 * Conventions shared by the tables:
 * - `week` is the Monday ('YYYY-MM-DD', China time) of the week a thing happened in.
 * - `township_id` 0 is the whole district; `category` '' is every category. The triggers add
 *   each change to the township's own row and to these total rows, so a district or
 *   all-category figure is one row per week instead of a sum over townships or categories.
 * - Triggers only ever *add* rows; a removal updates existing rows and never creates one, so a
 *   reset that empties these tables before the source tables cannot leave negative rows behind.
 *
 * Trap for whoever changes the source tables: SQLite drops a table's triggers with the table,
 * so a drizzle-kit "table rebuild" (create new, copy, drop, rename) of opinions, deputies,
 * enrolments, attendance, evaluation_responses, receptions or reception_deputies silently
 * removes the rollup triggers. test/worker/stats/triggers.test.ts fails when that happens;
 * the fix is a migration that recreates them (copy them from the stats_rollups migration).
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Opinions by (category, week received, township). Cohort columns describe the opinions
 * received in that week as they are now; `resolved_flow` counts opinions whose (lasting)
 * resolution happened in that week, whenever they were received.
 */
export const statsOpinionWeeks = sqliteTable(
  'stats_opinion_weeks',
  {
    category: text('category').notNull(),
    week: text('week').notNull(),
    townshipId: integer('township_id').notNull(),
    /** Opinions received this week (the cohort). */
    received: integer('received').notNull().default(0),
    /** The cohort by current state (one column per state of worker/workflow/states.ts). */
    stPending: integer('st_pending').notNull().default(0),
    stListening: integer('st_listening').notNull().default(0),
    stViewing: integer('st_viewing').notNull().default(0),
    stDeliberating: integer('st_deliberating').notNull().default(0),
    stHandling: integer('st_handling').notNull().default(0),
    stResolved: integer('st_resolved').notNull().default(0),
    stClosed: integer('st_closed').notNull().default(0),
    stReview: integer('st_review').notNull().default(0),
    stRejected: integer('st_rejected').notNull().default(0),
    stDuplicate: integer('st_duplicate').notNull().default(0),
    stTransferred: integer('st_transferred').notNull().default(0),
    /** The cohort by the resident's current rating. */
    rtSatisfied: integer('rt_satisfied').notNull().default(0),
    rtBasicallySatisfied: integer('rt_basically_satisfied').notNull().default(0),
    rtDissatisfied: integer('rt_dissatisfied').notNull().default(0),
    /** Cohort opinions reopened at least once after a 不满意 rating. */
    reopened: integer('reopened').notNull().default(0),
    /** Cohort opinions resolved for good (see stats_resolutions): count and sum of working days. */
    resolveDaysN: integer('resolve_days_n').notNull().default(0),
    resolveDaysSum: integer('resolve_days_sum').notNull().default(0),
    /** Histogram of working days to resolve, as a JSON object {"<days>": count}: exact medians. */
    resolveDays: text('resolve_days').notNull().default('{}'),
    /** Opinions resolved for good during this week (by resolution date, any cohort). */
    resolvedFlow: integer('resolved_flow').notNull().default(0),
    // ---- Flow: events as they happened in this week (stats_event_facts by event week). They
    // never move once counted: a later reopening is its own event in its own week.
    /** 办结 events (the resolve action), whatever the receipt date. */
    evResolved: integer('ev_resolved').notNull().default(0),
    /** 重办 events (reopen after a 不满意 rating). */
    evReopened: integer('ev_reopened').notNull().default(0),
    /** Ratings residents gave themselves this week, and how many were 满意/基本满意. */
    evRated: integer('ev_rated').notNull().default(0),
    evRatedOk: integer('ev_rated_ok').notNull().default(0),
    /** Ratings recorded by staff on a follow-up call (回访) this week, and the satisfied ones. */
    evCallback: integer('ev_callback').notNull().default(0),
    evCallbackOk: integer('ev_callback_ok').notNull().default(0),
    // ---- Deadlines (办理时限) that fell in this week (by the deadline's week).
    /** Resolved on or before the deadline in force. */
    dueMet: integer('due_met').notNull().default(0),
    /** Recorded as missed when the item moved on after its deadline had passed (see the facts). */
    dueMissed: integer('due_missed').notNull().default(0),
    // ---- Cohort ratings (by week received): the first rating each opinion got.
    /** Cohort opinions resolved at least once (the denominator of 参评率). */
    everResolved: integer('ever_resolved').notNull().default(0),
    /** Cohort opinions rated at least once, and whose first rating was 满意/基本满意. */
    firstRated: integer('first_rated').notNull().default(0),
    firstOk: integer('first_ok').notNull().default(0),
    /** Of those, the ones whose first rating was recorded by staff (回访), and satisfied ones. */
    firstCallback: integer('first_callback').notNull().default(0),
    firstCallbackOk: integer('first_callback_ok').notNull().default(0),
  },
  (t) => [
    // Leading category/week: "every township, one category, these weeks" is one range scan.
    primaryKey({ columns: [t.category, t.week, t.townshipId] }),
    // "One township (or the district), every category, these weeks" is one range scan too.
    index('stats_opinion_weeks_township').on(t.townshipId, t.week, t.category),
  ],
);

/**
 * One row per opinion that is resolved for good: state 已办结 or closed with a resolution
 * date. Written by the triggers when an opinion gets there and deleted when it leaves (a
 * reopening clears `resolved_at`), so the histogram in stats_opinion_weeks can be corrected
 * exactly even if the working-day calendar was edited in between. Never read by the API.
 */
export const statsResolutions = sqliteTable('stats_resolutions', {
  opinionId: integer('opinion_id').primaryKey(),
  townshipId: integer('township_id').notNull(),
  category: text('category').notNull(),
  receivedWeek: text('received_week').notNull(),
  resolvedDay: text('resolved_day').notNull(),
  resolvedWeek: text('resolved_week').notNull(),
  /** Working days from the day received to the day resolved (China calendar, 调休 included). */
  workingDays: integer('working_days').notNull(),
});

/**
 * What each counted timeline event contributed to stats_opinion_weeks, written by a trigger on
 * opinion_events at insert (when the opinion's township, category and earlier events are
 * known) and never changed: triggers on this table add it to the rollup and take it back if
 * the event is ever deleted, so deleting events in any order leaves no trace. Never read by
 * the API. One row per resolve, reopen, rate or deadline-crossing event.
 */
export const statsEventFacts = sqliteTable('stats_event_facts', {
  eventId: integer('event_id').primaryKey(),
  opinionId: integer('opinion_id').notNull(),
  townshipId: integer('township_id').notNull(),
  category: text('category').notNull(),
  /** Monday of the event's week, of the opinion's receipt week, of the deadline's week. */
  eventWeek: text('event_week').notNull(),
  receivedWeek: text('received_week').notNull(),
  dueWeek: text('due_week'),
  resolved: integer('resolved').notNull().default(0),
  reopened: integer('reopened').notNull().default(0),
  rated: integer('rated').notNull().default(0),
  ratedOk: integer('rated_ok').notNull().default(0),
  callback: integer('callback').notNull().default(0),
  callbackOk: integer('callback_ok').notNull().default(0),
  dueMet: integer('due_met').notNull().default(0),
  dueMissed: integer('due_missed').notNull().default(0),
  everResolved: integer('ever_resolved').notNull().default(0),
  firstRated: integer('first_rated').notNull().default(0),
  firstOk: integer('first_ok').notNull().default(0),
  firstCallback: integer('first_callback').notNull().default(0),
  firstCallbackOk: integer('first_callback_ok').notNull().default(0),
});

/**
 * Open opinions by the day they were received: the backlog by age. Ages in working days are
 * worked out when read, from the calendar as it is then, so a calendar correction needs no
 * recomputation here.
 */
export const statsOpenReceived = sqliteTable(
  'stats_open_received',
  {
    townshipId: integer('township_id').notNull(),
    category: text('category').notNull(),
    receivedDay: text('received_day').notNull(),
    n: integer('n').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.townshipId, t.category, t.receivedDay] })],
);

/**
 * Opinions in 三议 or 四办 by their 办理时限 (the deadline agreed in 三议, or set by 自行办理,
 * 延期 or 重办): the ones still open after that day are the live part of missed deadlines.
 */
export const statsOpenDeadline = sqliteTable(
  'stats_open_deadline',
  {
    townshipId: integer('township_id').notNull(),
    category: text('category').notNull(),
    dueOn: text('due_on').notNull(),
    n: integer('n').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.townshipId, t.category, t.dueOn] })],
);

/** Open opinions (still needing work) by due day: the source of the overdue counts. */
export const statsOpenDue = sqliteTable(
  'stats_open_due',
  {
    townshipId: integer('township_id').notNull(),
    category: text('category').notNull(),
    dueOn: text('due_on').notNull(),
    n: integer('n').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.townshipId, t.category, t.dueOn] })],
);

/**
 * Overdue open opinions as of `as_of`: `overdue` counts open opinions due before `as_of`. The
 * triggers keep it exact for that day; the statistics API moves `as_of` to today (adding the
 * opinions that fell due since, one UPDATE) before reading it. So "overdue now" reads one row
 * per township instead of every overdue opinion.
 */
export const statsOverdue = sqliteTable(
  'stats_overdue',
  {
    category: text('category').notNull(),
    townshipId: integer('township_id').notNull(),
    asOf: text('as_of').notNull().default(''),
    overdue: integer('overdue').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.category, t.townshipId] })],
);

/**
 * Deputies' participation by (week, township): reception duty (进站接待) at the township's
 * stations, and opinions taken up by the township's deputies, split by deputy level.
 */
export const statsTownshipWeeks = sqliteTable(
  'stats_township_weeks',
  {
    week: text('week').notNull(),
    townshipId: integer('township_id').notNull(),
    /** Reception sessions held at the township's stations, and what they recorded. */
    receptions: integer('receptions').notNull().default(0),
    residentsReceived: integer('residents_received').notNull().default(0),
    opinionsTaken: integer('opinions_taken').notNull().default(0),
    /** Deputy attendances at those sessions, by the deputy's level. */
    sessionsDistrict: integer('sessions_district').notNull().default(0),
    sessionsTownship: integer('sessions_township').notNull().default(0),
    /**
     * Opinions taken up (currently assigned) by deputies of this township, by level, in the
     * week they were accepted.
     */
    uptakeDistrict: integer('uptake_district').notNull().default(0),
    uptakeTownship: integer('uptake_township').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.week, t.townshipId] }), index('stats_township_weeks_township').on(t.townshipId, t.week)],
);

/** Deputies by (township, level): how many are active and inactive. */
export const statsDeputies = sqliteTable(
  'stats_deputies',
  {
    townshipId: integer('township_id').notNull(),
    level: text('level').notNull(),
    active: integer('active').notNull().default(0),
    inactive: integer('inactive').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.townshipId, t.level] })],
);

/** Training participation by (training, enrolment township, deputy level). */
export const statsTrainings = sqliteTable(
  'stats_trainings',
  {
    trainingId: integer('training_id').notNull(),
    townshipId: integer('township_id').notNull(),
    level: text('level').notNull(),
    enrolled: integer('enrolled').notNull().default(0),
    /** Enrolled deputies with at least one daily check-in. */
    checkedIn: integer('checked_in').notNull().default(0),
    /** Enrolled deputies who submitted the evaluation. */
    evaluated: integer('evaluated').notNull().default(0),
    /** Daily check-ins of the enrolled deputies (one per deputy and day): 签到 by day. */
    daysAttended: integer('days_attended').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.trainingId, t.townshipId, t.level] })],
);

/**
 * Anonymous evaluation answers summarised by (training, township; 0 = all): the answers to
 * the questions `overall` (5-point satisfaction) and `recommend` (0–10). Counts only: like
 * the answers themselves, nothing here can point to a deputy.
 */
export const statsTrainingResults = sqliteTable(
  'stats_training_results',
  {
    trainingId: integer('training_id').notNull(),
    townshipId: integer('township_id').notNull(),
    responses: integer('responses').notNull().default(0),
    /** Answers to `overall` by point, 1 = 非常不满意 … 5 = 非常满意. */
    overall1: integer('overall_1').notNull().default(0),
    overall2: integer('overall_2').notNull().default(0),
    overall3: integer('overall_3').notNull().default(0),
    overall4: integer('overall_4').notNull().default(0),
    overall5: integer('overall_5').notNull().default(0),
    /** Answers to `recommend`: 9–10, 7–8, 0–6. */
    promoters: integer('promoters').notNull().default(0),
    passives: integer('passives').notNull().default(0),
    detractors: integer('detractors').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.trainingId, t.townshipId] })],
);
