/**
 * The proof that the rollups never drift: a district of known shape is built through the
 * same kinds of writes the app makes (the intake form and the actions API for some opinions,
 * the workflow machine's plans for the rest, receptions through their API, trainings and
 * answers as rows), and then EVERY figure of GET /api/stats/overview — per township, totals,
 * weekly series, categories, training results, rankings — is compared with an independent
 * computation over the raw tables (./independent.ts), under every filter.
 */
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Overview } from '../../../worker/stats/overview';
import { weekStart, wholeWeeks } from '../../../worker/stats/periods';
import { addCalendarDays, addWorkingDays, buildCalendar, type CalendarRow, chinaDay } from '../../../worker/workflow/calendar';
import { call, type Fixture, ORIGIN, seedFixture } from '../helpers';
import { type District, insertOpinion, seedDistrict, transition } from './district';
import { independentOverview, independentWeekly } from './independent';
import type { WeeklyReport } from '../../../worker/stats/weekly';

let fx: Fixture;
let district: District;
let ipCounter = 0;

async function overview(query: string, cookie = fx.users.leader): Promise<{ body: Overview; rowsRead: number }> {
  const res = await call('GET', `/api/stats/overview${query}`, { cookie });
  expect(res.status, await res.clone().text()).toBe(200);
  const body = await res.json<Overview>();
  return { body, rowsRead: Number(res.headers.get('x-rows-read')) };
}

/** Compares every figure of an overview with the independent computation. */
async function expectConsistent(query: string, cookie?: string): Promise<Overview> {
  const { body } = await overview(query, cookie);
  // The calendar as it is in the database now (a test below corrects a past day).
  const { results: days } = await env.DB.prepare('SELECT day, kind, name FROM calendar_days').all<CalendarRow>();
  const expected = await independentOverview(env.DB, buildCalendar(days), body.period, body.period.today, body.filters);
  expect(body.training?.id ?? null).toBe(expected.trainingId);
  for (const [i, row] of expected.rows.entries()) {
    expect(body.rows[i], `township ${row.townshipId} (${query})`).toEqual(row);
  }
  expect(body.rows).toHaveLength(expected.rows.length);
  expect(body.total, `total (${query})`).toEqual(expected.total);
  expect(body.weekly, `weekly (${query})`).toEqual(expected.weekly);
  expect(body.byCategory, `categories (${query})`).toEqual(expected.byCategory);
  expect(body.trainingResults, `training results (${query})`).toEqual(expected.trainingResults);
  expect(body.rankings, `rankings (${query})`).toEqual(expected.rankings);
  expect(body.backlog, `backlog (${query})`).toEqual(expected.backlog);
  expect(body.timeliness, `timeliness (${query})`).toEqual(expected.timeliness);
  return body;
}

async function opinionRow(id: number) {
  return env.DB.prepare('SELECT id, state, revision FROM opinions WHERE id = ?1')
    .bind(id)
    .first<{ id: number; state: string; revision: number }>();
}

/** One action through the opinions API, as a signed-in member of staff. */
async function act(id: number, action: string, payload: Record<string, unknown>) {
  const row = await opinionRow(id);
  const res = await call('POST', `/api/opinions/${id}/actions`, {
    cookie: fx.users.staff,
    json: { action, payload, revision: row!.revision },
  });
  expect(res.status, `${action}: ${await res.clone().text()}`).toBe(200);
}

/** Submits an opinion through the residents' form at station AAAAAA (township 1). */
async function submitThroughForm(category: string): Promise<number> {
  const fd = new FormData();
  fd.append('_key', crypto.randomUUID());
  fd.append('category', category);
  fd.append('body', '小区门口的路灯坏了一个多月，晚上回家很不方便，请尽快修理。');
  const res = await exports.default.fetch(
    new Request(`${ORIGIN}/s/AAAAAA`, {
      method: 'POST',
      body: fd,
      redirect: 'manual',
      headers: { 'cf-connecting-ip': `198.51.100.${++ipCounter}` },
    }),
  );
  expect(res.status, await res.clone().text()).toBe(303);
  const code = /\/t\/([A-Z0-9]+)/.exec(res.headers.get('location') ?? '')?.[1];
  const row = await env.DB.prepare('SELECT id FROM opinions WHERE tracking_code = ?1').bind(code).first<{ id: number }>();
  return row!.id;
}

