/** 消息记录 API: the list as staff read it (scoped, masked, rendered), resend of failed ones, and the inbound TD webhook. */
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../../../worker/index';
import { webhookSignature } from '../../../worker/notifications/providers/webhook';
import { call, type Fixture, ORIGIN, seedFixture } from '../helpers';
import { consentedOpinion, outbox } from './support';

let f: Fixture;
beforeAll(async () => {
  f = await seedFixture();
});

interface Listed {
  items: { id: number; state: string; phone: string; text: string; templateName: string; segments: number; opinionId: number }[];
  total: number;
}

async function resolved(townshipPhone: string) {
  const o = await consentedOpinion({ state: 'handling', deputyId: 1, dueOn: '2026-12-31', phone: townshipPhone });
  const res = await call('POST', `/api/opinions/${o.id}/actions`, {
    cookie: f.users.staff,
    json: { action: 'resolve', payload: { publicReply: '已修复' }, revision: o.revision },
  });
  expect(res.status).toBe(200);
  return o;
}

describe('GET /api/messages', () => {
  it('shows each message as it reads, with the number masked, filtered by code; township B staff do not see township A', async () => {
    const o = await resolved('13911112222');
    const list = await (await call('GET', `/api/messages?q=${o.code}`, { cookie: f.users.staffA })).json<Listed>();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ phone: '139****2222', templateName: '办结', segments: 1, opinionId: o.id });
    expect(list.items[0]!.text).toBe(`您的意见（查询码${o.code}）已办结，请对办理结果评价：http://127.0.0.1:8787/t/${o.code}`);
    const byPhone = await (await call('GET', '/api/messages?q=2222', { cookie: f.users.admin })).json<Listed>();
    expect(byPhone.items.map((i) => i.opinionId)).toContain(o.id);
    const other = await (await call('GET', `/api/messages?q=${o.code}`, { cookie: f.users.staffB })).json<Listed>();
    expect(other.total).toBe(0);
    expect((await call('GET', '/api/messages?townshipId=1', { cookie: f.users.staffB })).status).toBe(403);
    expect((await call('GET', '/api/messages?state=nonsense', { cookie: f.users.staff })).status).toBe(422);
  });
});

describe('POST /api/messages/:id/resend', () => {
  it('puts a failed message back to pending once; anything else is refused with a message', async () => {
    const o = await resolved('13911113333');
    const [row] = await outbox('opinion_id = ?', o.id);
    const notFailed = await call('POST', `/api/messages/${row!.id}/resend`, { cookie: f.users.staff });
    expect(notFailed.status).toBe(409);
    expect((await notFailed.json<{ error: { message: string } }>()).error.message).toMatch(/只有发送失败的短信可以重发/);
    await env.DB.prepare(`UPDATE outbox_messages SET state = 'failed', attempts = 5, reason = 'HTTP 500' WHERE id = ?`)
      .bind(row!.id)
      .run();
    expect((await call('POST', `/api/messages/${row!.id}/resend`, { cookie: f.users.staffB })).status).toBe(403);
    const ok = await call('POST', `/api/messages/${row!.id}/resend`, { cookie: f.users.staffA });
    expect(ok.status).toBe(200);
    expect((await outbox('id = ?', row!.id))[0]).toMatchObject({ attempts: 0, reason: null });
    expect((await outbox('id = ?', row!.id))[0]!.state).not.toBe('failed');
    expect((await call('POST', `/api/messages/${row!.id}/resend`, { cookie: f.users.staffA })).status).toBe(409);
  });
});

describe('POST /hooks/sms/inbound', () => {
  it('records TD from a correctly signed gateway call as an opt-out, and refuses unsigned calls', async () => {
    const secret = 'gateway-secret';
    const body = JSON.stringify({ phone: '+8613922223333', text: 'TD' });
    const ts = Math.floor(Date.now() / 1000);
    const withSecret = { ...env, SMS_WEBHOOK_SECRET: secret };
    const unsigned = await exports.default.fetch(new Request(`${ORIGIN}/hooks/sms/inbound`, { method: 'POST', body }));
    expect(unsigned.status).toBe(401);
    const signed = await worker.fetch(
      new Request(`${ORIGIN}/hooks/sms/inbound`, {
        method: 'POST',
        body,
        headers: { 'x-lianluo-timestamp': String(ts), 'x-lianluo-signature': await webhookSignature(secret, ts, body) },
      }),
      withSecret,
      { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext,
    );
    expect(signed.status).toBe(200);
    expect(await signed.json()).toEqual({ optedOut: true });
    const row = await env.DB.prepare(`SELECT source FROM sms_opt_outs WHERE phone = '13922223333'`).first<{ source: string }>();
    expect(row?.source).toBe('webhook');
  });
});
