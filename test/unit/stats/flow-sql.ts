/// <reference types="node" />
/**
 * The SQL of the `stats_flows` custom migration: the triggers behind the flow, deadline,
 * first-rating, backlog and check-in-by-day figures (see worker/db/schema/stats.ts), and the
 * backfill of those figures from the rows already there. flow-sql.test.ts checks that the
 * migration file is exactly this text.
 *
 * Regenerate (only while the migration is unreleased; afterwards, write a new migration):
 *   npx tsx test/unit/stats/flow-sql.ts > migrations/0013_stats_flow_triggers.sql
 *
 * Order matters: the stats_event_facts → stats_opinion_weeks triggers are created first, so
 * the backfill of the facts (one INSERT … SELECT over opinion_events) fills the weekly rollup
 * through them; the trigger on opinion_events comes last, so no event is counted twice.
 * Same SQL shape as rollup-sql.ts: iif() instead of CASE, no CTEs, removals never create rows.
 */
import { OPEN_STATES } from '../../../worker/workflow/states';
import { daySql, weekOfDaySql, weekSql } from '../../../worker/stats/working-days-sql';

const quoteList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** States whose due_on is the 办理时限 (agreed in 三议, or set by 自行办理, 延期, 重办). */
export const DEADLINE_STATES = ['deliberating', 'handling'] as const;
const inDeadline = (state: string) => `${state} IN (${quoteList(DEADLINE_STATES)})`;
const ACCEPTING = quoteList(['satisfied', 'basically_satisfied']);

/** `data.deadline` of an event row alias x, or NULL (also for malformed JSON). */
const deadlineOf = (x: string) => `iif(json_valid(${x}.data), json_extract(${x}.data, '$.deadline'), NULL)`;
const ratingOf = (x: string) => `iif(json_valid(${x}.data), json_extract(${x}.data, '$.rating'), NULL)`;

/**
 * The 办理时限 in force before event x: the deadline of the latest earlier event of the same
 * opinion that entered (or stayed in) 三议/四办 with one. Only meaningful when x leaves from
 * one of those states (then nothing can have consumed it in between).
 */
const deadlineInForce = (x: string) =>
  `(SELECT ${deadlineOf('p')} FROM opinion_events p WHERE p.opinion_id = ${x}.opinion_id AND p.id < ${x}.id AND ${inDeadline('p.to_state')} AND ${deadlineOf('p')} IS NOT NULL ORDER BY p.id DESC LIMIT 1)`;

const FACT_COLUMNS = [
  'resolved',
  'reopened',
  'rated',
  'rated_ok',
  'callback',
  'callback_ok',
  'due_met',
  'due_missed',
  'ever_resolved',
  'first_rated',
  'first_ok',
  'first_callback',
  'first_callback_ok',
] as const;

/**
 * INSERT … SELECT of the facts of the events `source` (alias e), joined with their opinion.
 * `x` is computed once per event in the inner SELECT; the outer one turns it into 0/1 columns.
 */
/**
 * What kind of event alias x is for the facts. v1 (the stats_flow_triggers migration) went by
 * the action; v2 counts every step into 已办结 as a resolution, whichever action took it
 * there (the departments' accept_answer as well as resolve).
 */
const kindOf = (x: string, v2: boolean) =>
  v2 ? `iif(${x}.to_state = 'resolved' AND ${x}.from_state IS NOT 'resolved', 'resolve', ${x}.action)` : `${x}.action`;

