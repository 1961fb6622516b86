/**
 * Every API route × every role: who is allowed, who gets 401 or 403. The table must name
 * every route the app registers, so a new route without an entry fails this test.
 */
import { describe, expect, it } from 'vitest';
import { app } from '../../../worker/index';
import { call, type Fixture, seedFixture, signIn } from '../helpers';

type Who = 'anonymous' | keyof Fixture['users'];
const EVERY: Who[] = ['anonymous', 'admin', 'staff', 'staffA', 'staffB', 'leader', 'deputy', 'department'];
const SIGNED_IN: Who[] = ['admin', 'staff', 'staffA', 'staffB', 'leader', 'deputy', 'department'];
/** Everyone signed in but the accounts of 承办单位, which only see the opinions given to them. */
const NOT_DEPARTMENT: Who[] = SIGNED_IN.filter((w) => w !== 'department');

interface Case {
  method: string;
  /** The route pattern as Hono registers it. */
  route: string;
  /** A concrete path to call. */
  path: string;
  json?: unknown;
  /** Who may call it; everyone else gets 401 (anonymous) or 403. */
  allowed: Who[];
  /** Call with a session of its own (logout would end the shared ones). */
  freshSession?: boolean;
}

const MATRIX: Case[] = [
  // The form builder's preview (worker/forms): staff who build forms; the phone opens /p/<token> without signing in.
  {
    method: 'POST',
    route: '/api/forms/previews',
    path: '/api/forms/previews',
    json: {},
    allowed: ['admin', 'staff', 'staffA', 'staffB'],
  },
  {
    method: 'PUT',
    route: '/api/forms/previews/:token',
    path: '/api/forms/previews/AAAAAAAAAAAAAAAAAAAAAAAA',
    json: {},
    allowed: ['admin', 'staff', 'staffA', 'staffB'],
  },
  { method: 'GET', route: '/api/forms/templates', path: '/api/forms/templates', allowed: ['admin', 'staff', 'staffA', 'staffB'] },
  {
    method: 'GET',
    route: '/api/forms/previews/:token/qr.svg',
    path: '/api/forms/previews/AAAAAAAAAAAAAAAAAAAAAAAA/qr.svg',
    allowed: ['admin', 'staff', 'staffA', 'staffB'],
  },
  // 消息记录 (worker/notifications): admins and staff; township staff see their own township's.
  { method: 'GET', route: '/api/messages', path: '/api/messages', allowed: ['admin', 'staff', 'staffA', 'staffB'] },
  {
    method: 'GET',
    route: '/api/messages/templates',
    path: '/api/messages/templates',
    allowed: ['admin', 'staff', 'staffA', 'staffB'],
  },
  {
    method: 'POST',
    route: '/api/messages/:id{[0-9]+}/resend',
    path: '/api/messages/999999/resend',
    allowed: ['admin', 'staff', 'staffA', 'staffB'],
  },
  // Calendar upkeep warning and the State Council notice parser (worker/opinions/calendar-routes.ts).
  {
    method: 'GET',
    route: '/api/calendar/upkeep',
    path: '/api/calendar/upkeep',
    allowed: ['admin', 'staff', 'staffA', 'staffB', 'leader'],
  },
  { method: 'POST', route: '/api/calendar/parse', path: '/api/calendar/parse', json: {}, allowed: ['admin'] },
  // 提醒未提交的代表 (worker/evaluations/reminder-routes.ts): staff and admins; township staff for their own deputies.
  {
    method: 'POST',
    route: '/api/trainings/:id{[0-9]+}/reminders',
    path: '/api/trainings/999999/reminders',
    allowed: ['admin', 'staff', 'staffA', 'staffB'],
  },
  {
    method: 'GET',
    route: '/api/trainings/:id{[0-9]+}/reminders',
    path: '/api/trainings/999999/reminders',
    allowed: ['admin', 'staff', 'staffA', 'staffB'],
  },
  {
    method: 'GET',
    route: '/api/trainings/:id{[0-9]+}/pending-links',
    path: '/api/trainings/999999/pending-links',
    allowed: ['admin', 'staff', 'staffA', 'staffB'],
  },
  { method: 'GET', route: '/api/health', path: '/api/health', allowed: EVERY },
  { method: 'POST', route: '/api/auth/login', path: '/api/auth/login', json: {}, allowed: EVERY },
  { method: 'POST', route: '/api/auth/logout', path: '/api/auth/logout', allowed: EVERY, freshSession: true },
  { method: 'GET', route: '/api/auth/me', path: '/api/auth/me', allowed: SIGNED_IN },
  { method: 'POST', route: '/api/auth/password', path: '/api/auth/password', json: {}, allowed: SIGNED_IN },
  { method: 'GET', route: '/api/users', path: '/api/users', allowed: ['admin'] },
  { method: 'POST', route: '/api/users', path: '/api/users', json: {}, allowed: ['admin'] },
  { method: 'PATCH', route: '/api/users/:id{[0-9]+}', path: '/api/users/999', json: {}, allowed: ['admin'] },
  { method: 'GET', route: '/api/townships', path: '/api/townships', allowed: ['admin', 'staff', 'staffA', 'staffB', 'leader'] },
  // Township staff may not create or rename townships: 403 from the handler.
  { method: 'POST', route: '/api/townships', path: '/api/townships', json: {}, allowed: ['admin', 'staff'] },
  { method: 'PATCH', route: '/api/townships/:id{[0-9]+}', path: '/api/townships/1', json: {}, allowed: ['admin', 'staff'] },
  { method: 'GET', route: '/api/stations', path: '/api/stations', allowed: ['admin', 'staff', 'staffA', 'staffB', 'leader'] },
  { method: 'POST', route: '/api/stations', path: '/api/stations', json: {}, allowed: ['admin', 'staff', 'staffA', 'staffB'] },
  {
    method: 'PATCH',
    route: '/api/stations/:id{[0-9]+}',
    path: '/api/stations/1',
    json: {},
    allowed: ['admin', 'staff', 'staffA'],
  },
  // A station's QR code and poster: township staff only for their own township's stations.
  {
    method: 'GET',
    route: '/api/stations/:id{[0-9]+}/qr.svg',
    path: '/api/stations/1/qr.svg',
    allowed: ['admin', 'staff', 'staffA', 'leader'],
  },
  {
    method: 'GET',
    route: '/api/stations/:id{[0-9]+}/qr.png',
    path: '/api/stations/1/qr.png?size=128',
    allowed: ['admin', 'staff', 'staffA', 'leader'],
  },
  {
    method: 'GET',
    route: '/api/stations/:id{[0-9]+}/poster',
    path: '/api/stations/1/poster',
    allowed: ['admin', 'staff', 'staffA', 'leader'],
  },
  { method: 'GET', route: '/api/deputies', path: '/api/deputies', allowed: ['admin', 'staff', 'staffA', 'staffB', 'leader'] },
  { method: 'POST', route: '/api/deputies', path: '/api/deputies', json: {}, allowed: ['admin', 'staff', 'staffA', 'staffB'] },
  {
    method: 'PATCH',
    route: '/api/deputies/:id{[0-9]+}',
    path: '/api/deputies/1',
    json: {},
    allowed: ['admin', 'staff', 'staffA'],
  },
  {
    method: 'POST',
    route: '/api/roster/import',
    path: '/api/roster/import?dryRun=1',
    allowed: ['admin', 'staff', 'staffA', 'staffB'],
  },
  { method: 'GET', route: '/api/audit', path: '/api/audit', allowed: ['admin'] },
  // Trainings and evaluations: leaders read; township staff enrol, print and chase their own; district staff organise.
  { method: 'GET', route: '/api/trainings', path: '/api/trainings', allowed: ['admin', 'staff', 'staffA', 'staffB', 'leader'] },
  { method: 'POST', route: '/api/trainings', path: '/api/trainings', json: {}, allowed: ['admin', 'staff'] },
  {
    method: 'GET',
    route: '/api/trainings/questionnaires',
    path: '/api/trainings/questionnaires',
    allowed: ['admin', 'staff', 'staffA', 'staffB', 'leader'],
  },
  {
    method: 'GET',
    route: '/api/trainings/:id{[0-9]+}',
    path: '/api/trainings/999',
    allowed: ['admin', 'staff', 'staffA', 'staffB', 'leader'],
  },
  { method: 'PATCH', route: '/api/trainings/:id{[0-9]+}', path: '/api/trainings/999', json: {}, allowed: ['admin', 'staff'] },
  { method: 'DELETE', route: '/api/trainings/:id{[0-9]+}', path: '/api/trainings/999', allowed: ['admin', 'staff'] },
  {
    method: 'POST',
    route: '/api/trainings/:id{[0-9]+}/evaluation',
    path: '/api/trainings/999/evaluation',
    json: {},
    allowed: ['admin', 'staff'],
  },
  {
    method: 'GET',
    route: '/api/trainings/:id{[0-9]+}/questionnaire',
    path: '/api/trainings/999/questionnaire',
    allowed: ['admin', 'staff', 'staffA', 'staffB', 'leader'],
  },
  {
    method: 'PUT',
    route: '/api/trainings/:id{[0-9]+}/questionnaire',
    path: '/api/trainings/999/questionnaire',
    json: {},
    allowed: ['admin', 'staff'],
  },
  {
    method: 'POST',
    route: '/api/trainings/:id{[0-9]+}/courses',
    path: '/api/trainings/999/courses',
    json: {},
    allowed: ['admin', 'staff'],
  },
  {
    method: 'PATCH',
    route: '/api/trainings/:id{[0-9]+}/courses/:courseId{[0-9]+}',
    path: '/api/trainings/999/courses/1',
    json: {},
    allowed: ['admin', 'staff'],
  },
  {
    method: 'DELETE',
    route: '/api/trainings/:id{[0-9]+}/courses/:courseId{[0-9]+}',
    path: '/api/trainings/999/courses/1',
    allowed: ['admin', 'staff'],
  },
  {
    method: 'GET',
    route: '/api/trainings/:id{[0-9]+}/enrolments',
    path: '/api/trainings/999/enrolments',
    allowed: ['admin', 'staff', 'staffA', 'staffB', 'leader'],
  },
  {
    method: 'POST',
    route: '/api/trainings/:id{[0-9]+}/enrolments',
    path: '/api/trainings/999/enrolments',
    json: {},
    allowed: ['admin', 'staff', 'staffA', 'staffB'],
  },
  {
    method: 'DELETE',
    route: '/api/trainings/:id{[0-9]+}/enrolments/:enrolmentId{[0-9]+}',
    path: '/api/trainings/999/enrolments/1',
    allowed: ['admin', 'staff', 'staffA', 'staffB'],
  },
  {
    method: 'GET',
    route: '/api/trainings/:id{[0-9]+}/enrolments/export',
    path: '/api/trainings/999/enrolments/export',
    allowed: ['admin', 'staff', 'staffA', 'staffB', 'leader'],
  },
  {
    method: 'GET',
    route: '/api/trainings/:id{[0-9]+}/progress',
    path: '/api/trainings/999/progress',
    allowed: ['admin', 'staff', 'staffA', 'staffB', 'leader'],
  },
  {
    method: 'GET',
    route: '/api/trainings/:id{[0-9]+}/results',
    path: '/api/trainings/999/results',
    allowed: ['admin', 'staff', 'staffA', 'staffB', 'leader'],
  },
  {
    method: 'GET',
    route: '/api/trainings/:id{[0-9]+}/results/export',
    path: '/api/trainings/999/results/export',
    allowed: ['admin', 'staff', 'staffA', 'staffB', 'leader'],
  },
  {
    method: 'GET',
    route: '/api/trainings/:id{[0-9]+}/slips',
    path: '/api/trainings/999/slips',
    allowed: ['admin', 'staff', 'staffA', 'staffB'],
  },
  // Opinions: everyone who works with them reads (scoped in the handler); leaders never act.
  { method: 'GET', route: '/api/opinions', path: '/api/opinions', allowed: SIGNED_IN },
  { method: 'GET', route: '/api/opinions/categories', path: '/api/opinions/categories', allowed: SIGNED_IN },
  // Exports carry every matching row: not for the accounts of 承办单位.
  { method: 'GET', route: '/api/opinions/export.csv', path: '/api/opinions/export.csv', allowed: NOT_DEPARTMENT },
  { method: 'GET', route: '/api/opinions/export.xlsx', path: '/api/opinions/export.xlsx', allowed: NOT_DEPARTMENT },
  { method: 'GET', route: '/api/opinions/:id{[0-9]+}', path: '/api/opinions/999', allowed: SIGNED_IN },
  {
    method: 'POST',
    route: '/api/opinions/:id{[0-9]+}/actions',
    path: '/api/opinions/999/actions',
    json: {},
    allowed: ['admin', 'staff', 'staffA', 'staffB', 'deputy', 'department'],
  },
  {
    method: 'POST',
    route: '/api/opinions/:id{[0-9]+}/photos',
    path: '/api/opinions/999/photos',
    allowed: ['admin', 'staff', 'staffA', 'staffB', 'deputy'],
  },
  {
    method: 'GET',
    route: '/api/opinions/:id{[0-9]+}/photos/:photoId{[0-9]+}',
    path: '/api/opinions/999/photos/1',
    allowed: SIGNED_IN,
  },
  { method: 'GET', route: '/api/calendar', path: '/api/calendar', allowed: SIGNED_IN },
  { method: 'PUT', route: '/api/calendar', path: '/api/calendar', json: {}, allowed: ['admin'] },
  {
    method: 'GET',
    route: '/api/step-limits',
    path: '/api/step-limits',
    allowed: ['admin', 'staff', 'staffA', 'staffB', 'leader'],
  },
  { method: 'PUT', route: '/api/step-limits', path: '/api/step-limits', json: {}, allowed: ['admin'] },
  // Statistics: leaders, admins and staff (township staff confined to theirs in the handler).
  {
    method: 'GET',
    route: '/api/stats/overview',
    path: '/api/stats/overview',
    allowed: ['admin', 'staff', 'staffA', 'staffB', 'leader'],
  },
  {
    method: 'GET',
    route: '/api/stats/weekly',
    path: '/api/stats/weekly',
    allowed: ['admin', 'staff', 'staffA', 'staffB', 'leader'],
  },
  // Receptions (进站接待): deputies log and list their own sessions; leaders read.
  { method: 'GET', route: '/api/receptions', path: '/api/receptions', allowed: NOT_DEPARTMENT },
  {
    method: 'POST',
    route: '/api/receptions',
    path: '/api/receptions',
    json: {},
    allowed: ['admin', 'staff', 'staffA', 'staffB', 'deputy'],
  },
  // 代录 outside a session, the duty schedule (排班) and the duty calendar.
  {
    method: 'POST',
    route: '/api/receptions/opinions',
    path: '/api/receptions/opinions',
    json: {},
    allowed: ['admin', 'staff', 'staffA', 'staffB', 'deputy'],
  },
  { method: 'GET', route: '/api/receptions/schedules', path: '/api/receptions/schedules', allowed: NOT_DEPARTMENT },
  {
    method: 'POST',
    route: '/api/receptions/schedules',
    path: '/api/receptions/schedules',
    json: {},
    allowed: ['admin', 'staff', 'staffA', 'staffB'],
  },
  {
    method: 'PATCH',
    route: '/api/receptions/schedules/:id{[0-9]+}',
    path: '/api/receptions/schedules/999',
    json: {},
    allowed: ['admin', 'staff', 'staffA', 'staffB'],
  },
  { method: 'GET', route: '/api/receptions/duty', path: '/api/receptions/duty', allowed: NOT_DEPARTMENT },
  // 承办单位 (worker/departments): the office and leaders read the roster, deputies the names for 三议;
  // admins and district-wide staff edit (township staff get 403 from the handler); admins make accounts.
  {
    method: 'GET',
    route: '/api/departments',
    path: '/api/departments',
    allowed: ['admin', 'staff', 'staffA', 'staffB', 'leader', 'deputy'],
  },
  { method: 'POST', route: '/api/departments', path: '/api/departments', json: {}, allowed: ['admin', 'staff'] },
  { method: 'PATCH', route: '/api/departments/:id{[0-9]+}', path: '/api/departments/999', json: {}, allowed: ['admin', 'staff'] },
  { method: 'GET', route: '/api/departments/:id{[0-9]+}/members', path: '/api/departments/1/members', allowed: ['admin'] },
  {
    method: 'POST',
    route: '/api/departments/:id{[0-9]+}/members',
    path: '/api/departments/999/members',
    json: {},
    allowed: ['admin'],
  },
  { method: 'POST', route: '/api/departments/import', path: '/api/departments/import?dryRun=1', allowed: ['admin', 'staff'] },
  // 常用语: everyone who writes replies reads them; admins keep them.
  {
    method: 'GET',
    route: '/api/reply-templates',
    path: '/api/reply-templates',
    allowed: ['admin', 'staff', 'staffA', 'staffB', 'deputy', 'department'],
  },
  { method: 'POST', route: '/api/reply-templates', path: '/api/reply-templates', json: {}, allowed: ['admin'] },
  { method: 'PATCH', route: '/api/reply-templates/:id{[0-9]+}', path: '/api/reply-templates/999', json: {}, allowed: ['admin'] },
  {
    method: 'GET',
    route: '/api/handling-settings',
    path: '/api/handling-settings',
    allowed: ['admin', 'staff', 'staffA', 'staffB', 'leader', 'department'],
  },
  { method: 'PUT', route: '/api/handling-settings', path: '/api/handling-settings', json: {}, allowed: ['admin'] },
  // 督办: staff act on it, leaders read it; 催办 received: departments, deputies, and the office.
  {
    method: 'GET',
    route: '/api/supervision',
    path: '/api/supervision',
    allowed: ['admin', 'staff', 'staffA', 'staffB', 'leader'],
  },
  {
    method: 'GET',
    route: '/api/reminders',
    path: '/api/reminders',
    allowed: ['admin', 'staff', 'staffA', 'staffB', 'deputy', 'department'],
  },
  // A deputy's own pending evaluations (their personal links): deputies only.
  { method: 'GET', route: '/api/deputies/me/evaluations', path: '/api/deputies/me/evaluations', allowed: ['deputy'] },
  // 履职档案: staff of the deputy's township, leaders, admins, and the deputy themself.
  {
    method: 'GET',
    route: '/api/deputies/:id{[0-9]+}/record',
    path: '/api/deputies/1/record',
    allowed: ['admin', 'staff', 'staffA', 'leader', 'deputy'],
  },
  // 代表码: the same readers as the record.
  ...['qr.svg', 'qr.png', 'poster'].map((file) => ({
    method: 'GET',
    route: `/api/deputies/:id{[0-9]+}/${file}`,
    path: `/api/deputies/1/${file}`,
    allowed: ['admin', 'staff', 'staffA', 'leader', 'deputy'] as Who[],
  })),
  {
    method: 'GET',
    route: '/api/deputies/:id{[0-9]+}/record/sheet',
    path: '/api/deputies/1/record/sheet?year=2026',
    allowed: ['admin', 'staff', 'staffA', 'leader', 'deputy'],
  },
  {
    method: 'POST',
    route: '/api/deputies/:id{[0-9]+}/activities',
    path: '/api/deputies/1/activities',
    json: {},
    allowed: ['admin', 'staff', 'staffA', 'deputy'],
  },
  {
    method: 'PATCH',
    route: '/api/deputies/activities/:activityId{[0-9]+}',
    path: '/api/deputies/activities/999',
    json: {},
    allowed: ['admin', 'staff', 'staffA', 'staffB'],
  },
];

