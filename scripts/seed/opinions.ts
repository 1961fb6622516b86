/**
 * A year of demo opinions (群众意见) for the demo district: about 2,500 across every station
 * and category, in every state — side outcomes, 复核 and reopened ones included.
 *
 * Nothing is written by hand into the timeline: each opinion's life is *simulated* by
 * running the real workflow machine (planTransition) over simulated time, on working days
 * of the shipped calendar, so every row and event is one the API could have produced. An
 * action the machine refuses stops the seed with an error instead of writing bad data.
 *
 * The year ends at the seed's clock (the current hour by default): same seed and same
 * clock, same data. Opinions whose next step falls after the clock stay where they are,
 * so the inbox always has fresh, due-soon and overdue work.
 */
import type { InferInsertModel } from 'drizzle-orm';
import { opinionAssignments, opinionEvents, opinionExtensions, opinions } from '../../worker/db/schema';
import { OPINION_CATEGORIES } from '../../worker/forms/defaults/opinion';
import { mergeReply } from '../../worker/opinions/replies';
import { similarity } from '../../worker/opinions/similarity';
import {
  addCalendarDays,
  addWorkingDays,
  chinaDay,
  DEFAULT_STEP_LIMITS,
  defaultCalendar,
  isWorkingDay,
  workingDaysBetween,
} from '../../worker/workflow/calendar';
import {
  type Action,
  type ActorRole,
  actorOn,
  planSubmission,
  planTransition,
  type TransitionPayload,
} from '../../worker/workflow/machine';
import { DEPARTMENT_ACCOUNTS, demoDepartments, departmentDirectory, type SeedDepartment } from './departments';
import { applyHandling, type HandlingSim, nameColumns, newHandling, publicWording } from './opinion-handling';
import { createPhoneSource } from './deputies';
import type { SeedGenerator } from './generators';
import { createNameSource } from './names';
import { createRng, deriveSeed, type Rng } from './random';
import { CODE_ALPHABET } from './stations';
import { insertInto } from './sql';
import * as T from './opinion-texts';
import {
  chineseDate,
  compose,
  drawParts,
  HOST_BOOST,
  RURAL_WEIGHTS,
  Slots,
  STATION_WEIGHT,
  type TextParts,
  URBAN_WEIGHTS,
} from './opinion-writing';
import type { DemoDistrict, SeedDeputy, SeedStation, SeedTownship } from './types';

/** How many opinions a year brings (the scripted demo cases come on top). */
export const OPINION_COUNT = 2_480;
const DAY_MS = 86_400_000;
const MIN_MS = 60_000;
const CHINA_MS = 8 * 3_600_000;

type OpinionRow = InferInsertModel<typeof opinions> & { id: number; revision: number; state: string; updatedAt: number };
type EventRow = InferInsertModel<typeof opinionEvents>;

/** The seed's clock: now, rounded down to the hour so re-running within the hour gives the same data. */
export function demoClock(): number {
  return Math.floor(Date.now() / 3_600_000) * 3_600_000;
}

const calendar = defaultCalendar();
const limits = DEFAULT_STEP_LIMITS;

/**
 * The calendar's own answers for a range of days, computed once: the simulation asks "n working
 * days after" tens of thousands of times, and the calendar's day-by-day walk made the seed slow.
 * Same results as addWorkingDays / workingDaysBetween (the seed test compares them); outside the
 * range it simply asks the calendar.
 */
export class WorkingDayTable {
  private readonly index = new Map<string, number>();
  /** prefix[i]: working days among days[0..i]. */
  private readonly prefix: number[] = [];
  private readonly days: string[] = [];
  constructor(from: string, count: number) {
    let worked = 0;
    for (let i = 0, day = from; i < count; i++, day = addCalendarDays(day, 1)) {
      if (isWorkingDay(calendar, day)) worked++;
      this.days.push(day);
      this.prefix.push(worked);
      this.index.set(day, i);
    }
  }
  isWorking(day: string): boolean {
    const i = this.index.get(day);
    return i === undefined ? isWorkingDay(calendar, day) : this.prefix[i]! - (i > 0 ? this.prefix[i - 1]! : 0) === 1;
  }
  /** addWorkingDays: the n-th working day strictly after `day`. */
  add(day: string, n: number): string {
    const i = this.index.get(day);
    if (n === 0) return day;
    const target = i === undefined ? -1 : this.prefix[i]! + n;
    if (i === undefined || target > this.prefix[this.prefix.length - 1]!) return addWorkingDays(calendar, day, n);
    let lo = i + 1;
    let hi = this.prefix.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.prefix[mid]! >= target) hi = mid;
      else lo = mid + 1;
    }
    return this.days[lo]!;
  }
  /** workingDaysBetween: working days in (a, b]. */
  between(a: string, b: string): number {
    const i = this.index.get(a);
    const j = this.index.get(b);
    return i === undefined || j === undefined ? workingDaysBetween(calendar, a, b) : this.prefix[j]! - this.prefix[i]!;
  }
}