const insertFacts = (
  source: string,
  where: string,
  v2 = false,
) => `INSERT INTO stats_event_facts (event_id, opinion_id, township_id, category, event_week, received_week, due_week, ${FACT_COLUMNS.join(', ')})
  SELECT x.id, x.opinion_id, x.township_id, x.category, ${weekOfDaySql('x.day')}, ${weekSql('x.received_at')}, iif(x.d IS NULL, NULL, ${weekOfDaySql('x.d')}),
    x.action = 'resolve', x.action = 'reopen',
    x.action = 'rate' AND NOT x.staff, x.action = 'rate' AND NOT x.staff AND x.rating IN (${ACCEPTING}),
    x.action = 'rate' AND x.staff, x.action = 'rate' AND x.staff AND x.rating IN (${ACCEPTING}),
    coalesce(x.action = 'resolve' AND x.day <= x.d, 0),
    coalesce(x.day > x.d AND (NOT ${inDeadline('x.to_state')} OR x.new_deadline IS NOT NULL), 0),
    x.action = 'resolve' AND x.first_of_kind, x.action = 'rate' AND x.first_of_kind,
    x.action = 'rate' AND x.first_of_kind AND x.rating IN (${ACCEPTING}),
    x.action = 'rate' AND x.first_of_kind AND x.staff,
    x.action = 'rate' AND x.first_of_kind AND x.staff AND x.rating IN (${ACCEPTING})
  FROM (SELECT e.id, e.opinion_id, ${v2 ? `${kindOf('e', v2)} AS action` : 'e.action'}, e.to_state, o.township_id, o.category, o.received_at,
      ${daySql('e.at')} AS day, e.actor_user_id IS NOT NULL AS staff, ${ratingOf('e')} AS rating,
      iif(${inDeadline('e.to_state')}, ${deadlineOf('e')}, NULL) AS new_deadline,
      iif(${inDeadline('e.from_state')}, ${deadlineInForce('e')}, NULL) AS d,
      iif(${kindOf('e', v2)} IN ('resolve', 'rate'), NOT EXISTS (SELECT 1 FROM opinion_events q WHERE q.opinion_id = e.opinion_id AND q.id < e.id AND ${kindOf('q', v2)} = ${kindOf('e', v2)}), 0) AS first_of_kind
    FROM ${source} JOIN opinions o ON o.id = e.opinion_id WHERE ${where}) x
  WHERE x.action IN ('resolve', 'reopen', 'rate') OR coalesce(x.day > x.d AND (NOT ${inDeadline('x.to_state')} OR x.new_deadline IS NOT NULL), 0);`;

/** Events that can contribute a fact (cheap test before the lookups). */
const mayCount = (x: string, v2 = false) =>
  `(${x}.action IN ('resolve', 'reopen', 'rate')${v2 ? ` OR ${x}.to_state = 'resolved'` : ''} OR ${inDeadline(`${x}.from_state`)})`;

/** The event trigger: v1 in stats_flow_triggers, v2 from stats_flow_any_resolution on. */
const eventsTrigger = (v2: boolean): Trigger => ({
  name: 'stats_events_insert',
  on: `AFTER INSERT ON opinion_events WHEN ${mayCount('NEW', v2)}`,
  body: [
    insertFacts(
      '(SELECT NEW.id AS id, NEW.opinion_id AS opinion_id, NEW.at AS at, NEW.action AS action, NEW.from_state AS from_state, NEW.to_state AS to_state, NEW.actor_user_id AS actor_user_id, NEW.data AS data) e',
      'true',
      v2,
    ),
  ],
});

const fourKeys = (category: string, township: string) =>
  `(SELECT ${category} AS v UNION SELECT '') c, (SELECT ${township} AS v UNION SELECT 0) t`;
const inFourKeys = (category: string, township: string) => `category IN (${category}, '') AND township_id IN (${township}, 0)`;

/** The three week keys a fact adds to, each with its columns. */
const FACT_GROUPS: { week: string; columns: [string, string][] }[] = [
  {
    week: 'event_week',
    columns: [
      ['ev_resolved', 'resolved'],
      ['ev_reopened', 'reopened'],
      ['ev_rated', 'rated'],
      ['ev_rated_ok', 'rated_ok'],
      ['ev_callback', 'callback'],
      ['ev_callback_ok', 'callback_ok'],
    ],
  },
  {
    week: 'due_week',
    columns: [
      ['due_met', 'due_met'],
      ['due_missed', 'due_missed'],
    ],
  },
  {
    week: 'received_week',
    columns: [
      ['ever_resolved', 'ever_resolved'],
      ['first_rated', 'first_rated'],
      ['first_ok', 'first_ok'],
      ['first_callback', 'first_callback'],
      ['first_callback_ok', 'first_callback_ok'],
    ],
  },
];

const anyOf = (x: string, cols: [string, string][]) => `(${cols.map(([, f]) => `${x}.${f}`).join(' + ')}) > 0`;

const addFact = FACT_GROUPS.map(
  (g) => `INSERT INTO stats_opinion_weeks (category, week, township_id, ${g.columns.map(([c]) => c).join(', ')})
    SELECT c.v, NEW.${g.week}, t.v, ${g.columns.map(([, f]) => `NEW.${f}`).join(', ')}
    FROM ${fourKeys('NEW.category', 'NEW.township_id')} WHERE NEW.${g.week} IS NOT NULL AND ${anyOf('NEW', g.columns)}
    ON CONFLICT (category, week, township_id) DO UPDATE SET ${g.columns.map(([c]) => `${c} = ${c} + excluded.${c}`).join(', ')};`,
);

