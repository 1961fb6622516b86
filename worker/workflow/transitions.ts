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
  'sign',
  'send_back',
  'assign_departments',
  'request_extension',
  'approve_extension',
  'refuse_extension',
  'submit_answer',
  'accept_answer',
  'return_answer',
  'remind',
  'share_contact',
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
  | 'leadDepartmentId'
  | 'departmentIds'
  | 'departmentId'
  | 'leadDepartment'
  | 'departments'
  | 'deadline'
  | 'mergeTarget'
  | 'transferTo'
  | 'rating'
  | 'ratingComment';

/** A required field, or 'replyOrNote': at least one of publicReply and internalNote. */
export type Requirement =
  | Exclude<PayloadField, 'handlerUserId' | 'photoIds' | 'departmentIds' | 'ratingComment' | 'leadDepartment' | 'departments'>
  | 'replyOrNote';

/** 'same' means the opinion stays in the state it is in (updates, notes, reassignment). */
export type Target = OpinionState | 'same';

/** Where a department's current assignment on an opinion stands (see opinion_assignments). */
export type CurrentAssignmentStatus = 'assigned' | 'signed' | 'answered';

/**
 * What a rule asks of a `department` actor: its own current assignment, as lead only or in
 * either role, in one of these statuses.
 */
export interface DepartmentRequirement {
  readonly as: 'lead' | 'any';
  readonly status: readonly CurrentAssignmentStatus[];
}

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
  /** Present when 'department' is among the roles: which assignment the department needs. */
  readonly department?: DepartmentRequirement;
}

const OFFICE: readonly ActorRole[] = ['staff', 'admin'];
const OFFICE_AND_DEPUTY: readonly ActorRole[] = ['deputy', 'staff', 'admin'];
const HANDLERS: readonly ActorRole[] = ['deputy', 'staff', 'admin', 'department'];
/** A department that has signed for the item (an answer awaiting acceptance counts). */
const SIGNED: readonly CurrentAssignmentStatus[] = ['signed', 'answered'];
const CURRENT: readonly CurrentAssignmentStatus[] = ['assigned', 'signed', 'answered'];
/** 交办 happens at 三议; 签收/退回 can follow while the item is deliberated or being handled. */
const ASSIGNABLE: readonly OpinionState[] = ['deliberating', 'handling'];
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
 * - 交办 is part of `deliberate`: the lead and co-departments each get an assignment that they
 *   `sign` (签收) or `send_back` (退回, before signing only) within the 签收 limit; the lead's
 *   签收 starts 四办. `assign_departments` is staff's 改派 after a 退回.
 * - Only the lead asks for more time (`request_extension`): the deadline is the lead's
 *   commitment. The deadline moves only when staff `approve_extension`.
 * - Only the lead submits the 办复 (`submit_answer`); co-departments report their part as
 *   `progress`. Staff `accept_answer` (it becomes the public reply) unless the district's
 *   settings publish answers directly, in which case `submit_answer` itself resolves.
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
    requires: ['publicReply', 'leadDepartmentId', 'deadline'],
    optional: ['internalNote', 'departmentIds'],
  },
  { action: 'start_handling', from: ['deliberating'], to: ['handling'], roles: OFFICE, requires: [], optional: NOTES },
  {
    action: 'progress',
    from: ['handling'],
    to: ['same'],
    roles: HANDLERS,
    requires: ['replyOrNote'],
    optional: [...NOTES, 'photoIds'],
    department: { as: 'any', status: SIGNED },
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
  {
    action: 'note',
    from: OPINION_STATES,
    to: ['same'],
    roles: HANDLERS,
    requires: ['internalNote'],
    optional: [],
    department: { as: 'any', status: CURRENT },
  },
  {
    action: 'sign',
    from: ASSIGNABLE,
    to: ['same', 'handling'],
    roles: ['department'],
    requires: [],
    optional: NOTES,
    department: { as: 'any', status: ['assigned'] },
  },
  {
    action: 'send_back',
    from: ASSIGNABLE,
    to: ['same'],
    roles: ['department'],
    requires: ['reason'],
    optional: ['internalNote'],
    department: { as: 'any', status: ['assigned'] },
  },
  {
    action: 'assign_departments',
    from: ASSIGNABLE,
    to: ['same'],
    roles: OFFICE,
    requires: ['leadDepartmentId'],
    optional: ['departmentIds', 'deadline', 'internalNote'],
  },
  {
    action: 'request_extension',
    from: ['handling'],
    to: ['same'],
    roles: ['department'],
    requires: ['deadline', 'reason'],
    optional: ['internalNote'],
    department: { as: 'lead', status: ['signed'] },
  },
  { action: 'approve_extension', from: ['handling'], to: ['same'], roles: OFFICE, requires: [], optional: NOTES },
  { action: 'refuse_extension', from: ['handling'], to: ['same'], roles: OFFICE, requires: ['internalNote'], optional: [] },
  {
    action: 'submit_answer',
    from: ['handling'],
    to: ['same', 'resolved'],
    roles: ['department'],
    requires: ['publicReply'],
    optional: ['internalNote', 'photoIds'],
    department: { as: 'lead', status: ['signed'] },
  },
  { action: 'accept_answer', from: ['handling'], to: ['resolved'], roles: OFFICE, requires: [], optional: NOTES },
  { action: 'return_answer', from: ['handling'], to: ['same'], roles: OFFICE, requires: ['internalNote'], optional: [] },
  {
    action: 'remind',
    from: TIMED_STATES,
    to: ['same'],
    roles: OFFICE,
    requires: [],
    optional: ['departmentId', 'internalNote'],
  },
  {
    action: 'share_contact',
    from: ASSIGNABLE,
    to: ['same'],
    roles: OFFICE,
    requires: ['departmentId'],
    optional: ['internalNote'],
  },
];

