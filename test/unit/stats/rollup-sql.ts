/// <reference types="node" />
/**
 * The SQL of the `stats_rollups` migration: the backfill of every rollup table from the raw
 * tables, then the triggers that keep them up to date on every write (see
 * worker/db/schema/stats.ts for what each table holds). Built from the workflow's state lists
 * so the two cannot drift apart; rollup-sql.test.ts checks that the migration file is exactly
 * this text.
 *
 * Regenerate (only while the migration is unreleased; afterwards, write a new migration):
 *   npx tsx test/unit/stats/rollup-sql.ts > migrations/0004_stats_rollups.sql
 *
 * Shape of the SQL, and why:
 * - No CASE expressions (iif() instead) and no CTEs: CTEs are not allowed in trigger bodies,
 *   and older D1 statement splitters mistook a CASE's END for the end of a trigger.
 * - Additions are upserts (INSERT … ON CONFLICT DO UPDATE); removals are plain UPDATEs that
 *   never create a row (see the schema's note on resets).
 * - Every change goes to four rows: (township, category), (township, all), (district,
 *   category), (district, all), written as a cross join of two one-or-two-row subqueries.
 *   UNION (not UNION ALL) so an impossible '' category or 0 township cannot count twice.
 */
import { OPEN_STATES, OPINION_STATES, RATINGS, RESOLVED_STATES } from '../../../worker/workflow/states';

// ---------------------------------------------------------------- expressions

const quoteList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** China (UTC+8) calendar day of an epoch-ms expression. */
export const daySql = (ms: string) => `date(${ms} / 1000 + 28800, 'unixepoch')`;
/** Monday of the China-time week of an epoch-ms expression. */
export const weekSql = (ms: string) => `date(${ms} / 1000 + 28800, 'unixepoch', '-6 days', 'weekday 1')`;
/** Monday of the week of a 'YYYY-MM-DD' expression. */
export const weekOfDaySql = (day: string) => `date(${day}, '-6 days', 'weekday 1')`;

/** Mondays to Fridays from 1970-01-05 (a Monday) up to and including `day`. */
const weekdaysUpTo = (day: string) => {
  const n = `CAST(julianday(${day}) - 2440591.5 AS INTEGER)`;
  return `((${n} / 7) * 5 + min(${n} % 7 + 1, 5))`;
};

/**
 * Working days in (a, b] — the same rule as worker/workflow/calendar.ts `workingDaysBetween`:
 * Mondays to Fridays, minus listed holidays that fall on a weekday, plus listed make-up
 * working days (调休) that fall on a weekend. Clamped at 0 (a resolution cannot precede its
 * receipt). Reads only the calendar_days rows inside the range.
 */
export const workingDaysSql = (a: string, b: string) =>
  `max(0, ${weekdaysUpTo(b)} - ${weekdaysUpTo(a)} + (SELECT coalesce(sum(iif(kind = 'workday', strftime('%w', day) IN ('0', '6'), -(strftime('%w', day) NOT IN ('0', '6')))), 0) FROM calendar_days WHERE day > ${a} AND day <= ${b}))`;

/** 1 when the opinion is resolved for good: 已办结 or closed, with a resolution time. */
const isResolution = (x: string) => `(${x}.state IN (${quoteList(RESOLVED_STATES)}) AND ${x}.resolved_at IS NOT NULL)`;
/** 1 when the opinion is open with a deadline (what 督办 and "overdue" track). */
const isOpenDue = (x: string) => `(${x}.state IN (${quoteList(OPEN_STATES)}) AND ${x}.due_on IS NOT NULL)`;
/** The week an opinion was taken up: when accepted, else (imported data) when received. */
const uptakeWeek = (x: string) => weekSql(`coalesce(${x}.accepted_at, ${x}.received_at)`);

/** The four key rows of a change: own and all-category × own township and district (0). */
const fourKeys = (category: string, township: string) =>
  `(SELECT ${category} AS v UNION SELECT '') c, (SELECT ${township} AS v UNION SELECT 0) t`;
const inFourKeys = (category: string, township: string) => `category IN (${category}, '') AND township_id IN (${township}, 0)`;

// Column lists of stats_opinion_weeks' cohort part: name and value for opinion alias x.
const stateColumn = (s: string) => `st_${s}`;
const ratingColumn = (r: string) => `rt_${r}`;
const cohortColumns = (x: string): [string, string][] => [
  ['received', '1'],
  ...OPINION_STATES.map((s): [string, string] => [stateColumn(s), `${x}.state = '${s}'`]),
  ...RATINGS.map((r): [string, string] => [ratingColumn(r), `coalesce(${x}.rating = '${r}', 0)`]),
  ['reopened', `${x}.reopen_count > 0`],
];

