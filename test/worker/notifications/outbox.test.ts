/**
 * The transactional outbox end to end inside workerd: messages written in the event's own
 * batch, exactly one per event per recipient under retries, delivered through the real
 * queue() handler, with backoff, failure, quiet hours and opt-out.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { database } from '../../../worker/db/client';
import { deliverMessage } from '../../../worker/notifications/deliver';
import { devProvider } from '../../../worker/notifications/providers/dev';
import type { SmsProvider } from '../../../worker/notifications/providers/types';
import { MAX_ATTEMPTS, quietHoursRelease } from '../../../worker/notifications/rules';
import { call, seedFixture, type Fixture } from '../helpers';
import { codeOf, submit, validFields } from '../intake/support';
import { consentedOpinion, consumeAt, DAYTIME, NIGHT, outbox, runQueue } from './support';

let f: Fixture;
beforeAll(async () => {
  f = await seedFixture();
});

async function act(id: number, action: string, payload: Record<string, unknown>, cookie = f.users.staff) {
  const row = await env.DB.prepare('SELECT revision FROM opinions WHERE id = ?').bind(id).first<{ revision: number }>();
  return call('POST', `/api/opinions/${id}/actions`, { cookie, json: { action, payload, revision: row!.revision } });
}

describe('written with the event', () => {
  it('a submission with a consented number writes one 受理 message with the tracking link, even when retried', async () => {
    const fields = validFields({ reporter_name: '张三', reporter_phone: '13800138000', consent: 'yes' });
    const first = await submit('AAAAAA', fields);
    const code = codeOf(first);
    const again = await submit('AAAAAA', fields);
    expect(codeOf(again)).toBe(code);
    const rows = await outbox("template_id = 'opinion_received' AND phone = '13800138000'");
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.variables)).toEqual({ code, link: `/t/${code}` });
    expect(rows[0]!.audience).toBe('resident');
  });

  it('no number, or no consent, writes no message', async () => {
    const before = (await outbox()).length;
    codeOf(await submit('AAAAAA', validFields()));
    expect(await outbox()).toHaveLength(before);
  });

  it('resolve tells the resident once; a replayed request (same revision) is refused and writes nothing', async () => {
    const o = await consentedOpinion({ state: 'handling', deputyId: 1, dueOn: '2026-12-31' });
    const body = { action: 'resolve', payload: { publicReply: '路灯已修复。' }, revision: o.revision };
    const ok = await call('POST', `/api/opinions/${o.id}/actions`, { cookie: f.users.staff, json: body });
    expect(ok.status).toBe(200);
    const replay = await call('POST', `/api/opinions/${o.id}/actions`, { cookie: f.users.staff, json: body });
    expect(replay.status).toBe(409);
    const rows = await outbox('opinion_id = ?', o.id);
    expect(rows.map((r) => r.template_id)).toEqual(['opinion_resolved']);
    expect(JSON.parse(rows[0]!.variables).link).toBe(`/t/${o.code}`);
  });

  it('accept tells the assigned deputy (with a link to the item), reject tells the resident the reason', async () => {
    const a = await consentedOpinion();
    expect((await act(a.id, 'accept', { deputyId: 1 })).status).toBe(200);
    const [toDeputy] = await outbox('opinion_id = ?', a.id);
    expect(toDeputy).toMatchObject({
      template_id: 'deputy_assigned',
      audience: 'deputy',
      phone: '13800000001',
      recipient_deputy_id: 1,
    });
    expect(JSON.parse(toDeputy!.variables)).toEqual({ name: '王建国', code: a.code, link: `/opinions/${a.id}` });

    const b = await consentedOpinion();
    expect((await act(b.id, 'reject', { reason: '不属于人大代表联络站受理范围' })).status).toBe(200);
    const [rejected] = await outbox('opinion_id = ?', b.id);
    expect(rejected!.template_id).toBe('opinion_rejected');
    expect(JSON.parse(rejected!.variables).reason).toBe('不属于人大代表联络站受理范围');
  });

  it('a failed batch (a stale write) leaves no message behind', async () => {
    const o = await consentedOpinion({ state: 'handling', deputyId: 1, dueOn: '2026-12-31' });
    const stale = await call('POST', `/api/opinions/${o.id}/actions`, {
      cookie: f.users.staff,
      json: { action: 'resolve', payload: { publicReply: '已修复' }, revision: o.revision + 5 },
    });
    expect(stale.status).toBe(409);
    expect(await outbox('opinion_id = ?', o.id)).toHaveLength(0);
  });
});

describe('delivery through the queue() handler', () => {
  it('the Worker exports queue(): it acknowledges and either sends or (in quiet hours) defers', async () => {
    const o = await consentedOpinion({ state: 'handling', deputyId: 1, dueOn: '2026-12-31' });
    await act(o.id, 'resolve', { publicReply: '已修复' });
    const [row] = await outbox('opinion_id = ?', o.id);
    const result = await runQueue([row!.id]);
    expect(result.explicitAcks).toHaveLength(1);
    const [after] = await outbox('id = ?', row!.id);
    const quiet = quietHoursRelease(Date.now()) > Date.now();
    expect(after!.state).toBe(quiet ? 'pending' : 'sent');
    if (quiet) expect(after!.reason).toBe('quiet_hours');
  });

  it('sends, records the text as read, and a redelivered queue message sends nothing more', async () => {
    const o = await consentedOpinion({ state: 'handling', deputyId: 1, dueOn: '2026-12-31' });
    await act(o.id, 'resolve', { publicReply: '已修复' });
    const [row] = await outbox('opinion_id = ?', o.id);
    const result = await consumeAt(DAYTIME, [row!.id, row!.id]);
    expect(result.explicitAcks).toHaveLength(2);
    expect(result.retryMessages).toHaveLength(0);
    const [sent] = await outbox('id = ?', row!.id);
    expect(sent).toMatchObject({ state: 'sent', attempts: 1, provider: 'dev', sent_at: DAYTIME });
    expect(sent!.body).toBe(`您的意见（查询码${o.code}）已办结，请对办理结果评价：http://127.0.0.1:8787/t/${o.code}`);
  });

  it('a failing provider is retried with growing backoff, then lands in failed with its reason', async () => {
    const o = await consentedOpinion({ state: 'handling', deputyId: 1, dueOn: '2026-12-31' });
    await act(o.id, 'resolve', { publicReply: '已修复' });
    const [row] = await outbox('opinion_id = ?', o.id);
    // A gateway that refuses connections: every attempt is a transient network failure.
    const broken = { SMS_PROVIDER: 'webhook', SMS_WEBHOOK_URL: 'http://127.0.0.1:9/', SMS_WEBHOOK_SECRET: 'x' };
    const delays: number[] = [];
    let now = DAYTIME;
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      const r = await consumeAt(now, [row!.id], broken);
      expect(r.retryMessages).toHaveLength(1);
      const [pending] = await outbox('id = ?', row!.id);
      delays.push((pending!.not_before - now) / 1000);
      expect(pending).toMatchObject({ state: 'pending', attempts: i });
      expect(pending!.reason).toMatch(/^network: /);
      now = pending!.not_before;
    }
    expect(delays).toEqual([30, 120, 480, 1920]);
    const last = await consumeAt(now, [row!.id], broken);
    expect(last.explicitAcks).toHaveLength(1);
    const [failed] = await outbox('id = ?', row!.id);
    expect(failed).toMatchObject({ state: 'failed', attempts: MAX_ATTEMPTS, provider: 'webhook' });
    expect(failed!.reason).toMatch(/^network: /);
  });

  it('a permanent refusal fails at once, without retries', async () => {
    const o = await consentedOpinion({ state: 'handling', deputyId: 1, dueOn: '2026-12-31' });
    await act(o.id, 'resolve', { publicReply: '已修复' });
    const [row] = await outbox('opinion_id = ?', o.id);
    const refusing: SmsProvider = { name: 'test', send: async () => ({ ok: false, transient: false, reason: '号码格式错误' }) };
    const d = await deliverMessage(database(env.DB), refusing, row!.id, { now: DAYTIME, origin: 'https://x.test' });
    expect(d.outcome).toBe('failed');
    expect((await outbox('id = ?', row!.id))[0]).toMatchObject({ state: 'failed', attempts: 1, reason: '号码格式错误' });
  });

  it('quiet hours defer to 08:00 China time instead of dropping, and the message goes out then', async () => {
    const o = await consentedOpinion({ state: 'handling', deputyId: 1, dueOn: '2026-12-31' });
    await act(o.id, 'resolve', { publicReply: '已修复' });
    const [row] = await outbox('opinion_id = ?', o.id);
    const db = database(env.DB);
    const night = await deliverMessage(db, devProvider, row!.id, { now: NIGHT, origin: 'https://x.test' });
    const morning = Date.parse('2026-12-08T08:00:00+08:00');
    expect(night).toEqual({ outcome: 'deferred', delaySeconds: (morning - NIGHT) / 1000 });
    expect((await outbox('id = ?', row!.id))[0]).toMatchObject({
      state: 'pending',
      reason: 'quiet_hours',
      not_before: morning,
      attempts: 0,
    });
    expect((await deliverMessage(db, devProvider, row!.id, { now: morning - 1000, origin: 'https://x.test' })).outcome).toBe(
      'deferred',
    );
    expect((await deliverMessage(db, devProvider, row!.id, { now: morning, origin: 'https://x.test' })).outcome).toBe('sent');
  });

  it('an opted-out number is suppressed, with the reason', async () => {
    const o = await consentedOpinion({ state: 'handling', deputyId: 1, dueOn: '2026-12-31', phone: '13700000077' });
    await env.DB.prepare(`INSERT INTO sms_opt_outs (phone, source, created_at) VALUES ('13700000077', 'tracking_page', 0)`).run();
    await act(o.id, 'resolve', { publicReply: '已修复' });
    const [row] = await outbox('opinion_id = ?', o.id);
    const d = await deliverMessage(database(env.DB), devProvider, row!.id, { now: DAYTIME, origin: 'https://x.test' });
    expect(d.outcome).toBe('suppressed');
    expect((await outbox('id = ?', row!.id))[0]).toMatchObject({ state: 'suppressed', reason: 'opted_out', sent_at: null });
  });

  it('the daily cap per number holds the rest until the next morning', async () => {
    const phone = '13600000066';
    const db = database(env.DB);
    const ids: number[] = [];
    for (let i = 0; i < 11; i++) {
      const r = await env.DB.prepare(
        `INSERT INTO outbox_messages (dedupe_key, phone, audience, template_id, variables, event_kind, created_at, updated_at)
         VALUES (?, ?, 'resident', 'tracking_codes', '{"codes":"X","link":"/t/"}', 'test', 0, 0) RETURNING id`,
      )
        .bind(`cap-${i}`, phone)
        .first<{ id: number }>();
      ids.push(r!.id);
    }
    const outcomes = [];
    for (const id of ids) outcomes.push((await deliverMessage(db, devProvider, id, { now: DAYTIME, origin: '' })).outcome);
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(10);
    expect(outcomes[10]).toBe('deferred');
    expect((await outbox('id = ?', ids[10]))[0]).toMatchObject({
      reason: 'daily_cap',
      not_before: Date.parse('2026-12-08T08:00:00+08:00'),
    });
  });
});
