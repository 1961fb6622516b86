/**
 * Province-scale opinion data for the dashboard benchmark, generated inside the bench
 * server's local D1 with recursive CTEs (no row crosses the process boundary), inserted into
 * `opinions` itself so the rollup triggers maintain the statistics exactly as live writes do.
 * Also the "naive" dashboard: the overview's figures by plain GROUP BY over the raw tables,
 * whose `meta.rows_read` is what the dashboard would cost without rollups.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';
import { ROOT } from '../../scripts/lib/wrangler';

const DAY_MS = 86_400_000;

/** Rows per INSERT statement: one statement per chunk keeps each well inside D1's 30 s. */
const CHUNK = 50_000;

/** The local D1 id of the `DB` binding in wrangler.toml (miniflare names the file after it). */
function databaseId(): string {
  const toml = readFileSync(join(ROOT, 'wrangler.toml'), 'utf8');
  const block = /\[\[d1_databases\]\][^[]*?binding\s*=\s*"DB"[^[]*/.exec(toml)?.[0] ?? '';
  const id = /preview_database_id\s*=\s*"([^"]+)"/.exec(block)?.[1] ?? /database_id\s*=\s*"([^"]+)"/.exec(block)?.[1];
  if (!id) throw new Error('no [[d1_databases]] binding "DB" with a database_id in wrangler.toml');
  return id;
}

/** One statement's rows and D1's own count of rows it read. */
export interface StatementResult {
  rows: Record<string, unknown>[];
  rowsRead: number;
}

/**
 * Runs SQL statements, in one D1 batch, on the local D1 of a server's state folder and
 * returns every statement's rows and `meta.rows_read`. This is what
 * `wrangler d1 execute DB --local --persist-to DIR` does (a Miniflare over the same files),
 * except that wrangler 4 keeps only `meta.duration` of a local run and drops `rows_read`.
 */
export async function executeSql(persistDir: string, statements: readonly string[]): Promise<StatementResult[]> {
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      modules: true,
      script: '',
      resourcePersistencePath: join(persistDir, 'v3'),
      d1Databases: { DATABASE: databaseId() },
    }),
  );
  try {
    const db = await mf.getD1Database('DATABASE');
    const results = await db.batch(statements.map((s) => db.prepare(s)));
    return results.map((r) => ({ rows: (r.results ?? []) as Record<string, unknown>[], rowsRead: r.meta.rows_read ?? 0 }));
  } finally {
    await mf.dispose();
  }
}

/** How many opinions the database holds. */
export async function opinionCount(persistDir: string): Promise<number> {
  const [r] = await executeSql(persistDir, ['SELECT count(*) AS n FROM opinions']);
  return Number(r?.rows[0]?.n ?? 0);
}

/**
 * INSERT … WITH RECURSIVE for opinions `from`…`to` (inclusive, numbering the generated rows):
 * spread over every active station and category and the last 365 days before `now`, in every
 * state (about half resolved or closed, with ratings; open ones due ten days after receipt).
 * A multiplicative hash of the row number stands in for randomness, so runs are repeatable.
 */
export function generateStatement(from: number, to: number, now: number): string {
  const h = '((g.i * 2654435761) % 4294967296)';
  // The day from the hash, the time of day from a second multiplier: the hash alone is below
  // 2³² ms (49.7 days), which packed a "year" of opinions into seven weeks.
  const received = `(${now} - ((${h} % 365) * ${DAY_MS} + (g.i * 7919) % ${DAY_MS}))`;
  const pick = `((${h} / 256) % 100)`;
  const state = `CASE WHEN ${pick} < 10 THEN 'pending' WHEN ${pick} < 20 THEN 'listening' WHEN ${pick} < 28 THEN 'viewing'
    WHEN ${pick} < 36 THEN 'deliberating' WHEN ${pick} < 50 THEN 'handling' WHEN ${pick} < 80 THEN 'resolved'
    WHEN ${pick} < 90 THEN 'closed' WHEN ${pick} < 93 THEN 'review' WHEN ${pick} < 95 THEN 'rejected'
    WHEN ${pick} < 97 THEN 'duplicate' ELSE 'transferred' END`;
  return `INSERT INTO opinions (tracking_code, submission_key, station_id, township_id, category, body, place, state,
      due_on, received_at, resolved_at, closed_at, rating, reopen_count, updated_at)
    WITH RECURSIVE g(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM g WHERE i < ${to}),
      st AS (SELECT s.id, s.township_id, row_number() OVER (ORDER BY s.id) - 1 AS k FROM stations s
             JOIN townships t ON t.id = s.township_id WHERE s.active = 1 AND t.active = 1),
      ca AS (SELECT code, row_number() OVER (ORDER BY sort_order, code) - 1 AS k FROM categories),
      ns AS (SELECT (SELECT count(*) FROM st) AS stations, (SELECT count(*) FROM ca) AS categories),
      gen AS (SELECT g.i, ${received} AS received_at, ${state} AS state, (${h} / 65536) AS r FROM g)
    SELECT 'BENCH' || gen.i, 'bench-' || gen.i, st.id, st.township_id, ca.code, '基准测试生成的意见，第' || gen.i || '条：' || substr('村口道路破损严重，雨天积水，老人孩子出行不便。路灯多处不亮，夜间通行存在安全隐患。垃圾清运不及时，气味较大，影响周边居民生活。希望有关部门尽快实地查看，协调解决，并及时反馈办理结果。', 1 + gen.i % 20, 60 + gen.i % 40), 'bench',
      gen.state,
      CASE WHEN gen.state IN ('pending', 'listening', 'viewing', 'deliberating', 'handling', 'review')
        THEN date((gen.received_at + ${10 * DAY_MS}) / 1000 + 28800, 'unixepoch') END,
      gen.received_at,
      CASE WHEN gen.state IN ('resolved', 'closed') THEN min(${now}, gen.received_at + (gen.r % 40) * ${DAY_MS}) END,
      CASE WHEN gen.state = 'closed' THEN min(${now}, gen.received_at + (gen.r % 40 + 3) * ${DAY_MS}) END,
      CASE WHEN gen.state = 'closed' THEN CASE gen.r % 5 WHEN 0 THEN 'dissatisfied' WHEN 1 THEN 'basically_satisfied' ELSE 'satisfied' END END,
      CASE WHEN gen.state = 'review' OR (gen.state = 'closed' AND gen.r % 17 = 0) THEN 1 ELSE 0 END,
      gen.received_at
    FROM gen, ns
    JOIN st ON st.k = gen.i % ns.stations
    JOIN ca ON ca.k = (gen.i / 7) % ns.categories`;
}