// ---------------------------------------------------------------- trigger bodies

const addCohort = (x: string) => {
  const cols = cohortColumns(x);
  return `INSERT INTO stats_opinion_weeks (category, week, township_id, ${cols.map(([c]) => c).join(', ')})
    SELECT c.v, ${weekSql(`${x}.received_at`)}, t.v, ${cols.map(([, v]) => v).join(', ')}
    FROM ${fourKeys(`${x}.category`, `${x}.township_id`)} WHERE true
    ON CONFLICT (category, week, township_id) DO UPDATE SET ${cols.map(([c]) => `${c} = ${c} + excluded.${c}`).join(', ')};`;
};

const removeCohort = (x: string) =>
  `UPDATE stats_opinion_weeks SET ${cohortColumns(x)
    .map(([c, v]) => `${c} = ${c} - (${v})`)
    .join(', ')}
    WHERE ${inFourKeys(`${x}.category`, `${x}.township_id`)} AND week = ${weekSql(`${x}.received_at`)};`;

const insertResolution = (x: string) =>
  `INSERT INTO stats_resolutions (opinion_id, township_id, category, received_week, resolved_day, resolved_week, working_days)
    SELECT ${x}.id, ${x}.township_id, ${x}.category, ${weekSql(`${x}.received_at`)}, r.b, ${weekOfDaySql('r.b')}, ${workingDaysSql('r.a', 'r.b')}
    FROM (SELECT ${daySql(`${x}.received_at`)} AS a, ${daySql(`${x}.resolved_at`)} AS b) r
    WHERE ${isResolution(x)};`;

const deleteResolution = (x: string) => `DELETE FROM stats_resolutions WHERE opinion_id = ${x}.id;`;

const addDue = (x: string) => `INSERT INTO stats_open_due (township_id, category, due_on, n)
    SELECT t.v, c.v, ${x}.due_on, 1 FROM ${fourKeys(`${x}.category`, `${x}.township_id`)} WHERE ${isOpenDue(x)}
    ON CONFLICT (township_id, category, due_on) DO UPDATE SET n = n + 1;
  INSERT INTO stats_overdue (category, township_id)
    SELECT c.v, t.v FROM ${fourKeys(`${x}.category`, `${x}.township_id`)} WHERE ${isOpenDue(x)}
    ON CONFLICT (category, township_id) DO NOTHING;
  UPDATE stats_overdue SET overdue = overdue + 1
    WHERE ${isOpenDue(x)} AND ${inFourKeys(`${x}.category`, `${x}.township_id`)} AND ${x}.due_on < as_of;`;

const removeDue = (x: string) => `UPDATE stats_open_due SET n = n - 1
    WHERE ${isOpenDue(x)} AND ${inFourKeys(`${x}.category`, `${x}.township_id`)} AND due_on = ${x}.due_on;
  DELETE FROM stats_open_due
    WHERE ${isOpenDue(x)} AND ${inFourKeys(`${x}.category`, `${x}.township_id`)} AND due_on = ${x}.due_on AND n <= 0;
  UPDATE stats_overdue SET overdue = overdue - 1
    WHERE ${isOpenDue(x)} AND ${inFourKeys(`${x}.category`, `${x}.township_id`)} AND ${x}.due_on < as_of;`;

const addUptake = (x: string) => `INSERT INTO stats_township_weeks (week, township_id, uptake_district, uptake_township)
    SELECT ${uptakeWeek(x)}, d.township_id, d.level = 'district', d.level = 'township'
    FROM deputies d WHERE d.id = ${x}.assigned_deputy_id
    ON CONFLICT (week, township_id) DO UPDATE SET uptake_district = uptake_district + excluded.uptake_district, uptake_township = uptake_township + excluded.uptake_township;`;

const removeUptake = (x: string) => `UPDATE stats_township_weeks
    SET uptake_district = uptake_district - ((SELECT level FROM deputies WHERE id = ${x}.assigned_deputy_id) = 'district'),
      uptake_township = uptake_township - ((SELECT level FROM deputies WHERE id = ${x}.assigned_deputy_id) = 'township')
    WHERE ${x}.assigned_deputy_id IS NOT NULL AND week = ${uptakeWeek(x)}
      AND township_id = (SELECT township_id FROM deputies WHERE id = ${x}.assigned_deputy_id);`;

// Training participation: (training, enrolment township, deputy level) of enrolment alias x.
const enrolmentLevel = (x: string) => `(SELECT level FROM deputies WHERE id = ${x}.deputy_id)`;
const hasAttendance = (enrolmentId: string) => `EXISTS (SELECT 1 FROM attendance a WHERE a.enrolment_id = ${enrolmentId})`;