const removeFact = FACT_GROUPS.map(
  (g) => `UPDATE stats_opinion_weeks SET ${g.columns.map(([c, f]) => `${c} = ${c} - OLD.${f}`).join(', ')}
    WHERE ${anyOf('OLD', g.columns)} AND ${inFourKeys('OLD.category', 'OLD.township_id')} AND week = OLD.${g.week};`,
);

// ---- open opinions by day received (backlog) and by 办理时限 (live missed deadlines)

interface OpenRollup {
  table: string;
  dayColumn: string;
  /** The key day of opinion alias x. */
  day: (x: string) => string;
  /** 1 when opinion x belongs in the rollup. */
  member: (x: string) => string;
  /** Columns whose change can move an opinion in or out or to another key. */
  watch: string[];
}

const OPEN_ROLLUPS: OpenRollup[] = [
  {
    table: 'stats_open_received',
    dayColumn: 'received_day',
    day: (x) => daySql(`${x}.received_at`),
    member: (x) => `(${x}.state IN (${quoteList(OPEN_STATES)}))`,
    watch: ['township_id', 'category', 'received_at', 'state'],
  },
  {
    table: 'stats_open_deadline',
    dayColumn: 'due_on',
    day: (x) => `${x}.due_on`,
    member: (x) => `(${inDeadline(`${x}.state`)} AND ${x}.due_on IS NOT NULL)`,
    watch: ['township_id', 'category', 'state', 'due_on'],
  },
];

const addOpen = (r: OpenRollup, x: string) => `INSERT INTO ${r.table} (township_id, category, ${r.dayColumn}, n)
    SELECT t.v, c.v, ${r.day(x)}, 1 FROM ${fourKeys(`${x}.category`, `${x}.township_id`)} WHERE ${r.member(x)}
    ON CONFLICT (township_id, category, ${r.dayColumn}) DO UPDATE SET n = n + 1;`;
const removeOpen = (r: OpenRollup, x: string) => `UPDATE ${r.table} SET n = n - 1
    WHERE ${r.member(x)} AND ${inFourKeys(`${x}.category`, `${x}.township_id`)} AND ${r.dayColumn} = ${r.day(x)};
  DELETE FROM ${r.table} WHERE ${r.member(x)} AND ${inFourKeys(`${x}.category`, `${x}.township_id`)} AND ${r.dayColumn} = ${r.day(x)} AND n <= 0;`;

const backfillOpen = (r: OpenRollup) => `INSERT INTO ${r.table} (township_id, category, ${r.dayColumn}, n)
  SELECT iif(kt.all_t, 0, o.township_id) AS kt_v, iif(kc.all_c, '', o.category) AS kc_v, ${r.day('o')} AS k, count(*)
  FROM opinions o, (SELECT 0 AS all_t UNION ALL SELECT 1) kt, (SELECT 0 AS all_c UNION ALL SELECT 1) kc
  WHERE ${r.member('o')} AND NOT (kc.all_c = 0 AND o.category = '') GROUP BY kt_v, kc_v, k;`;

// ---- check-ins by day: stats_trainings.days_attended

const trainingRowOf = (enrolmentId: string) =>
  `(training_id, township_id, level) IN (SELECT e.training_id, e.township_id, d.level FROM enrolments e JOIN deputies d ON d.id = e.deputy_id WHERE e.id = ${enrolmentId})`;
const daysOf = (enrolmentId: string) => `(SELECT count(*) FROM attendance a WHERE a.enrolment_id = ${enrolmentId})`;

interface Trigger {
  name: string;
  on: string;
  body: string[];
}

const changed = (cols: readonly string[]) => cols.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');

const openTriggers = (r: OpenRollup): Trigger[] => [
  { name: `${r.table}_insert`, on: 'AFTER INSERT ON opinions', body: [addOpen(r, 'NEW')] },
  { name: `${r.table}_delete`, on: 'AFTER DELETE ON opinions', body: [removeOpen(r, 'OLD')] },
  {
    name: `${r.table}_update`,
    on: `AFTER UPDATE OF ${r.watch.join(', ')} ON opinions
  WHEN ${r.member('OLD')} IS NOT ${r.member('NEW')} OR (${r.member('NEW')} AND (${changed(['township_id', 'category'])} OR ${r.day('OLD')} IS NOT ${r.day('NEW')}))`,
    body: [removeOpen(r, 'OLD'), addOpen(r, 'NEW')],
  },
];

