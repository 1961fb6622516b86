/**
 * 履职档案: one deputy's receptions, opinions taken up and their outcome, opinions entered
 * for residents, trainings (participation, never answers), 催办 and confirmed activities;
 * who may read it; and that the records of a township add up to its overview figures.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, chinaDay } from '../../../worker/workflow/calendar';
import { call, type Fixture, seedFixture } from '../helpers';
import { act, insertOpinion } from '../opinions/helpers';

let fx: Fixture;
const today = chinaDay(Date.now());
const yesterday = addCalendarDays(today, -1);

interface Record {
  deputy: { id: number; name: string; townshipName: string };
  period: { from: string; to: string };
  receptions: { sessions: number; residentsReceived: number; items: { day: string }[] };
  opinions: { takenUp: number; resolved: number; open: number; overdue: number; enteredForResidents: number; items: unknown[] };
  trainings: { title: string; daysAttended: number; daysExpected: number; evaluated: boolean }[];
  reminders: number;
  activities: { id: number; kind: string; status: string }[];
  activitiesConfirmed: number;
}

async function record(cookie: string, id = 1, qs = ''): Promise<Record> {
  const res = await call('GET', `/api/deputies/${id}/record${qs}`, { cookie });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json<Record>();
}

beforeAll(async () => {
  fx = await seedFixture();
  await env.DB.prepare(
    `INSERT INTO deputies (id, name, level, township_id, station_id, sector, phone, active, created_at, updated_at) VALUES
     (3,'张三','township',1,1,'','13800000003',1,0,0)`,
  ).run();
  // Two sessions for deputy 1 (one with deputy 3), one without them.
  for (const [deputyIds, residents] of [
    [[1, 3], 5],
    [[1], 2],
    [[3], 4],
  ] as const) {
    const res = await call('POST', '/api/receptions', {
      cookie: fx.users.staffA,
      json: { stationId: 1, day: yesterday, deputyIds, residentsReceived: residents },
    });
    expect(res.status).toBe(201);
  }
  // One opinion entered by the deputy for a resident (代录), and two accepted for deputy 1.
  const entered = await call('POST', '/api/receptions/opinions', {
    cookie: fx.users.deputy,
    json: {
      stationId: 1,
      submissionKey: crypto.randomUUID(),
      opinions: [{ channel: 'phone', category: 'road_traffic', body: '电话反映：桥头路灯不亮。' }],
    },
  });
  expect(entered.status).toBe(201);
  for (let i = 0; i < 2; i++) {
    const { id } = await insertOpinion();
    expect((await act(fx.users.staffA, id, 'accept', { deputyId: 1 })).status).toBe(200);
  }
  // A three-day training: deputy 1 checked in on two days and submitted the evaluation.
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO trainings (id, title, starts_on, ends_on, evaluation_status, checkin_code, created_at, updated_at)
       VALUES (1, '新任代表初任培训', ?1, ?2, 'open', 'CK1', 0, 0)`,
    ).bind(addCalendarDays(today, -3), yesterday),
    env.DB.prepare(
      `INSERT INTO enrolments (id, training_id, deputy_id, township_id, token, submitted_on, created_at) VALUES (1, 1, 1, 1, 'tok-1', ?1, 0)`,
    ).bind(yesterday),
    env.DB.prepare(`INSERT INTO attendance (enrolment_id, day, checked_in_at) VALUES (1, ?1, 0), (1, ?2, 0)`).bind(
      addCalendarDays(today, -3),
      yesterday,
    ),
  ]);
});

describe('GET /api/deputies/:id/record', () => {
  it('counts the sessions attended, opinions taken up and entered, and trainings attended', async () => {
    const r = await record(fx.users.staffA);
    expect(r.deputy).toMatchObject({ id: 1, name: '王建国', townshipName: '城关街道' });
    expect(r.period).toEqual({ from: `${today.slice(0, 4)}-01-01`, to: today });
    expect(r.receptions).toMatchObject({ sessions: 2, residentsReceived: 7 });
    expect(r.opinions).toMatchObject({ takenUp: 2, resolved: 0, open: 2, enteredForResidents: 1 });
    expect(r.opinions.items).toHaveLength(2);
    expect(r.trainings).toEqual([
      expect.objectContaining({ title: '新任代表初任培训', daysAttended: 2, daysExpected: 3, evaluated: true }),
    ]);
    // Participation only: nothing of an answer is on the record.
    expect(JSON.stringify(r)).not.toContain('answers');
  });

  it('filters by period', async () => {
    const r = await record(fx.users.staffA, 1, `?from=${today}&to=${today}`);
    expect(r.receptions.sessions).toBe(0);
    expect(r.opinions.takenUp).toBe(2);
    const bad = await call('GET', `/api/deputies/1/record?from=${today}&to=${yesterday}`, { cookie: fx.users.staffA });
    expect(bad.status).toBe(422);
  });

  it('is the deputy’s own, their township staff’s and the district’s to read', async () => {
    expect((await record(fx.users.deputy)).deputy.id).toBe(1);
    expect((await call('GET', '/api/deputies/2/record', { cookie: fx.users.deputy })).status).toBe(403);
    expect((await call('GET', '/api/deputies/1/record', { cookie: fx.users.staffB })).status).toBe(403);
    expect((await call('GET', '/api/deputies/999/record', { cookie: fx.users.leader })).status).toBe(404);
    expect((await record(fx.users.leader)).receptions.sessions).toBe(2);
  });
});

describe('GET /api/deputies/:id/record/sheet', () => {
  it('prints the year’s record on one A4 page, confirmed activities only', async () => {
    const year = today.slice(0, 4);
    const res = await call('GET', `/api/deputies/1/record/sheet?year=${year}`, { cookie: fx.users.deputy });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain(`王建国代表 ${year} 年度履职情况`);
    expect(html).toContain('2 次，接待群众 7 人次');
    expect(html).toContain('新任代表初任培训');
    expect(html).toContain('出勤 2/3 天，已提交评估');
    expect(html).toContain('size:A4');
    expect((await call('GET', '/api/deputies/2/record/sheet', { cookie: fx.users.deputy })).status).toBe(403);
  });
});

describe('activities on the record', () => {
  it('keeps a deputy’s own entry pending until their township’s staff confirm it', async () => {
    const add = await call('POST', '/api/deputies/1/activities', {
      cookie: fx.users.deputy,
      json: { kind: 'research', day: yesterday, title: '老旧小区加装电梯调研' },
    });
    expect(add.status).toBe(201);
    const { activity } = await add.json<{ activity: { id: number; status: string } }>();
    expect(activity.status).toBe('pending');
    expect((await record(fx.users.deputy)).activities.map((a) => a.status)).toEqual(['pending']);
    // Leaders read the record as it will be reported: confirmed only.
    expect((await record(fx.users.leader)).activities).toEqual([]);
    const foreign = await call('PATCH', `/api/deputies/activities/${activity.id}`, {
      cookie: fx.users.staffB,
      json: { status: 'confirmed' },
    });
    expect(foreign.status).toBe(403);
    const confirm = await call('PATCH', `/api/deputies/activities/${activity.id}`, {
      cookie: fx.users.staffA,
      json: { status: 'confirmed' },
    });
    expect(confirm.status).toBe(200);
    const r = await record(fx.users.leader);
    expect(r.activitiesConfirmed).toBe(1);
    expect(r.activities[0]).toMatchObject({ kind: 'research', status: 'confirmed' });
  });

  it('confirms at once what staff add, and refuses future days and other deputies', async () => {
    const add = await call('POST', '/api/deputies/1/activities', {
      cookie: fx.users.staffA,
      json: { kind: 'inspection', day: yesterday, title: '视察城区防汛工作' },
    });
    expect((await add.json<{ activity: { status: string } }>()).activity.status).toBe('confirmed');
    const future = await call('POST', '/api/deputies/1/activities', {
      cookie: fx.users.deputy,
      json: { kind: 'inspection', day: addCalendarDays(today, 1), title: '明天的视察' },
    });
    expect(future.status).toBe(422);
    const other = await call('POST', '/api/deputies/2/activities', {
      cookie: fx.users.deputy,
      json: { kind: 'inspection', day: yesterday, title: '别人的' },
    });
    expect(other.status).toBe(403);
  });
});

describe('records and the overview agree', () => {
  it('sums the township’s deputies’ records to its overview participation figures', async () => {
    const res = await call('GET', `/api/stats/overview?from=${addCalendarDays(today, -30)}&to=${today}&townshipId=1`, {
      cookie: fx.users.staffA,
    });
    expect(res.status).toBe(200);
    const overview = await res.json<{
      period: { from: string; to: string };
      rows: { townshipId: number; participation: { receptions: { deputySessions: number }; takenUp: number } }[];
    }>();
    const row = overview.rows.find((r) => r.townshipId === 1)!;
    const qs = `?from=${overview.period.from}&to=${overview.period.to}`;
    const records = await Promise.all([1, 3].map((id) => record(fx.users.staffA, id, qs)));
    const sessions = records.reduce((n, r) => n + r.receptions.sessions, 0);
    const takenUp = records.reduce((n, r) => n + r.opinions.takenUp, 0);
    expect(sessions).toBe(4);
    expect(row.participation.receptions.deputySessions).toBe(sessions);
    expect(row.participation.takenUp).toBe(takenUp);
  });
});