const addEnrolment = (
  x: string,
) => `INSERT INTO stats_trainings (training_id, township_id, level, enrolled, checked_in, evaluated)
    SELECT ${x}.training_id, ${x}.township_id, ${enrolmentLevel(x)}, 1, ${hasAttendance(`${x}.id`)}, ${x}.submitted_on IS NOT NULL
    WHERE ${enrolmentLevel(x)} IS NOT NULL
    ON CONFLICT (training_id, township_id, level) DO UPDATE SET enrolled = enrolled + 1, checked_in = checked_in + excluded.checked_in, evaluated = evaluated + excluded.evaluated;`;

const removeEnrolment = (x: string) => `UPDATE stats_trainings
    SET enrolled = enrolled - 1, checked_in = checked_in - ${hasAttendance(`${x}.id`)}, evaluated = evaluated - (${x}.submitted_on IS NOT NULL)
    WHERE training_id = ${x}.training_id AND township_id = ${x}.township_id AND level = ${enrolmentLevel(x)};`;

/** The stats_trainings row of an enrolment id. */
const trainingRowOf = (enrolmentId: string) =>
  `(training_id, township_id, level) IN (SELECT e.training_id, e.township_id, d.level FROM enrolments e JOIN deputies d ON d.id = e.deputy_id WHERE e.id = ${enrolmentId})`;

const attendanceCount = (enrolmentId: string) => `(SELECT count(*) FROM attendance WHERE enrolment_id = ${enrolmentId})`;

// Anonymous evaluation answers: the `overall` (1–5) and `recommend` (0–10) answers of alias x.
const answer = (x: string, key: string) =>
  `iif(json_valid(${x}.answers) AND json_type(${x}.answers, '$.${key}') = 'integer', json_extract(${x}.answers, '$.${key}'), NULL)`;
const resultColumns = (x: string): [string, string][] => {
  const overall = answer(x, 'overall');
  const recommend = answer(x, 'recommend');
  return [
    ['responses', '1'],
    ...[1, 2, 3, 4, 5].map((k): [string, string] => [`overall_${k}`, `coalesce(${overall} = ${k}, 0)`]),
    ['promoters', `coalesce(${recommend} BETWEEN 9 AND 10, 0)`],
    ['passives', `coalesce(${recommend} BETWEEN 7 AND 8, 0)`],
    ['detractors', `coalesce(${recommend} BETWEEN 0 AND 6, 0)`],
  ];
};
const resultTownships = (x: string) => `(SELECT ${x}.township_id AS v WHERE ${x}.township_id IS NOT NULL UNION SELECT 0) t`;

const addResult = (x: string) => {
  const cols = resultColumns(x);
  return `INSERT INTO stats_training_results (training_id, township_id, ${cols.map(([c]) => c).join(', ')})
    SELECT ${x}.training_id, t.v, ${cols.map(([, v]) => v).join(', ')} FROM ${resultTownships(x)} WHERE true
    ON CONFLICT (training_id, township_id) DO UPDATE SET ${cols.map(([c]) => `${c} = ${c} + excluded.${c}`).join(', ')};`;
};

const removeResult = (x: string) =>
  `UPDATE stats_training_results SET ${resultColumns(x)
    .map(([c, v]) => `${c} = ${c} - (${v})`)
    .join(', ')}
    WHERE training_id = ${x}.training_id AND township_id IN (coalesce(${x}.township_id, 0), 0);`;

// Receptions (进站接待): counters of reception alias x, sessions of reception_deputies alias x.
const addReception = (
  x: string,
) => `INSERT INTO stats_township_weeks (week, township_id, receptions, residents_received, opinions_taken)
    VALUES (${weekOfDaySql(`${x}.day`)}, ${x}.township_id, 1, ${x}.residents_received, ${x}.opinions_taken)
    ON CONFLICT (week, township_id) DO UPDATE SET receptions = receptions + 1, residents_received = residents_received + excluded.residents_received, opinions_taken = opinions_taken + excluded.opinions_taken;`;

const removeReception = (x: string) => `UPDATE stats_township_weeks
    SET receptions = receptions - 1, residents_received = residents_received - ${x}.residents_received, opinions_taken = opinions_taken - ${x}.opinions_taken
    WHERE week = ${weekOfDaySql(`${x}.day`)} AND township_id = ${x}.township_id;`;

/** Deputies present at reception `id`, of one level. */
const sessionsOf = (id: string, level: string) =>
  `(SELECT count(*) FROM reception_deputies rd JOIN deputies d ON d.id = rd.deputy_id WHERE rd.reception_id = ${id} AND d.level = '${level}')`;

