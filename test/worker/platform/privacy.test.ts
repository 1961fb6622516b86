/**
 * Personal data shown only to those who need it: phone numbers typed into free text are masked
 * for every role that sees masked phones, and township staff cannot probe another township's
 * opinion ids or deputies' phone numbers.
 */
import { describe, expect, it } from 'vitest';
import { call, seedFixture } from '../helpers';
import { act, insertOpinion } from '../opinions/helpers';

describe('phone numbers in free text', () => {
  it('are masked for the leader in the reply, the findings and the opinion text, and shown to the handler', async () => {
    const { users } = await seedFixture();
    const { id } = await insertOpinion({ body: '路灯坏了，请打我电话 13912345678 联系。', reporterPhone: '13912345678' });
    expect(
      (await act(users.staffA, id, 'accept', { deputyId: 1, publicReply: '已受理，可联系王代表 138-0000-0001。' })).status,
    ).toBe(200);
    expect((await act(users.deputy, id, 'record_visit', { findings: '现场查看属实，物业电话 13700001111。' })).status).toBe(200);

    const leader = await call('GET', `/api/opinions/${id}`, { cookie: users.leader });
    expect(leader.status).toBe(200);
    const seen = await leader.text();
    for (const full of ['13912345678', '138-0000-0001', '13800000001', '13700001111']) expect(seen).not.toContain(full);
    expect(seen).toContain('139****5678');
    expect(seen).toContain('138****0001');
    expect(seen).toContain('137****1111');

    const handler = await (await call('GET', `/api/opinions/${id}`, { cookie: users.staffA })).text();
    expect(handler).toContain('13700001111');
    expect(handler).toContain('13912345678');

    const list = await (await call('GET', '/api/opinions', { cookie: users.leader })).text();
    expect(list).not.toContain('13912345678');
  });
});

describe('probing another township', () => {
  it('answers 404 for another township’s opinion id, like an id that does not exist', async () => {
    const { users } = await seedFixture();
    const { id } = await insertOpinion({ townshipId: 1, stationId: 1 });
    const other = await call('GET', `/api/opinions/${id}`, { cookie: users.staffB });
    const missing = await call('GET', '/api/opinions/987654', { cookie: users.staffB });
    expect(other.status).toBe(404);
    expect(await other.json()).toEqual(await missing.json());
    expect((await act(users.staffB, id, 'accept', { deputyId: 1 })).status).toBe(404);
  });

  it('refuses another township’s deputy phone with a neutral message that names no one', async () => {
    const { users } = await seedFixture();
    // 13800000002 is 李秀英's, a deputy of 东湖街道 (township 2).
    const res = await call('POST', '/api/deputies', {
      cookie: users.staffA,
      json: { name: '张三', level: 'township', townshipId: 1, stationId: 1, sector: '工人', phone: '13800000002' },
    });
    expect(res.status).toBe(409);
    const body = await res.json<{ error: { code: string; message: string; fields: Record<string, string> } }>();
    expect(body.error.code).toBe('phone_unavailable');
    expect(body.error.fields.phone).toBe('这个手机号码不能登记。请核对号码；号码无误的，请联系区代表服务中心。');
    expect(JSON.stringify(body)).not.toMatch(/另一位代表|李秀英|13800000002/);
    // District-wide staff still learn exactly what is wrong.
    const district = await call('POST', '/api/deputies', {
      cookie: users.staff,
      json: { name: '张三', level: 'township', townshipId: 1, stationId: 1, sector: '工人', phone: '13800000002' },
    });
    expect((await district.json<{ error: { code: string } }>()).error.code).toBe('duplicate_phone');
  });
});
