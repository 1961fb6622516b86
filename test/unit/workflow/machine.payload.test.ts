/** Required payloads, payload validation, and the row changes and events each action plans. */
import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../../worker/workflow/calendar';
import {
  actorOn,
  MAX_TEXT_LENGTH,
  TRANSITIONS,
  planTransition,
  type Actor,
  type OpinionSnapshot,
  type TransitionPayload,
} from '../../../worker/workflow/machine';
import { calendar, chinaTime, ctx, LEAD, NOW, ok, SETUP, snapshot, VALID } from './fixtures';

const staff: Actor = { role: 'staff' };
/** Staff, or the lead department for the actions only departments take. */
const DEPARTMENT_ONLY = new Set<string>(
  TRANSITIONS.filter((r) => r.roles.length === 1 && r.roles[0] === 'department').map((r) => r.action),
);
/** The state each action is tried from: the first of its from-states in the table (四办 for departments' own). */
const FROM = Object.fromEntries(TRANSITIONS.map((r) => [r.action, DEPARTMENT_ONLY.has(r.action) ? 'handling' : r.from[0]!]));
const plan = (action: string, payload: TransitionPayload, over: Partial<OpinionSnapshot> = {}) => {
  const o = snapshot(FROM[action]!, { ...SETUP[action], ...over });
  const actor = DEPARTMENT_ONLY.has(action) ? actorOn(o, { role: 'department', departmentId: LEAD }) : staff;
  return planTransition(o, action, actor, payload, ctx);
};

/** Written out by hand: each action's required fields and the refusal for each when missing. */
const REQUIRED: [action: string, field: string, code: string][] = [
  ['accept', 'deputyId', 'deputy_required'],
  ['record_visit', 'findings', 'findings_required'],
  ['deliberate', 'publicReply', 'reply_required'],
  ['deliberate', 'leadDepartmentId', 'lead_department_required'],
  ['deliberate', 'deadline', 'deadline_required'],
  ['progress', 'publicReply', 'reply_or_note_required'],
  ['resolve', 'publicReply', 'reply_required'],
  ['reject', 'reason', 'reason_required'],
  ['merge', 'mergeTarget', 'merge_target_required'],
  ['transfer', 'transferTo', 'transfer_to_required'],
  ['rate', 'rating', 'rating_required'],
  ['reopen', 'deadline', 'deadline_required'],
  ['uphold', 'publicReply', 'reply_required'],
  ['reassign', 'deputyId', 'deputy_required'],
  ['extend', 'deadline', 'deadline_required'],
  ['extend', 'internalNote', 'note_required'],
  ['note', 'internalNote', 'note_required'],
  ['send_back', 'reason', 'reason_required'],
  ['assign_departments', 'leadDepartmentId', 'lead_department_required'],
  ['request_extension', 'deadline', 'deadline_required'],
  ['request_extension', 'reason', 'reason_required'],
  ['refuse_extension', 'internalNote', 'note_required'],
  ['submit_answer', 'publicReply', 'reply_required'],
  ['return_answer', 'internalNote', 'note_required'],
  ['share_contact', 'departmentId', 'department_required'],
];

describe('required payload fields', () => {
  it('the table requires exactly the fields listed here', () => {
    const fromTable = TRANSITIONS.flatMap((r) => r.requires.map((f) => `${r.action}.${f === 'replyOrNote' ? 'publicReply' : f}`));
    expect(fromTable.sort()).toEqual(REQUIRED.map(([a, f]) => `${a}.${f}`).sort());
  });

  it.each(REQUIRED)('%s without %s is refused with %s', (action, field, code) => {
    const payload = { ...VALID[action], [field]: undefined };
    expect(plan(action, payload)).toEqual({ ok: false, code, field });
  });

  it.each(REQUIRED.filter(([, f]) => !['deputyId', 'mergeTarget', 'leadDepartmentId', 'departmentId'].includes(f)))(
    '%s with blank %s counts as missing',
    (action, field, code) => {
      const blank = field === 'rating' || field === 'deadline' ? '' : '   \n ';
      expect(plan(action, { ...VALID[action], [field]: blank })).toMatchObject({ ok: false, code });
    },
  );

  it('actions without required fields go through with an empty payload', () => {
    for (const a of ['start_handling', 'handle_directly', 'close', 'supervise', 'sign', 'approve_extension', 'accept_answer']) {
      expect(plan(a, {}).ok, a).toBe(true);
    }
  });

  it('progress takes an internal note alone', () => {
    expect(plan('progress', { internalNote: '等材料' }).ok).toBe(true);
  });
});

