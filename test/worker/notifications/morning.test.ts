/**
 * The rest of the morning run: departments told of a deadline tomorrow and of an overdue item
 * (once per deadline), evaluations opened on their scheduled date with one invitation per
 * deputy not yet submitted, and closed after their closing date.
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../../../worker/index';
import { MORNING_CRON } from '../../../worker/scheduled';
import { addCalendarDays, chinaDay } from '../../../worker/workflow/calendar';
import { setupTraining } from '../evaluations/helpers';
import { seedFixture } from '../helpers';
import { consentedOpinion, outbox } from './support';

async function fire(at: number) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: MORNING_CRON, scheduledTime: at }), env, ctx);
  await waitOnExecutionContext(ctx);
}

beforeAll(async () => {
  await seedFixture();
});

describe('departments', () => {
  it('are told the day before a deadline and once it has passed, once per deadline', async () => {
    const now = Date.now();
    const today = chinaDay(now);
    const dep = await env.DB.prepare(
      `INSERT INTO departments (name, short_name, kind, contact_name, contact_phone, active, created_at, updated_at)
       VALUES ('通知测试局', '测试局', 'district_agency', '张科长', '13512345678', 1, 0, 0) RETURNING id`,
    ).first<{ id: number }>();
    const late = await consentedOpinion({ state: 'handling', deputyId: 1, dueOn: addCalendarDays(today, -3) });
    await env.DB.prepare(
      `INSERT INTO opinion_assignments (opinion_id, department_id, role, status, assigned_at) VALUES (?, ?, 'lead', 'signed', 0)`,
    )
      .bind(late.id, dep!.id)
      .run();
    await fire(now);
    const rows = await outbox('opinion_id = ? AND audience = ?', late.id, 'department');
    expect(rows.map((r) => [r.template_id, r.phone])).toEqual([['department_overdue', '13512345678']]);
    expect(JSON.parse(rows[0]!.variables)).toEqual({
      department: '测试局',
      code: late.code,
      due: addCalendarDays(today, -3),
      link: `/opinions/${late.id}`,
    });
    await fire(now + 60_000);
    expect(await outbox('opinion_id = ? AND audience = ?', late.id, 'department')).toHaveLength(1);
  });
});

describe('evaluations on their dates', () => {
  it('opens a draft evaluation on its opening day with one invitation per deputy, and closes it after the closing day', async () => {
    const s = await setupTraining({ open: false, title: '定时开放的培训' });
    const now = Date.now();
    const today = chinaDay(now);
    await env.DB.prepare('INSERT INTO evaluation_schedules (training_id, opens_on, closes_on, updated_at) VALUES (?, ?, ?, 0)')
      .bind(s.trainingId, today, addCalendarDays(today, 2))
      .run();
    await fire(now);
    const status = () =>
      env.DB.prepare('SELECT evaluation_status AS s FROM trainings WHERE id = ?').bind(s.trainingId).first<{ s: string }>();
    expect((await status())!.s).toBe('open');
    const invites = await outbox("training_id = ? AND template_id = 'evaluation_invite'", s.trainingId);
    expect(invites.map((i) => i.recipient_deputy_id).sort()).toEqual([1, 2]);
    expect(JSON.parse(invites[0]!.variables).link).toMatch(/^\/e\//);
    await fire(now + 60_000);
    expect(await outbox("training_id = ? AND template_id = 'evaluation_invite'", s.trainingId)).toHaveLength(2);

    await fire(now + 3 * 86_400_000);
    expect((await status())!.s).toBe('closed');
  });
});
