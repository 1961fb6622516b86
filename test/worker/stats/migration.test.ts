/**
 * The rollup migrations on a database that already has data: the triggers' running totals
 * and the migration's one-off backfill must agree row for row. Also: every rollup trigger
 * exists once all migrations have run (a later table rebuild would silently drop them).
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, type Fixture, seedFixture } from '../helpers';
import { FLOW_TRIGGERS } from '../../unit/stats/flow-sql';
import { ROLLUP_TRIGGERS } from '../../unit/stats/rollup-sql';
import { seedDistrict } from './district';

const TABLES = {
  stats_opinion_weeks: 'category, week, township_id',
  stats_resolutions: 'opinion_id',
  stats_open_due: 'township_id, category, due_on',
  stats_overdue: 'category, township_id',
  stats_township_weeks: 'week, township_id',
  stats_deputies: 'township_id, level',
  stats_trainings: 'training_id, township_id, level',
  stats_training_results: 'training_id, township_id',
  stats_event_facts: 'event_id',
  stats_open_received: 'township_id, category, received_day',
  stats_open_deadline: 'township_id, category, due_on',
} as const;

let fx: Fixture;

/**
 * Every rollup row, comparable across the two ways of building them: histograms as sorted
 * pairs, and rows that count nothing dropped (triggers leave zero rows behind, e.g. the old
 * level's row after a deputy changes level; a backfill never writes them).
 */
async function snapshot(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [table, keys] of Object.entries(TABLES)) {
    const { results } = await env.DB.prepare(`SELECT * FROM ${table} ORDER BY ${keys}`).all<Record<string, unknown>>();
    const keyNames = keys.split(', ');
    out[table] = results
      .map((row) => {
        const r = { ...row };
        if (typeof r.resolve_days === 'string') {
          r.resolve_days = Object.entries(JSON.parse(r.resolve_days) as Record<string, number>)
            .filter(([, n]) => n !== 0)
            .sort(([a], [b]) => Number(a) - Number(b));
        }
        return r;
      })
      .filter(
        (r) =>
          Object.entries(r).some(
            ([k, v]) =>
              !keyNames.includes(k) &&
              k !== 'as_of' &&
              ((typeof v === 'number' && v !== 0) || (Array.isArray(v) && v.length > 0)),
          ) ||
          table === 'stats_resolutions' ||
          table === 'stats_event_facts',
      );
  }
  return out;
}

async function applyMigration(suffix: string) {
  const migration = env.TEST_MIGRATIONS.find((m) => m.name.replace(/\.sql$/, '').endsWith(suffix));
  if (!migration) throw new Error(`no migration *${suffix}`);
  for (const query of migration.queries) await env.DB.prepare(query).run();
}

beforeAll(async () => {
  fx = await seedFixture();
  await seedDistrict(env.DB, 7);
}, 120_000);

describe('rollup migrations', () => {
  it('created every rollup trigger', async () => {
    const { results } = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all<{ name: string }>();
    const names = new Set(results.map((r) => r.name));
    expect([...ROLLUP_TRIGGERS, ...FLOW_TRIGGERS].filter((t) => !names.has(t))).toEqual([]);
  });

  it('backfills, on a database that already had the data, exactly what the triggers had counted', {
    timeout: 60_000,
  }, async () => {
    // Overdue counts are kept as of a day: bring them to today before comparing.
    const before = await call('GET', '/api/stats/overview', { cookie: fx.users.leader });
    expect(before.status).toBe(200);
    const overviewBefore = await before.json<Record<string, unknown>>();
    const byTriggers = await snapshot();
    expect(byTriggers.stats_opinion_weeks!.length).toBeGreaterThan(20);
    expect(byTriggers.stats_resolutions!.length).toBeGreaterThan(5);
    // The new figures have something to compare: event facts, the backlog, missed deadlines.
    expect(byTriggers.stats_event_facts!.length).toBeGreaterThan(20);
    expect(byTriggers.stats_open_received!.length).toBeGreaterThan(5);

    // Back to the schema before the rollups: no stats tables, no triggers…
    for (const name of [...ROLLUP_TRIGGERS, ...FLOW_TRIGGERS]) await env.DB.prepare(`DROP TRIGGER ${name}`).run();
    for (const table of Object.keys(TABLES)) await env.DB.prepare(`DROP TABLE ${table}`).run();
    // …then the five migrations, as wrangler would run them.
    await applyMigration('_stats_tables');
    await applyMigration('_stats_rollups');
    await applyMigration('_stats_flows');
    await applyMigration('_stats_flow_triggers');
    await applyMigration('_stats_flow_any_resolution');

    const after = await call('GET', '/api/stats/overview', { cookie: fx.users.leader });
    const overviewAfter = await after.json<Record<string, unknown>>();
    expect(await snapshot()).toEqual(byTriggers);
    expect({ ...overviewAfter, rowsRead: 0 }).toEqual({ ...overviewBefore, rowsRead: 0 });
  });

  it('keeps counting after the backfill (the triggers are back)', async () => {
    const received = async () =>
      (await env.DB.prepare("SELECT sum(received) AS n FROM stats_opinion_weeks WHERE township_id = 0 AND category = ''").first<{
        n: number;
      }>())!.n;
    const n = await received();
    await env.DB.prepare(
      `INSERT INTO opinions (tracking_code, submission_key, station_id, township_id, category, body, state, received_at, updated_at)
       VALUES ('MIG00001', 'mig-1', 1, 1, 'housing', '迁移后新收到的意见。', 'pending', ?1, ?1)`,
    )
      .bind(Date.now())
      .run();
    expect(await received()).toBe(n + 1);
  });
});