const addSession = (x: string) => `INSERT INTO stats_township_weeks (week, township_id, sessions_district, sessions_township)
    SELECT ${weekOfDaySql('r.day')}, r.township_id, d.level = 'district', d.level = 'township'
    FROM receptions r, deputies d WHERE r.id = ${x}.reception_id AND d.id = ${x}.deputy_id
    ON CONFLICT (week, township_id) DO UPDATE SET sessions_district = sessions_district + excluded.sessions_district, sessions_township = sessions_township + excluded.sessions_township;`;

const removeSession = (x: string) => `UPDATE stats_township_weeks
    SET sessions_district = sessions_district - ((SELECT level FROM deputies WHERE id = ${x}.deputy_id) = 'district'),
      sessions_township = sessions_township - ((SELECT level FROM deputies WHERE id = ${x}.deputy_id) = 'township')
    WHERE (week, township_id) IN (SELECT ${weekOfDaySql('day')}, township_id FROM receptions WHERE id = ${x}.reception_id);`;

// ---------------------------------------------------------------- triggers

interface Trigger {
  name: string;
  /** e.g. 'AFTER INSERT ON opinions' or 'AFTER UPDATE OF state ON opinions WHEN …'. */
  on: string;
  body: string[];
}

const changed = (cols: readonly string[]) => cols.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');

