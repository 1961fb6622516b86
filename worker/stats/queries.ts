/**
 * The statistics reads: one D1 batch (one round trip) over the rollup tables, each statement
 * an index range whose size is townships × weeks at most. Raw SQL rather than drizzle because
 * every statement's `meta.rows_read` is summed and reported (X-Rows-Read), and because the
 * range scans are written to match the rollups' keys exactly (see worker/db/schema/stats.ts).
 */

/** What one overview load reads, already scoped (township staff get their township). */
export interface OverviewQuery {
  /** Mondays of the first and last week. */
  fromWeek: string;
  toWeek: string;
  /** Sunday of the last week (deadlines are counted by day). */
  toDay: string;
  /** null = every township (plus the district rows, township 0). */
  townshipId: number | null;
  /** '' = every category. */
  category: string;
  /** null = the latest training that has started (else the next one). */
  trainingId: number | null;
  /** Today in China time: "overdue now" means due before this day. */
  today: string;
}

export interface OpinionWeekRow {
  category: string;
  week: string;
  township_id: number;
  received: number;
  st_pending: number;
  st_listening: number;
  st_viewing: number;
  st_deliberating: number;
  st_handling: number;
  st_resolved: number;
  st_closed: number;
  st_review: number;
  st_rejected: number;
  st_duplicate: number;
  st_transferred: number;
  rt_satisfied: number;
  rt_basically_satisfied: number;
  rt_dissatisfied: number;
  reopened: number;
  resolve_days_n: number;
  resolve_days_sum: number;
  resolve_days: string;
  resolved_flow: number;
  ev_resolved: number;
  ev_reopened: number;
  ev_rated: number;
  ev_rated_ok: number;
  ev_callback: number;
  ev_callback_ok: number;
  due_met: number;
  due_missed: number;
  ever_resolved: number;
  first_rated: number;
  first_ok: number;
  first_callback: number;
  first_callback_ok: number;
}

/** A count keyed by day (open opinions by day received, due day or 办理时限). */
export interface DayCountRow {
  township_id: number;
  day: string;
  n: number;
}

export interface TownshipWeekRow {
  week: string;
  township_id: number;
  receptions: number;
  residents_received: number;
  opinions_taken: number;
  sessions_district: number;
  sessions_township: number;
  uptake_district: number;
  uptake_township: number;
}

export interface OverdueRow {
  township_id: number;
  overdue: number;
}

export interface DeputyCountRow {
  township_id: number;
  level: string;
  active: number;
}

export interface TrainingRow {
  id: number;
  title: string;
  starts_on: string;
  ends_on: string;
}

export interface TrainingCountRow {
  township_id: number;
  level: string;
  enrolled: number;
  checked_in: number;
  evaluated: number;
  days_attended: number;
}

export interface TrainingResultRow {
  responses: number;
  overall_1: number;
  overall_2: number;
  overall_3: number;
  overall_4: number;
  overall_5: number;
  promoters: number;
  passives: number;
  detractors: number;
}

export interface TownshipRow {
  id: number;
  name: string;
  sort_order: number;
  active: number;
}

export interface CategoryRow {
  code: string;
  name_zh: string;
  name_en: string;
}

/** Everything the overview is built from. */
export interface OverviewRows {
  /** Per-township rows of the chosen category ('' = all), including the district rows (0). */
  opinionWeeks: OpinionWeekRow[];
  /** Per-category rows of the district (or the chosen township). */
  categoryWeeks: OpinionWeekRow[];
  townshipWeeks: TownshipWeekRow[];
  overdue: OverdueRow[];
  deputies: DeputyCountRow[];
  trainings: TrainingRow[];
  training: TrainingRow | null;
  trainingCounts: TrainingCountRow[];
  trainingResults: TrainingResultRow | null;
  townships: TownshipRow[];
  categories: CategoryRow[];
  /** Open opinions of the total key (district or township) by day received: the backlog. */
  openReceived: DayCountRow[];
  /** Open opinions of the total key by due day, before today: overdue by how long. */
  openOverdue: DayCountRow[];
  /** Opinions still in 三议/四办 whose 办理时限 fell in the period and passed, per township and total. */
  openMissed: DayCountRow[];
  /** Calendar entries from the oldest open opinion's receipt on (working-day ages). */
  calendar: { day: string; kind: 'holiday' | 'workday'; name: string }[];
  stepLimits: { state: string; working_days: number }[];
  /** Sum of `meta.rows_read` over every statement of the batch. */
  rowsRead: number;
  /** Of those, the backlog's statements (open by day received, overdue by day, the calendar). */
  backlogRowsRead: number;
}

/** How many trainings the filter lists (newest first). */
export const TRAINING_LIST_LIMIT = 50;

