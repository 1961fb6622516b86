/**
 * A year of 进站接待 (reception duty) for the demo district: every liaison station holds duty
 * sessions on a fixed weekday — township stations weekly, other stations fortnightly, rooms
 * every four weeks — on working days of the shipped calendar, with fixed groups of two or
 * three (more at big stations) of the station's deputies taking turns, each at least every eight weeks (the 排班 of ./duty.ts). Some sessions are
 * missed; busy townships receive more residents. The year ends yesterday (China time).
 */
import type { InferInsertModel } from 'drizzle-orm';
import { receptionDeputies, receptions } from '../../worker/db/schema';
import { addCalendarDays, chinaDay, defaultCalendar, isWorkingDay } from '../../worker/workflow/calendar';
import type { SeedGenerator } from './generators';
import { createRng, deriveSeed, type Rng } from './random';
import { insertInto } from './sql';
import type { DemoDistrict, SeedStation } from './types';

const CHINA_MS = 8 * 3_600_000;

/** Short notes a duty deputy might leave; most sessions have none. */
const NOTES = [
  '群众反映停车难问题，已记录。',
  '接待老年人咨询养老保险政策。',
  '现场解答低保申请流程。',
  '多名村民反映道路破损。',
  '雨天，来访群众较少。',
];

type ReceptionRow = InferInsertModel<typeof receptions> & { id: number };
type PresentRow = InferInsertModel<typeof receptionDeputies>;

export interface ReceptionOptions {
  /** The last day of the year of sessions ('YYYY-MM-DD'); default today in China time. */
  until?: string;
}

/** Days between sessions for a station: township stations weekly, others fortnightly, rooms monthly. */
function cadence(s: SeedStation): number {
  if (s.kind === 'room') return 28;
  return s.hostType === 'township' ? 7 : 14;
}

/** Epoch ms of 17:30 China time on `day`, when the session is written up. */
function writtenUpAt(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - CHINA_MS + (17 * 60 + 30) * 60_000;
}

/** The staff account that logs a township's sessions: its own office, else the district centre. */
function loggedBy(d: DemoDistrict, townshipId: number): number | null {
  const own = d.accounts.find((a) => a.role === 'staff' && a.townshipId === townshipId);
  return (own ?? d.accounts.find((a) => a.role === 'staff' && a.townshipId === null))?.id ?? null;
}

function residentsFor(rng: Rng, s: SeedStation, weight: number): number {
  const base = s.hostType === 'township' ? 8 : s.kind === 'room' ? 3 : 5;
  return Math.max(0, Math.round(base * weight * (0.4 + rng.next() * 1.2)));
}

/** One station's duty plan: its rota groups take turns on a fixed cadence from an anchor day. */
export interface StationDutyPlan {
  stationId: number;
  townshipId: number;
  /** Days between two sessions of the station. */
  every: number;
  /** The first session day of the year (group 0's). */
  anchor: string;
  /** The rota: group i is on duty on sessions i, i + k, i + 2k, … (k = groups.length). */
  groups: number[][];
}

/**
 * Every station's duty plan: the station's deputies split into fixed groups of two or three,
 * each group on duty every k-th session. The demo 排班 (./duty.ts) and the demo sessions
 * below are both built from it, so the schedule and the receptions agree.
 */
export function dutyPlans(d: DemoDistrict, options: ReceptionOptions = {}): StationDutyPlan[] {
  const rng = createRng(deriveSeed(d.seed, 'receptions'));
  const until = options.until ?? chinaDay(Date.now());
  const first = addCalendarDays(until, -364);
  const plans: StationDutyPlan[] = [];
  for (const station of d.stations) {
    const deputies = d.deputies.filter((x) => x.stationId === station.id).map((x) => x.id);
    if (deputies.length === 0) continue;
    const every = cadence(station);
    // A fixed duty weekday, Monday to Friday: a first day on a weekend moves to the Monday.
    let anchor = addCalendarDays(first, rng.int(0, every - 1));
    while ([0, 6].includes(new Date(`${anchor}T00:00:00Z`).getUTCDay())) anchor = addCalendarDays(anchor, 1);
    // Two or three at a time, more where a station has many deputies: each deputy is on duty
    // at least every eight weeks.
    const maxGroups = Math.max(1, Math.floor(56 / every));
    const perSession = Math.min(deputies.length, Math.max(deputies.length >= 12 ? 3 : 2, Math.ceil(deputies.length / maxGroups)));
    const groups: number[][] = [];
    for (let i = 0; i < deputies.length; i += perSession) groups.push(deputies.slice(i, i + perSession));
    // A short last group is topped up from the first, so every session has perSession deputies.
    const last = groups[groups.length - 1]!;
    for (let i = 0; last.length < perSession; i++) last.push(deputies[i]!);
    plans.push({ stationId: station.id, townshipId: station.townshipId, every, anchor, groups });
  }
  return plans;
}

/**
 * Builds the sessions and who was present, with explicit ids. Sessions end the day before
 * `until`: today's duty is still to be written up (the demo deputy logs it).
 *
 * @example
 * const { sessions, present } = buildReceptions(buildDemoDistrict(), { until: '2026-11-25' });
 */
export function buildReceptions(
  d: DemoDistrict,
  options: ReceptionOptions = {},
): { sessions: ReceptionRow[]; present: PresentRow[] } {
  const rng = createRng(deriveSeed(d.seed, 'reception-sessions'));
  const calendar = defaultCalendar();
  const until = options.until ?? chinaDay(Date.now());
  const weights = new Map(d.townships.map((t) => [t.id, t.weight]));
  const stations = new Map(d.stations.map((s) => [s.id, s]));
  const sessions: ReceptionRow[] = [];
  const present: PresentRow[] = [];
  for (const plan of dutyPlans(d, options)) {
    const station = stations.get(plan.stationId)!;
    let turn = 0;
    for (let day = plan.anchor; day < until; day = addCalendarDays(day, plan.every), turn++) {
      // Duty moves to the next working day when the day is a holiday (Spring Festival: 9 days).
      let duty = day;
      for (let i = 0; i < 14 && !isWorkingDay(calendar, duty); i++) duty = addCalendarDays(duty, 1);
      if (duty >= until || !isWorkingDay(calendar, duty) || rng.chance(0.08)) continue;
      const residents = residentsFor(rng, station, weights.get(station.townshipId) ?? 1);
      const id = sessions.length + 1;
      sessions.push({
        id,
        stationId: station.id,
        townshipId: station.townshipId,
        day: duty,
        residentsReceived: residents,
        opinionsTaken: Math.min(residents, rng.int(0, Math.ceil(residents / 2))),
        notes: rng.chance(0.12) ? rng.pick(NOTES) : '',
        createdBy: loggedBy(d, station.townshipId),
        createdAt: Math.min(writtenUpAt(duty), Date.now()),
      });
      for (const deputyId of plan.groups[turn % plan.groups.length]!) present.push({ receptionId: id, deputyId });
    }
  }
  return { sessions, present };
}

export const receptionsGenerator: SeedGenerator = {
  name: 'receptions',
  build(d) {
    const { sessions, present } = buildReceptions(d);
    return [...insertInto(receptions, sessions), ...insertInto(receptionDeputies, present)];
  },
};
