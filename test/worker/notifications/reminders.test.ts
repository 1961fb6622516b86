/**
 * 提醒未提交的代表: one reminder per deputy who has not submitted, with their own link; a
 * second click the same day sends none; township staff remind only their own; the list of
 * who was reminded, and the links for pasting.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { chinaDay } from '../../../worker/workflow/calendar';
import { setupTraining, type TrainingSetup } from '../evaluations/helpers';
import { call } from '../helpers';
import { outbox } from './support';

let s: TrainingSetup;
beforeAll(async () => {
  s = await setupTraining({ title: '提醒测试培训' });
  // Deputy 2 has submitted: they get nothing.
  await env.DB.prepare('UPDATE enrolments SET submitted_on = ? WHERE training_id = ? AND deputy_id = 2')
    .bind(chinaDay(Date.now()), s.trainingId)
    .run();
});

describe('POST /api/trainings/:id/reminders', () => {
  it('a township staff member reminds only their own township; the district then reminds the rest, once a day', async () => {
    const users = s.fixture.users;
    const own = await call('POST', `/api/trainings/${s.trainingId}/reminders`, { cookie: users.staffB });
    expect(own.status).toBe(200);
    // Township B's only deputy has submitted.
    expect(await own.json()).toEqual({ queued: 0, alreadyToday: 0, withoutPhone: 0 });

    const first = await call('POST', `/api/trainings/${s.trainingId}/reminders`, { cookie: users.staff });
    expect(await first.json()).toEqual({ queued: 1, alreadyToday: 0, withoutPhone: 0 });
    const rows = await outbox("training_id = ? AND template_id = 'evaluation_reminder'", s.trainingId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ recipient_deputy_id: 1, phone: '13800000001', audience: 'deputy' });
    expect(JSON.parse(rows[0]!.variables)).toEqual({ name: '王建国', training: '提醒测试培训', link: `/e/${s.tokens.get(1)}` });

    const second = await call('POST', `/api/trainings/${s.trainingId}/reminders`, { cookie: users.staff });
    expect(await second.json()).toEqual({ queued: 0, alreadyToday: 1, withoutPhone: 0 });
    expect(await outbox("training_id = ? AND template_id = 'evaluation_reminder'", s.trainingId)).toHaveLength(1);

    const listed = await (await call('GET', `/api/trainings/${s.trainingId}/reminders`, { cookie: users.staff })).json<{
      items: { deputyId: number; name: string; at: number }[];
    }>();
    expect(listed.items.map((i) => [i.deputyId, i.name])).toEqual([[1, '王建国']]);
    const ofB = await (await call('GET', `/api/trainings/${s.trainingId}/reminders`, { cookie: users.staffB })).json<{
      items: unknown[];
    }>();
    expect(ofB.items).toEqual([]);
  });

  it('gives the personal links of those not yet submitted, one line per deputy', async () => {
    const res = await call('GET', `/api/trainings/${s.trainingId}/pending-links`, { cookie: s.fixture.users.staff });
    const body = await res.json<{ items: { deputyId: number }[]; text: string }>();
    expect(body.items.map((i) => i.deputyId)).toEqual([1]);
    expect(body.text).toBe(`王建国（城关街道）：http://127.0.0.1:8787/e/${s.tokens.get(1)}`);
  });

  it('refuses with a message while the evaluation is not open', async () => {
    const draft = await setupTraining({ open: false, title: '未开放的培训' });
    const res = await call('POST', `/api/trainings/${draft.trainingId}/reminders`, { cookie: s.fixture.users.staff });
    expect(res.status).toBe(409);
    expect((await res.json<{ error: { message: string } }>()).error.message).toMatch(/没有开放/);
  });
});
