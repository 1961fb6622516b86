/** Whole journeys through the machine, and the tracking page's step bar along the way. */
import { describe, expect, it } from 'vitest';
import {
  OPINION_STATES,
  OPEN_STATES,
  RESOLVED_STATES,
  SIDE_OUTCOME_STATES,
  TERMINAL_STATES,
  TIMED_STATES,
  TRANSITIONS,
  planSubmission,
  planTransition,
  trackingSteps,
  type Actor,
  type OpinionSnapshot,
  type TimelineEntry,
  type TransitionPayload,
} from '../../../worker/workflow/machine';
import { apply, calendar, chinaTime, ctx, ok, snapshot } from './fixtures';

const staff: Actor = { role: 'staff' };
const deputy: Actor = { role: 'deputy', isAssignedDeputy: true };
const resident: Actor = { role: 'resident' };

/** Runs steps from a fresh pending opinion, one day apart, returning the final row and timeline. */
function run(steps: [string, Actor, TransitionPayload][]) {
  let o: OpinionSnapshot = snapshot('pending', { assignedDeputyId: null, resolvedAt: null, dueOn: null });
  const timeline: TimelineEntry[] = [{ fromState: null, toState: 'pending', at: 0 }];
  steps.forEach(([action, actor, payload], i) => {
    const plan = planTransition(o, action, actor, payload, { now: ctx.now + i * 60_000, calendar });
    const { event } = ok(plan);
    timeline.push({ fromState: event.fromState, toState: event.toState, at: ctx.now + i * 60_000 });
    o = apply(o, plan);
  });
  return { o, timeline, steps: trackingSteps(o.state as never, timeline) };
}

const statuses = (r: ReturnType<typeof run>) => r.steps.map((s) => s.status).join(' ');

describe('journeys', () => {
  const main: [string, Actor, TransitionPayload][] = [
    ['accept', staff, { deputyId: 11 }],
    ['record_visit', deputy, { findings: '桥面裂缝' }],
    ['deliberate', deputy, { publicReply: '交通局牵头', leadDepartment: '区交通局', deadline: '2025-10-20' }],
    ['start_handling', staff, {}],
    ['progress', deputy, { publicReply: '已封闭施工' }],
    ['resolve', staff, { publicReply: '已修复' }],
  ];

  it('一听、二看、三议、四办 to 已办结, then 满意 closes it', () => {
    const r = run([...main, ['rate', resident, { rating: 'satisfied' }]]);
    expect(r.o.state).toBe('closed');
    expect(statuses(r)).toBe('done done done done done');
    expect(r.steps.every((s) => s.at !== null)).toBe(true);
  });

  it('不满意 → 复核 → reopen → resolve → uphold after a second 不满意', () => {
    const r = run([
      ...main,
      ['rate', resident, { rating: 'dissatisfied', ratingComment: '没修好' }],
      ['reopen', staff, { deadline: '2025-10-24' }],
      ['resolve', staff, { publicReply: '已返工' }],
      ['rate', resident, { rating: 'dissatisfied' }],
      ['uphold', staff, { publicReply: '经现场复核，已达到标准' }],
    ]);
    expect(r.o).toMatchObject({ state: 'closed', reopenCount: 1, dueOn: null });
    expect(statuses(r)).toBe('done done done done done');
  });

  it('the bar shows where an open opinion is', () => {
    expect(statuses(run([]))).toBe('current todo todo todo todo');
    expect(statuses(run(main.slice(0, 1)))).toBe('done current todo todo todo');
    expect(statuses(run(main.slice(0, 2)))).toBe('done done current todo todo');
    expect(statuses(run(main.slice(0, 3)))).toBe('done done done current todo');
    const handling = run(main.slice(0, 5));
    expect(statuses(handling)).toBe('done done done current todo');
    expect(handling.steps[3]!.at).toBe(ctx.now + 3 * 60_000); // when 四办 started, not the progress update
    const review = run([...main, ['rate', resident, { rating: 'dissatisfied' }]]);
    expect(review.o.state).toBe('review');
    expect(statuses(review)).toBe('done done done current todo');
  });

  it('自行办理 from 一听 skips 二看 and 三议', () => {
    const r = run([
      ['accept', staff, { deputyId: 11 }],
      ['handle_directly', deputy, {}],
      ['resolve', deputy, { publicReply: '已协调解决' }],
    ]);
    expect(statuses(r)).toBe('done skipped skipped done done');
    expect(r.steps[1]!.at).toBeNull();
  });

  it('side outcomes end the bar: reached steps done, the rest skipped', () => {
    expect(statuses(run([['reject', staff, { reason: '不属于人大工作范围' }]]))).toBe('skipped skipped skipped skipped skipped');
    const merged = run([...main.slice(0, 2), ['merge', staff, { mergeTarget: 3 }]]);
    expect(merged.o.state).toBe('duplicate');
    expect(statuses(merged)).toBe('done done skipped skipped skipped');
  });
});

describe('submission', () => {
  it('starts pending with the 2-working-day acceptance clock', () => {
    // Friday 2026-02-13: next working days are the make-up Saturday 02-14 and Tue 02-24.
    const s = planSubmission({ now: chinaTime('2026-02-13'), calendar });
    expect(s.changes).toEqual({ state: 'pending', dueOn: '2026-02-24', receivedAt: chinaTime('2026-02-13') });
    expect(s.event).toMatchObject({ action: 'submit', fromState: null, toState: 'pending' });
  });
});

describe('state groups for statistics', () => {
  it('every state is exactly one of open, resolved, side outcome', () => {
    const groups = [...OPEN_STATES, ...RESOLVED_STATES, ...SIDE_OUTCOME_STATES];
    expect([...groups].sort()).toEqual([...OPINION_STATES].sort());
  });

  it('terminal states have no state-changing way out; open ones do', () => {
    for (const s of OPINION_STATES) {
      const leaves = TRANSITIONS.some((r) => r.from.includes(s) && r.to.some((t) => t !== 'same'));
      expect(leaves, s).toBe(!TERMINAL_STATES.includes(s));
    }
  });

  it('every open state has a deadline clock and can be chased', () => {
    expect([...TIMED_STATES]).toEqual([...OPEN_STATES]);
  });

  it('every state is reachable from pending', () => {
    const seen = new Set<string>(['pending']);
    for (let grown = true; grown; ) {
      grown = false;
      for (const r of TRANSITIONS) {
        if (!r.from.some((s) => seen.has(s))) continue;
        for (const t of r.to) if (t !== 'same' && !seen.has(t)) grown = Boolean(seen.add(t));
      }
    }
    expect([...seen].sort()).toEqual([...OPINION_STATES].sort());
  });
});
