/**
 * The inbox at constant cost: GET /api/opinions with each filter, sort and search the issue
 * names reads rows in proportion to the page, not to the table — D1's own `rows_read` through
 * the Worker (worker/platform/d1-metrics.ts) on 30,000 opinions — and the statements it runs
 * use their indexes: EXPLAIN QUERY PLAN of every statement shows no full scan of `opinions`
 * and no temporary sort.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../../../worker/index';
import { ORIGIN, seedFixture } from '../helpers';

const TOTAL = 30_000;
const DAY = 86_400_000;
let cookies: Awaited<ReturnType<typeof seedFixture>>['users'];
let code = '';

beforeAll(async () => {
  ({ users: cookies } = await seedFixture());
  const now = Date.now();
  await env.DB.prepare(
    `INSERT INTO opinions (tracking_code, submission_key, station_id, township_id, category, body, place, reporter_name,
       reporter_phone, state, due_on, received_at, updated_at)
     WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < ?1)
     SELECT printf('IB%06d', i), 'inbox-' || i, 1 + i % 2, 1 + i % 2, 'road_traffic',
       '第' || i || '条：' || CASE WHEN i % 97 = 0 THEN '村口道路破损' ELSE '路灯不亮' END, '城关路', '张三', '13912345678',
       CASE i % 10 WHEN 0 THEN 'pending' WHEN 1 THEN 'listening' WHEN 2 THEN 'handling' WHEN 3 THEN 'viewing' ELSE 'closed' END,
       CASE WHEN i % 10 < 4 THEN date((?2 - (i % 20) * ${DAY}) / 1000, 'unixepoch') END,
       ?2 - ((i * 7919) % 365) * ${DAY} - i, ?2
     FROM g`,
  )
    .bind(TOTAL, now)
    .run();
  code = 'IB012345';
}, 120_000);

interface Recorded {
  sql: string;
  params: unknown[];
}

/** Sends a request through the Worker with metering on, recording every statement it prepares. */
async function inbox(path: string, cookie: string) {
  const recorded: Recorded[] = [];
  const db = env.DB;
  const recording = new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare')
        return (sql: string) => {
          const entry: Recorded = { sql, params: [] };
          recorded.push(entry);
          const stmt = target.prepare(sql);
          return new Proxy(stmt, {
            get(s, p) {
              if (p === 'bind')
                return (...values: unknown[]) => {
                  entry.params = values;
                  return s.bind(...values);
                };
              const v = Reflect.get(s, p);
              return typeof v === 'function' ? v.bind(s) : v;
            },
          });
        };
      const v = Reflect.get(target, prop);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  const res = await worker.fetch(
    new Request(`${ORIGIN}${path}`, { headers: { cookie, 'x-bench-metrics': '1' } }),
    { ...env, DB: recording, BENCH_METRICS: '1' } as never,
    { waitUntil: () => undefined, passThroughOnException: () => undefined } as never,
  );
  const body = (await res.json()) as { items: { trackingCode: string }[]; total: number };
  return { res, body, rowsRead: Number(res.headers.get('x-d1-rows-read')), recorded };
}

/** EXPLAIN QUERY PLAN of a recorded statement: its detail lines. */
async function plan(r: Recorded): Promise<string[]> {
  const rows = await env.DB.prepare(`EXPLAIN QUERY PLAN ${r.sql}`)
    .bind(...r.params)
    .all<{ detail: string }>();
  return rows.results.map((x) => x.detail);
}

const CASES: [string, string, 'admin' | 'staffA'][] = [
  ['default (admin)', '/api/opinions', 'admin'],
  ['township staff default', '/api/opinions', 'staffA'],
  ['state=open', '/api/opinions?state=open', 'admin'],
  ['overdue=true', '/api/opinions?overdue=true', 'admin'],
  ['township staff, state=open', '/api/opinions?state=open', 'staffA'],
  ['tracking code', `/api/opinions?q=IB012345`, 'admin'],
];

describe(`the inbox over ${TOTAL.toLocaleString('en-US')} opinions`, () => {
  for (const [name, path, who] of CASES) {
    it(`${name}: reads rows in proportion to the page, with index plans`, async () => {
      const { res, body, rowsRead, recorded } = await inbox(path, cookies[who]);
      expect(res.status).toBe(200);
      expect(body.items.length).toBeGreaterThan(0);
      const plans: string[] = [];
      for (const r of recorded.filter((x) => /\bfrom "opinions"/i.test(x.sql))) plans.push((await plan(r)).join(' | '));
      // A page of 50 with its joins and a capped total, not the 30,000 rows of the table.
      expect(rowsRead, `${name}: ${rowsRead} rows read; plans:\n${plans.join('\n')}`).toBeLessThanOrEqual(2_000);
      for (const text of plans) {
        expect(text).not.toMatch(/SCAN (?:"?opinions"?|o)\b(?! USING)/);
        expect(text).not.toContain('USE TEMP B-TREE FOR ORDER BY');
      }
    });
  }

  it('finds a tracking code by its unique index, exactly', async () => {
    const { body, rowsRead } = await inbox(`/api/opinions?q=${code}`, cookies.admin);
    expect(body.items.map((i) => i.trackingCode)).toEqual([code]);
    // The code's index probe and the one row with its names; the rest is the session and
    // the working-day calendar every list reads.
    expect(rowsRead).toBeLessThan(200);
  });
});
