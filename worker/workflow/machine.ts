/**
 * The opinion state machine: given an opinion, an action, who acts and what they sent, plan
 * the row changes and the timeline event, or refuse with a stable code. Pure: the route loads
 * the row, calls planTransition, and writes `changes` (plus revision/updatedAt) and `event`
 * (plus opinionId, at, actor) in one batch guarded by the row's revision.
 *
 * This is the module to import; it re-exports the table, states, payload types and tracking.
 */
import { addWorkingDays, chinaDay, DEFAULT_STEP_LIMITS, deadlineStatus, workingDaysBetween } from './calendar';
import type { Calendar, StepLimits } from './calendar';
import {
  type AssignmentView,
  DEFAULT_HANDLING_SETTINGS,
  departmentDueOn,
  endAll,
  type HandlingSettings,
  type HandlingWrites,
  NO_WRITES,
  overdueWorkingDays,
  reassignmentChanges,
  signDueOn,
} from './handling';
import { validatePayload, type CleanPayload, type PayloadErrorCode, type TransitionPayload } from './payload';
import { ACCEPTING_RATINGS, isOpinionState, type OpinionState, type Rating } from './states';
import {
  checkPermission,
  isAction,
  ruleFor,
  type Action,
  type Actor,
  type PayloadField,
  type PermissionError,
} from './transitions';

export * from './states';
export * from './transitions';
export * from './payload';
export * from './tracking';
export * from './handling';

/** The fields of an opinion row the machine looks at. */
export interface OpinionSnapshot {
  id: number;
  /** As stored; an unknown value is refused rather than trusted. */
  state: string;
  assignedDeputyId: number | null;
  dueOn: string | null;
  reopenCount: number;
  resolvedAt: number | null;
  /** The current lead 承办单位, if any. */
  leadDepartmentId?: number | null;
  /** Current (not ended) department assignments; absent means none. */
  assignments?: readonly AssignmentView[];
  /** The 申请延期 awaiting staff, if any. */
  pendingExtension?: { departmentId: number; requestedDueOn: string } | null;
  /** The lead's 办复 text awaiting staff acceptance, if any. */
  pendingAnswer?: string | null;
}

/** The clock and calendar a plan is made against. */
export interface PlanContext {
  /** Epoch ms of the action; also the event's `at`. */
  now: number;
  calendar: Calendar;
  /** Working days per state; defaults to DEFAULT_STEP_LIMITS. */
  limits?: StepLimits;
  /** The district's handling settings; defaults to DEFAULT_HANDLING_SETTINGS. */
  settings?: HandlingSettings;
}

/** Columns of `opinions` to set, already in their stored form (departments as JSON text). */
export interface OpinionChanges {
  state?: OpinionState;
  assignedDeputyId?: number;
  assignedUserId?: number;
  leadDepartment?: string | null;
  departments?: string;
  leadDepartmentId?: number | null;
  transferredTo?: string;
  mergedIntoId?: number;
  selfHandled?: boolean;
  dueOn?: string | null;
  receivedAt?: number;
  acceptedAt?: number;
  resolvedAt?: number | null;
  closedAt?: number;
  rating?: Rating;
  ratingComment?: string | null;
  ratedAt?: number;
  reopenCount?: number;
}

/** Content of the `opinion_events` row (the caller adds opinionId, at and the actor). */
export interface PlannedEvent {
  action: Action | 'submit';
  fromState: OpinionState | null;
  toState: OpinionState;
  /** Shown to the resident on the tracking page. */
  publicReply: string | null;
  /** Never shown outside the dashboard. */
  internalNote: string | null;
  /** JSON object with the action's details (departments, deadline, findings, …). */
  data: string;
}

/** Every refusal code planTransition can return. */
export type PlanErrorCode =
  | 'unknown_action'
  | 'unknown_state'
  | PermissionError
  | PayloadErrorCode
  | 'merge_target_self'
  | 'deputy_unchanged'
  | 'rating_window_open'
  | 'departments_unchanged'
  | 'department_not_assigned'
  | 'remind_target_required'
  | 'extension_pending'
  | 'no_extension_pending'
  | 'extension_not_later'
  | 'no_answer_pending';

/** The outcome of planning: what to write, or why not. */
export type Plan =
  | { ok: true; toState: OpinionState; changes: OpinionChanges; event: PlannedEvent; writes: HandlingWrites }
  | { ok: false; code: PlanErrorCode; field?: PayloadField };