/** Set by buildOpinions for the simulated year and the months around it. */
let work = new WorkingDayTable('2026-01-01', 1);

/** Epoch ms of a China-time day at hh:mm. */
function at(day: string, minutes: number): number {
  return Date.parse(`${day}T00:00:00Z`) - CHINA_MS + minutes * MIN_MS;
}

/** A time in office hours (8:30–11:45, 14:00–17:45) on `day`. */
function officeTime(rng: Rng, day: string): number {
  const morning = rng.chance(0.5);
  return at(day, morning ? rng.int(510, 705) : rng.int(840, 1065));
}

/** Parses "value:weight value:weight …" into pairs (keeps the tables on one line each). */
function pairs(text: string): [number, number][] {
  return text.split(' ').map((p) => p.split(':').map(Number) as [number, number]);
}

/** When residents write (hour:weight): any day, mostly daytime and evening. */
const RESIDENT_HOURS = pairs('7:2 8:5 9:8 10:9 11:7 12:3 13:3 14:6 15:7 16:6 17:4 18:3 19:4 20:5 21:3');

/** The first office time at least `workingDays` working days after `t` (0: later the same working day, if there is time). */
function after(rng: Rng, t: number, workingDays: number): number {
  const today = chinaDay(t);
  let day = workingDays > 0 || !work.isWorking(today) ? work.add(today, Math.max(1, workingDays)) : today;
  let when = officeTime(rng, day);
  if (when <= t) {
    when = t + rng.int(20, 120) * MIN_MS;
    if (chinaDay(when) !== day || when > at(day, 19 * 60)) {
      day = work.add(day, 1);
      when = officeTime(rng, day);
    }
  }
  return when;
}

/** A delay in working days drawn from [value, weight] pairs. */
function delay(rng: Rng, table: ReadonlyArray<[number, number]>): number {
  return rng.weighted(table, ([, w]) => w)[0];
}

const DELAYS = {
  accept: pairs('0:35 1:35 2:18 3:6 4:4 6:2'),
  visit: pairs('1:30 2:35 3:20 4:8 6:5 9:2'),
  deliberate: pairs('1:20 2:25 3:20 4:15 5:10 7:7 10:3'),
  start: pairs('0:40 1:40 2:15 4:5'),
  review: pairs('1:40 2:30 3:20 6:10'),
};

// ---------------------------------------------------------------------------------------------
// People

interface Who {
  role: ActorRole;
  userId: number | null;
  label: string;
  /** For a department actor: its department. */
  departmentId?: number;
}

/** The demo's departments, set by buildOpinions (like `work`): the list, a name lookup, their own random stream. */
let deptList: SeedDepartment[] = [];
let findDept: (name: string) => SeedDepartment | null = () => null;
let deptRng: Rng;
let deptWho: (dep: SeedDepartment) => Who = (dep) => ({
  role: 'department',
  userId: null,
  label: dep.name,
  departmentId: dep.id,
});

function peopleOf(d: DemoDistrict) {
  const staffAccounts = d.accounts.filter((a) => a.role === 'staff');
  const district = staffAccounts.find((a) => a.townshipId === null)!;
  const deputyAccount = d.accounts.find((a) => a.role === 'deputy');
  return {
    staff(townshipId: number): Who {
      const a = staffAccounts.find((x) => x.townshipId === townshipId) ?? district;
      return { role: 'staff', userId: a.id, label: a.displayName };
    },
    districtStaff(): Who {
      return { role: 'staff', userId: district.id, label: district.displayName };
    },
    deputy(dep: SeedDeputy): Who {
      const account = deputyAccount?.deputyId === dep.id ? deputyAccount : undefined;
      return { role: 'deputy', userId: account?.id ?? null, label: dep.name };
    },
    resident: { role: 'resident', userId: null, label: 'resident' } as Who,
  };
}

// ---------------------------------------------------------------------------------------------
// One opinion's life

type Outcome = 'full' | 'self' | 'reject' | 'transfer' | 'merge';