const TRIGGERS: Trigger[] = [
  // ---- opinions
  {
    name: 'stats_opinions_insert',
    on: 'AFTER INSERT ON opinions',
    body: [addCohort('NEW'), insertResolution('NEW'), addDue('NEW'), addUptake('NEW')],
  },
  {
    name: 'stats_opinions_delete',
    on: 'AFTER DELETE ON opinions',
    body: [removeCohort('OLD'), deleteResolution('OLD'), removeDue('OLD'), removeUptake('OLD')],
  },
  {
    name: 'stats_opinions_cohort',
    on: `AFTER UPDATE OF township_id, category, received_at, state, rating, reopen_count ON opinions
  WHEN ${changed(['township_id', 'category', 'state', 'rating'])} OR ${weekSql('OLD.received_at')} IS NOT ${weekSql('NEW.received_at')} OR (OLD.reopen_count > 0) IS NOT (NEW.reopen_count > 0)`,
    body: [removeCohort('OLD'), addCohort('NEW')],
  },
  {
    name: 'stats_opinions_resolution',
    on: `AFTER UPDATE OF township_id, category, received_at, state, resolved_at ON opinions
  WHEN ${isResolution('OLD')} IS NOT ${isResolution('NEW')} OR (${isResolution('NEW')} AND (${changed(['township_id', 'category', 'received_at', 'resolved_at'])}))`,
    body: [deleteResolution('OLD'), insertResolution('NEW')],
  },
  {
    name: 'stats_opinions_due',
    on: `AFTER UPDATE OF township_id, category, state, due_on ON opinions
  WHEN ${isOpenDue('OLD')} IS NOT ${isOpenDue('NEW')} OR (${isOpenDue('NEW')} AND (${changed(['township_id', 'category', 'due_on'])}))`,
    body: [removeDue('OLD'), addDue('NEW')],
  },
  {
    name: 'stats_opinions_uptake',
    on: `AFTER UPDATE OF assigned_deputy_id, accepted_at, received_at ON opinions
  WHEN OLD.assigned_deputy_id IS NOT NEW.assigned_deputy_id OR (NEW.assigned_deputy_id IS NOT NULL AND ${uptakeWeek('OLD')} IS NOT ${uptakeWeek('NEW')})`,
    body: [removeUptake('OLD'), addUptake('NEW')],
  },
  // ---- resolution facts → histogram (by week received) and flow (by week resolved)
  {
    name: 'stats_resolutions_insert',
    on: 'AFTER INSERT ON stats_resolutions',
    body: [
      `INSERT INTO stats_opinion_weeks (category, week, township_id, resolve_days_n, resolve_days_sum, resolve_days)
    SELECT c.v, NEW.received_week, t.v, 1, NEW.working_days, json_object(CAST(NEW.working_days AS TEXT), 1)
    FROM ${fourKeys('NEW.category', 'NEW.township_id')} WHERE true
    ON CONFLICT (category, week, township_id) DO UPDATE SET resolve_days_n = resolve_days_n + 1,
      resolve_days_sum = resolve_days_sum + excluded.resolve_days_sum,
      resolve_days = json_set(resolve_days, '$."' || NEW.working_days || '"', coalesce(json_extract(resolve_days, '$."' || NEW.working_days || '"'), 0) + 1);`,
      `INSERT INTO stats_opinion_weeks (category, week, township_id, resolved_flow)
    SELECT c.v, NEW.resolved_week, t.v, 1 FROM ${fourKeys('NEW.category', 'NEW.township_id')} WHERE true
    ON CONFLICT (category, week, township_id) DO UPDATE SET resolved_flow = resolved_flow + 1;`,
    ],
  },
  {
    name: 'stats_resolutions_delete',
    on: 'AFTER DELETE ON stats_resolutions',
    body: [
      `UPDATE stats_opinion_weeks SET resolve_days_n = resolve_days_n - 1, resolve_days_sum = resolve_days_sum - OLD.working_days,
      resolve_days = iif(coalesce(json_extract(resolve_days, '$."' || OLD.working_days || '"'), 0) <= 1,
        json_remove(resolve_days, '$."' || OLD.working_days || '"'),
        json_set(resolve_days, '$."' || OLD.working_days || '"', json_extract(resolve_days, '$."' || OLD.working_days || '"') - 1))
    WHERE ${inFourKeys('OLD.category', 'OLD.township_id')} AND week = OLD.received_week;`,
      `UPDATE stats_opinion_weeks SET resolved_flow = resolved_flow - 1
    WHERE ${inFourKeys('OLD.category', 'OLD.township_id')} AND week = OLD.resolved_week;`,
    ],
  },
  // ---- deputies
  {
    name: 'stats_deputies_insert',
    on: 'AFTER INSERT ON deputies',
    body: [
      `INSERT INTO stats_deputies (township_id, level, active, inactive) VALUES (NEW.township_id, NEW.level, NEW.active = 1, NEW.active = 0)
    ON CONFLICT (township_id, level) DO UPDATE SET active = active + excluded.active, inactive = inactive + excluded.inactive;`,
    ],
  },
  {
    name: 'stats_deputies_delete',
    on: 'AFTER DELETE ON deputies',
    body: [
      `UPDATE stats_deputies SET active = active - (OLD.active = 1), inactive = inactive - (OLD.active = 0)
    WHERE township_id = OLD.township_id AND level = OLD.level;`,
    ],
  },
  {
    name: 'stats_deputies_update',
    on: `AFTER UPDATE OF township_id, level, active ON deputies WHEN ${changed(['township_id', 'level', 'active'])}`,
    body: [
      `UPDATE stats_deputies SET active = active - (OLD.active = 1), inactive = inactive - (OLD.active = 0)
    WHERE township_id = OLD.township_id AND level = OLD.level;`,
      `INSERT INTO stats_deputies (township_id, level, active, inactive) VALUES (NEW.township_id, NEW.level, NEW.active = 1, NEW.active = 0)
    ON CONFLICT (township_id, level) DO UPDATE SET active = active + excluded.active, inactive = inactive + excluded.inactive;`,
    ],
  },
  {
    // A deputy's level decides the column their training, reception and uptake counts are in.
    name: 'stats_deputies_level',
    on: 'AFTER UPDATE OF level ON deputies WHEN OLD.level IS NOT NEW.level',
    body: [
      `UPDATE stats_trainings SET
      enrolled = enrolled - (SELECT count(*) FROM enrolments e WHERE e.deputy_id = NEW.id AND e.training_id = stats_trainings.training_id AND e.township_id = stats_trainings.township_id),
      checked_in = checked_in - (SELECT count(*) FROM enrolments e WHERE e.deputy_id = NEW.id AND e.training_id = stats_trainings.training_id AND e.township_id = stats_trainings.township_id AND ${hasAttendance('e.id')}),
      evaluated = evaluated - (SELECT count(*) FROM enrolments e WHERE e.deputy_id = NEW.id AND e.training_id = stats_trainings.training_id AND e.township_id = stats_trainings.township_id AND e.submitted_on IS NOT NULL)
    WHERE level = OLD.level AND (training_id, township_id) IN (SELECT training_id, township_id FROM enrolments WHERE deputy_id = NEW.id);`,
      `INSERT INTO stats_trainings (training_id, township_id, level, enrolled, checked_in, evaluated)
    SELECT e.training_id, e.township_id, NEW.level, count(*), sum(${hasAttendance('e.id')}), sum(e.submitted_on IS NOT NULL)
    FROM enrolments e WHERE e.deputy_id = NEW.id GROUP BY e.training_id, e.township_id
    ON CONFLICT (training_id, township_id, level) DO UPDATE SET enrolled = enrolled + excluded.enrolled, checked_in = checked_in + excluded.checked_in, evaluated = evaluated + excluded.evaluated;`,
      `UPDATE stats_township_weeks SET
      sessions_district = sessions_district + ((NEW.level = 'district') - (OLD.level = 'district')) * (SELECT count(*) FROM reception_deputies rd JOIN receptions r ON r.id = rd.reception_id WHERE rd.deputy_id = NEW.id AND r.township_id = stats_township_weeks.township_id AND ${weekOfDaySql('r.day')} = stats_township_weeks.week),
      sessions_township = sessions_township + ((NEW.level = 'township') - (OLD.level = 'township')) * (SELECT count(*) FROM reception_deputies rd JOIN receptions r ON r.id = rd.reception_id WHERE rd.deputy_id = NEW.id AND r.township_id = stats_township_weeks.township_id AND ${weekOfDaySql('r.day')} = stats_township_weeks.week)
    WHERE (week, township_id) IN (SELECT ${weekOfDaySql('r.day')}, r.township_id FROM reception_deputies rd JOIN receptions r ON r.id = rd.reception_id WHERE rd.deputy_id = NEW.id);`,
    ],
  },
  {
    // Opinions taken up count for the deputy's township and level: move them along.
    name: 'stats_deputies_uptake',
    on: 'AFTER UPDATE OF township_id, level ON deputies WHEN OLD.township_id IS NOT NEW.township_id OR OLD.level IS NOT NEW.level',
    body: [
      `UPDATE stats_township_weeks SET
      uptake_district = uptake_district - (OLD.level = 'district') * (SELECT count(*) FROM opinions o WHERE o.assigned_deputy_id = NEW.id AND ${uptakeWeek('o')} = stats_township_weeks.week),
      uptake_township = uptake_township - (OLD.level = 'township') * (SELECT count(*) FROM opinions o WHERE o.assigned_deputy_id = NEW.id AND ${uptakeWeek('o')} = stats_township_weeks.week)
    WHERE township_id = OLD.township_id AND week IN (SELECT ${uptakeWeek('o')} FROM opinions o WHERE o.assigned_deputy_id = NEW.id);`,
      `INSERT INTO stats_township_weeks (week, township_id, uptake_district, uptake_township)
    SELECT ${uptakeWeek('o')} AS w, NEW.township_id, (NEW.level = 'district') * count(*), (NEW.level = 'township') * count(*)
    FROM opinions o WHERE o.assigned_deputy_id = NEW.id GROUP BY w
    ON CONFLICT (week, township_id) DO UPDATE SET uptake_district = uptake_district + excluded.uptake_district, uptake_township = uptake_township + excluded.uptake_township;`,
    ],
  },
  // ---- trainings: enrolments and check-ins
  { name: 'stats_enrolments_insert', on: 'AFTER INSERT ON enrolments', body: [addEnrolment('NEW')] },
  { name: 'stats_enrolments_delete', on: 'AFTER DELETE ON enrolments', body: [removeEnrolment('OLD')] },
  {
    name: 'stats_enrolments_update',
    on: `AFTER UPDATE OF training_id, township_id, deputy_id, submitted_on ON enrolments
  WHEN ${changed(['training_id', 'township_id', 'deputy_id'])} OR (OLD.submitted_on IS NULL) IS NOT (NEW.submitted_on IS NULL)`,
    body: [removeEnrolment('OLD'), addEnrolment('NEW')],
  },
  {
    name: 'stats_attendance_insert',
    on: 'AFTER INSERT ON attendance',
    body: [
      `UPDATE stats_trainings SET checked_in = checked_in + 1 WHERE ${attendanceCount('NEW.enrolment_id')} = 1 AND ${trainingRowOf('NEW.enrolment_id')};`,
    ],
  },
  {
    name: 'stats_attendance_delete',
    on: 'AFTER DELETE ON attendance',
    body: [
      `UPDATE stats_trainings SET checked_in = checked_in - 1 WHERE ${attendanceCount('OLD.enrolment_id')} = 0 AND ${trainingRowOf('OLD.enrolment_id')};`,
    ],
  },
  {
    name: 'stats_attendance_update',
    on: 'AFTER UPDATE OF enrolment_id ON attendance WHEN OLD.enrolment_id IS NOT NEW.enrolment_id',
    body: [
      `UPDATE stats_trainings SET checked_in = checked_in - 1 WHERE ${attendanceCount('OLD.enrolment_id')} = 0 AND ${trainingRowOf('OLD.enrolment_id')};`,
      `UPDATE stats_trainings SET checked_in = checked_in + 1 WHERE ${attendanceCount('NEW.enrolment_id')} = 1 AND ${trainingRowOf('NEW.enrolment_id')};`,
    ],
  },
  // ---- anonymous evaluation answers
  { name: 'stats_evaluation_responses_insert', on: 'AFTER INSERT ON evaluation_responses', body: [addResult('NEW')] },
  { name: 'stats_evaluation_responses_delete', on: 'AFTER DELETE ON evaluation_responses', body: [removeResult('OLD')] },
  {
    name: 'stats_evaluation_responses_update',
    on: 'AFTER UPDATE OF training_id, township_id, answers ON evaluation_responses',
    body: [removeResult('OLD'), addResult('NEW')],
  },
  // ---- receptions (进站接待)
  { name: 'stats_receptions_insert', on: 'AFTER INSERT ON receptions', body: [addReception('NEW')] },
  { name: 'stats_receptions_delete', on: 'AFTER DELETE ON receptions', body: [removeReception('OLD')] },
  {
    name: 'stats_receptions_update',
    on: `AFTER UPDATE OF township_id, day, residents_received, opinions_taken ON receptions
  WHEN ${changed(['township_id', 'day', 'residents_received', 'opinions_taken'])}`,
    body: [
      removeReception('OLD'),
      addReception('NEW'),
      // The deputies present move with the session when its township or week changes.
      `UPDATE stats_township_weeks SET sessions_district = sessions_district - ${sessionsOf('OLD.id', 'district')},
      sessions_township = sessions_township - ${sessionsOf('OLD.id', 'township')}
    WHERE week = ${weekOfDaySql('OLD.day')} AND township_id = OLD.township_id;`,
      `UPDATE stats_township_weeks SET sessions_district = sessions_district + ${sessionsOf('NEW.id', 'district')},
      sessions_township = sessions_township + ${sessionsOf('NEW.id', 'township')}
    WHERE week = ${weekOfDaySql('NEW.day')} AND township_id = NEW.township_id;`,
    ],
  },
  { name: 'stats_reception_deputies_insert', on: 'AFTER INSERT ON reception_deputies', body: [addSession('NEW')] },
  { name: 'stats_reception_deputies_delete', on: 'AFTER DELETE ON reception_deputies', body: [removeSession('OLD')] },
  {
    name: 'stats_reception_deputies_update',
    on: 'AFTER UPDATE OF reception_id, deputy_id ON reception_deputies',
    body: [removeSession('OLD'), addSession('NEW')],
  },
];