describe('payload validation', () => {
  it.each([
    ['deadline', '2025-02-30', 'deadline_invalid'],
    ['deadline', '20251020', 'deadline_invalid'],
    ['deadline', '2025-09-29', 'deadline_in_past'],
    ['deadline', '2025-10-03', 'deadline_not_working_day'], // National Day
    ['deadline', '2025-10-12', 'deadline_not_working_day'], // an ordinary Sunday
    ['leadDepartmentId', 0, 'invalid_id'],
    ['leadDepartmentId', '5', 'invalid_id'],
    ['publicReply', 'x'.repeat(MAX_TEXT_LENGTH + 1), 'too_long'],
    ['publicReply', 42, 'invalid_text'],
    ['departmentIds', [6, 6], 'departments_invalid'],
    ['departmentIds', [LEAD], 'departments_invalid'],
    ['departmentIds', [-1], 'invalid_id'],
    ['departmentIds', 6, 'departments_invalid'],
    ['leadDepartment', 'x'.repeat(101), 'too_long'],
    ['departments', ['镇政府', '镇政府'], 'departments_invalid'],
  ])('deliberate with %s = %j → %s', (field, value, code) => {
    expect(plan('deliberate', { ...VALID.deliberate, [field]: value } as TransitionPayload)).toEqual({ ok: false, code, field });
  });

  it('accepts a deadline of today and the make-up Saturday 2025-10-11', () => {
    expect(plan('deliberate', { ...VALID.deliberate, deadline: '2025-09-30' }).ok).toBe(true);
    expect(plan('deliberate', { ...VALID.deliberate, deadline: '2025-10-11' }).ok).toBe(true);
  });

  it.each([0, -3, 1.5, '12', Number.NaN])('refuses deputy id %j', (deputyId) => {
    expect(plan('accept', { deputyId } as TransitionPayload)).toEqual({ ok: false, code: 'invalid_id', field: 'deputyId' });
  });

  it('checks photo ids and their number', () => {
    expect(plan('record_visit', { ...VALID.record_visit, photoIds: [1, 0] })).toMatchObject({ code: 'invalid_id' });
    expect(plan('record_visit', { ...VALID.record_visit, photoIds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] })).toMatchObject({
      code: 'too_many_photos',
    });
    const data = JSON.parse(ok(plan('record_visit', { ...VALID.record_visit, photoIds: [4, 4, 5] })).event.data);
    expect(data.photoIds).toEqual([4, 5]);
  });

  it('refuses a rating outside the three', () => {
    expect(plan('rate', { rating: 'great' })).toEqual({ ok: false, code: 'rating_invalid', field: 'rating' });
    expect(plan('rate', { rating: 1 } as unknown as TransitionPayload)).toMatchObject({ code: 'rating_invalid' });
    expect(ok(plan('rate', { rating: ' dissatisfied ' })).toState).toBe('review');
  });

  it('ignores fields the action does not take, however malformed', () => {
    const p = ok(plan('accept', { deputyId: 12, deadline: 'nonsense', reason: 7 } as unknown as TransitionPayload));
    expect(p.changes).not.toHaveProperty('dueOn', 'nonsense');
    expect(JSON.parse(p.event.data)).toEqual({ deputyId: 12 });
  });

  it('refuses merging an opinion into itself and reassigning to the same deputy', () => {
    expect(plan('merge', { mergeTarget: 7 })).toEqual({ ok: false, code: 'merge_target_self' });
    expect(plan('reassign', { deputyId: 11 })).toEqual({ ok: false, code: 'deputy_unchanged' });
  });

  it('checks the state before the role and the role before the payload', () => {
    const resident: Actor = { role: 'resident' };
    expect(planTransition(snapshot('closed'), 'accept', resident, {}, ctx)).toMatchObject({
      code: 'action_not_allowed_in_state',
    });
    expect(planTransition(snapshot('pending'), 'accept', resident, {}, ctx)).toMatchObject({ code: 'role_not_allowed' });
  });
});

