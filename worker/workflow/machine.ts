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

/** The fields of an opinion row the machine looks at. */
export interface OpinionSnapshot {
  id: number;
  /** As stored; an unknown value is refused rather than trusted. */
  state: string;
  assignedDeputyId: number | null;
  dueOn: string | null;
  reopenCount: number;
  resolvedAt: number | null;
}

/** The clock and calendar a plan is made against. */
export interface PlanContext {
  /** Epoch ms of the action; also the event's `at`. */
  now: number;
  calendar: Calendar;
  /** Working days per state; defaults to DEFAULT_STEP_LIMITS. */
  limits?: StepLimits;
}

/** Columns of `opinions` to set, already in their stored form (departments as JSON text). */
export interface OpinionChanges {
  state?: OpinionState;
  assignedDeputyId?: number;
  assignedUserId?: number;
  leadDepartment?: string;
  departments?: string;
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
  | 'rating_window_open';

/** The outcome of planning: what to write, or why not. */
export type Plan =
  | { ok: true; toState: OpinionState; changes: OpinionChanges; event: PlannedEvent }
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

type Built = { to?: OpinionState; changes: OpinionChanges; data: Record<string, unknown>; publicReply?: string | null };
type Step = (o: OpinionSnapshot, p: CleanPayload, ctx: PlanContext, today: string) => Built | PlanErrorCode;

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
  deliberate: (_o, p) => ({
    changes: { leadDepartment: p.leadDepartment!, departments: JSON.stringify(p.departments), dueOn: p.deadline },
    data: { leadDepartment: p.leadDepartment, departments: p.departments, deadline: p.deadline },
  }),
  // Rows from before 三议 recorded a deadline get the default handling limit instead of none.
  start_handling: (o, _p, ctx, today) => ({
    changes: o.dueOn === null ? { dueOn: dueOnEntering('handling', today, ctx) } : {},
    data: {},
  }),
  progress: (_o, p) => ({ changes: {}, data: { photoIds: p.photoIds } }),
  resolve: (_o, p, ctx) => ({ changes: { resolvedAt: ctx.now, dueOn: null }, data: { photoIds: p.photoIds } }),
  // The reason is what the resident reads, so it leads the public reply.
  reject: (_o, p, ctx) => ({
    changes: closing(ctx.now),
    data: { reason: p.reason },
    publicReply: [p.reason, p.publicReply].filter((s) => s !== null).join('\n\n'),
  }),
  merge: (o, p, ctx) =>
    p.mergeTarget === o.id
      ? 'merge_target_self'
      : { changes: { mergedIntoId: p.mergeTarget!, ...closing(ctx.now) }, data: { mergeTarget: p.mergeTarget } },
  transfer: (_o, p, ctx) => ({
    changes: { transferredTo: p.transferTo!, ...closing(ctx.now) },
    data: { transferTo: p.transferTo },
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
  reopen: (o, p) => ({
    changes: { reopenCount: o.reopenCount + 1, dueOn: p.deadline, resolvedAt: null },
    data: { deadline: p.deadline, reopenCount: o.reopenCount + 1 },
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
  note: () => ({ changes: {}, data: {} }),
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
  const built = STEPS[action](opinion, p, ctx, today);
  if (typeof built === 'string') return { ok: false, code: built };
  const target = rule.to[0];
  const toState = built.to ?? (target === 'same' ? from : target);
  const changes: OpinionChanges = toState === from ? built.changes : { state: toState, ...built.changes };
  return {
    ok: true,
    toState,
    changes,
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