/** The due date for time spent in `state` starting today, or null when the state has no limit. */
export function dueOnEntering(state: OpinionState, today: string, ctx: PlanContext): string | null {
  const n = (ctx.limits ?? DEFAULT_STEP_LIMITS)[state];
  return n === undefined ? null : addWorkingDays(ctx.calendar, today, n);
}

/** The row fields and first timeline event for a newly submitted opinion. */
export function planSubmission(ctx: PlanContext): { changes: OpinionChanges; event: PlannedEvent } {
  const today = chinaDay(ctx.now);
  return {
    changes: { state: 'pending', dueOn: dueOnEntering('pending', today, ctx), receivedAt: ctx.now },
    event: { action: 'submit', fromState: null, toState: 'pending', publicReply: null, internalNote: null, data: '{}' },
  };
}

type Built = {
  to?: OpinionState;
  changes: OpinionChanges;
  data: Record<string, unknown>;
  publicReply?: string | null;
  writes?: Partial<HandlingWrites>;
};
type Step = (o: OpinionSnapshot, p: CleanPayload, ctx: PlanContext, today: string, actor: Actor) => Built | PlanErrorCode;

const current = (o: OpinionSnapshot): readonly AssignmentView[] => o.assignments ?? [];
const settingsOf = (ctx: PlanContext): HandlingSettings => ctx.settings ?? DEFAULT_HANDLING_SETTINGS;
const leadOf = (o: OpinionSnapshot) => current(o).find((a) => a.role === 'lead') ?? null;
/** The acting department's id; the permission check has already made sure it has an assignment. */
const own = (actor: Actor): number => actor.departmentId ?? 0;

/**
 * Sees the opinion from a user: whether they are its assigned deputy, and for a department
 * account its own current assignment. Routes build the machine's Actor with this.
 */
export function actorOn(
  o: Pick<OpinionSnapshot, 'assignedDeputyId' | 'assignments'>,
  user: { role: Actor['role']; deputyId?: number | null; departmentId?: number | null },
): Actor {
  const isAssignedDeputy = user.role === 'deputy' && user.deputyId != null && user.deputyId === o.assignedDeputyId;
  if (user.role !== 'department') return { role: user.role, isAssignedDeputy };
  const mine = user.departmentId == null ? undefined : (o.assignments ?? []).find((a) => a.departmentId === user.departmentId);
  return {
    role: 'department',
    departmentId: user.departmentId ?? null,
    assignment: mine ? { role: mine.role, status: mine.status } : null,
  };
}

const closing = (now: number): OpinionChanges => ({ closedAt: now, dueOn: null });
const handler = (p: CleanPayload): OpinionChanges => (p.handlerUserId === null ? {} : { assignedUserId: p.handlerUserId });

