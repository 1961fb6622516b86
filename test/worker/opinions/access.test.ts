/**
 * Who sees which opinions, and whose phone numbers and internal notes they see: lists scoped
 * per role, full numbers only for the assigned handler, notes never for leaders.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call, type Fixture, seedFixture } from '../helpers';
import { act, detail, insertOpinion } from './helpers';

let users: Fixture['users'];
const ids = { a: 0, aAssigned: 0, b: 0 };

beforeAll(async () => {
  ({ users } = await seedFixture());
  ids.a = (await insertOpinion({ stationId: 1, reporterPhone: '13911112222' })).id;
  ids.aAssigned = (await insertOpinion({ stationId: 1, reporterPhone: '13933334444' })).id;
  ids.b = (
    await insertOpinion({ stationId: 2, reporterPhone: '13955556666', body: '东湖小区停水三天了，希望尽快恢复供水。' })
  ).id;
  await act(users.staffA, ids.aAssigned, 'accept', { deputyId: 1, internalNote: '反映人情绪激动，注意沟通' });
});

type List = { items: { id: number; townshipId: number; reporterPhone: string | null; deadline: string | null }[]; total: number };

async function list(cookie: string, qs = ''): Promise<List> {
  const res = await call('GET', `/api/opinions${qs}`, { cookie });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json<List>();
}

describe('list scope', () => {
  it('township staff see their township only, and may not ask for another', async () => {
    const a = await list(users.staffA);
    expect(a.items.map((i) => i.id).sort()).toEqual([ids.a, ids.aAssigned].sort());
    const b = await list(users.staffB);
    expect(b.items.map((i) => i.id)).toEqual([ids.b]);
    expect((await call('GET', '/api/opinions?townshipId=2', { cookie: users.staffA })).status).toBe(403);
  });

  it('deputies see only what is assigned to them', async () => {
    const d = await list(users.deputy);
    expect(d.items.map((i) => i.id)).toEqual([ids.aAssigned]);
    expect((await call('GET', '/api/opinions?deputyId=2', { cookie: users.deputy })).status).toBe(403);
  });

  it('leaders and district staff see the whole district; filters narrow it', async () => {
    expect((await list(users.leader)).total).toBe(3);
    expect((await list(users.staff)).total).toBe(3);
    expect((await list(users.leader, '?townshipId=2')).items.map((i) => i.id)).toEqual([ids.b]);
    expect((await list(users.staff, '?state=listening')).items.map((i) => i.id)).toEqual([ids.aAssigned]);
    expect((await list(users.staff, '?state=open')).total).toBe(3);
    expect((await list(users.staff, '?q=停水')).items.map((i) => i.id)).toEqual([ids.b]);
    expect((await list(users.staff, '?deputyId=1')).items.map((i) => i.id)).toEqual([ids.aAssigned]);
    expect((await list(users.staff, '?category=housing')).total).toBe(0);
    expect((await call('GET', '/api/opinions?state=bogus', { cookie: users.staff })).status).toBe(422);
  });

  it('every list item carries its deadline colour and a masked phone', async () => {
    for (const who of ['staffA', 'staff', 'admin', 'leader', 'deputy'] as const) {
      for (const item of (await list(users[who])).items) {
        expect(item.reporterPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
        expect(['green', 'yellow', 'red']).toContain(item.deadline);
      }
    }
  });

  it('only handlers can find an opinion by part of the phone number', async () => {
    expect((await list(users.staff, '?q=55556666')).items.map((i) => i.id)).toEqual([ids.b]);
    expect((await list(users.leader, '?q=55556666')).total).toBe(0);
  });
});

describe('item page: phone numbers and internal notes', () => {
  it('shows the full number to the assigned deputy, township staff, district staff and admins', async () => {
    for (const who of ['deputy', 'staffA', 'staff', 'admin'] as const) {
      const d = await detail(users[who], ids.aAssigned);
      expect(d.opinion.reporterPhone, who).toBe('13933334444');
      expect(d.timeline.find((e) => e.action === 'accept')?.internalNote, who).toBe('反映人情绪激动，注意沟通');
    }
  });

  it('masks the number and hides internal notes from leaders', async () => {
    const d = await detail(users.leader, ids.aAssigned);
    expect(d.opinion.reporterPhone).toBe('139****4444');
    expect(d.opinion.phoneMasked).toBe(true);
    expect(JSON.stringify(d)).not.toContain('情绪激动');
    expect(JSON.stringify(d)).not.toContain('13933334444');
    expect(d.allowedActions).toEqual([]);
  });

  it('keeps other townships and unassigned deputies out', async () => {
    // 404, not 403: another township's ids cannot be probed (issue 9).
    expect((await call('GET', `/api/opinions/${ids.aAssigned}`, { cookie: users.staffB })).status).toBe(404);
    expect((await call('GET', `/api/opinions/${ids.a}`, { cookie: users.deputy })).status).toBe(403);
    expect((await call('GET', '/api/opinions/999999', { cookie: users.staff })).status).toBe(404);
  });
});
