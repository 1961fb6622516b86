import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call, seedFixture } from '../helpers';

type Err = { error: { code: string; message: string; fields?: Record<string, string> } };

describe('roster API', () => {
  it('creates a station with a public code and lists it with its township', async () => {
    const { users } = await seedFixture();
    const res = await call('POST', '/api/stations', {
      cookie: users.staffA,
      json: { name: '幸福村代表联络室', kind: 'room', hostType: 'community', townshipId: 1, address: '幸福村村委会' },
    });
    expect(res.status).toBe(201);
    const { station } = await res.json<{ station: { code: string; id: number } }>();
    expect(station.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    const list = await (await call('GET', '/api/stations?q=幸福', { cookie: users.staffA })).json<{
      items: { id: number; townshipName: string }[];
    }>();
    expect(list.items).toEqual([expect.objectContaining({ id: station.id, townshipName: '城关街道' })]);
  });

  it('normalises phone numbers and refuses a duplicate with a field message', async () => {
    const { users } = await seedFixture();
    const created = await call('POST', '/api/deputies', {
      cookie: users.staff,
      json: { name: '赵志明', level: 'district', townshipId: 1, stationId: 1, phone: '+86 139-0000-0111' },
    });
    expect(created.status).toBe(201);
    expect((await created.json<{ deputy: { phone: string } }>()).deputy.phone).toBe('13900000111');
    const dup = await call('POST', '/api/deputies', {
      cookie: users.staff,
      json: { name: '赵志明二', level: 'district', townshipId: 1, phone: '13900000111' },
    });
    expect(dup.status).toBe(409);
    expect((await dup.json<Err>()).error.fields?.phone).toBe('手机号码 13900000111 已属于另一位代表。');
  });

  it('explains every invalid field in Chinese', async () => {
    const { users } = await seedFixture();
    const res = await call('POST', '/api/deputies', {
      cookie: users.staff,
      json: { name: '', level: 'city', townshipId: 1, phone: '12345' },
    });
    expect(res.status).toBe(422);
    const body = await res.json<Err>();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.fields).toMatchObject({
      name: '此项必填。',
      level: '格式不正确。',
      phone: '请输入 11 位手机号码，例如 13800138000。',
    });
  });

  it("refuses a station that is not in the deputy's township", async () => {
    const { users } = await seedFixture();
    const res = await call('POST', '/api/deputies', {
      cookie: users.staff,
      json: { name: '钱多多', level: 'township', townshipId: 1, stationId: 2, phone: '13900000222' },
    });
    expect(res.status).toBe(422);
    expect((await res.json<Err>()).error.fields?.stationId).toMatch(/不属于该乡镇/);
  });

  it('deactivates a deputy, filters by active, and audits before/after', async () => {
    const { users } = await seedFixture();
    const res = await call('PATCH', '/api/deputies/2', { cookie: users.staffB, json: { active: false } });
    expect(res.status).toBe(200);
    const active = await (await call('GET', '/api/deputies?active=true&townshipId=2', { cookie: users.staff })).json<{
      items: { id: number }[];
    }>();
    expect(active.items.map((d) => d.id)).not.toContain(2);
    const audit = await (await call('GET', '/api/audit?entity=deputy&entityId=2', { cookie: users.admin })).json<{
      items: { username: string; action: string; before: { active: boolean }; after: { active: boolean } }[];
    }>();
    expect(audit.items[0]).toMatchObject({
      username: 'staffB',
      action: 'update',
      before: { active: true },
      after: { active: false },
    });
  });

  it('writes the audit row in the same batch as the change (a failed write leaves neither)', async () => {
    const { users } = await seedFixture();
    const before = await env.DB.prepare('SELECT count(*) AS n FROM audit_log').first<{ n: number }>();
    const res = await call('POST', '/api/townships', {
      cookie: users.admin,
      json: { code: 'T01', name: '重复编号', kind: 'town' },
    });
    expect(res.status).toBe(409);
    const after = await env.DB.prepare('SELECT count(*) AS n FROM audit_log').first<{ n: number }>();
    expect(after?.n).toBe(before?.n);
  });

  it('searches deputies by name and paginates', async () => {
    const { users } = await seedFixture();
    const res = await (await call('GET', '/api/deputies?q=王建&pageSize=1&page=1', { cookie: users.admin })).json<{
      items: { name: string }[];
      total: number;
    }>();
    expect(res.total).toBe(1);
    expect(res.items[0]?.name).toBe('王建国');
    const bad = await call('GET', '/api/deputies?page=0', { cookie: users.admin });
    expect(bad.status).toBe(422);
  });

  it('a partial PATCH changes only the fields sent (no defaults overwrite stored values)', async () => {
    const { users } = await seedFixture();
    await call('PATCH', '/api/deputies/1', { cookie: users.staff, json: { active: false } });
    const row = await env.DB.prepare('SELECT station_id, sector, active FROM deputies WHERE id = 1').first();
    expect(row).toEqual({ station_id: 1, sector: '工人', active: 0 });
    await call('PATCH', '/api/deputies/1', { cookie: users.staff, json: { active: true } });
    await env.DB.prepare("UPDATE stations SET address = '城关路1号' WHERE id = 1").run();
    await call('PATCH', '/api/stations/1', { cookie: users.staff, json: { active: true } });
    expect(await env.DB.prepare('SELECT address FROM stations WHERE id = 1').first()).toEqual({ address: '城关路1号' });
  });

  it('counts each township’s own active stations and deputies', async () => {
    const { users } = await seedFixture();
    const expected = await env.DB.prepare(
      'SELECT t.id, (SELECT count(*) FROM stations s WHERE s.township_id = t.id AND s.active = 1) AS stations, (SELECT count(*) FROM deputies d WHERE d.township_id = t.id AND d.active = 1) AS deputies FROM townships t ORDER BY t.id',
    ).all<{ id: number; stations: number; deputies: number }>();
    const res = await (await call('GET', '/api/townships', { cookie: users.leader })).json<{
      items: { id: number; stationCount: number; deputyCount: number }[];
    }>();
    const actual = res.items
      .map((t) => ({ id: t.id, stations: t.stationCount, deputies: t.deputyCount }))
      .sort((a, b) => a.id - b.id);
    expect(actual).toEqual(expected.results);
  });
});