describe('route × role matrix', () => {
  it('covers every API route the app registers', () => {
    const registered = new Set(
      app.routes
        .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && r.path !== '/api/*')
        .map((r) => `${r.method} ${r.path}`),
    );
    const covered = new Set(MATRIX.map((c) => `${c.method} ${c.route}`));
    expect([...registered].filter((r) => !covered.has(r))).toEqual([]);
    expect([...covered].filter((r) => !registered.has(r))).toEqual([]);
  });

  for (const route of MATRIX) {
    it(`${route.method} ${route.path}`, async () => {
      const { users } = await seedFixture();
      const outcome: Record<string, number> = {};
      for (const who of EVERY) {
        const cookie = who === 'anonymous' ? undefined : route.freshSession ? await signIn(who) : users[who];
        const res = await call(route.method, route.path, {
          cookie,
          json: route.json,
        });
        outcome[who] = res.status;
        expect(res.status, `${who}: server error`).toBeLessThan(500);
      }
      const expected = Object.fromEntries(
        EVERY.map((who) => [who, route.allowed.includes(who) ? 'allowed' : who === 'anonymous' ? 401 : 403]),
      );
      const actual = Object.fromEntries(
        EVERY.map((who) => [who, outcome[who] === 401 || outcome[who] === 403 ? outcome[who] : 'allowed']),
      );
      expect(actual).toEqual(expected);
    });
  }
});