/** The training shown by default: the latest that has started (?2 = today), else the next one. */
const LATEST_TRAINING = '(SELECT id FROM trainings ORDER BY starts_on > ?2, starts_on DESC, id DESC LIMIT 1)';

/**
 * Moves the overdue watermark of the rows about to be read to `today`: adds the open opinions
 * that fell due since the last read (and takes back any after `today`, should a clock ever
 * go back). One statement, so it is atomic with respect to the triggers. Writes at most one
 * row per township and category per day.
 */
const ADVANCE_OVERDUE = `UPDATE stats_overdue SET
  overdue = overdue
    + (SELECT coalesce(sum(d.n), 0) FROM stats_open_due d WHERE d.township_id = stats_overdue.township_id AND d.category = stats_overdue.category AND d.due_on >= stats_overdue.as_of AND d.due_on < ?1)
    - (SELECT coalesce(sum(d.n), 0) FROM stats_open_due d WHERE d.township_id = stats_overdue.township_id AND d.category = stats_overdue.category AND d.due_on >= ?1 AND d.due_on < stats_overdue.as_of),
  as_of = ?1
WHERE category = ?2 AND as_of <> ?1`;

/**
 * Reads every rollup the overview needs in one batch. With a township, only that township's
 * rows are read; without, every township's plus the district's.
 */
export async function readOverview(db: D1Database, q: OverviewQuery): Promise<OverviewRows> {
  const t = q.townshipId;
  const training = `coalesce(?1, ${LATEST_TRAINING})`;
  const statements = [
    t === null
      ? db.prepare(ADVANCE_OVERDUE).bind(q.today, q.category)
      : db.prepare(`${ADVANCE_OVERDUE} AND township_id = ?3`).bind(q.today, q.category, t),
    t === null
      ? db.prepare('SELECT township_id, overdue FROM stats_overdue WHERE category = ?1').bind(q.category)
      : db.prepare('SELECT township_id, overdue FROM stats_overdue WHERE category = ?1 AND township_id = ?2').bind(q.category, t),
    // Every township (and the district) for one category: one range of the primary key.
    t === null
      ? db
          .prepare('SELECT * FROM stats_opinion_weeks WHERE category = ?1 AND week BETWEEN ?2 AND ?3')
          .bind(q.category, q.fromWeek, q.toWeek)
      : db
          .prepare('SELECT * FROM stats_opinion_weeks WHERE township_id = ?1 AND week BETWEEN ?2 AND ?3')
          .bind(t, q.fromWeek, q.toWeek),
    // Categories of the district: one range of the township index (a township's came above).
    t === null
      ? db
          .prepare(
            "SELECT * FROM stats_opinion_weeks INDEXED BY stats_opinion_weeks_township WHERE township_id = 0 AND week BETWEEN ?1 AND ?2 AND category <> ''",
          )
          .bind(q.fromWeek, q.toWeek)
      : db.prepare('SELECT 1 WHERE 0'),
    t === null
      ? db.prepare('SELECT * FROM stats_township_weeks WHERE week BETWEEN ?1 AND ?2').bind(q.fromWeek, q.toWeek)
      : db
          .prepare(
            'SELECT * FROM stats_township_weeks INDEXED BY stats_township_weeks_township WHERE township_id = ?1 AND week BETWEEN ?2 AND ?3',
          )
          .bind(t, q.fromWeek, q.toWeek),
    t === null
      ? db.prepare('SELECT township_id, level, active FROM stats_deputies')
      : db.prepare('SELECT township_id, level, active FROM stats_deputies WHERE township_id = ?1').bind(t),
    db.prepare(
      `SELECT id, title, starts_on, ends_on FROM trainings ORDER BY starts_on DESC, id DESC LIMIT ${TRAINING_LIST_LIMIT}`,
    ),
    db.prepare(`SELECT id, title, starts_on, ends_on FROM trainings WHERE id = ${training}`).bind(q.trainingId, q.today),
    t === null
      ? db
          .prepare(
            `SELECT township_id, level, enrolled, checked_in, evaluated, days_attended FROM stats_trainings WHERE training_id = ${training}`,
          )
          .bind(q.trainingId, q.today)
      : db
          .prepare(
            `SELECT township_id, level, enrolled, checked_in, evaluated, days_attended FROM stats_trainings WHERE training_id = ${training} AND township_id = ?3`,
          )
          .bind(q.trainingId, q.today, t),
    db
      .prepare(`SELECT * FROM stats_training_results WHERE training_id = ${training} AND township_id = ?3`)
      .bind(q.trainingId, q.today, t ?? 0),
    db.prepare('SELECT id, name, sort_order, active FROM townships ORDER BY sort_order, id'),
    db.prepare('SELECT code, name_zh, name_en FROM categories ORDER BY sort_order, code'),
    // The backlog and lateness of the total key only: rows grow with distinct days, not opinions.
    db
      .prepare('SELECT township_id, received_day AS day, n FROM stats_open_received WHERE township_id = ?1 AND category = ?2')
      .bind(t ?? 0, q.category),
    db
      .prepare(
        'SELECT township_id, due_on AS day, n FROM stats_open_due WHERE township_id = ?1 AND category = ?2 AND due_on < ?3',
      )
      .bind(t ?? 0, q.category, q.today),
    // Missed deadlines still open: one primary-key range per township shown (and the total).
    db
      .prepare(
        `SELECT township_id, due_on AS day, n FROM stats_open_deadline
         WHERE township_id IN (${t === null ? 'SELECT 0 UNION ALL SELECT id FROM townships' : '?1'})
           AND category = ?2 AND due_on >= ?3 AND due_on <= ?4 AND due_on < ?5`,
      )
      .bind(t ?? 0, q.category, q.fromWeek, q.toDay, q.today),
    db
      .prepare(
        'SELECT day, kind, name FROM calendar_days WHERE day >= (SELECT coalesce(min(received_day), ?3) FROM stats_open_received WHERE township_id = ?1 AND category = ?2) ORDER BY day',
      )
      .bind(t ?? 0, q.category, q.fromWeek),
    db.prepare('SELECT state, working_days FROM step_limits'),
  ];
  const results = await db.batch(statements);
  const rowsRead = results.reduce((sum, r) => sum + (r.meta.rows_read ?? 0), 0);
  const backlogRowsRead = [12, 13, 15].reduce((sum, i) => sum + (results[i]?.meta.rows_read ?? 0), 0);
  const rows = <T>(i: number) => (results[i]?.results ?? []) as T[];
  const weeks = rows<OpinionWeekRow>(2);
  return {
    overdue: rows<OverdueRow>(1),
    opinionWeeks: t === null ? weeks : weeks.filter((r) => r.category === q.category),
    categoryWeeks: t === null ? rows<OpinionWeekRow>(3) : weeks.filter((r) => r.category !== ''),
    townshipWeeks: rows<TownshipWeekRow>(4),
    deputies: rows<DeputyCountRow>(5),
    trainings: rows<TrainingRow>(6),
    training: rows<TrainingRow>(7)[0] ?? null,
    trainingCounts: rows<TrainingCountRow>(8),
    trainingResults: rows<TrainingResultRow>(9)[0] ?? null,
    townships: rows<TownshipRow>(10),
    categories: rows<CategoryRow>(11),
    openReceived: rows<DayCountRow>(12),
    openOverdue: rows<DayCountRow>(13),
    openMissed: rows<DayCountRow>(14),
    calendar: rows<OverviewRows['calendar'][number]>(15),
    stepLimits: rows<OverviewRows['stepLimits'][number]>(16),
    rowsRead,
    backlogRowsRead,
  };
}

