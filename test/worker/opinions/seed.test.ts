/**
 * The demo opinions: a year across every station, category and state, each timeline a
 * consistent chain of machine transitions, deputies of the right township, and the cases
 * the demo accounts rely on.
 */
import { describe, expect, it } from 'vitest';
import { buildDemoDistrict } from '../../../scripts/seed/district';
import { buildOpinions, WorkingDayTable } from '../../../scripts/seed/opinions';
import { OPINION_CATEGORIES } from '../../../worker/forms/defaults/opinion';
import { addCalendarDays, addWorkingDays, chinaDay, isWorkingDay, workingDaysBetween } from '../../../worker/workflow/calendar';
import { OPEN_STATES, OPINION_STATES } from '../../../worker/workflow/states';
import { calendar } from './helpers';

const NOW = Date.UTC(2026, 10, 25, 2, 0); // 2026-11-25 10:00 China time
const district = buildDemoDistrict();
const { opinions, events } = buildOpinions(district, { now: NOW });
const eventsOf = new Map<number, typeof events>();
for (const e of events) eventsOf.set(e.opinionId, [...(eventsOf.get(e.opinionId) ?? []), e]);

describe('demo opinions', () => {
  it('cover a year, every station, every category and every state', () => {
    expect(opinions.length).toBeGreaterThan(2_400);
    expect(opinions.length).toBeLessThan(2_600);
    const received = opinions.map((o) => o.receivedAt);
    expect(Math.min(...received)).toBeGreaterThan(NOW - 366 * 86_400_000);
    expect(Math.max(...received)).toBeLessThanOrEqual(NOW);
    expect(new Set(opinions.map((o) => o.stationId)).size).toBe(district.stations.length);
    expect(new Set(opinions.map((o) => o.category))).toEqual(new Set(OPINION_CATEGORIES.map((c) => c.code)));
    expect(new Set(opinions.map((o) => o.state))).toEqual(new Set(OPINION_STATES));
    expect(opinions.some((o) => (o.reopenCount ?? 0) > 0)).toBe(true);
    expect(opinions.some((o) => o.rating === 'dissatisfied')).toBe(true);
    expect(opinions.some((o) => o.selfHandled)).toBe(true);
    expect(opinions.some((o) => o.reporterPhone !== null && o.reporterName !== null)).toBe(true);
  });

  it('has timelines that chain state to state, in time order, up to the row’s state and revision', () => {
    for (const o of opinions) {
      const timeline = eventsOf.get(o.id) ?? [];
      expect(timeline[0]).toMatchObject({ action: 'submit', toState: 'pending', at: o.receivedAt });
      let state = 'pending';
      let last = 0;
      for (const e of timeline.slice(1)) {
        expect(e.at).toBeGreaterThanOrEqual(last);
        expect(e.at).toBeLessThanOrEqual(NOW);
        expect(e.fromState, `opinion ${o.id} ${e.action}`).toBe(state);
        state = e.toState;
        last = e.at;
      }
      expect(state).toBe(o.state);
      expect(o.revision).toBe(timeline.length - 1);
    }
  });

  it('times staff actions on working days', () => {
    const office = events.filter((e) => ['accept', 'start_handling', 'reject', 'transfer', 'merge'].includes(e.action));
    expect(office.every((e) => isWorkingDay(calendar, chinaDay(e.at)))).toBe(true);
  });

  it('assigns deputies of the opinion’s own township', () => {
    const townshipOf = new Map(district.deputies.map((d) => [d.id, d.townshipId]));
    for (const o of opinions.filter((x) => x.assignedDeputyId != null)) {
      expect(townshipOf.get(o.assignedDeputyId!)).toBe(o.townshipId);
    }
  });

  it('merges duplicates into similar, earlier opinions that carry a mark of it', () => {
    const merged = opinions.filter((o) => o.state === 'duplicate');
    expect(merged.length).toBeGreaterThan(20);
    for (const o of merged) {
      const target = opinions.find((t) => t.id === o.mergedIntoId)!;
      expect(target.stationId).toBe(o.stationId);
      expect(target.category).toBe(o.category);
      expect(
        eventsOf.get(target.id)?.some((e) => e.action === 'merged_in' && JSON.parse(e.data ?? '{}').mergedFrom === o.id),
      ).toBe(true);
      expect(eventsOf.get(o.id)?.at(-1)?.publicReply).toContain(target.trackingCode.slice(4));
    }
  });

  it('gives the demo deputy work in every step, and 城关 staff fresh opinions with a likely duplicate', () => {
    const mine = new Set(opinions.filter((o) => o.assignedDeputyId === 1).map((o) => o.state));
    for (const s of ['listening', 'viewing', 'deliberating', 'handling', 'closed']) expect(mine, s).toContain(s);
    const today = chinaDay(NOW);
    expect(opinions.some((o) => o.assignedDeputyId === 1 && o.state === 'handling' && o.dueOn! < today)).toBe(true);
    expect(opinions.filter((o) => o.townshipId === 1 && o.state === 'pending').length).toBeGreaterThanOrEqual(3);
    // Some open work is overdue (red), most is not.
    const open = opinions.filter((o) => (OPEN_STATES as readonly string[]).includes(o.state));
    const overdue = open.filter((o) => o.dueOn! < today);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.length).toBeLessThan(open.length / 2);
  });

  it('counts working days exactly as the calendar does (the seed caches its answers)', () => {
    const table = new WorkingDayTable('2025-09-01', 500);
    for (let i = 0; i < 480; i += 7) {
      const day = addCalendarDays('2025-09-01', i);
      expect(table.isWorking(day), day).toBe(isWorkingDay(calendar, day));
      for (const n of [0, 1, 3, 10, 25]) expect(table.add(day, n), `${day}+${n}`).toBe(addWorkingDays(calendar, day, n));
      const later = addCalendarDays(day, 17);
      expect(table.between(day, later)).toBe(workingDaysBetween(calendar, day, later));
    }
    // Beyond its range it asks the calendar.
    expect(table.add('2027-06-01', 5)).toBe(addWorkingDays(calendar, '2027-06-01', 5));
  });

  it('is the same for the same seed and clock', () => {
    const again = buildOpinions(district, { now: NOW });
    expect(again.opinions).toEqual(opinions);
    expect(again.events.length).toBe(events.length);
  }, 60_000);
});
