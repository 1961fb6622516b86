/**
 * Every state × action × role (× assigned or not; for departments: lead, co-department, or a
 * department with no part in the opinion) against an expectation written out here by hand
 * from the issue, independently of the table in worker/workflow/transitions.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  ACTOR_ROLES,
  OPINION_STATES,
  TRANSITIONS,
  actorOn,
  allowedActions,
  planTransition,
  type Actor,
  type OpinionSnapshot,
  type OpinionState,
} from '../../../worker/workflow/machine';
import { CO, ctx, LEAD, OTHER, SETUP, snapshot, VALID } from './fixtures';

const OFFICE = ['staff', 'admin'];
const WITH_DEPUTY = ['deputy', 'staff', 'admin'];
const TIMED = ['pending', 'listening', 'viewing', 'deliberating', 'handling', 'review'];
const HANDLERS = ['deputy', 'staff', 'admin', 'department'];
const DELIBERATING_OR_HANDLING = ['deliberating', 'handling'];

/**
 * What a department needs for an action: its own assignment, as lead or in any role, in one of
 * these statuses. Absent: departments may not take the action at all.
 */
type DeptNeed = { lead: boolean; status: string[] };

/**
 * action → from-states, roles, resulting state with the VALID payload ('same' = unchanged;
 * 'lead:handling' = handling when the lead department acts from 三议, else unchanged).
 */
const EXPECTED: Record<string, { from: string[]; roles: string[]; to: string; dept?: DeptNeed }> = {
  accept: { from: ['pending'], roles: OFFICE, to: 'listening' },
  record_visit: { from: ['listening'], roles: WITH_DEPUTY, to: 'viewing' },
  deliberate: { from: ['viewing'], roles: WITH_DEPUTY, to: 'deliberating' },
  start_handling: { from: ['deliberating'], roles: OFFICE, to: 'handling' },
  progress: { from: ['handling'], roles: HANDLERS, to: 'same', dept: { lead: false, status: ['signed', 'answered'] } },
  resolve: { from: ['handling'], roles: WITH_DEPUTY, to: 'resolved' },
  reject: { from: ['pending', 'listening'], roles: OFFICE, to: 'rejected' },
  merge: { from: ['pending', 'listening', 'viewing', 'deliberating', 'handling'], roles: OFFICE, to: 'duplicate' },
  transfer: { from: ['pending', 'listening', 'viewing', 'deliberating'], roles: OFFICE, to: 'transferred' },
  handle_directly: { from: ['listening', 'viewing'], roles: WITH_DEPUTY, to: 'handling' },
  rate: { from: ['resolved'], roles: ['resident', 'staff', 'admin'], to: 'closed' },
  reopen: { from: ['review'], roles: OFFICE, to: 'handling' },
  uphold: { from: ['review'], roles: OFFICE, to: 'closed' },
  close: { from: ['resolved'], roles: ['staff', 'admin', 'system'], to: 'closed' },
  reassign: { from: ['listening', 'viewing', 'deliberating', 'handling', 'review'], roles: OFFICE, to: 'same' },
  extend: { from: TIMED, roles: OFFICE, to: 'same' },
  supervise: { from: TIMED, roles: ['staff', 'admin', 'system'], to: 'same' },
  note: {
    from: [...OPINION_STATES],
    roles: HANDLERS,
    to: 'same',
    dept: { lead: false, status: ['assigned', 'signed', 'answered'] },
  },
  sign: {
    from: DELIBERATING_OR_HANDLING,
    roles: ['department'],
    to: 'lead:handling',
    dept: { lead: false, status: ['assigned'] },
  },
  send_back: { from: DELIBERATING_OR_HANDLING, roles: ['department'], to: 'same', dept: { lead: false, status: ['assigned'] } },
  assign_departments: { from: DELIBERATING_OR_HANDLING, roles: OFFICE, to: 'same' },
  request_extension: { from: ['handling'], roles: ['department'], to: 'same', dept: { lead: true, status: ['signed'] } },
  approve_extension: { from: ['handling'], roles: OFFICE, to: 'same' },
  refuse_extension: { from: ['handling'], roles: OFFICE, to: 'same' },
  submit_answer: { from: ['handling'], roles: ['department'], to: 'same', dept: { lead: true, status: ['signed'] } },
  accept_answer: { from: ['handling'], roles: OFFICE, to: 'resolved' },
  return_answer: { from: ['handling'], roles: OFFICE, to: 'same' },
  remind: { from: TIMED, roles: OFFICE, to: 'same' },
  share_contact: { from: DELIBERATING_OR_HANDLING, roles: OFFICE, to: 'same' },
};

