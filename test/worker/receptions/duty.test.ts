/**
 * 排班 and the duty calendar: staff of a township edit their stations' schedules, a deputy
 * sees the duty days of the rotas they are on, and a day shows as logged once a session is.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, chinaDay } from '../../../worker/workflow/calendar';
import { call, type Fixture, seedFixture } from '../helpers';

let fx: Fixture;
const today = chinaDay(Date.now());

interface DutyList {
  from: string;
  to: string;
  items: { day: string; period: string; stationId: number; stationName: string; deputies: { id: number }[]; logged: boolean }[];
}

beforeAll(async () => {
  fx = await seedFixture();
  await env.DB.prepare(
    `INSERT INTO deputies (id, name, level, township_id, station_id, sector, phone, active, created_at, updated_at) VALUES
     (3,'张三','township',1,1,'','13800000003',1,0,0)`,
  ).run();
});

const weekly = (over: Record<string, unknown> = {}) => ({
  stationId: 1,
  rule: 'weekly',
  startsOn: today,
  period: 'am',
  deputyIds: [1, 3],
  ...over,
});

describe('duty schedules', () => {
  it('lets township staff add a schedule to their own station, audited', async () => {
    const res = await call('POST', '/api/receptions/schedules', {
      cookie: fx.users.staffA,
      json: weekly({ note: ' 带好登记簿 ' }),
    });
    expect(res.status).toBe(201);
    const { schedule } = await res.json<{ schedule: { id: number; townshipId: number; note: string; deputyIds: number[] } }>();
    expect(schedule).toMatchObject({ townshipId: 1, note: '带好登记簿', deputyIds: [1, 3] });
    const rota = await env.DB.prepare('SELECT deputy_id FROM duty_schedule_deputies WHERE schedule_id = ?1 ORDER BY deputy_id')
      .bind(schedule.id)
      .all<{ deputy_id: number }>();
    expect(rota.results.map((r) => r.deputy_id)).toEqual([1, 3]);
    const audit = await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'duty_schedule'").first<{
      n: number;
    }>();
    expect(audit!.n).toBe(1);
  });

  it("refuses another township's station, a monthly rule without its day, and foreign deputies", async () => {
    const other = await call('POST', '/api/receptions/schedules', { cookie: fx.users.staffB, json: weekly() });
    expect(other.status).toBe(403);
    const monthly = await call('POST', '/api/receptions/schedules', {
      cookie: fx.users.staffA,
      json: weekly({ rule: 'monthly' }),
    });
    expect(monthly.status).toBe(422);
    const body = await monthly.json<{ error: { fields: Record<string, string> } }>();
    expect(body.error.fields.dayOfMonth).toBe('此项必填。');
    const foreign = await call('POST', '/api/receptions/schedules', {
      cookie: fx.users.staffA,
      json: weekly({ deputyIds: [2] }),
    });
    expect(foreign.status).toBe(422);
    expect((await foreign.json<{ error: { code: string } }>()).error.code).toBe('duty_deputies_invalid');
    const backwards = await call('POST', '/api/receptions/schedules', {
      cookie: fx.users.staffA,
      json: weekly({ endsOn: addCalendarDays(today, -1) }),
    });
    expect(backwards.status).toBe(422);
  });

  it("shows a deputy the duty days of their rotas, and staff only their township's", async () => {
    const mine = await (await call('GET', '/api/receptions/duty?days=15', { cookie: fx.users.deputy })).json<DutyList>();
    expect(mine.items.map((i) => i.day)).toEqual([today, addCalendarDays(today, 7), addCalendarDays(today, 14)]);
    expect(mine.items[0]).toMatchObject({ stationId: 1, stationName: '城关街道人大代表联络站', logged: false, period: 'am' });
    expect(mine.items[0]!.deputies.map((d) => d.id)).toEqual([1, 3]);
    const b = await (await call('GET', '/api/receptions/duty', { cookie: fx.users.staffB })).json<DutyList>();
    expect(b.items).toEqual([]);
    expect((await call('GET', '/api/receptions/duty?townshipId=1', { cookie: fx.users.staffB })).status).toBe(403);
  });

  it('marks the day logged once the session is', async () => {
    const res = await call('POST', '/api/receptions', {
      cookie: fx.users.deputy,
      json: { stationId: 1, day: today, deputyIds: [1], residentsReceived: 0 },
    });
    expect(res.status).toBe(201);
    const mine = await (await call('GET', '/api/receptions/duty?days=1', { cookie: fx.users.deputy })).json<DutyList>();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]!.logged).toBe(true);
  });

  it('stops listing a schedule once staff deactivate it, and replaces its rota on edit', async () => {
    const list = await (await call('GET', '/api/receptions/schedules', { cookie: fx.users.staffA })).json<{
      items: { id: number; deputies: { id: number }[] }[];
    }>();
    const id = list.items[0]!.id;
    const edit = await call('PATCH', `/api/receptions/schedules/${id}`, { cookie: fx.users.staffA, json: { deputyIds: [3] } });
    expect(edit.status).toBe(200);
    const mine = await (await call('GET', '/api/receptions/duty', { cookie: fx.users.deputy })).json<DutyList>();
    expect(mine.items).toEqual([]);
    expect(
      (await call('PATCH', `/api/receptions/schedules/${id}`, { cookie: fx.users.staffB, json: { active: false } })).status,
    ).toBe(403);
    expect(
      (await call('PATCH', `/api/receptions/schedules/${id}`, { cookie: fx.users.staffA, json: { active: false } })).status,
    ).toBe(200);
    const staff = await (await call('GET', '/api/receptions/duty', { cookie: fx.users.staffA })).json<DutyList>();
    expect(staff.items).toEqual([]);
  });
});
