/**
 * The departments' handling cycle through the machine: 交办 at 三议, 签收 / 退回 and 改派,
 * progress, 申请延期 approved or refused, 办复 accepted, returned or published directly, 催办
 * and the settings — as whole journeys and as the guards that refuse what must not happen.
 */
import { describe, expect, it } from 'vitest';
import {
  actorOn,
  DEFAULT_HANDLING_SETTINGS,
  isEscalated,
  overdueWorkingDays,
  planTransition,
  reassignmentChanges,
  settingsFromRows,
  type Actor,
  type OpinionSnapshot,
  type PlanContext,
  type TransitionPayload,
} from '../../../worker/workflow/machine';
import { apply, calendar, CO, ctx, LEAD, OTHER, ok, snapshot } from './fixtures';

const staff: Actor = { role: 'staff' };
const dept = (o: OpinionSnapshot, departmentId: number) => actorOn(o, { role: 'department', departmentId });

/** A 二看-done opinion with no departments yet. */
const viewed = () => snapshot('viewing', { leadDepartmentId: null, assignments: [], dueOn: '2025-10-09' });

/** Takes each step on the opinion as it stands after the previous one; returns every state. */
function run(
  start: OpinionSnapshot,
  steps: [action: string, who: 'staff' | number, payload: TransitionPayload][],
  c: PlanContext = ctx,
) {
  let o = start;
  const plans = [];
  for (const [action, who, payload] of steps) {
    const actor = who === 'staff' ? staff : dept(o, who);
    const plan = planTransition(o, action, actor, payload, c);
    plans.push(ok(plan));
    o = apply(o, plan);
  }
  return { o, plans };
}

const deliberate: [string, 'staff', TransitionPayload] = [
  'deliberate',
  'staff',
  { publicReply: '由区住建局牵头，供电公司配合', leadDepartmentId: LEAD, departmentIds: [CO], deadline: '2025-10-20' },
];

