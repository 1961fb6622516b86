/**
 * The step bar on the resident's tracking page and the item page: 一听 / 二看 / 三议 / 四办 /
 * 已办结, each done, current, still to come, or skipped, with the date it was reached.
 *
 * A step counts as done once the action that records it has happened: accepting (一听), the
 * site visit (二看), the deliberation (三议); 四办 and 已办结 are done once resolved.
 */
import { SIDE_OUTCOME_STATES, type OpinionState } from './states';

/** The steps in the order residents see them. */
export const TRACKING_STEPS = ['listen', 'view', 'deliberate', 'handle', 'resolved'] as const;
export type TrackingStep = (typeof TRACKING_STEPS)[number];

/** The state an opinion enters when each step is reached. */
export const STEP_STATES: Readonly<Record<TrackingStep, OpinionState>> = {
  listen: 'listening',
  view: 'viewing',
  deliberate: 'deliberating',
  handle: 'handling',
  resolved: 'resolved',
};

/**
 * 'skipped': passed over (自行办理 skips 二看 and/or 三议) or never reached because the opinion
 * ended as 不予受理 / 重复 / 转办.
 */
export type StepStatus = 'done' | 'current' | 'todo' | 'skipped';

/** One step of the bar. `at` is when the step was last reached (epoch ms), if it was. */
export interface TrackingStepView {
  step: TrackingStep;
  status: StepStatus;
  at: number | null;
}

/** The part of a timeline event the step bar needs. */
export interface TimelineEntry {
  fromState?: string | null;
  toState: string;
  at: number;
}

/** How far along the four steps a state is (0 = not yet accepted, 5 = resolved). */
const POSITION: Partial<Record<OpinionState, number>> = {
  pending: 0,
  listening: 1,
  viewing: 2,
  deliberating: 3,
  handling: 4,
  review: 4,
  resolved: 5,
  closed: 5,
};

/** 四办 is only done when resolved; the earlier steps are done as soon as they are recorded. */
const DONE_AT: Readonly<Record<TrackingStep, number>> = { listen: 1, view: 2, deliberate: 3, handle: 5, resolved: 5 };

/**
 * The step bar for an opinion in `state` with this timeline (any order; self-loops ignored).
 * A step the state has passed but the timeline never entered is shown as skipped, so demo and
 * imported data must carry their events for the bar to show done steps.
 */
export function trackingSteps(state: OpinionState, timeline: readonly TimelineEntry[]): TrackingStepView[] {
  const entered = new Map<string, number>();
  for (const e of timeline) {
    if (e.fromState === e.toState) continue;
    entered.set(e.toState, Math.max(entered.get(e.toState) ?? -Infinity, e.at));
  }
  const ended = SIDE_OUTCOME_STATES.includes(state);
  const position = ended
    ? Math.max(0, ...[...entered.keys()].map((s) => POSITION[s as OpinionState] ?? 0))
    : (POSITION[state] ?? 0);
  let currentGiven = ended || position >= 5;
  return TRACKING_STEPS.map((step) => {
    const at = entered.get(STEP_STATES[step]) ?? null;
    let status: StepStatus;
    if (position >= DONE_AT[step]) status = at === null && step !== 'handle' && step !== 'resolved' ? 'skipped' : 'done';
    else if (ended) status = 'skipped';
    else if (!currentGiven) {
      status = 'current';
      currentGiven = true;
    } else status = 'todo';
    return { step, status, at: status === 'done' || status === 'current' ? at : null };
  });
}
