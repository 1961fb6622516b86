/**
 * Opinion states, actor roles and the state groupings that statistics and lists rely on.
 * Pure data: the transition table lives in ./transitions.ts, labels in ./labels.ts.
 */

/** Every state an opinion can be in, in the order the four steps normally visit them. */
export const OPINION_STATES = [
  'pending',
  'listening',
  'viewing',
  'deliberating',
  'handling',
  'resolved',
  'closed',
  'review',
  'rejected',
  'duplicate',
  'transferred',
] as const;
export type OpinionState = (typeof OPINION_STATES)[number];

/**
 * Who takes an action. 'leader' exists so a signed-in user's role can be passed straight in:
 * leaders only read dashboards, so the table grants them nothing. 'department' is an account
 * of a 承办单位: it acts only through its own assignment on the opinion.
 */
export const ACTOR_ROLES = ['admin', 'staff', 'leader', 'deputy', 'department', 'resident', 'system'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

/** Resident ratings, as stored in `opinions.rating`. */
export const RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Rating = (typeof RATINGS)[number];

/** Ratings that count as acceptance and close the opinion; anything else goes to review. */
export const ACCEPTING_RATINGS: readonly Rating[] = ['satisfied', 'basically_satisfied'];

/** Still needs work from staff or deputies (review included: staff must decide). */
export const OPEN_STATES: readonly OpinionState[] = ['pending', 'listening', 'viewing', 'deliberating', 'handling', 'review'];

/** Counted as resolved on the dashboard: the result was fed back to the resident. */
export const RESOLVED_STATES: readonly OpinionState[] = ['resolved', 'closed'];

/** Ended without the four steps running their course (不予受理, 重复, 转办). */
export const SIDE_OUTCOME_STATES: readonly OpinionState[] = ['rejected', 'duplicate', 'transferred'];

/** No state-changing action leads out of these. */
export const TERMINAL_STATES: readonly OpinionState[] = ['closed', ...SIDE_OUTCOME_STATES];

/**
 * States whose `dueOn` is a working deadline that 督办 tracks (green/yellow/red, overdue counts).
 * `resolved` is not one: there the clock is the resident's rating window, not the office's.
 */
export const TIMED_STATES: readonly OpinionState[] = OPEN_STATES;

/** Type guard for values read from the database or a request. */
export function isOpinionState(value: unknown): value is OpinionState {
  return typeof value === 'string' && (OPINION_STATES as readonly string[]).includes(value);
}

/** Type guard for actor roles. */
export function isActorRole(value: unknown): value is ActorRole {
  return typeof value === 'string' && (ACTOR_ROLES as readonly string[]).includes(value);
}

/** Type guard for ratings. */
export function isRating(value: unknown): value is Rating {
  return typeof value === 'string' && (RATINGS as readonly string[]).includes(value);
}

/** Whether an opinion in this state still awaits staff or deputy work. */
export function isOpen(state: OpinionState): boolean {
  return OPEN_STATES.includes(state);
}

/** Whether an opinion in this state counts as resolved in statistics. */
export function isResolved(state: OpinionState): boolean {
  return RESOLVED_STATES.includes(state);
}

/** Whether no state-changing action can follow. */
export function isTerminal(state: OpinionState): boolean {
  return TERMINAL_STATES.includes(state);
}