interface Draft {
  receivedAt: number;
  station: SeedStation;
  township: SeedTownship;
  category: string;
  deputy: SeedDeputy;
  outcome: Outcome;
  /** Scripted demo cases stop before this action and move briskly until then. */
  stopBefore?: Action;
  brisk?: boolean;
  /** Scripted: the resident is dissatisfied and the opinion waits in 复核. */
  holdInReview?: boolean;
  /** Repeats the latest earlier opinion of the same station and category (a likely duplicate left for staff). */
  repeat?: boolean;
}

interface Sim {
  row: OpinionRow;
  events: EventRow[];
  slots: Slots;
  parts: TextParts;
  outcome: Outcome;
  township: SeedTownship;
  deputy: SeedDeputy;
  handling: HandlingSim;
}

class Stop extends Error {}

/** Runs one opinion through the machine until its plan ends or the clock runs out. */
function simulate(
  rng: Rng,
  sim: Sim,
  draft: Draft,
  now: number,
  people: ReturnType<typeof peopleOf>,
  merge: (t: number) => Sim | null,
) {
  const row = sim.row;
  let t = row.receivedAt;
  const staff = () => (rng.chance(0.85) ? people.staff(sim.township.id) : people.districtStaff());
  const deputy = people.deputy(sim.deputy);
  const lead = sim.slots.fill(sim.parts.case.lead);
  const leadDept = findDept(lead);
  const h = sim.handling;
  const deptById = (id: number) => deptList.find((x) => x.id === id) ?? null;

  const act = (action: Action, who: Who, when: number, payload: TransitionPayload = {}) => {
    if (when > now || draft.stopBefore === action) throw new Stop();
    const snapshot = {
      id: row.id,
      state: row.state,
      assignedDeputyId: row.assignedDeputyId ?? null,
      dueOn: row.dueOn ?? null,
      reopenCount: row.reopenCount ?? 0,
      resolvedAt: row.resolvedAt ?? null,
      leadDepartmentId: row.leadDepartmentId ?? null,
      assignments: h.current,
      pendingExtension: h.pendingExtension,
      pendingAnswer: h.pendingAnswer,
    };
    const actor =
      who.role === 'department'
        ? actorOn(snapshot, { role: 'department', departmentId: who.departmentId ?? null })
        : { role: who.role, isAssignedDeputy: who.role === 'deputy' };
    const plan = planTransition(snapshot, action, actor, payload, { now: when, calendar, limits });
    if (!plan.ok) throw new Error(`demo opinion ${row.id}: ${action} refused (${plan.code}) in ${row.state}`);
    const answer = h.pendingAnswer;
    const leadNow = h.current.find((a) => a.role === 'lead');
    applyHandling(h, row.id, plan, when, who.userId);
    Object.assign(row, plan.changes, nameColumns(h, plan, (id) => deptById(id)?.name ?? '') ?? {});
    row.revision += 1;
    row.updatedAt = when;
    const own = who.departmentId ? deptById(who.departmentId) : null;
    const publicReply = publicWording(
      plan,
      own,
      actor.assignment?.role ?? null,
      answer,
      leadNow ? deptById(leadNow.departmentId) : null,
    );
    sim.events.push(eventRow(row.id, when, who, { ...plan.event, publicReply }));
    t = when;
  };
  const wait = (table: ReadonlyArray<[number, number]>) => after(rng, t, draft.brisk ? 1 : delay(rng, table));
  /** 督办: when a step ran past its due date, staff often chase it the next working day. */
  const chase = (next: number) => {
    const due = row.dueOn;
    if (!due || draft.brisk || !rng.chance(0.6)) return;
    const when = officeTime(rng, work.add(due, 1));
    if (when > t && when < next && when <= now)
      act('supervise', people.districtStaff(), when, { internalNote: rng.pick(T.SUPERVISE_NOTES) });
  };
  const step = (action: Action, who: Who, when: number, payload: TransitionPayload = {}) => {
    chase(when);
    act(action, who, when, payload);
  };
  const maybeNote = () => {
    if (rng.chance(0.12)) act('note', rng.chance(0.5) ? staff() : deputy, after(rng, t, 0), { internalNote: rng.pick(T.NOTES) });
  };
  // Reply-only slots first (their values are finished text), then the opinion's own places.
  const reply = (templates: readonly string[], extra: Record<string, string>) =>
    sim.slots.fill(rng.pick(templates).replace(/\{(deputy|lead|deadline|result|body)\}/g, (_, k: string) => extra[k] ?? ''));
  const result = () => sim.slots.fill(sim.parts.case.result);

  try {
    // 一听 (or an early side outcome).
    if (
      draft.outcome === 'merge' ||
      (draft.outcome === 'reject' && rng.chance(0.7)) ||
      (draft.outcome === 'transfer' && rng.chance(0.4))
    ) {
      const when = after(rng, t, delay(rng, DELAYS.accept));
      return sideOutcome(draft.outcome, staff(), when);
    }
    step('accept', staff(), wait(DELAYS.accept), {
      deputyId: sim.deputy.id,
      publicReply: rng.chance(0.6) ? reply(T.REPLIES.accept, { deputy: sim.deputy.name }) : null,
    });
    maybeNote();
    if (draft.outcome === 'reject') return sideOutcome('reject', staff(), wait(DELAYS.accept));
    if (draft.outcome === 'transfer' && rng.chance(0.5)) return sideOutcome('transfer', staff(), wait(DELAYS.visit));
    if (draft.outcome === 'self' && rng.chance(0.5)) {
      act('handle_directly', deputy, wait(DELAYS.visit), { publicReply: `${sim.deputy.name}代表直接协调办理。` });
    } else {
      // 二看
      const findings = sim.slots.fill(rng.pick(T.CATEGORY_TEXTS[row.category]!.findings));
      step('record_visit', deputy, wait(DELAYS.visit), { findings });
      if (draft.outcome === 'transfer') return sideOutcome('transfer', staff(), wait(DELAYS.deliberate));
      if (draft.outcome === 'self') {
        act('handle_directly', deputy, wait(DELAYS.start), { publicReply: `经现场查看，由${sim.deputy.name}代表直接协调办理。` });
      } else {
        // 三议: the deadline agreed here runs through 四办.
        const when = wait(DELAYS.deliberate);
        const deadline = work.add(chinaDay(when), draft.brisk ? 15 : rng.int(8, 25));
        const co = rng.chance(0.5)
          ? [sim.slots.fill(`{town}${sim.township.kind === 'subdistrict' ? '办事处' : '人民政府'}`)]
          : [];
        // 交办: the texts name the bodies; the demo's roster has a row for each of them.
        const coIds = co.map((n) => findDept(n)?.id).filter((id): id is number => id !== undefined && id !== leadDept?.id);
        step('deliberate', rng.chance(0.6) ? staff() : deputy, when, {
          publicReply: reply(T.REPLIES.deliberate, { deputy: sim.deputy.name, lead, deadline: chineseDate(deadline) }),
          ...(leadDept ? { leadDepartmentId: leadDept.id, departmentIds: coIds } : { leadDepartment: lead }),
          deadline,
        });
        const signAt = wait(DELAYS.start);
        if (leadDept) signFor(signAt);
        else step('start_handling', staff(), signAt, rng.chance(0.3) ? { internalNote: `已将议定意见函告${lead}。` } : {});
      }
    }
    handleAndResolve(false);
    rateAndClose(0);
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  }

  function sideOutcome(outcome: Outcome, who: Who, when: number) {
    if (outcome === 'reject') {
      step('reject', who, when, { reason: rng.pick(T.REJECT_REASONS) });
    } else if (outcome === 'transfer') {
      const body = rng.pick(T.TRANSFER_BODIES);
      step('transfer', who, when, { transferTo: body, publicReply: reply(T.REPLIES.transfer, { body }) });
    } else {
      const target = merge(when);
      if (!target) throw new Error('merge without a target');
      const code = target.row.trackingCode;
      step('merge', who, when, {
        mergeTarget: target.row.id,
        publicReply: mergeReply(code),
        internalNote: '与已受理的意见反映同一问题，合并办理。',
      });
      // As the API does: the event names the target's code, and the target gets an entry of its own.
      sim.events.at(-1)!.data = JSON.stringify({ mergeTarget: target.row.id, mergeTargetCode: code });
      markTarget(target, sim.row.id, who, when);
    }
  }

  /**
   * 签收 by the lead department (and its co-departments), at the time staff would have started
   * handling. Now and then the lead sends it back first and staff reassign it (改派); now and
   * then it signs late, so the 督办 list has 签收 cases.
   */
  function signFor(when: number) {
    const mine = h.current.find((a) => a.role === 'lead');
    if (!mine) return;
    // Scripted cases that stop before 四办 wait for the department's 签收.
    if (draft.stopBefore === 'start_handling') throw new Stop();
    const first = deptById(mine.departmentId)!;
    let at = deptRng.chance(0.08) ? after(rng, t, deptRng.int(3, 6)) : when;
    if (!draft.brisk && deptRng.chance(0.05)) {
      act('send_back', deptWho(first), at, { reason: `经核实，该事项不属于${first.name}职责范围，建议交相关部门办理。` });
      const others = deptList.filter((x) => x.kind === 'district_agency' && x.id !== first.id);
      const next = deptRng.pick(others);
      step('assign_departments', people.districtStaff(), after(rng, t, 1), {
        leadDepartmentId: next.id,
        internalNote: `${first.name}退回，改派${next.name}。`,
      });
      at = after(rng, t, 1);
    }
    const leadNow = h.current.find((a) => a.role === 'lead')!;
    act('sign', deptWho(deptById(leadNow.departmentId)!), at, {});
    for (const c of h.current.filter((a) => a.role === 'co' && a.status === 'assigned')) {
      act('sign', deptWho(deptById(c.departmentId)!), after(rng, t, 0), {});
    }
  }

  /** 四办: progress updates, sometimes an extension, then 办结 — late now and then. */
  function handleAndResolve(second: boolean) {
    const byDept = () => h.current.find((a) => a.role === 'lead');
    // After a reopening the lead department signs for it again.
    if (byDept()?.status === 'assigned') act('sign', deptWho(deptById(byDept()!.departmentId)!), after(rng, t, 1), {});
    for (let i = rng.int(0, 2); i > 0; i--) {
      const when = after(rng, t, rng.int(2, 5));
      if (row.dueOn && chinaDay(when) >= row.dueOn) break;
      const leadA = byDept();
      const who = leadA && deptRng.chance(0.6) ? deptWho(deptById(leadA.departmentId)!) : rng.chance(0.5) ? deputy : staff();
      act('progress', who, when, { publicReply: reply(T.REPLIES.progress, { lead }) });
    }
    if (!second && !draft.brisk && rng.chance(0.07) && row.dueOn) {
      const when = after(rng, t, 1);
      if (chinaDay(when) <= row.dueOn) {
        const deadline = work.add(row.dueOn, rng.int(5, 10));
        const leadA = byDept();
        if (leadA) {
          // 申请延期 by the lead; staff approve most, refuse some.
          act('request_extension', deptWho(deptById(leadA.departmentId)!), when, { deadline, reason: rng.pick(T.EXTEND_NOTES) });
          const decideAt = after(rng, t, deptRng.int(0, 1));
          if (chinaDay(decideAt) <= deadline && deptRng.chance(0.8)) act('approve_extension', staff(), decideAt, {});
          else act('refuse_extension', staff(), decideAt, { internalNote: '现有办理期限足够，请按期办结。' });
        } else {
          act('extend', staff(), when, { deadline, internalNote: rng.pick(T.EXTEND_NOTES) });
        }
      }
    }
    const due = row.dueOn ?? work.add(chinaDay(t), 15);
    const span = Math.max(1, work.between(chinaDay(t), due));
    const late = !draft.brisk && rng.chance(0.12);
    const stalled = !draft.brisk && rng.chance(0.02);
    const days = stalled
      ? rng.int(30, 70)
      : late
        ? span + rng.int(1, 8)
        : Math.max(1, Math.round(span * (0.4 + rng.next() * 0.6)));
    const when = after(rng, t, days);
    const text = row.selfHandled
      ? reply(T.REPLIES.selfResolve, { deputy: sim.deputy.name, result: result() })
      : reply(T.REPLIES.resolve, { lead, result: result() });
    const leadA = byDept();
    const resolver = rng.chance(0.6) ? staff() : deputy;
    if (leadA?.status === 'signed') {
      if (draft.stopBefore === 'resolve' || when > now) throw new Stop();
      // 办复 by the lead department, accepted by staff (the district reviews answers).
      step('submit_answer', deptWho(deptById(leadA.departmentId)!), when, { publicReply: text });
      act('accept_answer', staff(), after(rng, t, deptRng.int(0, 1)), {});
    } else {
      step('resolve', resolver, when, { publicReply: text });
    }
  }

  /** The resident rates (or staff record it after a call); 不满意 goes to 复核. */
  function rateAndClose(round: number) {
    const forced = draft.holdInReview === true && round === 0;
    const mode = forced
      ? 'resident'
      : rng.weighted(
          [
            ['resident', round === 0 ? 55 : 60],
            ['phone', round === 0 ? 20 : 10],
            ['none', round === 0 ? 25 : 30],
          ] as const,
          ([, w]) => w,
        )[0];
    if (mode === 'none') {
      const resolvedDay = chinaDay(row.resolvedAt!);
      const window = limits.resolved ?? 10;
      // Same draws, in the same order, as when every one was closed by staff: the rest of the
      // demo year does not move.
      const who = people.districtStaff();
      const when = officeTime(rng, work.add(resolvedDay, window + rng.int(0, 3)));
      // Half of those whose window ran out in the last ten days are left for the morning run
      // (scheduled()), which closes them as the system: the demo shows it at work.
      if (when <= now && when > now - 10 * 86_400_000 && row.id % 2 === 0) return;
      act('close', who, when, { internalNote: '群众未在评价期内评价，按规定结案。' });
      return;
    }
    const dissatisfied = forced || rng.chance(round === 0 ? 0.12 : 0.06);
    const rating = dissatisfied ? 'dissatisfied' : rng.chance(0.7) ? 'satisfied' : 'basically_satisfied';
    const comment = rng.pick(T.RATING_COMMENTS[rating]);
    const when =
      mode === 'resident'
        ? Math.max(t + 30 * MIN_MS, at(work.add(chinaDay(t), rng.int(0, 6)), rng.int(7 * 60, 22 * 60)))
        : after(rng, t, rng.int(1, 5));
    act('rate', mode === 'resident' ? people.resident : staff(), when, { rating, ratingComment: comment || null });
    if (!dissatisfied) return;
    if (forced) throw new Stop();
    // 复核
    const reviewAt = after(rng, t, delay(rng, DELAYS.review));
    if (round === 0 && rng.chance(0.6)) {
      step('reopen', staff(), reviewAt, {
        deadline: work.add(chinaDay(reviewAt), rng.int(5, 10)),
        internalNote: rng.pick(T.REOPEN_NOTES),
      });
      handleAndResolve(true);
      rateAndClose(1);
    } else {
      step('uphold', staff(), reviewAt, { publicReply: reply(T.REPLIES.uphold, { lead }) });
    }
  }
}