const BY_ACTION = new Map<string, TransitionRule>(TRANSITIONS.map((r) => [r.action, r]));

/**
 * Who is acting. The caller decides `isAssignedDeputy` (the deputy's id equals the opinion's);
 * for a department, `departmentId` is its own and `assignment` its current assignment on this
 * opinion (null or absent: it has none). {@link import('./machine').actorOn} fills both.
 */
export interface Actor {
  role: ActorRole;
  isAssignedDeputy?: boolean;
  departmentId?: number | null;
  assignment?: { role: 'lead' | 'co'; status: CurrentAssignmentStatus } | null;
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
export type PermissionError =
  | 'action_not_allowed_in_state'
  | 'role_not_allowed'
  | 'not_assigned_deputy'
  | 'not_assigned_department'
  | 'lead_department_only'
  | 'already_signed'
  | 'not_signed'
  | 'answer_pending';

/** Why a department's assignment does not meet a rule's requirement, or null when it does. */
function departmentRefusal(req: DepartmentRequirement | undefined, actor: Actor): PermissionError | null {
  const a = actor.assignment;
  if (!req || !a) return 'not_assigned_department';
  if (req.as === 'lead' && a.role !== 'lead') return 'lead_department_only';
  if (req.status.includes(a.status)) return null;
  if (a.status === 'assigned') return 'not_signed';
  if (a.status === 'answered') return 'answer_pending';
  return 'already_signed';
}

/**
 * Checks state, role, deputy assignment and a department's own assignment; payloads and
 * guards that need the opinion's other data are checked by planTransition.
 */
export function checkPermission(state: OpinionState, action: Action, actor: Actor): PermissionError | null {
  const rule = ruleFor(action);
  if (!rule.from.includes(state)) return 'action_not_allowed_in_state';
  if (!rule.roles.includes(actor.role)) return 'role_not_allowed';
  if (actor.role === 'deputy' && actor.isAssignedDeputy !== true) return 'not_assigned_deputy';
  if (actor.role === 'department') return departmentRefusal(rule.department, actor);
  return null;
}

/**
 * Actions to offer this actor on an opinion in this state, in table order. Payload checks and
 * the rating-window guard on `close` can still refuse one of them.
 */
export function allowedActions(state: OpinionState, actor: Actor): Action[] {
  return TRANSITIONS.filter((r) => checkPermission(state, r.action, actor) === null).map((r) => r.action);
}