type Outcome = { ok: true; toState: string } | { ok: false; code: string };

function expected(state: string, action: string, actor: Actor): Outcome {
  const e = EXPECTED[action]!;
  if (!e.from.includes(state)) return { ok: false, code: 'action_not_allowed_in_state' };
  if (!e.roles.includes(actor.role)) return { ok: false, code: 'role_not_allowed' };
  if (actor.role === 'deputy' && !actor.isAssignedDeputy) return { ok: false, code: 'not_assigned_deputy' };
  if (actor.role === 'department') {
    const mine = actor.assignment;
    if (!mine) return { ok: false, code: 'not_assigned_department' };
    if (e.dept!.lead && mine.role !== 'lead') return { ok: false, code: 'lead_department_only' };
    if (!e.dept!.status.includes(mine.status)) {
      const code = mine.status === 'assigned' ? 'not_signed' : mine.status === 'answered' ? 'answer_pending' : 'already_signed';
      return { ok: false, code };
    }
  }
  if (e.to === 'lead:handling') {
    return { ok: true, toState: actor.assignment?.role === 'lead' && state === 'deliberating' ? 'handling' : state };
  }
  return { ok: true, toState: e.to === 'same' ? state : e.to };
}

/** The opinion each action is tried on in `state`: the fixture plus what the action needs. */
const setupFor = (state: string, action: string): OpinionSnapshot => snapshot(state, SETUP[action] ?? {});

/** Every kind of actor: each role assigned or not, and departments as lead, co and outsider. */
function actorsOn(o: OpinionSnapshot): Actor[] {
  return ACTOR_ROLES.flatMap((role): Actor[] =>
    role === 'department'
      ? [LEAD, CO, OTHER].map((departmentId) => actorOn(o, { role, departmentId }))
      : [
          { role, isAssignedDeputy: false },
          { role, isAssignedDeputy: true },
        ],
  );
}
const label = (a: Actor) =>
  `${a.role}${a.isAssignedDeputy ? ' (assigned)' : ''}${a.departmentId ? ` #${a.departmentId} ${a.assignment?.role ?? 'outsider'}` : ''}`;

describe('transition table', () => {
  it('has one row per action and the expectation covers exactly the same actions', () => {
    expect(TRANSITIONS.map((r) => r.action)).toEqual([...ACTIONS]);
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });

  it('rows only name known states and targets', () => {
    for (const r of TRANSITIONS) {
      for (const s of r.from) expect(OPINION_STATES).toContain(s);
      for (const t of r.to) expect([...OPINION_STATES, 'same']).toContain(t);
    }
  });

  const cases = OPINION_STATES.flatMap((state) => ACTIONS.map((action) => [state, action] as const));
  it.each(cases)('%s × %s: every role, assigned or not, matches the expectation', (state, action) => {
    const o = setupFor(state, action);
    for (const actor of actorsOn(o)) {
      const plan = planTransition(o, action, actor, VALID[action]!, ctx);
      const want = expected(state, action, actor);
      const got: Outcome = plan.ok ? { ok: true, toState: plan.toState } : { ok: false, code: plan.code };
      expect(got, `${state} ${action} ${label(actor)}`).toEqual(want);
      if (plan.ok) {
        expect(plan.event).toMatchObject({ action, fromState: state, toState: want.ok && want.toState });
        expect(plan.changes.state).toBe(plan.toState === state ? undefined : plan.toState);
      }
    }
  });

  it.each(OPINION_STATES)('allowedActions in %s lists exactly the expected actions for every actor', (state) => {
    for (const action of ACTIONS) {
      for (const actor of actorsOn(setupFor(state, action))) {
        const listed = allowedActions(state as OpinionState, actor).includes(action);
        expect(listed, `${state} ${action} ${label(actor)}`).toBe(expected(state, action, actor).ok);
      }
    }
  });
});