describe('township scope', () => {
  it('a township staff member sees only their own deputies and stations', async () => {
    const { users } = await seedFixture();
    const deputies = await (await call('GET', '/api/deputies', { cookie: users.staffA })).json<{
      items: { townshipId: number }[];
    }>();
    expect(deputies.items.length).toBeGreaterThan(0);
    expect(deputies.items.every((d) => d.townshipId === 1)).toBe(true);
    const stations = await (await call('GET', '/api/stations', { cookie: users.staffA })).json<{
      items: { townshipId: number }[];
    }>();
    expect(stations.items.every((s) => s.townshipId === 1)).toBe(true);
  });

  it("refuses to list, edit or create in another township's data", async () => {
    const { users } = await seedFixture();
    expect((await call('GET', '/api/deputies?townshipId=2', { cookie: users.staffA })).status).toBe(403);
    expect((await call('GET', '/api/stations?townshipId=2', { cookie: users.staffA })).status).toBe(403);
    expect((await call('PATCH', '/api/deputies/2', { cookie: users.staffA, json: { sector: '教育' } })).status).toBe(403);
    const create = await call('POST', '/api/deputies', {
      cookie: users.staffA,
      json: { name: '越权者', level: 'township', townshipId: 2, phone: '13900000099' },
    });
    expect(create.status).toBe(403);
    expect((await create.json<{ error: { message: string } }>()).error.message).toMatch(/本乡镇/);
    // Moving a deputy of one's own township into another is also refused.
    expect((await call('PATCH', '/api/deputies/1', { cookie: users.staffA, json: { townshipId: 2 } })).status).toBe(403);
  });

  it('leaders read deputies with masked phone numbers; staff see them in full', async () => {
    const { users } = await seedFixture();
    const asLeader = await (await call('GET', '/api/deputies', { cookie: users.leader })).json<{ items: { phone: string }[] }>();
    expect(asLeader.items.every((d) => /^\d{3}\*{4}\d{4}$/.test(d.phone))).toBe(true);
    const asStaff = await (await call('GET', '/api/deputies', { cookie: users.staff })).json<{ items: { phone: string }[] }>();
    expect(asStaff.items.every((d) => /^\d{11}$/.test(d.phone))).toBe(true);
  });
});
