/**
 * Every workflow action through POST /api/opinions/:id/actions: the four steps to 已办结 as
 * the people who really take them, the side outcomes, and refusals for role, state and
 * payload — each answered with the machine's own code.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, type Fixture, seedFixture } from '../helpers';
import { act, countRows, type Detail, detail, ensureSecondDeputy, insertOpinion, workingDaysFromToday } from './helpers';

let users: Fixture['users'];
beforeAll(async () => {
  ({ users } = await seedFixture());
  await ensureSecondDeputy();
});

async function ok(res: Response): Promise<Detail> {
  const text = await res.text();
  expect(res.status, text).toBe(200);
  return JSON.parse(text) as Detail;
}

async function error(res: Response, status: number, code: string) {
  const body = await res.json<{ error: { code: string; message: string; fields?: Record<string, string> } }>();
  expect({ status: res.status, code: body.error.code }).toEqual({ status, code });
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error;
}

describe('the four steps, through the API', () => {
  it('takes an opinion from 待受理 to 已办结 and 结案, recording every step', async () => {
    const { id } = await insertOpinion();
    const deadline = workingDaysFromToday(10);

    let d = await detail(users.staffA, id);
    expect(d.allowedActions).toEqual(expect.arrayContaining(['accept', 'reject', 'merge', 'transfer', 'note']));
    expect(d.actionFields.accept?.requires).toEqual(['deputyId']);

    d = await ok(await act(users.staffA, id, 'accept', { deputyId: 1, publicReply: '已受理，王建国代表负责。' }));
    expect(d.opinion).toMatchObject({ state: 'listening', assignedDeputyId: 1, assignedDeputyName: '王建国' });
    expect(d.opinion.dueOn).toBe(workingDaysFromToday(3));

    // The assigned deputy sees it now, and may record the visit; staff may not start handling yet.
    d = await detail(users.deputy, id);
    expect(d.allowedActions).toContain('record_visit');
    d = await ok(await act(users.deputy, id, 'record_visit', { findings: '现场查看：三盏路灯不亮，线路老化。' }));
    expect(d.opinion.state).toBe('viewing');

    d = await ok(
      await act(users.staffA, id, 'deliberate', {
        publicReply: '经代表、街道和城管部门商议，由区城管局牵头更换线路。',
        leadDepartment: '区城管局',
        departments: ['城关街道办事处'],
        deadline,
      }),
    );
    expect(d.opinion).toMatchObject({
      state: 'deliberating',
      leadDepartment: '区城管局',
      departments: ['城关街道办事处'],
      dueOn: deadline,
    });

    d = await ok(await act(users.staffA, id, 'start_handling', { internalNote: '已电话通知城管局。' }));
    expect(d.opinion.state).toBe('handling');
    d = await ok(await act(users.deputy, id, 'progress', { publicReply: '线路材料已到位。' }));
    expect(d.opinion.state).toBe('handling');
    d = await ok(await act(users.deputy, id, 'resolve', { publicReply: '路灯已全部修复，感谢您的反映。' }));
    expect(d.opinion).toMatchObject({ state: 'resolved' });
    expect(d.opinion.resolvedAt).toBeTypeOf('number');

    // 电话回访: staff record the resident's rating.
    d = await ok(await act(users.staffA, id, 'rate', { rating: 'satisfied', ratingComment: '修得很快' }));
    expect(d.opinion).toMatchObject({ state: 'closed', rating: 'satisfied' });
    expect(d.allowedActions).toEqual(['note']);

    expect(d.timeline.map((e) => e.action)).toEqual([
      'submit',
      'accept',
      'record_visit',
      'deliberate',
      'start_handling',
      'progress',
      'resolve',
      'rate',
    ]);
    expect(d.steps.map((s) => s.status)).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(d.opinion.revision).toBe(7);
    // One audit entry per action, in the same batches.
    expect(await countRows('audit_log', "entity = 'opinion' AND entity_id = ?", String(id))).toBe(7);
  });
});

describe('refusals', () => {
  it('refuses by role, by assignment, by state and by payload, with the machine’s codes', async () => {
    const { id } = await insertOpinion();
    await error(await act(users.deputy, id, 'accept', { deputyId: 1 }), 403, 'not_assigned_deputy');
    await error(await act(users.leader, id, 'accept', { deputyId: 1 }), 403, 'forbidden');
    // Another township's opinion is not found, not forbidden: ids cannot be probed (issue 9).
    await error(await act(users.staffB, id, 'accept', { deputyId: 1 }), 404, 'not_found');
    await error(await act(users.staffA, id, 'record_visit', { findings: '看过了' }), 409, 'action_not_allowed_in_state');
    const missing = await error(await act(users.staffA, id, 'accept', {}), 422, 'deputy_required');
    expect(missing.fields).toHaveProperty('deputyId');
    await error(await act(users.staffA, id, 'fly', {}), 422, 'unknown_action');
    // A deputy of another township cannot be assigned.
    const other = await error(await act(users.staffA, id, 'accept', { deputyId: 2 }), 422, 'unknown_deputy');
    expect(other.fields).toHaveProperty('deputyId');
    await ok(await act(users.staffA, id, 'accept', { deputyId: 1 }));
    // Assigned now, the deputy still may not take office-only actions.
    await error(await act(users.deputy, id, 'reject', { reason: '不属实' }), 403, 'role_not_allowed');
    await error(await act(users.staffA, id, 'deliberate', {}), 409, 'action_not_allowed_in_state');
    await ok(await act(users.deputy, id, 'record_visit', { findings: '属实' }));
    const past = await error(
      await act(users.staffA, id, 'deliberate', { publicReply: '商议', leadDepartment: '区住建局', deadline: '2020-01-06' }),
      422,
      'deadline_in_past',
    );
    expect(past.fields).toHaveProperty('deadline');
    // Nothing of the refused attempts was written.
    expect(await countRows('opinion_events', 'opinion_id = ?', id)).toBe(3);
  });

  it('does not let a resident-facing field slip through: a bad body shape is a 422', async () => {
    const { id } = await insertOpinion();
    const res = await call('POST', `/api/opinions/${id}/actions`, { cookie: users.staffA, json: { action: 'accept' } });
    await error(res, 422, 'validation_failed');
  });
});

describe('side outcomes and housekeeping actions', () => {
  it('不予受理 shows the reason as the public reply', async () => {
    const { id } = await insertOpinion();
    const d = await ok(await act(users.staffA, id, 'reject', { reason: '属于民事纠纷，建议通过法律途径解决。' }));
    expect(d.opinion.state).toBe('rejected');
    expect(d.timeline.at(-1)?.publicReply).toContain('民事纠纷');
  });

  it('转办 records the receiving body', async () => {
    const { id } = await insertOpinion();
    const d = await ok(await act(users.staff, id, 'transfer', { transferTo: '市供电公司' }));
    expect(d.opinion).toMatchObject({ state: 'transferred', transferredTo: '市供电公司' });
  });

  it('代表自行办理 goes straight to 四办 with a deadline', async () => {
    const { id } = await insertOpinion();
    await ok(await act(users.staffA, id, 'accept', { deputyId: 1 }));
    const d = await ok(await act(users.deputy, id, 'handle_directly', { publicReply: '我来协调物业。' }));
    expect(d.opinion).toMatchObject({ state: 'handling', selfHandled: true });
    expect(d.opinion.dueOn).toBe(workingDaysFromToday(15));
  });

  it('改派, 延期, 督办 and 内部备注 keep the state and leave a trace', async () => {
    const { id } = await insertOpinion();
    await ok(await act(users.staffA, id, 'accept', { deputyId: 1 }));
    await error(await act(users.staffA, id, 'reassign', { deputyId: 1 }), 422, 'deputy_unchanged');
    let d = await ok(await act(users.staffA, id, 'reassign', { deputyId: 3, internalNote: '王代表出差' }));
    expect(d.opinion).toMatchObject({ state: 'listening', assignedDeputyId: 3 });
    // Deputy 1 is no longer assigned: the opinion is out of their sight.
    expect((await call('GET', `/api/opinions/${id}`, { cookie: users.deputy })).status).toBe(403);
    const later = workingDaysFromToday(8);
    d = await ok(await act(users.staffA, id, 'extend', { deadline: later, internalNote: '等待现场条件' }));
    expect(d.opinion.dueOn).toBe(later);
    d = await ok(await act(users.staff, id, 'supervise', { internalNote: '请抓紧' }));
    expect(d.timeline.at(-1)?.data).toMatchObject({ dueOn: later, status: 'green' });
    d = await ok(await act(users.staffA, id, 'note', { internalNote: '已联系反映人' }));
    expect(d.timeline.at(-1)).toMatchObject({ action: 'note', internalNote: '已联系反映人' });
    expect(d.opinion.state).toBe('listening');
  });

  it('不满意 sends it to 复核; staff reopen it, resolve again, then uphold another time', async () => {
    const { id } = await insertOpinion({ state: 'resolved', assignedDeputyId: 1, resolvedAt: Date.now(), dueOn: null });
    let d = await ok(await act(users.staffA, id, 'rate', { rating: 'dissatisfied', ratingComment: '还是不亮' }));
    expect(d.opinion.state).toBe('review');
    d = await ok(await act(users.staffA, id, 'reopen', { deadline: workingDaysFromToday(5), internalNote: '重新安排' }));
    expect(d.opinion).toMatchObject({ state: 'handling', reopenCount: 1, resolvedAt: null });
    await ok(await act(users.deputy, id, 'resolve', { publicReply: '已再次维修。' }));
    await ok(await act(users.staffA, id, 'rate', { rating: 'dissatisfied' }));
    d = await ok(await act(users.staffA, id, 'uphold', { publicReply: '经复核，维修已到位，维持办理结果。' }));
    expect(d.opinion.state).toBe('closed');
  });

  it('结案 waits out the rating window', async () => {
    const fresh = await insertOpinion({ state: 'resolved', assignedDeputyId: 1, resolvedAt: Date.now(), dueOn: null });
    await error(await act(users.staffA, fresh.id, 'close', {}), 409, 'rating_window_open');
    const old = await insertOpinion({
      state: 'resolved',
      assignedDeputyId: 1,
      resolvedAt: Date.now() - 40 * 86_400_000,
      dueOn: null,
    });
    const d = await ok(await act(users.staffA, old.id, 'close', { internalNote: '多次联系未评价' }));
    expect(d.opinion.state).toBe('closed');
  });

  it('writes the event actor and the audit entry with the user', async () => {
    const { id } = await insertOpinion();
    await ok(await act(users.staffA, id, 'note', { internalNote: '测试' }));
    const event = await env.DB.prepare(
      'SELECT actor_label, actor_user_id FROM opinion_events WHERE opinion_id = ? ORDER BY id DESC',
    )
      .bind(id)
      .first<{ actor_label: string; actor_user_id: number }>();
    expect(event?.actor_label).toBe('staffA');
    const audit = await env.DB.prepare("SELECT username, action FROM audit_log WHERE entity = 'opinion' AND entity_id = ?")
      .bind(String(id))
      .first<{ username: string; action: string }>();
    expect(audit).toEqual({ username: 'staffA', action: 'note' });
  });
});