beforeAll(async () => {
  fx = await seedFixture();
  district = await seedDistrict(env.DB);

  // The real write paths: the intake form and the actions API — a full round with a
  // 不满意 rating, a reopening and a second resolution, and a merge of a duplicate.
  const today = chinaDay(Date.now());
  const deadline = addWorkingDays(district.calendar, today, 5);
  const a = await submitThroughForm('road_traffic');
  const b = await submitThroughForm('road_traffic');
  await act(a, 'accept', { deputyId: 1 });
  await act(a, 'record_visit', { findings: '现场查看，路灯确实不亮。' });
  await act(a, 'deliberate', { publicReply: '由街道协调供电所维修。', leadDepartment: '城关供电所', deadline });
  await act(a, 'start_handling', {});
  await act(a, 'resolve', { publicReply: '路灯已修好。' });
  await act(a, 'rate', { rating: 'dissatisfied', ratingComment: '只修了一盏。' });
  await act(a, 'reopen', { deadline, internalNote: '其余路灯一并维修。' });
  await act(a, 'resolve', { publicReply: '其余路灯也已修好。' });
  await act(a, 'rate', { rating: 'satisfied' });
  await act(b, 'accept', { deputyId: 1 });
  await act(b, 'merge', { mergeTarget: a });

  // Receptions logged through their API, by township staff and by a deputy.
  for (const [cookie, body] of [
    [fx.users.staffA, { stationId: 1, day: today, deputyIds: [1, 3], residentsReceived: 7, opinionsTaken: 2 }],
    [fx.users.deputy, { stationId: 1, day: today, deputyIds: [1], residentsReceived: 3, opinionsTaken: 1, notes: '雨天' }],
  ] as const) {
    const res = await call('POST', '/api/receptions', { cookie, json: body });
    expect(res.status, await res.clone().text()).toBe(201);
  }
}, 120_000);