/** Per action: the row changes and event data. Checks here are the ones needing the opinion itself. */
const STEPS: Record<Action, Step> = {
  accept: (_o, p, ctx, today) => ({
    changes: { assignedDeputyId: p.deputyId!, ...handler(p), acceptedAt: ctx.now, dueOn: dueOnEntering('listening', today, ctx) },
    data: { deputyId: p.deputyId, handlerUserId: p.handlerUserId },
  }),
  record_visit: (_o, p, ctx, today) => ({
    changes: { dueOn: dueOnEntering('viewing', today, ctx) },
    data: { findings: p.findings, photoIds: p.photoIds },
  }),
  // The deadline agreed in 三议 is the commitment 督办 tracks; it runs through 四办 as well.
  // 交办 happens here: the lead and each co-department get an assignment to 签收.
  deliberate: (o, p, ctx, today) =>
    p.leadDepartmentId === null
      ? {
          // Legacy names only (see TransitionPayload.leadDepartment): recorded, nothing assigned.
          changes: { leadDepartment: p.leadDepartment, departments: JSON.stringify(p.departments), dueOn: p.deadline },
          data: { leadDepartment: p.leadDepartment, departments: p.departments, deadline: p.deadline },
        }
      : {
          changes: { leadDepartmentId: p.leadDepartmentId, dueOn: p.deadline },
          data: { leadDepartmentId: p.leadDepartmentId, departmentIds: p.departmentIds, deadline: p.deadline },
          writes: {
            assignments: reassignmentChanges(
              current(o),
              p.leadDepartmentId,
              p.departmentIds,
              signDueOn(ctx.calendar, today, settingsOf(ctx)),
            ),
          },
        },
  // Rows from before 三议 recorded a deadline get the default handling limit instead of none.
  // Staff starting it for a lead that has not signed sign on its behalf (a body without an account).
  start_handling: (o, _p, ctx, today) => {
    const lead = leadOf(o);
    return {
      changes: o.dueOn === null ? { dueOn: dueOnEntering('handling', today, ctx) } : {},
      data: lead?.status === 'assigned' ? { signedFor: lead.departmentId } : {},
      writes:
        lead?.status === 'assigned'
          ? { assignments: [{ kind: 'status', departmentId: lead.departmentId, status: 'signed' }] }
          : {},
    };
  },
  progress: (_o, p, _ctx, _today, actor) => ({
    changes: {},
    data: actor.role === 'department' ? { photoIds: p.photoIds, departmentId: own(actor) } : { photoIds: p.photoIds },
  }),
  resolve: (o, p, ctx) => ({
    changes: { resolvedAt: ctx.now, dueOn: null },
    data: { photoIds: p.photoIds },
    writes: { assignments: endAll(current(o), 'done') },
  }),
  // The reason is what the resident reads, so it leads the public reply.
  reject: (_o, p, ctx) => ({
    changes: closing(ctx.now),
    data: { reason: p.reason },
    publicReply: [p.reason, p.publicReply].filter((s) => s !== null).join('\n\n'),
  }),
  merge: (o, p, ctx) =>
    p.mergeTarget === o.id
      ? 'merge_target_self'
      : {
          changes: { mergedIntoId: p.mergeTarget!, ...closing(ctx.now) },
          data: { mergeTarget: p.mergeTarget },
          writes: { assignments: endAll(current(o), 'withdrawn') },
        },
  transfer: (o, p, ctx) => ({
    changes: { transferredTo: p.transferTo!, ...closing(ctx.now) },
    data: { transferTo: p.transferTo },
    writes: { assignments: endAll(current(o), 'withdrawn') },
  }),
  handle_directly: (_o, p, ctx, today) => {
    const dueOn = p.deadline ?? dueOnEntering('handling', today, ctx);
    return { changes: { selfHandled: true, dueOn }, data: { deadline: dueOn } };
  },
  rate: (_o, p, ctx, today) => {
    const accepted = ACCEPTING_RATINGS.includes(p.rating!);
    const rest = accepted ? closing(ctx.now) : { dueOn: dueOnEntering('review', today, ctx) };
    return {
      to: accepted ? 'closed' : 'review',
      changes: { rating: p.rating!, ratingComment: p.ratingComment, ratedAt: ctx.now, ...rest },
      data: { rating: p.rating, comment: p.ratingComment },
    };
  },
  // resolvedAt is cleared so "resolved" statistics only count opinions resolved for good.
  // The lead department gets the item back to 签收 again (co-departments are re-added by 改派).
  reopen: (o, p, ctx, today) => ({
    changes: { reopenCount: o.reopenCount + 1, dueOn: p.deadline, resolvedAt: null },
    data: { deadline: p.deadline, reopenCount: o.reopenCount + 1 },
    writes:
      o.leadDepartmentId != null && leadOf(o) === null
        ? {
            assignments: [
              {
                kind: 'create',
                departmentId: o.leadDepartmentId,
                role: 'lead',
                signDueOn: signDueOn(ctx.calendar, today, settingsOf(ctx)),
              },
            ],
          }
        : {},
  }),
  uphold: (_o, _p, ctx) => ({ changes: closing(ctx.now), data: {} }),
  // Closing unrated waits out the resident's rating window (step limit of 'resolved').
  close: (o, _p, ctx, today) => {
    const window = (ctx.limits ?? DEFAULT_STEP_LIMITS).resolved ?? 0;
    if (o.resolvedAt !== null && workingDaysBetween(ctx.calendar, chinaDay(o.resolvedAt), today) < window) {
      return 'rating_window_open';
    }
    return { changes: closing(ctx.now), data: { unrated: true } };
  },
  reassign: (o, p) =>
    p.deputyId === o.assignedDeputyId
      ? 'deputy_unchanged'
      : {
          changes: { assignedDeputyId: p.deputyId!, ...handler(p) },
          data: { fromDeputyId: o.assignedDeputyId, deputyId: p.deputyId },
        },
  extend: (o, p) => ({ changes: { dueOn: p.deadline }, data: { fromDueOn: o.dueOn, deadline: p.deadline } }),
  supervise: (o, _p, ctx, today) => ({
    changes: {},
    data: { dueOn: o.dueOn, status: o.dueOn === null ? null : deadlineStatus(ctx.calendar, o.dueOn, today) },
  }),
  // A department's note is tagged with it, so it (and the office) can read it back.
  note: (_o, _p, _ctx, _today, actor) => ({ changes: {}, data: actor.role === 'department' ? { departmentId: own(actor) } : {} }),
  // 签收: the lead's signature starts 四办; a co-department's only marks its own assignment.
  sign: (o, _p, ctx, today, actor) => {
    const starts = actor.assignment?.role === 'lead' && o.state === 'deliberating';
    return {
      to: starts ? 'handling' : undefined, // otherwise the table's first target: unchanged
      changes: starts && o.dueOn === null ? { dueOn: dueOnEntering('handling', today, ctx) } : {},
      data: { departmentId: own(actor), role: actor.assignment?.role },
      writes: { assignments: [{ kind: 'status', departmentId: own(actor), status: 'signed' }] },
    };
  },
  // 退回: the reason is for the office, not the resident. A lead leaving leaves the item without
  // one until staff reassign it (改派).
  send_back: (_o, p, _ctx, _today, actor) => ({
    changes: actor.assignment?.role === 'lead' ? { leadDepartmentId: null } : {},
    data: { departmentId: own(actor), role: actor.assignment?.role, reason: p.reason },
    publicReply: null,
    writes: { assignments: [{ kind: 'status', departmentId: own(actor), status: 'returned', reason: p.reason! }] },
  }),
  assign_departments: (o, p, ctx, today) => {
    const changes = reassignmentChanges(
      current(o),
      p.leadDepartmentId!,
      p.departmentIds,
      signDueOn(ctx.calendar, today, settingsOf(ctx)),
    );
    if (changes.length === 0 && (p.deadline === null || p.deadline === o.dueOn)) return 'departments_unchanged';
    return {
      changes: { leadDepartmentId: p.leadDepartmentId!, ...(p.deadline !== null ? { dueOn: p.deadline } : {}) },
      data: { leadDepartmentId: p.leadDepartmentId, departmentIds: p.departmentIds, deadline: p.deadline, fromDueOn: o.dueOn },
      writes: { assignments: changes },
    };
  },
  request_extension: (o, p, _ctx, _today, actor) => {
    if (o.pendingExtension) return 'extension_pending';
    if (o.dueOn !== null && p.deadline! <= o.dueOn) return 'extension_not_later';
    return {
      changes: {},
      data: { departmentId: own(actor), fromDueOn: o.dueOn, deadline: p.deadline, reason: p.reason },
      writes: {
        extension: {
          kind: 'request',
          departmentId: own(actor),
          fromDueOn: o.dueOn,
          requestedDueOn: p.deadline!,
          reason: p.reason!,
        },
      },
    };
  },
  // The deadline moves only here. A request that has gone stale waits for a new one.
  approve_extension: (o, p, _ctx, today) => {
    const req = o.pendingExtension;
    if (!req) return 'no_extension_pending';
    if (req.requestedDueOn < today) return 'deadline_in_past';
    return {
      changes: { dueOn: req.requestedDueOn },
      data: { departmentId: req.departmentId, fromDueOn: o.dueOn, deadline: req.requestedDueOn },
      writes: { extension: { kind: 'decide', status: 'approved', note: p.internalNote } },
    };
  },
  refuse_extension: (o, p) => {
    const req = o.pendingExtension;
    if (!req) return 'no_extension_pending';
    return {
      changes: {},
      data: { departmentId: req.departmentId, requestedDueOn: req.requestedDueOn },
      writes: { extension: { kind: 'decide', status: 'refused', note: p.internalNote } },
    };
  },
  // 办复: held for staff, or published at once when the district's settings say so.
  submit_answer: (o, p, ctx, _today, actor) => {
    if (settingsOf(ctx).answerNeedsAcceptance) {
      return {
        changes: {},
        data: { departmentId: own(actor), answer: p.publicReply, photoIds: p.photoIds },
        publicReply: null,
        writes: { assignments: [{ kind: 'status', departmentId: own(actor), status: 'answered' }] },
      };
    }
    return {
      to: 'resolved',
      changes: { resolvedAt: ctx.now, dueOn: null },
      data: { departmentId: own(actor), photoIds: p.photoIds, published: true },
      writes: { assignments: endAll(current(o), 'done') },
    };
  },
  accept_answer: (o, p, ctx) => {
    const lead = leadOf(o);
    if (lead?.status !== 'answered') return 'no_answer_pending';
    const reply = p.publicReply ?? o.pendingAnswer ?? null;
    if (reply === null) return 'reply_required';
    return {
      changes: { resolvedAt: ctx.now, dueOn: null },
      data: { departmentId: lead.departmentId, edited: p.publicReply !== null && p.publicReply !== o.pendingAnswer },
      publicReply: reply,
      writes: { assignments: endAll(current(o), 'done') },
    };
  },
  return_answer: (o) => {
    const lead = leadOf(o);
    if (lead?.status !== 'answered') return 'no_answer_pending';
    return {
      changes: {},
      data: { departmentId: lead.departmentId },
      writes: { assignments: [{ kind: 'status', departmentId: lead.departmentId, status: 'signed' }] },
    };
  },
  // 催办 to a department on the item, or (without one) to the assigned deputy.
  remind: (o, p, ctx, today) => {
    const note = p.internalNote ?? '';
    if (p.departmentId !== null) {
      const a = current(o).find((x) => x.departmentId === p.departmentId);
      if (!a) return 'department_not_assigned';
      const dueOn = departmentDueOn(a, o.dueOn);
      const overdueDays = overdueWorkingDays(ctx.calendar, dueOn, today);
      return {
        changes: {},
        data: { targetKind: 'department', departmentId: a.departmentId, dueOn, overdueDays },
        writes: {
          reminder: { targetKind: 'department', departmentId: a.departmentId, deputyId: null, dueOn, overdueDays, note },
        },
      };
    }
    if (o.assignedDeputyId === null) return 'remind_target_required';
    const overdueDays = overdueWorkingDays(ctx.calendar, o.dueOn, today);
    return {
      changes: {},
      data: { targetKind: 'deputy', deputyId: o.assignedDeputyId, dueOn: o.dueOn, overdueDays },
      writes: {
        reminder: { targetKind: 'deputy', departmentId: null, deputyId: o.assignedDeputyId, dueOn: o.dueOn, overdueDays, note },
      },
    };
  },
  share_contact: (o, p) =>
    current(o).some((a) => a.departmentId === p.departmentId)
      ? { changes: {}, data: { departmentId: p.departmentId }, writes: { shareContactWith: p.departmentId } }
      : 'department_not_assigned',
};

