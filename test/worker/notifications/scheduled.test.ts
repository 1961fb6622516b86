/**
 * The Cron Triggers through the Worker's real scheduled() export: the morning run closes
 * resolved-unrated opinions after the rating window through the state machine (a `system`
 * event on the timeline), flags newly overdue ones (催办 to the deputy), re-enqueues stuck
 * outbox messages, and changes nothing when run a second time.
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../../../worker/index';
import { MORNING_CRON, SWEEP_CRON } from '../../../worker/scheduled';
import { seedFixture } from '../helpers';
import { consentedOpinion, outbox } from './support';

const MORNING = Date.parse('2026-12-07T08:30:00+08:00');

async function fire(cron: string, at: number) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron, scheduledTime: at }), env, ctx);
  await waitOnExecutionContext(ctx);
}

async function opinion(id: number) {
  return env.DB.prepare('SELECT state, rating, closed_at, revision FROM opinions WHERE id = ?').bind(id).first<{
    state: string;
    rating: string | null;
    closed_at: number | null;
    revision: number;
  }>();
}

async function events(id: number) {
  const { results } = await env.DB.prepare(
    'SELECT action, actor_label, to_state, data FROM opinion_events WHERE opinion_id = ? ORDER BY id',
  )
    .bind(id)
    .all<{ action: string; actor_label: string; to_state: string; data: string }>();
  return results;
}

beforeAll(async () => {
  await seedFixture();
});

describe('the morning run (08:30 China time)', () => {
  it('closes an expired unrated opinion as the system, keeps one inside the window, flags an overdue one; a second run changes nothing', async () => {
    // Resolved on 2026-11-16: ten working days have passed by 2026-12-07. Resolved 2026-12-03: not yet.
    const expired = await consentedOpinion({
      state: 'resolved',
      deputyId: 1,
      resolvedAt: Date.parse('2026-11-16T10:00:00+08:00'),
    });
    const recent = await consentedOpinion({
      state: 'resolved',
      deputyId: 1,
      resolvedAt: Date.parse('2026-12-03T10:00:00+08:00'),
    });
    const overdue = await consentedOpinion({ state: 'handling', deputyId: 1, dueOn: '2026-12-04' });
    const onTime = await consentedOpinion({ state: 'handling', deputyId: 1, dueOn: '2026-12-07' });

    await fire(MORNING_CRON, MORNING);

    expect(await opinion(expired.id)).toMatchObject({ state: 'closed', rating: null, closed_at: MORNING });
    expect((await events(expired.id)).at(-1)).toMatchObject({ action: 'close', actor_label: 'system', to_state: 'closed' });
    expect(JSON.parse((await events(expired.id)).at(-1)!.data)).toEqual({ unrated: true });
    expect((await opinion(recent.id))!.state).toBe('resolved');

    const flag = (await events(overdue.id)).at(-1)!;
    expect(flag).toMatchObject({ action: 'supervise', actor_label: 'system', to_state: 'handling' });
    expect(JSON.parse(flag.data)).toMatchObject({ dueOn: '2026-12-04', status: 'red' });
    expect((await events(onTime.id)).map((e) => e.action)).not.toContain('supervise');
    const toDeputy = await outbox('opinion_id = ?', overdue.id);
    expect(toDeputy.map((m) => [m.template_id, m.phone])).toEqual([['deputy_supervise', '13800000001']]);

    const snapshot = async () => ({
      expired: await opinion(expired.id),
      overdue: await opinion(overdue.id),
      events: (await events(expired.id)).length + (await events(overdue.id)).length,
      outbox: (await outbox()).length,
    });
    const before = await snapshot();
    await fire(MORNING_CRON, MORNING + 30_000);
    expect(await snapshot()).toEqual(before);
  });
});

describe('the outbox sweep', () => {
  it('puts a send stuck in `sending` back to pending and leaves fresh ones alone', async () => {
    const now = Date.parse('2026-12-07T11:00:00+08:00');
    const insert = (key: string, updatedAt: number) =>
      env.DB.prepare(
        `INSERT INTO outbox_messages (dedupe_key, phone, audience, template_id, variables, event_kind, state, created_at, updated_at)
         VALUES (?, '13500000001', 'resident', 'tracking_codes', '{}', 'test', 'sending', ?, ?) RETURNING id`,
      )
        .bind(key, updatedAt, updatedAt)
        .first<{ id: number }>();
    const stuck = await insert('sweep-stuck', now - 30 * 60_000);
    const busy = await insert('sweep-busy', now - 60_000);
    await fire(SWEEP_CRON, now);
    expect((await outbox('id = ?', stuck!.id))[0]).toMatchObject({ state: 'pending', reason: 'requeued_after_stuck_send' });
    expect((await outbox('id = ?', busy!.id))[0]!.state).toBe('sending');
  });
});