describe('every figure of the overview equals the raw tables', () => {
  it('by default: the last twelve weeks, every township', async () => {
    const body = await expectConsistent('');
    expect(body.period.weeks).toHaveLength(12);
    // The latest training that has started, not the one planned for later.
    expect(body.training?.id).toBe(2);
    // The district is big enough for the figures to mean something.
    expect(body.total.resolution.received).toBeGreaterThan(40);
    expect(body.total.resolution.reopened).toBeGreaterThan(0);
    expect(body.total.resolution.states.duplicate).toBeGreaterThan(0);
    expect(body.total.resolution.overdueNow).toBeGreaterThan(0);
    expect(body.total.resolution.medianDays).not.toBeNull();
    expect(body.total.participation.receptions.held).toBeGreaterThan(0);
    // The new figures rest on something: flows, deadlines, ratings, the backlog.
    expect(body.total.flow.resolved).toBeGreaterThan(0);
    expect(body.total.flow.reopened).toBeGreaterThan(0);
    expect(body.total.flow.onTime.met + body.total.flow.onTime.missed).toBeGreaterThan(0);
    expect(body.total.satisfaction.rated).toBeGreaterThan(0);
    expect(body.total.satisfaction.first.n).toBe(body.total.satisfaction.rated);
    expect(body.backlog.open).toBeGreaterThan(0);
    expect(body.timeliness.n).toBeGreaterThan(body.total.resolution.timedResolutions);
    expect(body.weekly.at(-1)?.partial).toBe(true);
    expect(body.weekly.slice(0, -1).every((w) => !w.partial)).toBe(true);
    // 青山乡 has fewer than ten opinions: left out of the rankings, and named.
    expect(body.rankings.resolutionRate.excluded.map((e) => e.townshipId)).toContain(4);
    expect(body.rankings.resolutionRate.ranked.map((e) => e.townshipId)).not.toContain(4);
  });

  it('over a long custom period (whole weeks, older opinions included)', async () => {
    const today = chinaDay(Date.now());
    const from = chinaDay(Date.now() - 140 * 86_400_000);
    const body = await expectConsistent(`?from=${from}&to=${today}`);
    const expected = wholeWeeks(from, today, today);
    expect(expected.ok && body.period.weeks).toEqual(expected.ok ? expected.period.weeks : null);
  });

  it('for one township, one level, one category, one training — and combined', { timeout: 60_000 }, async () => {
    await expectConsistent('?townshipId=1');
    await expectConsistent('?townshipId=4');
    await expectConsistent('?level=district');
    await expectConsistent('?level=township');
    await expectConsistent('?category=road_traffic');
    await expectConsistent('?category=other');
    await expectConsistent('?trainingId=1');
    await expectConsistent('?trainingId=3');
    await expectConsistent('?townshipId=2&level=township&category=utilities&trainingId=2');
  });

  it('township staff see their own township, whatever they ask for', async () => {
    const own = await expectConsistent('', fx.users.staffA);
    expect(own.filters.townshipId).toBe(1);
    expect(own.rows.map((r) => r.townshipId)).toEqual([1]);
    const res = await call('GET', '/api/stats/overview?townshipId=2', { cookie: fx.users.staffA });
    expect(res.status).toBe(403);
  });

  it('stays exact after more transitions: reopen, merge, reassignment, deletion', { timeout: 60_000 }, async () => {
    const now = Date.now();
    const rows = await env.DB.prepare(
      "SELECT id, state FROM opinions WHERE state IN ('review', 'listening', 'viewing', 'handling') ORDER BY id",
    ).all<{ id: number; state: string }>();
    const deadline = addWorkingDays(district.calendar, chinaDay(now), 6);
    for (const o of rows.results) {
      if (o.state === 'review') await transition(env.DB, district.calendar, o.id, 'reopen', { deadline }, now);
      else if (o.state === 'listening')
        await transition(env.DB, district.calendar, o.id, 'merge', { mergeTarget: district.opinionIds[0]! }, now);
      else if (o.state === 'viewing') await transition(env.DB, district.calendar, o.id, 'reassign', { deputyId: 15 }, now);
      else await transition(env.DB, district.calendar, o.id, 'resolve', { publicReply: '已办结。' }, now);
    }
    // Rows removed outright (a data correction by an administrator) must leave no trace.
    const gone = district.opinionIds[5]!;
    await env.DB.batch([
      env.DB.prepare('DELETE FROM opinion_events WHERE opinion_id = ?1').bind(gone),
      env.DB.prepare('DELETE FROM opinions WHERE id = ?1').bind(gone),
      env.DB.prepare('DELETE FROM reception_deputies WHERE reception_id = 3'),
      env.DB.prepare('DELETE FROM receptions WHERE id = 3'),
      env.DB.prepare('DELETE FROM evaluation_responses WHERE id = (SELECT min(id) FROM evaluation_responses)'),
    ]);
    await expectConsistent('');
    await expectConsistent('?townshipId=3&category=housing');
  });

  it('stays exact after a calendar correction of a past day (recomputed in the same write)', { timeout: 60_000 }, async () => {
    // A resolution whose span holds a weekday that is not yet listed: mark that day a holiday.
    const { results } = await env.DB.prepare(
      "SELECT r.opinion_id, r.working_days, date(o.received_at / 1000 + 28800, 'unixepoch') AS a, r.resolved_day AS b FROM stats_resolutions r JOIN opinions o ON o.id = r.opinion_id WHERE r.working_days >= 4 ORDER BY r.opinion_id",
    ).all<{ opinion_id: number; working_days: number; a: string; b: string }>();
    const listed = new Set(
      (await env.DB.prepare('SELECT day FROM calendar_days').all<{ day: string }>()).results.map((r) => r.day),
    );
    let pick: { id: number; days: number; day: string } | null = null;
    for (const r of results) {
      for (let d = addCalendarDays(r.a, 1); d <= r.b && !pick; d = addCalendarDays(d, 1)) {
        const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
        if (weekday !== 0 && weekday !== 6 && !listed.has(d)) pick = { id: r.opinion_id, days: r.working_days, day: d };
      }
      if (pick) break;
    }
    expect(pick).not.toBeNull();
    const year = Number(pick!.day.slice(0, 4));
    const current = await call('GET', `/api/calendar?year=${year}`, { cookie: fx.users.admin });
    const { items } = await current.json<{ items: { day: string; kind: string; name: string }[] }>();
    const before = await overview('?from=2026-01-01');
    const res = await call('PUT', '/api/calendar', {
      cookie: fx.users.admin,
      json: { year, days: [...items, { day: pick!.day, kind: 'holiday', name: '补记假日' }] },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const after = await env.DB.prepare('SELECT working_days FROM stats_resolutions WHERE opinion_id = ?1')
      .bind(pick!.id)
      .first<{ working_days: number }>();
    expect(after!.working_days).toBe(pick!.days - 1);
    const body = await expectConsistent('?from=2026-01-01');
    expect(body.total.resolution.meanDays).not.toEqual(before.body.total.resolution.meanDays);
    await expectConsistent('');
  });

  it('stays exact when a deputy moves township: their uptake counts in the new township', async () => {
    const moved = await env.DB.prepare(
      'SELECT d.id, d.township_id FROM deputies d WHERE EXISTS (SELECT 1 FROM opinions o WHERE o.assigned_deputy_id = d.id) AND d.township_id = 1 ORDER BY d.id LIMIT 1',
    ).first<{ id: number; township_id: number }>();
    expect(moved).not.toBeNull();
    const res = await call('PATCH', `/api/deputies/${moved!.id}`, { cookie: fx.users.admin, json: { townshipId: 3 } });
    expect(res.status, await res.clone().text()).toBe(200);
    await expectConsistent('');
    await expectConsistent('?level=district');
    await expectConsistent('?townshipId=3');
  });

  it('notices a drift: one rollup row off by one fails the comparison', async () => {
    // The current week's rows: inside the default period, whatever else is stored.
    const week = weekStart(chinaDay(Date.now()));
    const bump = (column: string, d: number, township = 1) =>
      // An upsert, so the drift is planted even in a week the township had no row for yet.
      env.DB.prepare(
        `INSERT INTO stats_opinion_weeks (category, week, township_id, ${column}) VALUES ('', ?3, ?2, ?1)
         ON CONFLICT (category, week, township_id) DO UPDATE SET ${column} = ${column} + ?1`,
      )
        .bind(d, township, week)
        .run();
    for (const column of ['st_handling', 'ev_resolved', 'ev_reopened', 'first_rated', 'ever_resolved', 'due_met']) {
      await bump(column, 1);
      await expect(expectConsistent(''), column).rejects.toThrow(/township 1/);
      await bump(column, -1);
    }
    // The district rows feed the totals, the weekly series and the satisfaction figures.
    await bump('ev_resolved', 1, 0);
    await expect(expectConsistent('')).rejects.toThrow(/total|weekly/);
    await bump('ev_resolved', -1, 0);
    // The backlog and the live missed deadlines have rollups of their own.
    const backlogBump = (d: number) =>
      env.DB.prepare(
        "UPDATE stats_open_received SET n = n + ?1 WHERE township_id = 0 AND category = '' AND received_day = (SELECT max(received_day) FROM stats_open_received WHERE township_id = 0 AND category = '')",
      )
        .bind(d)
        .run();
    await backlogBump(1);
    await expect(expectConsistent('')).rejects.toThrow(/backlog|timeliness/);
    await backlogBump(-1);
    await expectConsistent('');
  });
});

describe('the weekly report (周报)', () => {
  async function weekly(query: string, cookie = fx.users.leader) {
    const res = await call('GET', `/api/stats/weekly${query}`, { cookie });
    expect(res.status, await res.clone().text()).toBe(200);
    return { body: await res.json<WeeklyReport>(), rowsRead: Number(res.headers.get('x-rows-read')) };
  }

  async function expectWeeklyConsistent(query: string, cookie?: string): Promise<WeeklyReport> {
    const { body } = await weekly(query, cookie);
    const expected = await independentWeekly(env.DB, body.week.from, body.today, {
      townshipId: body.townshipId,
      category: body.category,
    });
    expect(body.rows, `rows (${query})`).toEqual(expected.rows);
    expect(body.total, `total (${query})`).toEqual(expected.total);
    expect(body.previous).toEqual(expected.previous);
    expect(body.change).toEqual(expected.change);
    expect(body.fourWeekAverage).toEqual(expected.fourWeekAverage);
    expect(body.partial).toBe(expected.partial);
    return body;
  }

  it('equals the raw events for last week, this week, a township and a category', async () => {
    const last = await expectWeeklyConsistent('');
    expect(last.partial).toBe(false);
    expect(last.week.from).toBe(weekStart(addCalendarDays(chinaDay(Date.now()), -7)));
    expect(last.total.received + last.previous.received + last.fourWeekAverage.received).toBeGreaterThan(0);
    const now = await expectWeeklyConsistent(`?week=${chinaDay(Date.now())}`);
    expect(now.partial).toBe(true);
    await expectWeeklyConsistent('?townshipId=2');
    await expectWeeklyConsistent('?category=road_traffic');
    const own = await expectWeeklyConsistent('', fx.users.staffA);
    expect(own.rows.map((r) => r.townshipId)).toEqual([1]);
  });

  it('refuses a week that has not started, in words', async () => {
    const res = await call('GET', `/api/stats/weekly?week=${addCalendarDays(chinaDay(Date.now()), 14)}`, {
      cookie: fx.users.leader,
    });
    expect(res.status).toBe(422);
    const body = await res.json<{ error: { code: string; message: string } }>();
    expect(body.error.code).toBe('week_in_future');
    expect(body.error.message).toMatch(/这一周还没有开始/);
    expect((await call('GET', '/api/stats/weekly?week=2026-13-01', { cookie: fx.users.leader })).status).toBe(422);
  });

  it('is reproducible: a finished week reads the same after new events (reopen, rating, resolution, merge)', async () => {
    const monday = weekStart(addCalendarDays(chinaDay(Date.now()), -14));
    const before = await expectWeeklyConsistent(`?week=${monday}`);
    // Opinions resolved in that week are rated dissatisfied and reopened now; others move on.
    const now = Date.now();
    const deadline = addWorkingDays(district.calendar, chinaDay(now), 4);
    const { results } = await env.DB.prepare(
      "SELECT id, state FROM opinions WHERE state IN ('resolved', 'handling', 'deliberating') ORDER BY id LIMIT 12",
    ).all<{ id: number; state: string }>();
    expect(results.filter((o) => o.state === 'resolved').length).toBeGreaterThan(0);
    for (const o of results) {
      if (o.state === 'resolved') {
        await transition(env.DB, district.calendar, o.id, 'rate', { rating: 'dissatisfied' }, now);
        await transition(env.DB, district.calendar, o.id, 'reopen', { deadline }, now);
      } else if (o.state === 'handling') {
        await transition(env.DB, district.calendar, o.id, 'resolve', { publicReply: '已办结。' }, now);
      } else {
        await transition(env.DB, district.calendar, o.id, 'extend', { deadline, internalNote: '延期' }, now);
      }
    }
    const after = await expectWeeklyConsistent(`?week=${monday}`);
    expect({ ...after, rowsRead: 0 }).toEqual({ ...before, rowsRead: 0 });
  });

  it('reads about (townships + 1) × 5 rollup rows, whatever the number of opinions', async () => {
    const { body, rowsRead } = await weekly('');
    expect(rowsRead).toBeGreaterThan(0);
    expect(rowsRead).toBeLessThanOrEqual((body.rows.length + 1) * 5 * 2 + 7 * 5 * (body.rows.length + 1) + 40);
  });
});

describe('rows read', () => {
  it('are reported, bounded by townships × weeks, and do not grow with the number of opinions', async () => {
    await overview(''); // moves the overdue watermark to today
    const before = await overview('');
    expect(before.rowsRead).toBe(before.body.rowsRead);
    const townships = before.body.townships.length + 1;
    const weeks = before.body.period.weeks.length;
    // Opinion weeks (one category) + categories of the district + participation weeks,
    // and a few rows per township for deputies, training and overdue, plus the small lists.
    const categories = before.body.categories.length;
    const bound = townships * weeks + weeks * (categories + 1) + townships * weeks + townships * 8 + 60;
    expect(before.rowsRead).toBeLessThanOrEqual(bound);

    // 150 more opinions, copies of existing ones (same townships, categories, weeks), taken up
    // by deputy 1. The first round may add a rollup row for a week deputy 1's township had no
    // row for; the second round, identical, adds opinions and nothing else.
    const existing = await env.DB.prepare(
      'SELECT township_id, station_id, category, received_at FROM opinions ORDER BY id LIMIT 150',
    ).all<{ township_id: number; station_id: number; category: string; received_at: number }>();
    let id = 50_000;
    const addCopies = async () => {
      for (const o of existing.results) {
        id++;
        await insertOpinion(env.DB, district.calendar, {
          id,
          townshipId: o.township_id,
          stationId: o.station_id,
          category: o.category,
          receivedAt: o.received_at,
        });
        await transition(env.DB, district.calendar, id, 'accept', { deputyId: 1 }, o.received_at + 3_600_000);
      }
    };
    await addCopies();
    const middle = await overview('');
    // The backlog reads one row per distinct day an open opinion was received (and the
    // calendar from the oldest one): the copies, now open, may add their days once.
    const copyDays = new Set(existing.results.map((o) => chinaDay(o.received_at))).size;
    const calendarRows = (await env.DB.prepare('SELECT count(*) AS n FROM calendar_days').first<{ n: number }>())!.n;
    expect(middle.rowsRead).toBeLessThanOrEqual(before.rowsRead + weeks + copyDays + calendarRows);
    await addCopies();
    const after = await overview('');
    expect(after.body.total.resolution.received).toBeGreaterThan(middle.body.total.resolution.received);
    expect(after.rowsRead).toBe(middle.rowsRead);

    // For comparison: the same "received per township" straight from the raw table reads
    // every opinion.
    const naive = await env.DB.prepare('SELECT township_id, count(*) FROM opinions GROUP BY township_id').all();
    expect(naive.meta.rows_read).toBeGreaterThan(after.rowsRead / 10);
    expect(naive.meta.rows_read).toBeGreaterThanOrEqual(
      (await env.DB.prepare('SELECT count(*) AS n FROM opinions').first<{ n: number }>())!.n,
    );
  }, 120_000);

  it('one township reads only its own rows', async () => {
    const all = await overview('');
    const one = await overview('?townshipId=2');
    expect(one.rowsRead).toBeLessThan(all.rowsRead);
  });
});