/** What the province-scale bench district holds (the "province size"). */
export const PROVINCE = { townships: 100, stationsPerNewTownship: 3, deputies: 100_000 } as const;

/**
 * Grows the demo district to province size inside its D1: townships up to 100 (each new one
 * with three stations), deputies up to 100,000 spread over every active station. Opinions are
 * added separately ({@link fillOpinions}) and then spread over all of these stations.
 * Idempotent: what is there already counts.
 */
export async function growToProvince(
  persistDir: string,
  now = Date.now(),
): Promise<{ townships: number; stations: number; deputies: number }> {
  await executeSql(persistDir, [
    `INSERT INTO townships (code, name, kind, sort_order, active, created_at, updated_at)
     WITH RECURSIVE g(i) AS (SELECT (SELECT count(*) FROM townships) + 1 UNION ALL SELECT i + 1 FROM g WHERE i < ${PROVINCE.townships})
     SELECT 'PV' || printf('%03d', i), '省测第' || i || '镇', 'town', 1000 + i, 1, ${now}, ${now} FROM g
     WHERE (SELECT count(*) FROM townships) < ${PROVINCE.townships}`,
    `INSERT INTO stations (code, name, kind, host_type, township_id, address, active, created_at, updated_at)
     WITH RECURSIVE k(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM k WHERE j < ${PROVINCE.stationsPerNewTownship})
     SELECT 'PV' || printf('%03d', t.id) || j, t.name || '第' || j || '联络站', 'station', 'township', t.id, '', 1, ${now}, ${now}
     FROM townships t, k WHERE t.code LIKE 'PV%' AND NOT EXISTS (SELECT 1 FROM stations s WHERE s.township_id = t.id)`,
  ]);
  const [have] = await executeSql(persistDir, ['SELECT count(*) AS n, coalesce(max(id), 0) AS m FROM deputies']);
  const missing = PROVINCE.deputies - Number(have?.rows[0]?.n ?? 0);
  const base = Number(have?.rows[0]?.m ?? 0);
  for (let from = 1; from <= missing; from += CHUNK) {
    const to = Math.min(missing, from + CHUNK - 1);
    await executeSql(persistDir, [
      `INSERT INTO deputies (name, level, township_id, station_id, sector, phone, active, created_at, updated_at)
       WITH RECURSIVE g(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM g WHERE i < ${to}),
         st AS (SELECT id, township_id, row_number() OVER (ORDER BY id) - 1 AS k FROM stations WHERE active = 1),
         ns AS (SELECT count(*) AS n FROM st)
       SELECT '省测代表' || (${base} + g.i), CASE WHEN g.i % 3 = 0 THEN 'district' ELSE 'township' END, st.township_id, st.id,
         '', '19' || printf('%09d', ${base} + g.i), 1, ${now}, ${now}
       FROM g, ns JOIN st ON st.k = g.i % ns.n`,
    ]);
  }
  const [counts] = await executeSql(persistDir, [
    'SELECT (SELECT count(*) FROM townships) AS t, (SELECT count(*) FROM stations) AS s, (SELECT count(*) FROM deputies) AS d',
  ]);
  const r = counts?.rows[0] ?? {};
  return { townships: Number(r.t), stations: Number(r.s), deputies: Number(r.d) };
}

/**
 * Adds generated opinions until the database holds `target` (counting what is there), in
 * chunks; returns how many were added and how long it took.
 */
export async function fillOpinions(
  persistDir: string,
  target: number,
  now = Date.now(),
): Promise<{ added: number; seconds: number }> {
  const started = performance.now();
  const have = await opinionCount(persistDir);
  const [last] = await executeSql(persistDir, [
    "SELECT coalesce(max(CAST(substr(submission_key, 7) AS INTEGER)), 0) AS n FROM opinions WHERE submission_key LIKE 'bench-%'",
  ]);
  let next = Number(last?.rows[0]?.n ?? 0) + 1;
  const first = next;
  const end = next + Math.max(0, target - have) - 1;
  // One statement (one transaction) per chunk: a failure loses one chunk, not the whole fill.
  for (; next <= end; next += CHUNK)
    await executeSql(persistDir, [generateStatement(next, Math.min(end, next + CHUNK - 1), now)]);
  return { added: end - first + 1, seconds: (performance.now() - started) / 1000 };
}
