/** POST/GET /api/receptions (进站接待): who may log what, validation, scope, and the rollup. */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { chinaDay } from '../../../worker/workflow/calendar';
import { call, type Fixture, seedFixture } from '../helpers';

let fx: Fixture;
const today = chinaDay(Date.now());
const yesterday = chinaDay(Date.now() - 86_400_000);

interface Listed {
  items: { id: number; day: string; townshipId: number; stationName: string; deputies: { id: number; name: string }[] }[];
  total: number;
}

beforeAll(async () => {
  fx = await seedFixture();
  // A second deputy at station 1 and an inactive one.
  await env.DB.prepare(
    `INSERT INTO deputies (id, name, level, township_id, station_id, sector, phone, active, created_at, updated_at) VALUES
     (3,'张三','township',1,1,'','13800000003',1,0,0),(4,'李四','township',1,1,'','13800000004',0,0,0)`,
  ).run();
});

const session = (over: Record<string, unknown> = {}) => ({
  stationId: 1,
  day: yesterday,
  deputyIds: [1, 3],
  residentsReceived: 6,
  opinionsTaken: 2,
  ...over,
});

describe('POST /api/receptions', () => {
  it('logs a session with the deputies present, audited, and counts it for the dashboard', async () => {
    const res = await call('POST', '/api/receptions', {
      cookie: fx.users.staffA,
      json: session({ deputyIds: [1, 3, 3], notes: ' 群众反映停车难 ' }),
    });
    expect(res.status).toBe(201);
    const { reception } = await res.json<{ reception: { id: number; townshipId: number; notes: string; deputyIds: number[] } }>();
    expect(reception).toMatchObject({ townshipId: 1, notes: '群众反映停车难', deputyIds: [1, 3] });
    const present = await env.DB.prepare('SELECT deputy_id FROM reception_deputies WHERE reception_id = ?1 ORDER BY deputy_id')
      .bind(reception.id)
      .all<{ deputy_id: number }>();
    expect(present.results.map((r) => r.deputy_id)).toEqual([1, 3]);
    const audit = await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'reception'").first<{ n: number }>();
    expect(audit!.n).toBe(1);
    const rollup = await env.DB.prepare(
      'SELECT sum(receptions) AS held, sum(residents_received) AS residents, sum(sessions_district) AS d, sum(sessions_township) AS t FROM stats_township_weeks WHERE township_id = 1',
    ).first();
    expect(rollup).toEqual({ held: 1, residents: 6, d: 1, t: 1 });
  });

  it('lets a deputy log a session they attended, and only that', async () => {
    expect(
      (await call('POST', '/api/receptions', { cookie: fx.users.deputy, json: session({ deputyIds: [1], day: today }) })).status,
    ).toBe(201);
    const res = await call('POST', '/api/receptions', { cookie: fx.users.deputy, json: session({ deputyIds: [3] }) });
    expect(res.status).toBe(422);
    expect((await res.json<{ error: { code: string; fields: Record<string, string> } }>()).error).toMatchObject({
      code: 'reception_not_present',
      fields: { deputyIds: expect.stringMatching(/本人/) },
    });
  });

  it('keeps township staff to their own stations', async () => {
    const res = await call('POST', '/api/receptions', { cookie: fx.users.staffB, json: session() });
    expect(res.status).toBe(403);
  });

  it('refuses deputies who are inactive or from another township, future days and bad input', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [session({ deputyIds: [1, 4] }), 'reception_deputies_invalid', 'deputyIds'],
      [session({ deputyIds: [2] }), 'reception_deputies_invalid', 'deputyIds'],
      [session({ day: '2999-01-01' }), 'reception_in_future', 'day'],
      [session({ stationId: 999 }), 'validation_failed', 'stationId'],
      [session({ day: '2026-02-30' }), 'validation_failed', 'day'],
      [session({ deputyIds: [] }), 'validation_failed', 'deputyIds'],
      [session({ residentsReceived: -1 }), 'validation_failed', 'residentsReceived'],
      [session({ opinionsTaken: 'many' }), 'validation_failed', 'opinionsTaken'],
    ];
    for (const [json, code, field] of cases) {
      const res = await call('POST', '/api/receptions', { cookie: fx.users.staff, json });
      expect(res.status, JSON.stringify(json)).toBe(422);
      const { error } = await res.json<{ error: { code: string; fields: Record<string, string> } }>();
      expect(error.code).toBe(code);
      expect(Object.keys(error.fields)).toContain(field);
    }
    expect(
      (
        await call('POST', '/api/receptions', {
          cookie: fx.users.staff,
          body: 'not json',
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(400);
  });
});

describe('GET /api/receptions', () => {
  it('lists sessions newest first with who was there; township staff see only theirs', async () => {
    const all = await (await call('GET', '/api/receptions', { cookie: fx.users.leader })).json<Listed>();
    expect(all.total).toBe(2);
    expect(all.items[0]!.day >= all.items[1]!.day).toBe(true);
    expect(all.items.find((i) => i.day === yesterday)!.deputies.map((d) => d.name)).toEqual(['王建国', '张三']);
    const mine = await (await call('GET', '/api/receptions', { cookie: fx.users.staffB })).json<Listed>();
    expect(mine.total).toBe(0);
    expect((await call('GET', '/api/receptions?townshipId=1', { cookie: fx.users.staffB })).status).toBe(403);
  });

  it('filters by day, station and deputy; a deputy sees the sessions they attended', async () => {
    const byDay = await (
      await call('GET', `/api/receptions?from=${today}&to=${today}`, { cookie: fx.users.staff })
    ).json<Listed>();
    expect(byDay.items.map((i) => i.day)).toEqual([today]);
    const byDeputy = await (await call('GET', '/api/receptions?deputyId=3', { cookie: fx.users.staff })).json<Listed>();
    expect(byDeputy.total).toBe(1);
    const own = await (await call('GET', '/api/receptions', { cookie: fx.users.deputy })).json<Listed>();
    expect(own.total).toBe(2);
    expect((await call('GET', '/api/receptions?from=yesterday', { cookie: fx.users.staff })).status).toBe(422);
  });
});