describe('the handling cycle', () => {
  it('交办 → both sign → extension asked and approved → progress from both → 办复 → accepted', () => {
    const { o, plans } = run(viewed(), [
      deliberate,
      ['sign', CO, {}],
      ['sign', LEAD, { publicReply: '区住建局已签收' }],
      ['request_extension', LEAD, { deadline: '2025-10-31', reason: '需等待材料到货' }],
      ['approve_extension', 'staff', { internalNote: '材料确实未到' }],
      ['progress', CO, { internalNote: '已停电检修线路' }],
      ['progress', LEAD, { publicReply: '已进场施工' }],
      ['submit_answer', LEAD, { publicReply: '路灯和线路均已修复。', internalNote: '费用由维修基金列支' }],
      ['accept_answer', 'staff', {}],
    ]);
    expect(plans.map((p) => p.toState)).toEqual([
      'deliberating',
      'deliberating', // a co-department's signature does not start 四办
      'handling', // the lead's does
      'handling',
      'handling',
      'handling',
      'handling',
      'handling', // held for staff
      'resolved',
    ]);
    expect(o.state).toBe('resolved');
    // The deadline moved only on approval.
    expect(plans[3]!.changes.dueOn).toBeUndefined();
    expect(plans[4]!.changes.dueOn).toBe('2025-10-31');
    expect(plans[3]!.writes.extension).toEqual({
      kind: 'request',
      departmentId: LEAD,
      fromDueOn: '2025-10-20',
      requestedDueOn: '2025-10-31',
      reason: '需等待材料到货',
    });
    expect(plans[4]!.writes.extension).toEqual({ kind: 'decide', status: 'approved', note: '材料确实未到' });
    // The submitted answer is not public until staff accept it; then it is the reply.
    expect(plans[7]!.event.publicReply).toBeNull();
    expect(JSON.parse(plans[7]!.event.data)).toMatchObject({ answer: '路灯和线路均已修复。', departmentId: LEAD });
    expect(plans[7]!.event.internalNote).toBe('费用由维修基金列支');
    expect(plans[8]!.event.publicReply).toBe('路灯和线路均已修复。');
    expect(plans[8]!.writes.assignments).toEqual([
      { kind: 'status', departmentId: LEAD, status: 'done' },
      { kind: 'status', departmentId: CO, status: 'done' },
    ]);
    expect(o.assignments).toEqual([]);
    expect(plans[8]!.changes).toMatchObject({ resolvedAt: ctx.now, dueOn: null });
  });

  it('staff may edit the answer when accepting it; the edit is what residents read', () => {
    const { plans } = run(viewed(), [
      deliberate,
      ['sign', LEAD, {}],
      ['submit_answer', LEAD, { publicReply: '已修复' }],
      ['accept_answer', 'staff', { publicReply: '经区住建局维修，路灯已恢复照明。' }],
    ]);
    expect(plans[3]!.event.publicReply).toBe('经区住建局维修，路灯已恢复照明。');
    expect(JSON.parse(plans[3]!.event.data)).toMatchObject({ edited: true });
  });

  it('when the district publishes answers directly, 办复 resolves at once', () => {
    const direct = { ...ctx, settings: { ...DEFAULT_HANDLING_SETTINGS, answerNeedsAcceptance: false } };
    const { o, plans } = run(
      viewed(),
      [deliberate, ['sign', LEAD, {}], ['submit_answer', LEAD, { publicReply: '已修复。' }]],
      direct,
    );
    expect(o.state).toBe('resolved');
    expect(plans[2]!.event.publicReply).toBe('已修复。');
    expect(plans[2]!.writes.assignments.every((c) => c.kind === 'status' && c.status === 'done')).toBe(true);
  });

  it('a returned answer goes back to the lead, which can answer again', () => {
    const { o, plans } = run(viewed(), [
      deliberate,
      ['sign', LEAD, {}],
      ['submit_answer', LEAD, { publicReply: '已处理' }],
      ['return_answer', 'staff', { internalNote: '请说明处理结果和时间' }],
      ['submit_answer', LEAD, { publicReply: '10月15日已更换路灯3盏。' }],
    ]);
    expect(plans[3]!.writes.assignments).toEqual([{ kind: 'status', departmentId: LEAD, status: 'signed' }]);
    expect(o.pendingAnswer).toBe('10月15日已更换路灯3盏。');
  });

  it('退回 by the lead leaves the item without a lead; staff 改派 and the new lead signs', () => {
    const NEW_LEAD = 8;
    const { o, plans } = run(viewed(), [
      deliberate,
      ['send_back', LEAD, { reason: '不属于本单位职责，建议交区水务局' }],
      ['assign_departments', 'staff', { leadDepartmentId: NEW_LEAD, departmentIds: [CO] }],
      ['sign', NEW_LEAD, {}],
    ]);
    expect(plans[1]!.changes).toEqual({ leadDepartmentId: null });
    expect(plans[1]!.writes.assignments).toEqual([
      { kind: 'status', departmentId: LEAD, status: 'returned', reason: '不属于本单位职责，建议交区水务局' },
    ]);
    // The reason is for the office: never the resident's reply.
    expect(plans[1]!.event.publicReply).toBeNull();
    // CO keeps its assignment (same role); only the new lead is added.
    expect(plans[2]!.writes.assignments).toEqual([
      { kind: 'create', departmentId: NEW_LEAD, role: 'lead', signDueOn: '2025-10-10' },
    ]);
    expect(o.state).toBe('handling');
    expect(o.leadDepartmentId).toBe(NEW_LEAD);
  });

  it('a co-department that returns its part leaves the lead in charge', () => {
    const { o, plans } = run(viewed(), [deliberate, ['send_back', CO, { reason: '本单位不涉及' }]]);
    expect(plans[1]!.changes).toEqual({});
    expect(o.assignments!.map((a) => a.departmentId)).toEqual([LEAD]);
  });

  it('改派 that changes nothing is refused; a new deadline alone is a change', () => {
    const o = apply(viewed(), planTransition(viewed(), 'deliberate', staff, deliberate[2], ctx));
    expect(planTransition(o, 'assign_departments', staff, { leadDepartmentId: LEAD, departmentIds: [CO] }, ctx)).toEqual({
      ok: false,
      code: 'departments_unchanged',
    });
    const later = ok(
      planTransition(
        o,
        'assign_departments',
        staff,
        { leadDepartmentId: LEAD, departmentIds: [CO], deadline: '2025-10-24' },
        ctx,
      ),
    );
    expect(later.changes.dueOn).toBe('2025-10-24');
    // Swapping lead and co withdraws both and assigns both anew.
    const swapped = ok(planTransition(o, 'assign_departments', staff, { leadDepartmentId: CO, departmentIds: [LEAD] }, ctx));
    expect(
      swapped.writes.assignments.map((c) => `${c.kind}:${c.departmentId}:${c.kind === 'create' ? c.role : c.status}`),
    ).toEqual(['status:5:withdrawn', 'status:6:withdrawn', 'create:6:lead', 'create:5:co']);
  });

  it('staff starting 四办 for a lead without an account sign on its behalf', () => {
    const { plans } = run(viewed(), [deliberate, ['start_handling', 'staff', {}]]);
    expect(plans[1]!.writes.assignments).toEqual([{ kind: 'status', departmentId: LEAD, status: 'signed' }]);
  });

  it('merge and transfer withdraw every current assignment; resolve by staff marks them done', () => {
    const handling = snapshot('handling');
    expect(ok(planTransition(handling, 'merge', staff, { mergeTarget: 3 }, ctx)).writes.assignments).toEqual([
      { kind: 'status', departmentId: LEAD, status: 'withdrawn' },
      { kind: 'status', departmentId: CO, status: 'withdrawn' },
    ]);
    expect(ok(planTransition(handling, 'resolve', staff, { publicReply: '已办结' }, ctx)).writes.assignments).toEqual([
      { kind: 'status', departmentId: LEAD, status: 'done' },
      { kind: 'status', departmentId: CO, status: 'done' },
    ]);
  });

  it('reopening after 不满意 hands it back to the lead department to sign again', () => {
    const review = snapshot('review', { assignments: [] });
    const p = ok(planTransition(review, 'reopen', staff, { deadline: '2025-10-20' }, ctx));
    expect(p.writes.assignments).toEqual([{ kind: 'create', departmentId: LEAD, role: 'lead', signDueOn: '2025-10-10' }]);
  });
});

