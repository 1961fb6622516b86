import { describe, expect, it } from 'vitest';
import { buildDemoDistrict } from '../../../scripts/seed/district';
import { buildReceptions } from '../../../scripts/seed/receptions';
import { addCalendarDays, defaultCalendar, isWorkingDay } from '../../../worker/workflow/calendar';

const district = buildDemoDistrict();
const until = '2026-11-25';
const { sessions, present } = buildReceptions(district, { until });

describe('demo receptions (进站接待)', () => {
  it('is the same for the same seed and day', () => {
    expect(buildReceptions(buildDemoDistrict(), { until })).toEqual({ sessions, present });
  });

  it('covers a year at every station, on working days only', () => {
    const calendar = defaultCalendar();
    const first = addCalendarDays(until, -364);
    expect(new Set(sessions.map((s) => s.stationId)).size).toBe(district.stations.length);
    for (const s of sessions) {
      expect(s.day >= first && s.day <= until, s.day).toBe(true);
      expect(isWorkingDay(calendar, s.day), s.day).toBe(true);
      expect(s.opinionsTaken).toBeLessThanOrEqual(s.residentsReceived!);
    }
    // Township stations meet about weekly: 40+ sessions a year, a few missed.
    const own = sessions.filter((s) => s.stationId === 1).length;
    expect(own).toBeGreaterThan(40);
    expect(own).toBeLessThanOrEqual(53);
  });

  it('rotates the station’s own deputies through the sessions', () => {
    const stationOf = new Map(district.deputies.map((d) => [d.id, d.stationId]));
    const sessionStation = new Map(sessions.map((s) => [s.id, s.stationId]));
    for (const p of present) expect(stationOf.get(p.deputyId)).toBe(sessionStation.get(p.receptionId));
    // Everyone at the township's own station takes a turn.
    const atOne = district.deputies.filter((d) => d.stationId === 1).map((d) => d.id);
    const served = new Set(present.filter((p) => sessionStation.get(p.receptionId) === 1).map((p) => p.deputyId));
    expect(atOne.every((id) => served.has(id))).toBe(true);
    expect(new Set(sessions.map((s) => s.id)).size).toBe(sessions.length);
  });
});