function eventRow(
  opinionId: number,
  when: number,
  who: Who,
  e: {
    action: string;
    fromState: string | null;
    toState: string;
    publicReply: string | null;
    internalNote: string | null;
    data: string;
  },
): EventRow {
  return {
    opinionId,
    at: when,
    actorUserId: who.userId,
    actorLabel: who.label,
    action: e.action,
    fromState: e.fromState,
    toState: e.toState,
    publicReply: e.publicReply,
    internalNote: e.internalNote,
    data: e.data,
  };
}

/** The opinion a duplicate is merged into gets its own timeline entry and a new revision, as the API does. */
function markTarget(target: Sim, fromId: number, who: Who, when: number) {
  const latest = target.events.filter((e) => e.at <= when).reduce((a, b) => (b.at >= a.at ? b : a));
  const state = latest.toState;
  target.events.push(
    eventRow(target.row.id, when, who, {
      action: 'merged_in',
      fromState: state,
      toState: state,
      publicReply: null,
      internalNote: null,
      data: JSON.stringify({ mergedFrom: fromId }),
    }),
  );
  target.row.revision += 1;
  target.row.updatedAt = Math.max(target.row.updatedAt, when);
}

// ---------------------------------------------------------------------------------------------
// The year

/** Options of {@link buildOpinions}. */
export interface OpinionOptions {
  /** End of the simulated year (epoch ms); default {@link demoClock}. */
  now?: number;
  count?: number;
}

