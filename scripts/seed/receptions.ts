/**
 * A year of 进站接待 (reception duty) for the demo district: every liaison station holds duty
 * sessions on a fixed weekday — township stations weekly, other stations fortnightly, rooms
 * monthly — on working days of the shipped calendar, with the station's deputies taking turns
 * (round robin, two or three at a time). Some sessions are missed; busy townships receive more
 * residents. The year ends today (China time), like the opinions' year.
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

/**
 * Builds the sessions and who was present, with explicit ids.
 *
 * @example
 * const { sessions, present } = buildReceptions(buildDemoDistrict(), { until: '2026-11-25' });
 */
export function buildReceptions(
  d: DemoDistrict,
  options: ReceptionOptions = {},
): { sessions: ReceptionRow[]; present: PresentRow[] } {
  const rng = createRng(deriveSeed(d.seed, 'receptions'));
  const calendar = defaultCalendar();
  const until = options.until ?? chinaDay(Date.now());
  const first = addCalendarDays(until, -364);
  const weights = new Map(d.townships.map((t) => [t.id, t.weight]));
  const sessions: ReceptionRow[] = [];
  const present: PresentRow[] = [];
  for (const station of d.stations) {
    const deputies = d.deputies.filter((x) => x.stationId === station.id).map((x) => x.id);
    if (deputies.length === 0) continue;
    const every = cadence(station);
    // A fixed duty weekday (Mon–Fri), and a first session somewhere in the first cycle.
    let day = addCalendarDays(first, rng.int(0, every - 1));
    let turn = rng.int(0, deputies.length - 1);
    const perSession = Math.min(deputies.length, deputies.length >= 12 ? 3 : 2);
    for (; day <= until; day = addCalendarDays(day, every)) {
      // Duty moves to the next working day when the day is a holiday (Spring Festival: 9 days).
      let duty = day;
      for (let i = 0; i < 14 && !isWorkingDay(calendar, duty); i++) duty = addCalendarDays(duty, 1);
      if (duty > until || !isWorkingDay(calendar, duty) || rng.chance(0.08)) continue;
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
      for (let k = 0; k < perSession; k++) {
        present.push({ receptionId: id, deputyId: deputies[(turn + k) % deputies.length]! });
      }
      turn = (turn + perSession) % deputies.length;
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
