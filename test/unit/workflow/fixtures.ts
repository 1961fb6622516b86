/** Shared fixtures for the workflow unit tests. */
import { defaultCalendar } from '../../../worker/workflow/calendar';
import type { AssignmentView, OpinionSnapshot, Plan, PlanContext, TransitionPayload } from '../../../worker/workflow/machine';

export const calendar = defaultCalendar();

/** Epoch ms of a China-time wall clock moment. */
export function chinaTime(day: string, hour = 10): number {
  return Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
}

/** Tuesday 2025-09-30, the last working day before the 2025 National Day + Mid-Autumn break. */
export const NOW = chinaTime('2025-09-30');
export const ctx: PlanContext = { now: NOW, calendar };

/** Departments of the fixtures: the lead, a co-department, and one with nothing to do with it. */
export const LEAD = 5;
export const CO = 6;
export const OTHER = 9;

/** Both departments have signed: the usual picture during 四办. */
export const SIGNED_BOTH: readonly AssignmentView[] = [
  { departmentId: LEAD, role: 'lead', status: 'signed', signDueOn: '2025-09-26' },
  { departmentId: CO, role: 'co', status: 'signed', signDueOn: '2025-09-26' },
];

/**
 * An opinion resolved long ago, so the rating window never blocks `close` in table tests,
 * with a lead and a co-department that have both signed.
 */
export function snapshot(state: string, over: Partial<OpinionSnapshot> = {}): OpinionSnapshot {
  return {
    id: 7,
    state,
    assignedDeputyId: 11,
    dueOn: '2025-10-10',
    reopenCount: 0,
    resolvedAt: chinaTime('2025-08-01'),
    leadDepartmentId: LEAD,
    assignments: SIGNED_BOTH,
    pendingExtension: null,
    pendingAnswer: null,
    ...over,
  };
}

/** A payload that satisfies every action's requirements at NOW (rating: satisfied). */
export const VALID: Readonly<Record<string, TransitionPayload>> = {
  accept: { deputyId: 12 },
  record_visit: { findings: '路面坑洼约二十处' },
  deliberate: { publicReply: '由区交通局牵头修复', leadDepartmentId: LEAD, departmentIds: [CO], deadline: '2025-10-20' },
  start_handling: {},
  progress: { publicReply: '已进场施工' },
  resolve: { publicReply: '已修复完毕' },
  reject: { reason: '不属于本区管辖范围' },
  merge: { mergeTarget: 3 },
  transfer: { transferTo: '市水务集团' },
  handle_directly: {},
  rate: { rating: 'satisfied' },
  reopen: { deadline: '2025-10-20' },
  uphold: { publicReply: '经复核，已按规定办理' },
  close: {},
  reassign: { deputyId: 12 },
  extend: { deadline: '2025-10-20', internalNote: '施工材料未到' },
  supervise: {},
  note: { internalNote: '已电话联系群众' },
  sign: {},
  send_back: { reason: '不属于本单位职责，建议交区水务局' },
  assign_departments: { leadDepartmentId: 7, departmentIds: [CO] },
  request_extension: { deadline: '2025-10-24', reason: '需协调施工队进场' },
  approve_extension: {},
  refuse_extension: { internalNote: '现有期限足够' },
  submit_answer: { publicReply: '路面已修复完毕' },
  accept_answer: {},
  return_answer: { internalNote: '答复未说明完成时间' },
  remind: { departmentId: LEAD },
  share_contact: { departmentId: LEAD },
};

/**
 * What an action needs the opinion to hold besides its state (an unsigned assignment to sign,
 * a pending request to decide, a pending answer to accept), as overrides of {@link snapshot}.
 */
export const SETUP: Readonly<Record<string, Partial<OpinionSnapshot>>> = {
  sign: {
    assignments: [
      { departmentId: LEAD, role: 'lead', status: 'assigned', signDueOn: '2025-10-09' },
      { departmentId: CO, role: 'co', status: 'assigned', signDueOn: '2025-10-09' },
    ],
  },
  send_back: {
    assignments: [
      { departmentId: LEAD, role: 'lead', status: 'assigned', signDueOn: '2025-10-09' },
      { departmentId: CO, role: 'co', status: 'assigned', signDueOn: '2025-10-09' },
    ],
  },
  approve_extension: { pendingExtension: { departmentId: LEAD, requestedDueOn: '2025-10-24' } },
  refuse_extension: { pendingExtension: { departmentId: LEAD, requestedDueOn: '2025-10-24' } },
  accept_answer: {
    assignments: [{ ...SIGNED_BOTH[0]!, status: 'answered' }, SIGNED_BOTH[1]!],
    pendingAnswer: '路面已修复完毕',
  },
  return_answer: {
    assignments: [{ ...SIGNED_BOTH[0]!, status: 'answered' }, SIGNED_BOTH[1]!],
    pendingAnswer: '路面已修复完毕',
  },
};

/** Narrows a plan to its success branch, failing the test with the code otherwise. */
export function ok(plan: Plan): Extract<Plan, { ok: true }> {
  if (!plan.ok) throw new Error(`expected ok, got ${plan.code}${plan.field ? ` (${plan.field})` : ''}`);
  return plan;
}

/**
 * Applies a successful plan to a snapshot, as the route and the commit would to the rows:
 * the opinion's columns, the current assignments, the pending request and answer.
 */
export function apply(o: OpinionSnapshot, plan: Plan): OpinionSnapshot {
  const { changes, writes, event } = ok(plan);
  let assignments = [...(o.assignments ?? [])];
  let pendingAnswer = o.pendingAnswer ?? null;
  for (const c of writes.assignments) {
    if (c.kind === 'create') {
      assignments.push({ departmentId: c.departmentId, role: c.role, status: 'assigned', signDueOn: c.signDueOn });
    } else if (c.status === 'assigned' || c.status === 'signed' || c.status === 'answered') {
      const status = c.status;
      assignments = assignments.map((a) => (a.departmentId === c.departmentId ? { ...a, status } : a));
    } else {
      assignments = assignments.filter((a) => a.departmentId !== c.departmentId);
    }
  }
  if (event.action === 'submit_answer' && event.toState === 'handling') {
    pendingAnswer = String((JSON.parse(event.data) as { answer?: string }).answer);
  }
  if (!assignments.some((a) => a.status === 'answered')) pendingAnswer = null;
  const x = writes.extension;
  return {
    ...o,
    state: changes.state ?? o.state,
    assignedDeputyId: changes.assignedDeputyId ?? o.assignedDeputyId,
    dueOn: changes.dueOn !== undefined ? changes.dueOn : o.dueOn,
    reopenCount: changes.reopenCount ?? o.reopenCount,
    resolvedAt: changes.resolvedAt !== undefined ? changes.resolvedAt : o.resolvedAt,
    leadDepartmentId: changes.leadDepartmentId !== undefined ? changes.leadDepartmentId : o.leadDepartmentId,
    assignments,
    pendingAnswer,
    pendingExtension:
      x === null
        ? (o.pendingExtension ?? null)
        : x.kind === 'request'
          ? { departmentId: x.departmentId, requestedDueOn: x.requestedDueOn }
          : null,
  };
}
