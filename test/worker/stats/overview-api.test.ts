/** GET /api/stats/overview: input checking, an empty district, and the rows-read header. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Overview } from '../../../worker/stats/overview';
import { call, type Fixture, seedFixture } from '../helpers';

let fx: Fixture;
beforeAll(async () => {
  fx = await seedFixture();
});

describe('GET /api/stats/overview', () => {
  it('answers an empty district with zeros and nulls, never 0 % for "no data"', async () => {
    const res = await call('GET', '/api/stats/overview', { cookie: fx.users.leader });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-rows-read')).toMatch(/^\d+$/);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const body = await res.json<Overview>();
    expect(body.rows.map((r) => r.name)).toEqual(['城关街道', '东湖街道']);
    expect(body.total.resolution).toMatchObject({
      received: 0,
      resolutionRate: null,
      medianDays: null,
      satisfaction: null,
      overdueNow: 0,
    });
    expect(body.total.participation.deputies).toEqual({ district: 1, township: 1, total: 2 });
    expect(body.weekly).toHaveLength(12);
    expect(body.training).toBeNull();
    expect(body.trainingResults).toBeNull();
    expect(body.rankings.resolutionRate).toEqual({
      ranked: [],
      excluded: [
        { townshipId: 1, items: 0 },
        { townshipId: 2, items: 0 },
      ],
    });
    expect(body.categories.length).toBeGreaterThan(5);
  });

  it('widens the period to whole weeks and echoes it', async () => {
    const body = await (
      await call('GET', '/api/stats/overview?from=2026-03-04&to=2026-03-18', { cookie: fx.users.admin })
    ).json<Overview>();
    expect(body.period).toMatchObject({
      from: '2026-03-02',
      to: '2026-03-22',
      weeks: ['2026-03-02', '2026-03-09', '2026-03-16'],
    });
  });

  it('refuses bad filters with a field message', async () => {
    const cases: [string, string, string][] = [
      ['?from=2026-03-18&to=2026-03-01', 'dates_out_of_order', 'to'],
      ['?from=2020-01-01&to=2026-03-01', 'period_too_long', 'to'],
      ['?from=yesterday', 'validation_failed', 'from'],
      ['?level=province', 'validation_failed', 'level'],
      ['?category=DROP%20TABLE', 'validation_failed', 'category'],
      ['?townshipId=-1', 'validation_failed', 'townshipId'],
    ];
    for (const [query, code, field] of cases) {
      const res = await call('GET', `/api/stats/overview${query}`, { cookie: fx.users.leader });
      expect(res.status, query).toBe(422);
      const { error } = await res.json<{ error: { code: string; message: string; fields: Record<string, string> } }>();
      expect(error.code, query).toBe(code);
      expect(Object.keys(error.fields), query).toContain(field);
      expect(error.message).not.toBe('');
    }
  });

  it('is not for deputies or anonymous callers', async () => {
    expect((await call('GET', '/api/stats/overview', { cookie: fx.users.deputy })).status).toBe(403);
    expect((await call('GET', '/api/stats/overview')).status).toBe(401);
  });
});