describe('who may do what (spot checks)', () => {
  const all = (role: Actor['role'], isAssignedDeputy = true) =>
    new Set(OPINION_STATES.flatMap((s) => allowedActions(s, { role, isAssignedDeputy })));

  it('a resident can only rate, and only a resolved opinion', () => {
    expect([...all('resident')]).toEqual(['rate']);
    expect(allowedActions('handling', { role: 'resident' })).toEqual([]);
  });

  it('leaders only read', () => expect(all('leader').size).toBe(0));

  it('a department without an assignment on the opinion can do nothing, in any state', () => {
    for (const s of OPINION_STATES) {
      const o = snapshot(s);
      expect(allowedActions(s, actorOn(o, { role: 'department', departmentId: OTHER })), s).toEqual([]);
      expect(allowedActions(s, actorOn(o, { role: 'department', departmentId: null })), s).toEqual([]);
    }
  });

  it('a department never takes the office’s decisions', () => {
    const lead = actorOn(snapshot('handling'), { role: 'department', departmentId: LEAD });
    const offered = new Set(OPINION_STATES.flatMap((s) => allowedActions(s, lead)));
    for (const a of [
      'accept',
      'deliberate',
      'start_handling',
      'resolve',
      'approve_extension',
      'accept_answer',
      'remind',
      'extend',
    ]) {
      expect(offered.has(a as never), a).toBe(false);
    }
    expect(allowedActions('handling', lead)).toEqual(['progress', 'note', 'request_extension', 'submit_answer']);
    const co = actorOn(snapshot('handling'), { role: 'department', departmentId: CO });
    expect(allowedActions('handling', co)).toEqual(['progress', 'note']);
  });

  it('the system can only close after the rating window and chase (督办)', () => {
    // (催办 to a department or deputy is staff's decision, recorded as `remind`.)
    expect([...all('system')].sort()).toEqual(['close', 'supervise']);
  });

  it('a deputy who is not assigned can do nothing, an assigned one never accepts or rejects', () => {
    expect(all('deputy', false).size).toBe(0);
    const deputy = all('deputy');
    for (const a of ['accept', 'reject', 'merge', 'transfer', 'reopen', 'uphold', 'reassign', 'extend']) {
      expect(deputy.has(a as never), a).toBe(false);
    }
    expect(allowedActions('listening', { role: 'deputy', isAssignedDeputy: true })).toEqual([
      'record_visit',
      'handle_directly',
      'note',
    ]);
  });

  it('terminal states only take internal notes', () => {
    for (const s of ['closed', 'rejected', 'duplicate', 'transferred'] as const) {
      expect(allowedActions(s, { role: 'admin' })).toEqual(['note']);
    }
  });

  it('the four steps cannot be skipped except by 自行办理', () => {
    const staff: Actor = { role: 'staff' };
    expect(planTransition(snapshot('pending'), 'record_visit', staff, VALID.record_visit!, ctx)).toEqual({
      ok: false,
      code: 'action_not_allowed_in_state',
    });
    expect(planTransition(snapshot('listening'), 'deliberate', staff, VALID.deliberate!, ctx).ok).toBe(false);
    expect(planTransition(snapshot('viewing'), 'resolve', staff, VALID.resolve!, ctx).ok).toBe(false);
    expect(planTransition(snapshot('pending'), 'handle_directly', staff, {}, ctx).ok).toBe(false);
    expect(planTransition(snapshot('listening'), 'handle_directly', staff, {}, ctx).ok).toBe(true);
  });

  it('refuses unknown actions and unknown stored states', () => {
    expect(planTransition(snapshot('pending'), 'approve', { role: 'admin' }, {}, ctx)).toEqual({
      ok: false,
      code: 'unknown_action',
    });
    expect(planTransition(snapshot('archived'), 'note', { role: 'admin' }, { internalNote: 'x' }, ctx)).toEqual({
      ok: false,
      code: 'unknown_state',
    });
  });
});
