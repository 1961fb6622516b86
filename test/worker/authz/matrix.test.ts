/**
 * Every API route × every role: who is allowed, who gets 401 or 403. The table must name
 * every route the app registers, so a new route without an entry fails this test.
 */
import { describe, expect, it } from 'vitest';
import { app } from '../../../worker/index';
import { call, type Fixture, seedFixture, signIn } from '../helpers';

type Who = 'anonymous' | keyof Fixture['users'];
const EVERY: Who[] = ['anonymous', 'admin', 'staff', 'staffA', 'staffB', 'leader', 'deputy'];
const SIGNED_IN: Who[] = ['admin', 'staff', 'staffA', 'staffB', 'leader', 'deputy'];

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
  { method: 'GET', route: '/api/health', path: '/api/health', allowed: EVERY },
  { method: 'POST', route: '/api/auth/login', path: '/api/auth/login', json: {}, allowed: EVERY },
  { method: 'POST', route: '/api/auth/logout', path: '/api/auth/logout', allowed: EVERY, freshSession: true },
  { method: 'GET', route: '/api/auth/me', path: '/api/auth/me', allowed: SIGNED_IN },
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
  { method: 'GET', route: '/api/opinions/export.csv', path: '/api/opinions/export.csv', allowed: SIGNED_IN },
  { method: 'GET', route: '/api/opinions/export.xlsx', path: '/api/opinions/export.xlsx', allowed: SIGNED_IN },
  { method: 'GET', route: '/api/opinions/:id{[0-9]+}', path: '/api/opinions/999', allowed: SIGNED_IN },
  {
    method: 'POST',
    route: '/api/opinions/:id{[0-9]+}/actions',
    path: '/api/opinions/999/actions',
    json: {},
    allowed: ['admin', 'staff', 'staffA', 'staffB', 'deputy'],
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
  // Receptions (进站接待): deputies log and list their own sessions; leaders read.
  { method: 'GET', route: '/api/receptions', path: '/api/receptions', allowed: SIGNED_IN },
  {
    method: 'POST',
    route: '/api/receptions',
    path: '/api/receptions',
    json: {},
    allowed: ['admin', 'staff', 'staffA', 'staffB', 'deputy'],
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