/**
 * Builds every demo opinion and its timeline.
 * @example const { opinions, events } = buildOpinions(buildDemoDistrict(), { now: Date.UTC(2026, 10, 25) });
 */
export function buildOpinions(d: DemoDistrict, options: OpinionOptions = {}) {
  const now = options.now ?? demoClock();
  const rng = createRng(deriveSeed(d.seed, 'opinions'));
  const names = createNameSource(createRng(deriveSeed(d.seed, 'opinion-names')));
  const phone = createPhoneSource(createRng(deriveSeed(d.seed, 'opinion-phones')));
  const people = peopleOf(d);
  deptList = demoDepartments(d);
  findDept = departmentDirectory(deptList);
  deptRng = createRng(deriveSeed(d.seed, 'opinion-departments'));
  const deptAccounts = new Map(
    Object.entries(DEPARTMENT_ACCOUNTS).flatMap(([username, name]) => {
      const a = d.accounts.find((x) => x.username === username);
      const dep = deptList.find((x) => x.name === name);
      return a && dep ? [[dep.id, a] as const] : [];
    }),
  );
  deptWho = (dep) => {
    const a = deptAccounts.get(dep.id);
    return {
      role: 'department',
      userId: a?.id ?? null,
      label: a ? `${dep.name}·${a.displayName}` : dep.name,
      departmentId: dep.id,
    };
  };
  const townshipById = new Map(d.townships.map((t) => [t.id, t]));
  const today = chinaDay(now);
  // The year plus room after it for deadlines and stalled cases.
  work = new WorkingDayTable(addCalendarDays(today, -400), 800);

  // Days of the year, weighted: fewer opinions on rest days, more as the stations become known.
  const days = Array.from({ length: 365 }, (_, i) => addCalendarDays(today, i - 364));
  const dayWeight = (day: string, i: number) => (work.isWorking(day) ? 1 : 0.5) * (0.75 + (0.5 * i) / 365);
  const indexed = days.map((day, i) => ({ day, w: dayWeight(day, i) }));
  const stationWeight = (s: SeedStation) => STATION_WEIGHT[s.hostType] * townshipById.get(s.townshipId)!.weight;
  const deputiesAt = (s: SeedStation) => {
    const here = d.deputies.filter((x) => x.stationId === s.id);
    return here.length ? here : d.deputies.filter((x) => x.townshipId === s.townshipId);
  };
  const deputyOne = d.deputies.find((x) => x.id === 1)!;

  const drafts: Draft[] = [];
  const count = options.count ?? OPINION_COUNT;
  while (drafts.length < count) {
    const day = rng.weighted(indexed, (x) => x.w).day;
    const [hour] = rng.weighted(RESIDENT_HOURS, ([, w]) => w);
    const receivedAt = at(day, hour * 60 + rng.int(0, 59));
    if (receivedAt > now) continue;
    const station = rng.weighted(d.stations, stationWeight);
    const township = townshipById.get(station.townshipId)!;
    const base = township.kind === 'subdistrict' ? URBAN_WEIGHTS : RURAL_WEIGHTS;
    const boost = HOST_BOOST[station.hostType] ?? {};
    const category = rng.weighted(OPINION_CATEGORIES, (c) => (base[c.code] ?? 1) * (boost[c.code] ?? 1)).code;
    const candidates = deputiesAt(station);
    // The demo deputy account should have a handful of recent work at its own station.
    const recent = now - receivedAt < 45 * DAY_MS;
    const deputy = station.id === deputyOne.stationId && recent && rng.chance(0.4) ? deputyOne : rng.pick(candidates);
    const outcome = rng.weighted(
      [
        ['full', 75],
        ['self', 12],
        ['reject', 4],
        ['transfer', 4],
        ['merge', 5],
      ] as const,
      ([, w]) => w,
    )[0];
    drafts.push({ receivedAt, station, township, category, deputy, outcome });
  }
  drafts.push(...scriptedDrafts(rng, d, now, deputyOne));
  drafts.sort((a, b) => a.receivedAt - b.receivedAt);

  const codes = new Set<string>();
  const sims: Sim[] = [];
  const byStationCategory = new Map<string, Sim[]>();
  for (const draft of drafts) {
    const id = sims.length + 1;
    let code = rng.string(CODE_ALPHABET, 8);
    while (codes.has(code)) code = rng.string(CODE_ALPHABET, 8);
    codes.add(code);
    const key = `${draft.station.id}|${draft.category}`;
    const earlier = byStationCategory.get(key) ?? [];
    const texts = T.CATEGORY_TEXTS[draft.category]!;
    const urban = draft.township.kind === 'subdistrict';

    // A merged duplicate, or a scripted likely duplicate, repeats an earlier opinion's text.
    let echo = draft.repeat ? earlier.filter((s) => s.row.state !== 'duplicate').at(-1) : undefined;
    if (!echo && draft.outcome === 'merge') {
      echo = [...earlier]
        .reverse()
        .find((s) => s.row.receivedAt > draft.receivedAt - 60 * DAY_MS && (s.outcome === 'full' || s.outcome === 'self'));
      if (!echo) draft.outcome = 'full';
    }
    let slots: Slots;
    let parts: TextParts;
    let body: string;
    if (echo) {
      slots = echo.slots;
      parts = {
        ...echo.parts,
        opening: rng.pick(T.OPENINGS),
        closing: rng.pick(T.CLOSINGS),
        extra: rng.chance(0.3) ? rng.pick(T.EXTRAS) : '',
      };
      body = compose(parts, slots);
      if (similarity(body, echo.row.body) < 0.5) body = `${echo.row.body}同样的问题，希望尽快解决。`;
    } else {
      slots = new Slots(rng, draft.township, urban);
      parts = drawParts(rng, texts, slots);
      body = compose(parts, slots);
    }

    const reporter = rng.weighted(
      [
        ['named', 40],
        ['phone', 8],
        ['anonymous', 52],
      ] as const,
      ([, w]) => w,
    )[0];
    const submission = planSubmission({ now: draft.receivedAt, calendar, limits });
    const row: OpinionRow = {
      id,
      trackingCode: code,
      submissionKey: `demo-${d.seed}-${id}`,
      stationId: draft.station.id,
      townshipId: draft.station.townshipId,
      formVersionId: null,
      category: draft.category,
      body,
      place: slots.place(),
      extraAnswers: '{}',
      reporterName: reporter === 'named' ? names.next(rng.chance(0.45) ? 'female' : 'male') : null,
      reporterPhone: reporter === 'anonymous' ? null : phone(),
      consentAt: reporter === 'anonymous' ? null : draft.receivedAt,
      state: submission.changes.state!,
      assignedDeputyId: null,
      assignedUserId: null,
      leadDepartment: null,
      departments: '[]',
      leadDepartmentId: null,
      transferredTo: null,
      mergedIntoId: null,
      selfHandled: false,
      dueOn: submission.changes.dueOn ?? null,
      receivedAt: draft.receivedAt,
      acceptedAt: null,
      resolvedAt: null,
      closedAt: null,
      rating: null,
      ratingComment: null,
      ratedAt: null,
      reopenCount: 0,
      revision: 0,
      updatedAt: draft.receivedAt,
    };
    const sim: Sim = {
      row,
      events: [eventRow(id, draft.receivedAt, people.resident, submission.event)],
      slots,
      parts,
      outcome: draft.outcome,
      township: draft.township,
      deputy: draft.deputy,
      handling: newHandling(),
    };
    simulate(rng, sim, draft, now, people, () => (draft.outcome === 'merge' ? (echo ?? null) : null));
    sims.push(sim);
    earlier.push(sim);
    byStationCategory.set(key, earlier);
  }

  const events = sims.flatMap((s) => s.events).sort((a, b) => a.at - b.at || a.opinionId - b.opinionId);
  return {
    opinions: sims.map((s) => s.row),
    events,
    assignments: sims.flatMap((s) => s.handling.assignments),
    extensions: sims.flatMap((s) => s.handling.extensions),
  };
}