/**
 * Plans `action` on `opinion` by `actor` with `payload`. Checks, in order: the action exists,
 * the stored state is known, the action is allowed in that state, the role may take it (a
 * deputy only when assigned), the payload, then checks that need the opinion (merge into
 * itself, reassigning to the same deputy, closing inside the rating window).
 */
export function planTransition(
  opinion: OpinionSnapshot,
  action: string,
  actor: Actor,
  payload: TransitionPayload,
  ctx: PlanContext,
): Plan {
  if (!isAction(action)) return { ok: false, code: 'unknown_action' };
  const from = opinion.state;
  if (!isOpinionState(from)) return { ok: false, code: 'unknown_state' };
  const denied = checkPermission(from, action, actor);
  if (denied) return { ok: false, code: denied };
  const rule = ruleFor(action);
  const today = chinaDay(ctx.now);
  const checked = validatePayload(rule, payload, today, ctx.calendar);
  if (!checked.ok) return { ok: false, code: checked.code, field: checked.field };
  const p = checked.value;
  const built = STEPS[action](opinion, p, ctx, today, actor);
  if (typeof built === 'string') return { ok: false, code: built };
  const target = rule.to[0];
  const toState = built.to ?? (target === 'same' ? from : target);
  const changes: OpinionChanges = toState === from ? built.changes : { state: toState, ...built.changes };
  return {
    ok: true,
    toState,
    changes,
    writes: { ...NO_WRITES, ...built.writes },
    event: {
      action,
      fromState: from,
      toState,
      publicReply: built.publicReply !== undefined ? built.publicReply : p.publicReply,
      internalNote: p.internalNote,
      data: JSON.stringify(built.data, (_k, v: unknown) => (v === null ? undefined : v)),
    },
  };
}
