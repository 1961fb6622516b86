/**
 * The transition table of the 一听、二看、三议、四办 workflow: one row per action, saying from
 * which states it may be taken, where it leads, who may take it and what it must carry.
 * Routes, the item page's buttons and the tests all read this one table.
 */
import { OPINION_STATES, TIMED_STATES, type ActorRole, type OpinionState } from './states';

/** Every action staff, deputies, residents or the system can take on an existing opinion. */
export const ACTIONS = [
  'accept',
  'record_visit',
  'deliberate',
  'start_handling',
  'progress',
  'resolve',
  'reject',
  'merge',
  'transfer',
  'handle_directly',
  'rate',
  'reopen',
  'uphold',
  'close',
  'reassign',
  'extend',
  'supervise',
  'note',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Payload fields an action may carry (see TransitionPayload in ./payload.ts). */
export type PayloadField =
  | 'publicReply'
  | 'internalNote'
  | 'reason'
  | 'deputyId'
  | 'handlerUserId'
  | 'findings'
  | 'photoIds'
  | 'leadDepartment'
  | 'departments'
  | 'deadline'
  | 'mergeTarget'
  | 'transferTo'
  | 'rating'
  | 'ratingComment';

/** A required field, or 'replyOrNote': at least one of publicReply and internalNote. */
export type Requirement = Exclude<PayloadField, 'handlerUserId' | 'photoIds' | 'departments' | 'ratingComment'> | 'replyOrNote';

/** 'same' means the opinion stays in the state it is in (updates, notes, reassignment). */
export type Target = OpinionState | 'same';

/** One row of the table. */
export interface TransitionRule {
  readonly action: Action;
  readonly from: readonly OpinionState[];
  /** Possible targets; more than one only for `rate`, where the rating picks. */
  readonly to: readonly [Target, ...Target[]];
  /** 'deputy' always means: only the deputy the opinion is assigned to. */
  readonly roles: readonly ActorRole[];
  readonly requires: readonly Requirement[];
  /** Optional fields the action records; anything else in the payload is ignored. */
  readonly optional: readonly PayloadField[];
}

const OFFICE: readonly ActorRole[] = ['staff', 'admin'];
const OFFICE_AND_DEPUTY: readonly ActorRole[] = ['deputy', 'staff', 'admin'];
const NOTES: readonly PayloadField[] = ['publicReply', 'internalNote'];
/** Before the department has started: the stages where it can still be sent elsewhere. */
const BEFORE_HANDLING: readonly OpinionState[] = ['pending', 'listening', 'viewing', 'deliberating'];

/**
 * The table. Design choices worth knowing:
 * - `deliberate` records the 三议 decision (as the public reply), the lead department, the
 *   co-departments and the agreed deadline, which becomes `dueOn` for 三议 and 四办 alike;
 *   `start_handling` then only records that the department has taken it up.
 * - `reject` (不予受理) is only possible before the site visit; later, staff merge or transfer.
 * - staff may record a rating too (电话回访: the resident answers a follow-up call).
 */
export const TRANSITIONS: readonly TransitionRule[] = [
  {
    action: 'accept',
    from: ['pending'],
    to: ['listening'],
    roles: OFFICE,
    requires: ['deputyId'],
    optional: [...NOTES, 'handlerUserId'],
  },
  {
    action: 'record_visit',
    from: ['listening'],
    to: ['viewing'],
    roles: OFFICE_AND_DEPUTY,
    requires: ['findings'],
    optional: [...NOTES, 'photoIds'],
  },
  {
    action: 'deliberate',
    from: ['viewing'],
    to: ['deliberating'],
    roles: OFFICE_AND_DEPUTY,
    requires: ['publicReply', 'leadDepartment', 'deadline'],
    optional: ['internalNote', 'departments'],
  },
  { action: 'start_handling', from: ['deliberating'], to: ['handling'], roles: OFFICE, requires: [], optional: NOTES },
  {
    action: 'progress',
    from: ['handling'],
    to: ['same'],
    roles: OFFICE_AND_DEPUTY,
    requires: ['replyOrNote'],
    optional: [...NOTES, 'photoIds'],
  },
  {
    action: 'resolve',
    from: ['handling'],
    to: ['resolved'],
    roles: OFFICE_AND_DEPUTY,
    requires: ['publicReply'],
    optional: ['internalNote', 'photoIds'],
  },
  { action: 'reject', from: ['pending', 'listening'], to: ['rejected'], roles: OFFICE, requires: ['reason'], optional: NOTES },
  {
    action: 'merge',
    from: [...BEFORE_HANDLING, 'handling'],
    to: ['duplicate'],
    roles: OFFICE,
    requires: ['mergeTarget'],
    optional: NOTES,
  },
  { action: 'transfer', from: BEFORE_HANDLING, to: ['transferred'], roles: OFFICE, requires: ['transferTo'], optional: NOTES },
  {
    action: 'handle_directly',
    from: ['listening', 'viewing'],
    to: ['handling'],
    roles: OFFICE_AND_DEPUTY,
    requires: [],
    optional: [...NOTES, 'deadline'],
  },
  {
    action: 'rate',
    from: ['resolved'],
    to: ['closed', 'review'],
    roles: ['resident', 'staff', 'admin'],
    requires: ['rating'],
    optional: ['ratingComment'],
  },
  { action: 'reopen', from: ['review'], to: ['handling'], roles: OFFICE, requires: ['deadline'], optional: NOTES },
  { action: 'uphold', from: ['review'], to: ['closed'], roles: OFFICE, requires: ['publicReply'], optional: ['internalNote'] },
  { action: 'close', from: ['resolved'], to: ['closed'], roles: [...OFFICE, 'system'], requires: [], optional: NOTES },
  {
    action: 'reassign',
    from: ['listening', 'viewing', 'deliberating', 'handling', 'review'],
    to: ['same'],
    roles: OFFICE,
    requires: ['deputyId'],
    optional: ['internalNote', 'handlerUserId'],
  },
  {
    action: 'extend',
    from: TIMED_STATES,
    to: ['same'],
    roles: OFFICE,
    requires: ['deadline', 'internalNote'],
    optional: ['publicReply'],
  },
  {
    action: 'supervise',
    from: TIMED_STATES,
    to: ['same'],
    roles: [...OFFICE, 'system'],
    requires: [],
    optional: ['internalNote'],
  },
  { action: 'note', from: OPINION_STATES, to: ['same'], roles: OFFICE_AND_DEPUTY, requires: ['internalNote'], optional: [] },
];

const BY_ACTION = new Map<string, TransitionRule>(TRANSITIONS.map((r) => [r.action, r]));

/** Who is acting. The caller decides `isAssignedDeputy` (the deputy's id equals the opinion's). */
export interface Actor {
  role: ActorRole;
  isAssignedDeputy?: boolean;
}

/** Type guard for action ids from a request. */
export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && BY_ACTION.has(value);
}

/** The table row for an action. */
export function ruleFor(action: Action): TransitionRule {
  const rule = BY_ACTION.get(action);
  if (!rule) throw new RangeError(`unknown action: ${action}`);
  return rule;
}

/** Why an actor may not take an action in a state (checked in this order), or null if they may. */
export type PermissionError = 'action_not_allowed_in_state' | 'role_not_allowed' | 'not_assigned_deputy';

/** Checks state, role and deputy assignment; payloads and time guards are checked by planTransition. */
export function checkPermission(state: OpinionState, action: Action, actor: Actor): PermissionError | null {
  const rule = ruleFor(action);
  if (!rule.from.includes(state)) return 'action_not_allowed_in_state';
  if (!rule.roles.includes(actor.role)) return 'role_not_allowed';
  if (actor.role === 'deputy' && actor.isAssignedDeputy !== true) return 'not_assigned_deputy';
  return null;
}

/**
 * Actions to offer this actor on an opinion in this state, in table order. Payload checks and
 * the rating-window guard on `close` can still refuse one of them.
 */
export function allowedActions(state: OpinionState, actor: Actor): Action[] {
  return TRANSITIONS.filter((r) => checkPermission(state, r.action, actor) === null).map((r) => r.action);
}
