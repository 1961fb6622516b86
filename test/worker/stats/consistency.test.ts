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
import { wholeWeeks } from '../../../worker/stats/periods';
import { addWorkingDays, chinaDay } from '../../../worker/workflow/calendar';
import { call, type Fixture, ORIGIN, seedFixture } from '../helpers';
import { type District, insertOpinion, seedDistrict, transition } from './district';
import { independentOverview } from './independent';

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
  const expected = await independentOverview(env.DB, district.calendar, body.period, body.period.today, body.filters);
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

  it('notices a drift: one rollup row off by one fails the comparison', async () => {
    const bump = (d: number) =>
      env.DB.prepare(
        "UPDATE stats_opinion_weeks SET st_handling = st_handling + ?1 WHERE township_id = 1 AND category = '' AND week = (SELECT max(week) FROM stats_opinion_weeks WHERE township_id = 1 AND category = '')",
      )
        .bind(d)
        .run();
    await bump(1);
    await expect(expectConsistent('')).rejects.toThrow(/township 1/);
    await bump(-1);
    await expectConsistent('');
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
    expect(middle.rowsRead).toBeLessThanOrEqual(before.rowsRead + weeks);
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