/** Names of every rollup trigger (a test checks they all exist after every migration). */
export const ROLLUP_TRIGGERS: readonly string[] = TRIGGERS.map((t) => t.name);

const triggerSql = (t: Trigger) => `CREATE TRIGGER ${t.name} ${t.on}\nBEGIN\n  ${t.body.join('\n  ')}\nEND;`;

// ---------------------------------------------------------------- backfill

/** Township and category as the four key rows of a GROUP BY over alias x, cross joined with k. */
const KEY_EXPANSION = '(SELECT 0 AS all_t UNION ALL SELECT 1) kt, (SELECT 0 AS all_c UNION ALL SELECT 1) kc';
const keyCategory = (x: string) => `iif(kc.all_c, '', ${x}.category)`;
const keyTownship = (x: string) => `iif(kt.all_t, 0, ${x}.township_id)`;
const notDoubled = (x: string) => `NOT (kc.all_c = 0 AND ${x}.category = '')`;

/**
 * Set-based backfill of every rollup from the tables as they are, so the migration works on
 * a database that already has opinions, deputies, trainings and receptions. Runs before the
 * triggers are created, inside the same migration, so no write can fall between the two.
 */
function backfillStatements(): string[] {
  const cohort = cohortColumns('o');
  return [
    `INSERT INTO stats_deputies (township_id, level, active, inactive)
  SELECT township_id, level, sum(active = 1), sum(active = 0) FROM deputies GROUP BY township_id, level;`,
    `INSERT INTO stats_opinion_weeks (category, week, township_id, ${cohort.map(([c]) => c).join(', ')})
  SELECT ${keyCategory('o')} AS kc_v, ${weekSql('o.received_at')} AS wk, ${keyTownship('o')} AS kt_v, ${cohort.map(([, v]) => `sum(${v})`).join(', ')}
  FROM opinions o, ${KEY_EXPANSION} WHERE ${notDoubled('o')} GROUP BY kc_v, wk, kt_v;`,
    `INSERT INTO stats_resolutions (opinion_id, township_id, category, received_week, resolved_day, resolved_week, working_days)
  SELECT r.id, r.township_id, r.category, ${weekSql('r.received_at')}, r.b, ${weekOfDaySql('r.b')}, ${workingDaysSql('r.a', 'r.b')}
  FROM (SELECT o.*, ${daySql('o.received_at')} AS a, ${daySql('o.resolved_at')} AS b FROM opinions o WHERE ${isResolution('o')}) r;`,
    `INSERT INTO stats_opinion_weeks (category, week, township_id, resolve_days_n, resolve_days_sum, resolve_days)
  SELECT kc_v, wk, kt_v, sum(n), sum(n * d), json_group_object(CAST(d AS TEXT), n)
  FROM (SELECT ${keyCategory('r')} AS kc_v, r.received_week AS wk, ${keyTownship('r')} AS kt_v, r.working_days AS d, count(*) AS n
    FROM stats_resolutions r, ${KEY_EXPANSION} WHERE ${notDoubled('r')} GROUP BY kc_v, wk, kt_v, d)
  WHERE true GROUP BY kc_v, wk, kt_v
  ON CONFLICT (category, week, township_id) DO UPDATE SET resolve_days_n = excluded.resolve_days_n, resolve_days_sum = excluded.resolve_days_sum, resolve_days = excluded.resolve_days;`,
    `INSERT INTO stats_opinion_weeks (category, week, township_id, resolved_flow)
  SELECT ${keyCategory('r')} AS kc_v, r.resolved_week AS wk, ${keyTownship('r')} AS kt_v, count(*)
  FROM stats_resolutions r, ${KEY_EXPANSION} WHERE ${notDoubled('r')} GROUP BY kc_v, wk, kt_v
  ON CONFLICT (category, week, township_id) DO UPDATE SET resolved_flow = excluded.resolved_flow;`,
    `INSERT INTO stats_open_due (township_id, category, due_on, n)
  SELECT ${keyTownship('o')} AS kt_v, ${keyCategory('o')} AS kc_v, o.due_on, count(*)
  FROM opinions o, ${KEY_EXPANSION} WHERE ${isOpenDue('o')} AND ${notDoubled('o')} GROUP BY kt_v, kc_v, o.due_on;`,
    // as_of '' counts nothing yet: the first read moves it to that day, adding all overdue.
    `INSERT INTO stats_overdue (category, township_id) SELECT DISTINCT category, township_id FROM stats_open_due;`,
    `INSERT INTO stats_township_weeks (week, township_id, receptions, residents_received, opinions_taken)
  SELECT ${weekOfDaySql('day')} AS wk, township_id, count(*), sum(residents_received), sum(opinions_taken)
  FROM receptions GROUP BY wk, township_id;`,
    `INSERT INTO stats_township_weeks (week, township_id, sessions_district, sessions_township)
  SELECT ${weekOfDaySql('r.day')} AS wk, r.township_id, sum(d.level = 'district'), sum(d.level = 'township')
  FROM reception_deputies rd JOIN receptions r ON r.id = rd.reception_id JOIN deputies d ON d.id = rd.deputy_id
  WHERE true GROUP BY wk, r.township_id
  ON CONFLICT (week, township_id) DO UPDATE SET sessions_district = excluded.sessions_district, sessions_township = excluded.sessions_township;`,
    `INSERT INTO stats_township_weeks (week, township_id, uptake_district, uptake_township)
  SELECT ${uptakeWeek('o')} AS wk, d.township_id, sum(d.level = 'district'), sum(d.level = 'township')
  FROM opinions o JOIN deputies d ON d.id = o.assigned_deputy_id
  WHERE true GROUP BY wk, d.township_id
  ON CONFLICT (week, township_id) DO UPDATE SET uptake_district = excluded.uptake_district, uptake_township = excluded.uptake_township;`,
    `INSERT INTO stats_trainings (training_id, township_id, level, enrolled, checked_in, evaluated)
  SELECT e.training_id, e.township_id, d.level, count(*), sum(${hasAttendance('e.id')}), sum(e.submitted_on IS NOT NULL)
  FROM enrolments e JOIN deputies d ON d.id = e.deputy_id GROUP BY e.training_id, e.township_id, d.level;`,
    (() => {
      const cols = resultColumns('x');
      return `INSERT INTO stats_training_results (training_id, township_id, ${cols.map(([c]) => c).join(', ')})
  SELECT x.training_id, x.kt_v, ${cols.map(([, v]) => `sum(${v})`).join(', ')}
  FROM (SELECT er.*, iif(kt.all_t, 0, er.township_id) AS kt_v FROM evaluation_responses er, (SELECT 0 AS all_t UNION ALL SELECT 1) kt
    WHERE kt.all_t = 1 OR er.township_id IS NOT NULL) x
  GROUP BY x.training_id, x.kt_v;`;
    })(),
  ];
}

/** The statements of the migration, in order: backfill, then triggers. */
export function rollupStatements(): string[] {
  return [...backfillStatements(), ...TRIGGERS.map(triggerSql)];
}

/** The whole migration file, with drizzle's statement breakpoints. */
export function rollupSql(): string {
  const header =
    '-- Statistics rollups: backfill every stats_* table from the raw tables, then the triggers that keep them\n' +
    '-- up to date on every write. Generated by test/unit/stats/rollup-sql.ts; rollup-sql.test.ts checks it.\n';
  return `${header}${rollupStatements().join('\n--> statement-breakpoint\n')}\n`;
}

// Printed when run directly (tsx); imported by tests in Node and in workerd, where argv is empty.
if (globalThis.process?.argv?.[1]?.endsWith('rollup-sql.ts')) process.stdout.write(rollupSql());
