/**
 * The demo district's 排班 and station phones. Each rota group of a station's duty plan
 * (./receptions.ts) becomes one weekly schedule line, so the schedule matches the year of
 * demo sessions; the demo `deputy` also has an extra dated duty today at their station,
 * not yet logged, so the start page shows something to do. Every station gets a phone
 * number residents can tap.
 */
import type { InferInsertModel } from 'drizzle-orm';
import { dutyScheduleDeputies, dutySchedules } from '../../worker/db/schema';
import { addCalendarDays, chinaDay } from '../../worker/workflow/calendar';
import type { SeedGenerator } from './generators';
import { createRng, deriveSeed } from './random';
import { dutyPlans, type ReceptionOptions } from './receptions';
import { insertInto, sqlString } from './sql';
import type { DemoDistrict } from './types';

type ScheduleRow = InferInsertModel<typeof dutySchedules> & { id: number };
type RotaRow = InferInsertModel<typeof dutyScheduleDeputies>;

/**
 * The schedule lines and their rotas, with explicit ids.
 *
 * @example
 * const { schedules, rota } = buildDutySchedules(buildDemoDistrict(), { until: '2026-11-25' });
 */
export function buildDutySchedules(
  d: DemoDistrict,
  options: ReceptionOptions = {},
): { schedules: ScheduleRow[]; rota: RotaRow[] } {
  const until = options.until ?? chinaDay(Date.now());
  const schedules: ScheduleRow[] = [];
  const rota: RotaRow[] = [];
  const times = { createdAt: d.createdAt, updatedAt: d.createdAt, createdBy: null, active: true };
  for (const plan of dutyPlans(d, options)) {
    const k = plan.groups.length;
    plan.groups.forEach((group, i) => {
      const id = schedules.length + 1;
      schedules.push({
        id,
        stationId: plan.stationId,
        townshipId: plan.townshipId,
        rule: 'weekly',
        everyWeeks: (plan.every * k) / 7,
        dayOfMonth: null,
        period: 'am',
        startsOn: addCalendarDays(plan.anchor, i * plan.every),
        endsOn: null,
        note: '',
        ...times,
      });
      for (const deputyId of group) rota.push({ scheduleId: id, deputyId });
    });
  }
  const account = d.accounts.find((a) => a.role === 'deputy');
  const deputy = d.deputies.find((x) => x.id === account?.deputyId);
  const plan = dutyPlans(d, options).find((p) => p.stationId === deputy?.stationId);
  if (deputy && plan) {
    const id = schedules.length + 1;
    const colleague = plan.groups.flat().find((x) => x !== deputy.id);
    schedules.push({
      id,
      stationId: plan.stationId,
      townshipId: plan.townshipId,
      rule: 'dated',
      everyWeeks: 1,
      dayOfMonth: null,
      period: 'am',
      startsOn: until,
      endsOn: null,
      note: '区人大代表集中接待日',
      ...times,
    });
    for (const deputyId of colleague ? [deputy.id, colleague] : [deputy.id]) rota.push({ scheduleId: id, deputyId });
  }
  return { schedules, rota };
}

/** A made-up landline per station ("0730-8xxx xxxx"), deterministic for the seed. */
export function stationPhones(d: DemoDistrict): { stationId: number; phone: string }[] {
  const rng = createRng(deriveSeed(d.seed, 'station-phones'));
  return d.stations.map((s) => ({
    stationId: s.id,
    phone: `0730-8${String(rng.int(0, 999)).padStart(3, '0')} ${String(rng.int(0, 9999)).padStart(4, '0')}`,
  }));
}

export const dutyGenerator: SeedGenerator = {
  name: 'duty',
  build(d) {
    const { schedules, rota } = buildDutySchedules(d);
    const phones = stationPhones(d).map((p) => `UPDATE stations SET phone = ${sqlString(p.phone)} WHERE id = ${p.stationId};`);
    return [...insertInto(dutySchedules, schedules), ...insertInto(dutyScheduleDeputies, rota), ...phones];
  },
};