/** The facts → weekly rollup triggers (created before the facts are backfilled). */
const FACT_TRIGGERS: Trigger[] = [
  { name: 'stats_event_facts_insert', on: 'AFTER INSERT ON stats_event_facts', body: addFact },
  { name: 'stats_event_facts_delete', on: 'AFTER DELETE ON stats_event_facts', body: removeFact },
];

const histogramRemove = (
  days: string,
) => `resolve_days = iif(coalesce(json_extract(resolve_days, '$."' || ${days} || '"'), 0) <= 1,
        json_remove(resolve_days, '$."' || ${days} || '"'),
        json_set(resolve_days, '$."' || ${days} || '"', json_extract(resolve_days, '$."' || ${days} || '"') - 1))`;
const histogramAdd = (days: string) =>
  `resolve_days = json_set(resolve_days, '$."' || ${days} || '"', coalesce(json_extract(resolve_days, '$."' || ${days} || '"'), 0) + 1)`;

/** Every other trigger of the migration (created after the backfill). */
const TRIGGERS: Trigger[] = [
  eventsTrigger(false),
  {
    name: 'stats_events_delete',
    on: 'AFTER DELETE ON opinion_events',
    body: ['DELETE FROM stats_event_facts WHERE event_id = OLD.id;'],
  },
  ...OPEN_ROLLUPS.flatMap(openTriggers),
  {
    // A calendar correction recomputes working_days (worker/stats/recompute.ts): move the count.
    name: 'stats_resolutions_days',
    on: 'AFTER UPDATE OF working_days ON stats_resolutions WHEN OLD.working_days IS NOT NEW.working_days',
    body: [
      `UPDATE stats_opinion_weeks SET resolve_days_sum = resolve_days_sum - OLD.working_days, ${histogramRemove('OLD.working_days')}
    WHERE ${inFourKeys('OLD.category', 'OLD.township_id')} AND week = OLD.received_week;`,
      `UPDATE stats_opinion_weeks SET resolve_days_sum = resolve_days_sum + NEW.working_days, ${histogramAdd('NEW.working_days')}
    WHERE ${inFourKeys('NEW.category', 'NEW.township_id')} AND week = NEW.received_week;`,
    ],
  },
  {
    name: 'stats_attendance_days_insert',
    on: 'AFTER INSERT ON attendance',
    body: [`UPDATE stats_trainings SET days_attended = days_attended + 1 WHERE ${trainingRowOf('NEW.enrolment_id')};`],
  },
  {
    name: 'stats_attendance_days_delete',
    on: 'AFTER DELETE ON attendance',
    body: [`UPDATE stats_trainings SET days_attended = days_attended - 1 WHERE ${trainingRowOf('OLD.enrolment_id')};`],
  },
  {
    name: 'stats_attendance_days_update',
    on: 'AFTER UPDATE OF enrolment_id ON attendance WHEN OLD.enrolment_id IS NOT NEW.enrolment_id',
    body: [
      `UPDATE stats_trainings SET days_attended = days_attended - 1 WHERE ${trainingRowOf('OLD.enrolment_id')};`,
      `UPDATE stats_trainings SET days_attended = days_attended + 1 WHERE ${trainingRowOf('NEW.enrolment_id')};`,
    ],
  },
  {
    name: 'stats_enrolments_days_delete',
    on: 'AFTER DELETE ON enrolments',
    body: [
      `UPDATE stats_trainings SET days_attended = days_attended - ${daysOf('OLD.id')}
    WHERE training_id = OLD.training_id AND township_id = OLD.township_id AND level = (SELECT level FROM deputies WHERE id = OLD.deputy_id);`,
    ],
  },
  {
    name: 'stats_enrolments_days_update',
    on: `AFTER UPDATE OF training_id, township_id, deputy_id ON enrolments WHEN ${changed(['training_id', 'township_id', 'deputy_id'])}`,
    body: [
      `UPDATE stats_trainings SET days_attended = days_attended - ${daysOf('OLD.id')}
    WHERE training_id = OLD.training_id AND township_id = OLD.township_id AND level = (SELECT level FROM deputies WHERE id = OLD.deputy_id);`,
      `INSERT INTO stats_trainings (training_id, township_id, level, days_attended)
    SELECT NEW.training_id, NEW.township_id, d.level, ${daysOf('NEW.id')} FROM deputies d WHERE d.id = NEW.deputy_id
    ON CONFLICT (training_id, township_id, level) DO UPDATE SET days_attended = days_attended + excluded.days_attended;`,
    ],
  },
  {
    name: 'stats_deputies_days_level',
    on: 'AFTER UPDATE OF level ON deputies WHEN OLD.level IS NOT NEW.level',
    body: [
      `UPDATE stats_trainings SET days_attended = days_attended - (SELECT count(*) FROM attendance a JOIN enrolments e ON e.id = a.enrolment_id WHERE e.deputy_id = NEW.id AND e.training_id = stats_trainings.training_id AND e.township_id = stats_trainings.township_id)
    WHERE level = OLD.level AND (training_id, township_id) IN (SELECT training_id, township_id FROM enrolments WHERE deputy_id = NEW.id);`,
      `INSERT INTO stats_trainings (training_id, township_id, level, days_attended)
    SELECT e.training_id, e.township_id, NEW.level, count(a.day) FROM enrolments e LEFT JOIN attendance a ON a.enrolment_id = e.id WHERE e.deputy_id = NEW.id GROUP BY e.training_id, e.township_id
    ON CONFLICT (training_id, township_id, level) DO UPDATE SET days_attended = days_attended + excluded.days_attended;`,
    ],
  },
];