/** What the weekly report reads: five weeks of one category, and the missed deadlines still open. */
export interface WeeklyQuery {
  /** Monday four weeks before the report's week, and the report week's Sunday. */
  fromWeek: string;
  toWeek: string;
  toDay: string;
  townshipId: number | null;
  category: string;
  today: string;
}

/** Reads the weekly report's rows in one batch: about (townships + 1) × 5 rollup rows. */
export async function readWeekly(
  db: D1Database,
  q: WeeklyQuery,
): Promise<{ weeks: OpinionWeekRow[]; missedOpen: DayCountRow[]; townships: TownshipRow[]; rowsRead: number }> {
  const t = q.townshipId;
  const results = await db.batch([
    t === null
      ? db
          .prepare('SELECT * FROM stats_opinion_weeks WHERE category = ?1 AND week BETWEEN ?2 AND ?3')
          .bind(q.category, q.fromWeek, q.toWeek)
      : db
          .prepare('SELECT * FROM stats_opinion_weeks WHERE category = ?1 AND week BETWEEN ?2 AND ?3 AND township_id = ?4')
          .bind(q.category, q.fromWeek, q.toWeek, t),
    db
      .prepare(
        `SELECT township_id, due_on AS day, n FROM stats_open_deadline
         WHERE township_id IN (${t === null ? 'SELECT 0 UNION ALL SELECT id FROM townships' : '?1'})
           AND category = ?2 AND due_on >= ?3 AND due_on <= ?4 AND due_on < ?5`,
      )
      .bind(t ?? 0, q.category, q.fromWeek, q.toDay, q.today),
    db.prepare('SELECT id, name, sort_order, active FROM townships ORDER BY sort_order, id'),
  ]);
  return {
    weeks: (results[0]?.results ?? []) as OpinionWeekRow[],
    missedOpen: (results[1]?.results ?? []) as DayCountRow[],
    townships: (results[2]?.results ?? []) as TownshipRow[],
    rowsRead: results.reduce((sum, r) => sum + (r.meta.rows_read ?? 0), 0),
  };
}
