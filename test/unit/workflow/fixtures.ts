/** Shared fixtures for the workflow unit tests. */
import { defaultCalendar } from '../../../worker/workflow/calendar';
import type { OpinionSnapshot, Plan, PlanContext, TransitionPayload } from '../../../worker/workflow/machine';

export const calendar = defaultCalendar();

/** Epoch ms of a China-time wall clock moment. */
export function chinaTime(day: string, hour = 10): number {
  return Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
}

/** Tuesday 2025-09-30, the last working day before the 2025 National Day + Mid-Autumn break. */
export const NOW = chinaTime('2025-09-30');
export const ctx: PlanContext = { now: NOW, calendar };

/** An opinion resolved long ago, so the rating window never blocks `close` in table tests. */
export function snapshot(state: string, over: Partial<OpinionSnapshot> = {}): OpinionSnapshot {
  return {
    id: 7,
    state,
    assignedDeputyId: 11,
    dueOn: '2025-10-10',
    reopenCount: 0,
    resolvedAt: chinaTime('2025-08-01'),
    ...over,
  };
}

/** A payload that satisfies every action's requirements at NOW (rating: satisfied). */
export const VALID: Readonly<Record<string, TransitionPayload>> = {
  accept: { deputyId: 12 },
  record_visit: { findings: '路面坑洼约二十处' },
  deliberate: { publicReply: '由区交通局牵头修复', leadDepartment: '区交通局', departments: ['镇政府'], deadline: '2025-10-20' },
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
};

/** Narrows a plan to its success branch, failing the test with the code otherwise. */
export function ok(plan: Plan): Extract<Plan, { ok: true }> {
  if (!plan.ok) throw new Error(`expected ok, got ${plan.code}${plan.field ? ` (${plan.field})` : ''}`);
  return plan;
}

/** Applies a successful plan to a snapshot, as the route would to the row. */
export function apply(o: OpinionSnapshot, plan: Plan): OpinionSnapshot {
  const { changes } = ok(plan);
  return {
    ...o,
    state: changes.state ?? o.state,
    assignedDeputyId: changes.assignedDeputyId ?? o.assignedDeputyId,
    dueOn: changes.dueOn !== undefined ? changes.dueOn : o.dueOn,
    reopenCount: changes.reopenCount ?? o.reopenCount,
    resolvedAt: changes.resolvedAt !== undefined ? changes.resolvedAt : o.resolvedAt,
  };
}