describe('what departments may not do', () => {
  const handling = snapshot('handling');

  it('a department acting on an item of another department is refused, whatever it tries', () => {
    const outsider = dept(handling, OTHER);
    expect(outsider.assignment).toBeNull();
    for (const [action, payload] of [
      ['sign', {}],
      ['send_back', { reason: '不是我们的' }],
      ['progress', { publicReply: '进展' }],
      ['request_extension', { deadline: '2025-10-24', reason: '忙' }],
      ['submit_answer', { publicReply: '已办' }],
      ['note', { internalNote: '看看' }],
    ] as const) {
      expect(planTransition(handling, action, outsider, payload, ctx), action).toEqual({
        ok: false,
        code: 'not_assigned_department',
      });
    }
  });

  it('a department account not linked to any department is refused too', () => {
    const unlinked = actorOn(handling, { role: 'department', departmentId: null });
    expect(planTransition(handling, 'progress', unlinked, { publicReply: 'x' }, ctx)).toEqual({
      ok: false,
      code: 'not_assigned_department',
    });
  });

  it('a co-department cannot submit the final answer or ask for more time', () => {
    const co = dept(handling, CO);
    expect(planTransition(handling, 'submit_answer', co, { publicReply: '我们已办完' }, ctx)).toEqual({
      ok: false,
      code: 'lead_department_only',
    });
    expect(planTransition(handling, 'request_extension', co, { deadline: '2025-10-24', reason: '忙' }, ctx)).toEqual({
      ok: false,
      code: 'lead_department_only',
    });
  });

  it('nothing but 签收 or 退回 before signing; no 退回 after signing', () => {
    const o = snapshot('deliberating', {
      assignments: [{ departmentId: LEAD, role: 'lead', status: 'assigned', signDueOn: '2025-10-09' }],
    });
    const lead = dept(o, LEAD);
    expect(planTransition(o, 'note', lead, { internalNote: '收到' }, ctx).ok).toBe(true);
    const h = snapshot('handling', { assignments: o.assignments! });
    expect(planTransition(h, 'progress', dept(h, LEAD), { publicReply: 'x' }, ctx)).toEqual({ ok: false, code: 'not_signed' });
    expect(planTransition(h, 'submit_answer', dept(h, LEAD), { publicReply: 'x' }, ctx)).toEqual({
      ok: false,
      code: 'not_signed',
    });
    expect(planTransition(handling, 'send_back', dept(handling, LEAD), { reason: '不是我们的' }, ctx)).toEqual({
      ok: false,
      code: 'already_signed',
    });
    expect(planTransition(handling, 'sign', dept(handling, LEAD), {}, ctx)).toEqual({ ok: false, code: 'already_signed' });
  });

  it('no second answer while one awaits review, no second extension while one is pending', () => {
    const answered = snapshot('handling', {
      assignments: [{ departmentId: LEAD, role: 'lead', status: 'answered', signDueOn: null }],
      pendingAnswer: '已办',
    });
    expect(planTransition(answered, 'submit_answer', dept(answered, LEAD), { publicReply: '再交一次' }, ctx)).toEqual({
      ok: false,
      code: 'answer_pending',
    });
    const asked = snapshot('handling', { pendingExtension: { departmentId: LEAD, requestedDueOn: '2025-10-24' } });
    expect(
      planTransition(asked, 'request_extension', dept(asked, LEAD), { deadline: '2025-10-31', reason: '再延' }, ctx),
    ).toEqual({
      ok: false,
      code: 'extension_pending',
    });
  });

  it('an extension must ask for a later day than the one in force', () => {
    expect(
      planTransition(handling, 'request_extension', dept(handling, LEAD), { deadline: '2025-10-10', reason: '忙' }, ctx),
    ).toEqual({
      ok: false,
      code: 'extension_not_later',
    });
  });
});