/**
 * Cases the demo relies on, whatever the random year brought: deputy 1 (the `deputy`
 * account) has work in 一听, 二看, 三议 and 四办 (one of them overdue) and one in 复核, and
 * 城关街道's staff have fresh opinions to accept — one of them a likely duplicate.
 */
function scriptedDrafts(rng: Rng, d: DemoDistrict, now: number, deputyOne: SeedDeputy): Draft[] {
  const station = d.stations.find((s) => s.id === deputyOne.stationId)!;
  const township = d.townships.find((t) => t.id === station.townshipId)!;
  const today = chinaDay(now);
  const workingDaysAgo = (n: number) => {
    let day = today;
    for (let k = 0; k < n; ) {
      day = addCalendarDays(day, -1);
      if (work.isWorking(day)) k++;
    }
    return at(day, 9 * 60 + rng.int(0, 50));
  };
  const base = { station, township, deputy: deputyOne, outcome: 'full' as const, brisk: true };
  const deputyCases: Draft[] = [
    { ...base, category: 'road_traffic', receivedAt: workingDaysAgo(2), stopBefore: 'record_visit' },
    { ...base, category: 'utilities', receivedAt: workingDaysAgo(3), stopBefore: 'deliberate' },
    { ...base, category: 'housing', receivedAt: workingDaysAgo(6), stopBefore: 'start_handling' },
    { ...base, category: 'environment', receivedAt: workingDaysAgo(9), stopBefore: 'resolve' },
    { ...base, category: 'public_order', receivedAt: workingDaysAgo(28), stopBefore: 'resolve' },
    { ...base, category: 'housing', receivedAt: workingDaysAgo(30), holdInReview: true },
  ];
  // Fresh ones for 城关街道 staff (pending); the last repeats the first, so the merge UI has a case.
  const fresh: Draft[] = [
    { ...base, category: 'road_traffic', receivedAt: now - 26 * 3_600_000, stopBefore: 'accept' },
    { ...base, category: 'education', receivedAt: now - 5 * 3_600_000, stopBefore: 'accept' },
    { ...base, category: 'road_traffic', receivedAt: now - 2 * 3_600_000, stopBefore: 'accept', repeat: true },
  ];
  return [...deputyCases, ...fresh];
}

/** The seed generator: opinions first, then their events (children after parents). */
export const opinionsGenerator: SeedGenerator = {
  name: 'opinions',
  build(d) {
    const { opinions: rows, events, assignments, extensions } = buildOpinions(d);
    return [
      ...insertInto(opinions, rows),
      ...insertInto(opinionEvents, events),
      ...insertInto(opinionAssignments, assignments),
      ...insertInto(opinionExtensions, extensions),
    ];
  },
};