/** Names of every trigger this migration creates. */
export const FLOW_TRIGGERS: readonly string[] = [...FACT_TRIGGERS, ...TRIGGERS].map((t) => t.name);

const triggerSql = (t: Trigger) => `CREATE TRIGGER ${t.name} ${t.on}\nBEGIN\n  ${t.body.join('\n  ')}\nEND;`;

/** The statements of the migration, in order. */
export function flowStatements(): string[] {
  return [
    ...FACT_TRIGGERS.map(triggerSql),
    insertFacts('opinion_events e', mayCount('e')),
    ...OPEN_ROLLUPS.map(backfillOpen),
    `UPDATE stats_trainings SET days_attended = (SELECT count(*) FROM attendance a JOIN enrolments e ON e.id = a.enrolment_id JOIN deputies d ON d.id = e.deputy_id
    WHERE e.training_id = stats_trainings.training_id AND e.township_id = stats_trainings.township_id AND d.level = stats_trainings.level);`,
    ...TRIGGERS.map(triggerSql),
  ];
}

/** The whole migration file, with drizzle's statement breakpoints. */
export function flowSql(): string {
  const header =
    '-- Statistics flows: event facts, deadlines, first ratings, backlog by age, check-ins by day.\n' +
    '-- Generated by test/unit/stats/flow-sql.ts; flow-sql.test.ts checks it.\n';
  return `${header}${flowStatements().join('\n--> statement-breakpoint\n')}\n`;
}

/**
 * The statements of the `stats_flow_any_resolution` migration: the event trigger again (v2,
 * every step into 已办结 is a resolution), and the facts of the opinions it changes rebuilt with
 * it. Deleting those facts takes their counts back out of stats_opinion_weeks
 * (stats_event_facts_delete); inserting them again adds the new counts.
 */
export function anyResolutionStatements(): string[] {
  // Only opinions that reached 已办结 by another action than resolve count differently under v2
  // (their facts, and the first-of-kind flags of their later events). Rebuilding just those
  // keeps every other fact row as it is: the facts of other opinions are already right.
  const affected = `SELECT a.opinion_id FROM opinion_events a WHERE a.to_state = 'resolved' AND a.from_state IS NOT 'resolved' AND a.action <> 'resolve'`;
  return [
    'DROP TRIGGER stats_events_insert;',
    `DELETE FROM stats_event_facts WHERE opinion_id IN (${affected});`,
    insertFacts('opinion_events e', `${mayCount('e', true)} AND e.opinion_id IN (${affected})`, true),
    triggerSql(eventsTrigger(true)),
  ];
}

/** The whole stats_flow_any_resolution migration file. */
export function anyResolutionSql(): string {
  const header =
    '-- Statistics flows: count every step into 已办结 as a resolution (resolve and accept_answer).\n' +
    '-- Generated by test/unit/stats/flow-sql.ts (anyResolutionSql); flow-sql.test.ts checks it.\n';
  return `${header}${anyResolutionStatements().join('\n--> statement-breakpoint\n')}\n`;
}

// Printed when run directly (tsx): `-- any-resolution` prints the second migration.
if (globalThis.process?.argv?.[1]?.endsWith('flow-sql.ts')) {
  process.stdout.write(process.argv.includes('any-resolution') ? anyResolutionSql() : flowSql());
}