describe('planned changes and events', () => {
  it('accept assigns, stamps and starts the 一听 clock across the holiday', () => {
    const p = ok(plan('accept', { deputyId: 12, handlerUserId: 5, publicReply: '已受理' }));
    // 3 working days after Tue 2025-09-30: 10-09, 10-10, and the make-up Saturday 10-11.
    expect(p.changes).toEqual({
      state: 'listening',
      assignedDeputyId: 12,
      assignedUserId: 5,
      acceptedAt: NOW,
      dueOn: '2025-10-11',
    });
    expect(p.event).toEqual({
      action: 'accept',
      fromState: 'pending',
      toState: 'listening',
      publicReply: '已受理',
      internalNote: null,
      data: '{"deputyId":12,"handlerUserId":5}',
    });
  });

  it('deliberate hands the item to the lead and co-departments (交办) and makes the agreed deadline the due date', () => {
    const p = ok(plan('deliberate', { ...VALID.deliberate, internalNote: '  会议纪要见附件  ' }, { assignments: [] }));
    expect(p.changes).toEqual({ state: 'deliberating', leadDepartmentId: LEAD, dueOn: '2025-10-20' });
    // 签收 within 2 working days of Tue 2025-09-30: 10-09 and 10-10 (after National Day).
    expect(p.writes.assignments).toEqual([
      { kind: 'create', departmentId: LEAD, role: 'lead', signDueOn: '2025-10-10' },
      { kind: 'create', departmentId: 6, role: 'co', signDueOn: '2025-10-10' },
    ]);
    expect(p.event.internalNote).toBe('会议纪要见附件');
    expect(p.event.publicReply).toBe('由区交通局牵头修复');
    expect(JSON.parse(p.event.data)).toEqual({ leadDepartmentId: LEAD, departmentIds: [6], deadline: '2025-10-20' });
  });

  it('deliberate with names only (older callers of the machine) records the names and assigns nothing', () => {
    const p = ok(
      plan('deliberate', {
        publicReply: '由区交通局牵头',
        leadDepartment: '区交通局',
        departments: ['镇政府'],
        deadline: '2025-10-20',
      }),
    );
    expect(p.changes).toEqual({
      state: 'deliberating',
      leadDepartment: '区交通局',
      departments: '["镇政府"]',
      dueOn: '2025-10-20',
    });
    expect(p.writes.assignments).toEqual([]);
  });

  it('start_handling keeps the agreed deadline, or gives the default when there is none', () => {
    expect(ok(plan('start_handling', {})).changes).toEqual({ state: 'handling' });
    expect(ok(plan('start_handling', {})).writes.assignments).toEqual([]);
    expect(ok(plan('start_handling', {}, { dueOn: null })).changes.dueOn).toBe(addWorkingDays(calendar, '2025-09-30', 15));
  });

  it('reject publishes the reason first, then any further reply', () => {
    const p = ok(plan('reject', { reason: '属于诉讼程序', publicReply: '建议向法院咨询', internalNote: '已核实' }));
    expect(p.event.publicReply).toBe('属于诉讼程序\n\n建议向法院咨询');
    expect(p.event.internalNote).toBe('已核实');
    expect(p.changes).toEqual({ state: 'rejected', closedAt: NOW, dueOn: null });
  });

  it('merge, transfer and handle_directly record their target', () => {
    expect(ok(plan('merge', { mergeTarget: 3 })).changes).toEqual({
      state: 'duplicate',
      mergedIntoId: 3,
      closedAt: NOW,
      dueOn: null,
    });
    expect(ok(plan('transfer', { transferTo: '市水务集团' })).changes).toMatchObject({
      transferredTo: '市水务集团',
      closedAt: NOW,
    });
    expect(ok(plan('handle_directly', {})).changes).toEqual({
      state: 'handling',
      selfHandled: true,
      dueOn: addWorkingDays(calendar, '2025-09-30', 15),
    });
    expect(ok(plan('handle_directly', { deadline: '2025-10-15' })).changes.dueOn).toBe('2025-10-15');
  });

  it('resolve stamps resolvedAt and stops the clock', () => {
    expect(ok(plan('resolve', VALID.resolve!)).changes).toEqual({ state: 'resolved', resolvedAt: NOW, dueOn: null });
  });

  it.each([
    ['satisfied', 'closed'],
    ['basically_satisfied', 'closed'],
    ['dissatisfied', 'review'],
  ])('rating %s → %s', (rating, to) => {
    const p = ok(
      planTransition(snapshot('resolved'), 'rate', { role: 'resident' }, { rating, ratingComment: '还是有积水' }, ctx),
    );
    expect(p.toState).toBe(to);
    expect(p.changes).toMatchObject({ state: to, rating, ratingComment: '还是有积水', ratedAt: NOW });
    // Review gets 5 working days: 10-09, 10-10, 10-11 (make-up Saturday), 10-13, 10-14.
    expect(p.changes.dueOn).toBe(to === 'review' ? '2025-10-14' : null);
    expect(p.event.publicReply).toBeNull();
  });

  it('reopen counts, sets the new deadline and un-resolves; uphold closes with the explanation', () => {
    expect(ok(plan('reopen', { deadline: '2025-10-20' }, { reopenCount: 1 })).changes).toEqual({
      state: 'handling',
      reopenCount: 2,
      dueOn: '2025-10-20',
      resolvedAt: null,
    });
    const up = ok(plan('uphold', VALID.uphold!));
    expect(up.changes).toEqual({ state: 'closed', closedAt: NOW, dueOn: null });
    expect(up.event.publicReply).toBe('经复核，已按规定办理');
  });

  it('close waits for the 10-working-day rating window, counted across National Day', () => {
    // Resolved Fri 2025-09-26: working days after it are 09-28 (make-up Sunday), 09-29, 09-30,
    // then 10-09 … so the 10th is Thu 2025-10-16.
    const resolvedAt = chinaTime('2025-09-26', 17);
    const at = (day: string) =>
      planTransition(snapshot('resolved', { resolvedAt }), 'close', { role: 'system' }, {}, { now: chinaTime(day, 2), calendar });
    expect(at('2025-10-15')).toEqual({ ok: false, code: 'rating_window_open' });
    expect(ok(at('2025-10-16')).changes).toMatchObject({ state: 'closed', dueOn: null });
    expect(ok(at('2025-10-16')).event.data).toBe('{"unrated":true}');
  });

  it('self-loops change no state; reassign, extend and supervise record what they did', () => {
    expect(ok(plan('progress', VALID.progress!)).changes).toEqual({});
    expect(ok(plan('note', VALID.note!)).event).toMatchObject({ toState: 'pending', publicReply: null });
    expect(ok(plan('reassign', { deputyId: 12 })).event.data).toBe('{"fromDeputyId":11,"deputyId":12}');
    expect(ok(plan('extend', VALID.extend!)).changes).toEqual({ dueOn: '2025-10-20' });
    const overdue = ok(plan('supervise', {}, { dueOn: '2025-09-29' }));
    expect(JSON.parse(overdue.event.data)).toEqual({ dueOn: '2025-09-29', status: 'red' });
  });

  it('custom step limits change the clock', () => {
    const p = planTransition(snapshot('pending'), 'accept', staff, { deputyId: 1 }, { ...ctx, limits: { listening: 1 } });
    expect(ok(p).changes.dueOn).toBe('2025-10-09');
    const none = planTransition(snapshot('pending'), 'accept', staff, { deputyId: 1 }, { ...ctx, limits: {} });
    expect(ok(none).changes.dueOn).toBeNull();
  });
});
