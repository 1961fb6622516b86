/**
 * The benchmark's D1 accounting (worker/platform/d1-metrics.ts) against the real D1 inside
 * workerd: round trips and rows are D1's own figures, results are unchanged (also through
 * drizzle and batches), and nothing is metered unless both the variable and the header ask.
 */
import { env } from 'cloudflare:workers';
import { drizzle } from 'drizzle-orm/d1';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../../worker/db/client';
import type { AppEnv } from '../../../worker/env';
import { type D1Usage, d1Metrics, metered } from '../../../worker/platform/d1-metrics';
import { call, seedFixture } from '../helpers';

const fresh = (): D1Usage => ({ roundTrips: 0, rowsRead: 0, rowsWritten: 0, uncounted: 0 });

beforeAll(async () => {
  await seedFixture();
});

describe('metered()', () => {
  it('counts round trips and the rows D1 read, and returns the same results', async () => {
    const usage = fresh();
    const db = metered(env.DB, usage);
    const all = await db.prepare('SELECT id, name FROM townships ORDER BY id').all();
    const first = await db.prepare('SELECT name FROM townships WHERE id = ?').bind(2).first('name');
    const raw = await db.prepare('SELECT id FROM townships ORDER BY id').raw();
    expect(all.results).toEqual([
      { id: 1, name: '城关街道' },
      { id: 2, name: '东湖街道' },
    ]);
    expect(first).toBe('东湖街道');
    expect(raw).toEqual([[1], [2]]);
    expect(usage.roundTrips).toBe(3);
    // Two full scans of the two townships and one primary-key lookup (D1's own counts).
    expect(usage.rowsRead).toBe(5);
  });

  it('meters drizzle queries and batches with writes', async () => {
    const usage = fresh();
    const db = drizzle(metered(env.DB, usage), { schema });
    const rows = await db.select({ id: schema.townships.id }).from(schema.townships).all();
    expect(rows).toHaveLength(2);
    await db.batch([
      db
        .update(schema.townships)
        .set({ updatedAt: 1 })
        .where((await import('drizzle-orm')).eq(schema.townships.id, 1)),
      db.select().from(schema.townships),
    ]);
    expect(usage.roundTrips).toBe(2);
    expect(usage.rowsWritten).toBeGreaterThanOrEqual(1);
    expect(usage.rowsRead).toBeGreaterThanOrEqual(4);
  });
});

describe('the middleware', () => {
  const app = new Hono<AppEnv>()
    .use(d1Metrics)
    .get('/x', async (c) => c.json(await c.env.DB.prepare('SELECT count(*) AS n FROM townships').first()));

  it('reports usage in headers when the variable and the header both ask', async () => {
    const res = await app.request('/x', { headers: { 'x-bench-metrics': '1' } }, { ...env, BENCH_METRICS: '1' });
    expect(await res.json()).toEqual({ n: 2 });
    expect(res.headers.get('x-d1-round-trips')).toBe('1');
    expect(Number(res.headers.get('x-d1-rows-read'))).toBeGreaterThanOrEqual(1);
  });

  it('does nothing without the variable (production) or without the header', async () => {
    const noVar = await app.request('/x', { headers: { 'x-bench-metrics': '1' } }, env);
    const noHeader = await app.request('/x', {}, { ...env, BENCH_METRICS: '1' });
    expect(noVar.headers.get('x-d1-round-trips')).toBeNull();
    expect(noHeader.headers.get('x-d1-round-trips')).toBeNull();
  });

  it('is installed in the Worker and silent there (no BENCH_METRICS in wrangler.toml)', async () => {
    const res = await call('GET', '/api/health', { headers: { 'x-bench-metrics': '1' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-d1-round-trips')).toBeNull();
  });
});
