/**
 * One full dashboard load, timed and counted: every statistics call the overview page makes
 * (the page's own calls, recorded in the browser), with D1's rows read summed from the
 * X-Rows-Read header (or the body's `rowsRead` / `meta.rows_read`). And the naive baseline:
 * the overview's figures by plain GROUP BY over the raw tables, counted by D1 the same way.
 */
import { percentile } from '../load/http';
import { executeSql } from './dataset';

/** A session cookie for `username` (the dashboard's own login call). */
export async function signIn(baseURL: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseURL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseURL },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`signing in as ${username} failed: HTTP ${res.status}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('lianluo_session='));
  if (!cookie) throw new Error('the login answer set no session cookie');
  return cookie.split(';')[0]!;
}

/** The period the overview answered for (from its body), to give the naive queries the same one. */
export interface Period {
  from: string;
  to: string;
  today: string;
}

export interface DashboardLoad {
  /** Rows read by one load (all its calls). */
  rowsRead: number;
  /** Median wall time of one load (its calls in parallel, as the page makes them). */
  ms: number;
  /** Every timed load, ms. */
  samples: number[];
  period: Period | null;
}

async function oneLoad(baseURL: string, cookie: string, calls: readonly string[]) {
  const started = performance.now();
  const answers = await Promise.all(
    calls.map(async (path) => {
      const res = await fetch(`${baseURL}${path}`, { headers: { cookie } });
      const body = (await res.json()) as { rowsRead?: number; meta?: { rows_read?: number }; period?: Partial<Period> };
      if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
      const header = res.headers.get('x-rows-read');
      const rowsRead = header !== null ? Number(header) : (body.rowsRead ?? body.meta?.rows_read);
      if (rowsRead === undefined || !Number.isFinite(rowsRead)) throw new Error(`${path} reports no rows read`);
      return { rowsRead, body };
    }),
  );
  const ms = performance.now() - started;
  const p = answers.find((a) => a.body.period?.from)?.body.period;
  const period = p?.from && p.to && p.today ? { from: p.from, to: p.to, today: p.today } : null;
  return { ms, rowsRead: answers.reduce((n, a) => n + a.rowsRead, 0), period };
}

/**
 * Loads the dashboard `repeats` times after one warm-up (the first load of a day also moves
 * the overdue watermark, a write the following loads skip) and reports the median.
 */
export async function timeDashboard(
  baseURL: string,
  cookie: string,
  calls: readonly string[],
  repeats = 5,
): Promise<DashboardLoad> {
  await oneLoad(baseURL, cookie, calls);
  const runs = [];
  for (let i = 0; i < repeats; i++) runs.push(await oneLoad(baseURL, cookie, calls));
  const samples = runs.map((r) => r.ms);
  return {
    rowsRead: runs[runs.length - 1]!.rowsRead,
    ms: percentile(
      [...samples].sort((a, b) => a - b),
      50,
    ),
    samples,
    period: runs[0]!.period,
  };
}

const OPEN = "('pending', 'listening', 'viewing', 'deliberating', 'handling', 'review')";
const STATES = [
  'pending',
  'listening',
  'viewing',
  'deliberating',
  'handling',
  'resolved',
  'closed',
  'review',
  'rejected',
  'duplicate',
  'transferred',
];
const week = (ms: string) => `date(${ms} / 1000 + 28800, 'unixepoch', '-6 days', 'weekday 1')`;
const day = (ms: string) => `date(${ms} / 1000 + 28800, 'unixepoch')`;
/** Working days from day a to day b: weekdays, corrected by the calendar's holidays and 调休 days. */
const workingDays = (a: string, b: string) => {
  const n = (d: string) =>
    `((CAST(julianday(${d}) - 2440591.5 AS INTEGER) / 7) * 5 + min(CAST(julianday(${d}) - 2440591.5 AS INTEGER) % 7 + 1, 5))`;
  return `max(0, ${n(b)} - ${n(a)} + (SELECT coalesce(sum(iif(kind = 'workday', strftime('%w', day) IN ('0', '6'), -(strftime('%w', day) NOT IN ('0', '6')))), 0) FROM calendar_days WHERE day > ${a} AND day <= ${b}))`;
};
const LATEST_TRAINING = '(SELECT id FROM trainings ORDER BY starts_on DESC, id DESC LIMIT 1)';

/**
 * The overview's figures for `period`, district-wide, by plain GROUP BY over the raw tables —
 * what the dashboard would run without rollups. Each statement uses the indexes there are
 * (received_at, state + due_on), so this is the fair naive version, not a strawman.
 */
export function naiveStatements(period: Period): string[] {
  const from = Date.parse(`${period.from}T00:00:00+08:00`);
  const to = Date.parse(`${period.to}T00:00:00+08:00`) + 86_400_000;
  const states = STATES.map((s) => `sum(state = '${s}')`).join(', ');
  return [
    // Received in the period, by township × category × week: states, ratings, reopened.
    `SELECT township_id, category, ${week('received_at')} AS wk, count(*) AS received, ${states},
       sum(rating = 'satisfied'), sum(rating = 'basically_satisfied'), sum(rating = 'dissatisfied'), sum(reopen_count > 0)
     FROM opinions WHERE received_at >= ${from} AND received_at < ${to} GROUP BY township_id, category, wk`,
    // Working days to resolve, for the median and mean.
    `SELECT township_id, category, d, count(*) FROM (
       SELECT township_id, category, ${workingDays(day('received_at'), day('resolved_at'))} AS d FROM opinions
       WHERE received_at >= ${from} AND received_at < ${to} AND state IN ('resolved', 'closed') AND resolved_at IS NOT NULL)
     GROUP BY township_id, category, d`,
    // Resolved in each week of the period (the weekly series).
    `SELECT township_id, category, ${week('resolved_at')} AS wk, count(*) FROM opinions
     WHERE state IN ('resolved', 'closed') AND resolved_at >= ${from} AND resolved_at < ${to} GROUP BY township_id, category, wk`,
    // Overdue now.
    `SELECT township_id, category, count(*) FROM opinions WHERE state IN ${OPEN} AND due_on < '${period.today}' GROUP BY township_id, category`,
    // Deputies by township and level.
    'SELECT township_id, level, sum(active = 1) FROM deputies GROUP BY township_id, level',
    // Opinions taken up by deputies in the period, by the deputy's township and level.
    `SELECT d.township_id, d.level, count(*) FROM opinions o JOIN deputies d ON d.id = o.assigned_deputy_id
     WHERE coalesce(o.accepted_at, o.received_at) >= ${from} AND coalesce(o.accepted_at, o.received_at) < ${to} GROUP BY d.township_id, d.level`,
    // Reception duty in the period.
    `SELECT township_id, count(*), sum(residents_received), sum(opinions_taken) FROM receptions
     WHERE day BETWEEN '${period.from}' AND '${period.to}' GROUP BY township_id`,
    `SELECT r.township_id, d.level, count(*) FROM reception_deputies rd JOIN receptions r ON r.id = rd.reception_id
     JOIN deputies d ON d.id = rd.deputy_id WHERE r.day BETWEEN '${period.from}' AND '${period.to}' GROUP BY r.township_id, d.level`,
    // The trainings filter and the latest training's enrolment, check-in and evaluation.
    'SELECT id, title, starts_on, ends_on FROM trainings ORDER BY starts_on DESC, id DESC LIMIT 50',
    `SELECT e.township_id, d.level, count(*), sum(EXISTS (SELECT 1 FROM attendance a WHERE a.enrolment_id = e.id)), sum(e.submitted_on IS NOT NULL)
     FROM enrolments e JOIN deputies d ON d.id = e.deputy_id WHERE e.training_id = ${LATEST_TRAINING} GROUP BY e.township_id, d.level`,
    `SELECT count(*), ${[1, 2, 3, 4, 5].map((v) => `sum(json_extract(answers, '$.overall') = ${v})`).join(', ')},
       sum(json_extract(answers, '$.recommend') >= 9), sum(json_extract(answers, '$.recommend') BETWEEN 7 AND 8), sum(json_extract(answers, '$.recommend') <= 6)
     FROM evaluation_responses WHERE training_id = ${LATEST_TRAINING}`,
    'SELECT id, name, sort_order, active FROM townships ORDER BY sort_order, id',
    'SELECT code, name_zh, name_en FROM categories ORDER BY sort_order, code',
  ];
}

/** Rows read by the naive dashboard (sum of every statement's `meta.rows_read`). */
export async function naiveRowsRead(persistDir: string, period: Period): Promise<number> {
  const results = await executeSql(persistDir, naiveStatements(period));
  return results.reduce((n, r) => n + r.rowsRead, 0);
}

/** Rows read by the weekly report (last week) and by the overview's backlog statements. */
export interface StatsExtras {
  weeklyRowsRead: number;
  backlogRowsRead: number;
}

/**
 * The new figures of issue 14, measured apart: GET /api/stats/weekly (the 周报 of last week)
 * and the backlog part of GET /api/stats/overview (its `backlogRowsRead`). After one warm-up.
 */
export async function measureStatsExtras(baseURL: string, cookie: string): Promise<StatsExtras> {
  const get = async (path: string) => {
    const res = await fetch(`${baseURL}${path}`, { headers: { cookie } });
    const body = (await res.json()) as { rowsRead?: number; backlogRowsRead?: number };
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
    return { rows: Number(res.headers.get('x-rows-read') ?? body.rowsRead), body };
  };
  await get('/api/stats/weekly');
  const weekly = await get('/api/stats/weekly');
  const overview = await get('/api/stats/overview');
  const backlog = overview.body.backlogRowsRead;
  if (typeof backlog !== 'number') throw new Error('the overview reports no backlogRowsRead');
  return { weeklyRowsRead: weekly.rows, backlogRowsRead: backlog };
}