describe('what staff decide', () => {
  it('approve and refuse need a pending request; refusing keeps the deadline', () => {
    const none = snapshot('handling');
    expect(planTransition(none, 'approve_extension', staff, {}, ctx)).toEqual({ ok: false, code: 'no_extension_pending' });
    expect(planTransition(none, 'refuse_extension', staff, { internalNote: '不行' }, ctx)).toEqual({
      ok: false,
      code: 'no_extension_pending',
    });
    const asked = snapshot('handling', { pendingExtension: { departmentId: LEAD, requestedDueOn: '2025-10-24' } });
    const refused = ok(planTransition(asked, 'refuse_extension', staff, { internalNote: '现有期限足够' }, ctx));
    expect(refused.changes).toEqual({});
    expect(refused.writes.extension).toEqual({ kind: 'decide', status: 'refused', note: '现有期限足够' });
  });

  it('a request whose day has passed cannot be approved: the department must ask again', () => {
    const stale = snapshot('handling', { pendingExtension: { departmentId: LEAD, requestedDueOn: '2025-09-29' } });
    expect(planTransition(stale, 'approve_extension', staff, {}, ctx)).toEqual({ ok: false, code: 'deadline_in_past' });
  });

  it('accept and return need an answer awaiting review', () => {
    const h = snapshot('handling');
    expect(planTransition(h, 'accept_answer', staff, {}, ctx)).toEqual({ ok: false, code: 'no_answer_pending' });
    expect(planTransition(h, 'return_answer', staff, { internalNote: 'x' }, ctx)).toEqual({
      ok: false,
      code: 'no_answer_pending',
    });
  });

  it('催办 a department records how overdue its own clock is; without one it goes to the deputy', () => {
    // 签收 was due Fri 2025-09-26; on Tue 09-30 that is 3 working days late (make-up Sun 09-28, Mon, Tue).
    const o = snapshot('deliberating', {
      assignments: [{ departmentId: LEAD, role: 'lead', status: 'assigned', signDueOn: '2025-09-26' }],
    });
    const toLead = ok(planTransition(o, 'remind', staff, { departmentId: LEAD, internalNote: '请尽快签收' }, ctx));
    expect(toLead.writes.reminder).toEqual({
      targetKind: 'department',
      departmentId: LEAD,
      deputyId: null,
      dueOn: '2025-09-26',
      overdueDays: 3,
      note: '请尽快签收',
    });
    const toDeputy = ok(planTransition(snapshot('listening', { dueOn: '2025-10-10' }), 'remind', staff, {}, ctx));
    expect(toDeputy.writes.reminder).toMatchObject({ targetKind: 'deputy', deputyId: 11, overdueDays: 0 });
    expect(planTransition(o, 'remind', staff, { departmentId: OTHER }, ctx)).toEqual({
      ok: false,
      code: 'department_not_assigned',
    });
    expect(planTransition(snapshot('pending', { assignedDeputyId: null }), 'remind', staff, {}, ctx)).toEqual({
      ok: false,
      code: 'remind_target_required',
    });
  });

  it('the contact is shared only with a department on the item', () => {
    const h = snapshot('handling');
    expect(ok(planTransition(h, 'share_contact', staff, { departmentId: LEAD }, ctx)).writes.shareContactWith).toBe(LEAD);
    expect(planTransition(h, 'share_contact', staff, { departmentId: OTHER }, ctx)).toEqual({
      ok: false,
      code: 'department_not_assigned',
    });
  });
});

