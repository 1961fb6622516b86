/** The demo 排班 agrees with the demo sessions: every session falls on its rota's duty day. */
import { describe, expect, it } from 'vitest';
import { buildDemoDistrict } from '../../../scripts/seed/district';
import { buildActivities, buildDutySchedules, stationPhones } from '../../../scripts/seed/duty';
import { buildReceptions } from '../../../scripts/seed/receptions';
import { dutyDays } from '../../../worker/receptions/schedule';
import { addCalendarDays, defaultCalendar, isWorkingDay } from '../../../worker/workflow/calendar';

type Line = ReturnType<typeof buildDutySchedules>['schedules'][number];
const spec = (line: Line) => ({
  rule: line.rule,
  everyWeeks: line.everyWeeks ?? 1,
  dayOfMonth: line.dayOfMonth ?? null,
  period: line.period ?? 'am',
  startsOn: line.startsOn,
  endsOn: line.endsOn ?? null,
});

const district = buildDemoDistrict();
const until = '2026-11-25';
const { schedules, rota } = buildDutySchedules(district, { until });
const { sessions, present } = buildReceptions(district, { until });

describe('demo duty schedules', () => {
  it('puts every session on a duty day of a schedule whose rota is exactly who was present', () => {
    const rotaOf = new Map<number, number[]>();
    for (const r of rota) rotaOf.set(r.scheduleId, [...(rotaOf.get(r.scheduleId) ?? []), r.deputyId]);
    const presentAt = new Map<number, number[]>();
    for (const p of present) presentAt.set(p.receptionId, [...(presentAt.get(p.receptionId) ?? []), p.deputyId]);
    const calendar = defaultCalendar();
    const onOrAfter = (day: string) => {
      let d = day;
      while (!isWorkingDay(calendar, d)) d = addCalendarDays(d, 1);
      return d;
    };
    for (const s of sessions) {
      const who = JSON.stringify([...presentAt.get(s.id)!].sort());
      // The session is on a duty day of its rota, or on the next working day after a holiday.
      const match = schedules.find(
        (line) =>
          line.stationId === s.stationId &&
          JSON.stringify([...rotaOf.get(line.id)!].sort()) === who &&
          dutyDays(spec(line), addCalendarDays(s.day, -14), s.day).some((d) => onOrAfter(d) === s.day),
      );
      expect(match, `session ${s.id} at station ${s.stationId} on ${s.day}`).toBeDefined();
    }
    expect(sessions.every((s) => s.day < until)).toBe(true);
  });

  it('gives the demo deputy a duty today, and every station a phone', () => {
    const deputyId = district.accounts.find((a) => a.role === 'deputy')!.deputyId!;
    const today = schedules.filter((s) => s.rule === 'dated' && s.startsOn === until);
    expect(today).toHaveLength(1);
    expect(rota.filter((r) => r.scheduleId === today[0]!.id).map((r) => r.deputyId)).toContain(deputyId);
    const phones = stationPhones(district);
    expect(phones).toHaveLength(district.stations.length);
    for (const p of phones) expect(p.phone).toMatch(/^0730-8\d{3} \d{4}$/);
    // Everyone is on duty at least every eight weeks.
    expect(schedules.every((s) => (s.everyWeeks ?? 1) <= 8)).toBe(true);
  });
});

describe('demo activities', () => {
  it('fills the demo deputy’s record, with one entry waiting for staff', () => {
    const rows = buildActivities(district, { until });
    const deputyId = district.accounts.find((a) => a.role === 'deputy')!.deputyId!;
    const own = rows.filter((r) => r.deputyId === deputyId);
    expect(own.length).toBeGreaterThanOrEqual(4);
    expect(own.filter((r) => r.status === 'pending')).toHaveLength(1);
    expect(new Set(own.map((r) => r.kind)).size).toBeGreaterThanOrEqual(4);
    expect(rows.every((r) => r.day < until)).toBe(true);
    const townshipOf = new Map(district.deputies.map((x) => [x.id, x.townshipId]));
    expect(rows.every((r) => townshipOf.get(r.deputyId) === r.townshipId)).toBe(true);
  });
});