describe('settings and clocks', () => {
  it('reads settings rows over the defaults and ignores malformed ones', () => {
    expect(settingsFromRows([])).toEqual(DEFAULT_HANDLING_SETTINGS);
    expect(
      settingsFromRows([
        { key: 'sign_working_days', value: '3' },
        { key: 'answer_needs_acceptance', value: 'false' },
        { key: 'escalate_after_working_days', value: '"ten"' },
        { key: 'unknown', value: '1' },
      ]),
    ).toEqual({ signWorkingDays: 3, answerNeedsAcceptance: false, escalateAfterWorkingDays: 5 });
    expect(settingsFromRows([{ key: 'sign_working_days', value: '{' }]).signWorkingDays).toBe(2);
    expect(settingsFromRows([{ key: 'sign_working_days', value: '0' }]).signWorkingDays).toBe(2);
  });

  it('the 签收 limit comes from the settings', () => {
    const c = { ...ctx, settings: { ...DEFAULT_HANDLING_SETTINGS, signWorkingDays: 5 } };
    const p = ok(planTransition(viewed(), 'deliberate', staff, deliberate[2], c));
    // 5 working days after Tue 2025-09-30: 10-09, 10-10, 10-11 (make-up Saturday), 10-13, 10-14.
    expect(p.writes.assignments[0]).toMatchObject({ signDueOn: '2025-10-14' });
  });

  it('counts overdue working days across holidays and escalates at the setting', () => {
    expect(overdueWorkingDays(calendar, null, '2025-10-09')).toBe(0);
    expect(overdueWorkingDays(calendar, '2025-10-09', '2025-10-09')).toBe(0);
    // Due Tue 09-30, seen Thu 10-09: the holiday does not count, 10-09 does.
    expect(overdueWorkingDays(calendar, '2025-09-30', '2025-10-09')).toBe(1);
    expect(isEscalated(calendar, '2025-09-30', '2025-10-14', DEFAULT_HANDLING_SETTINGS)).toBe(true);
    expect(isEscalated(calendar, '2025-09-30', '2025-10-13', DEFAULT_HANDLING_SETTINGS)).toBe(false);
  });

  it('reassignment keeps departments that keep their role', () => {
    const current = [
      { departmentId: 1, role: 'lead' as const, status: 'signed' as const, signDueOn: null },
      { departmentId: 2, role: 'co' as const, status: 'assigned' as const, signDueOn: null },
    ];
    expect(reassignmentChanges(current, 1, [3], '2025-10-10')).toEqual([
      { kind: 'status', departmentId: 2, status: 'withdrawn' },
      { kind: 'create', departmentId: 3, role: 'co', signDueOn: '2025-10-10' },
    ]);
  });
});
