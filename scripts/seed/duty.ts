/**
 * The demo district's 排班 and station phones. Each rota group of a station's duty plan
 * (./receptions.ts) becomes one weekly schedule line, so the schedule matches the year of
 * demo sessions; the demo `deputy` also has an extra dated duty today at their station,
 * not yet logged, so the start page shows something to do. Every station gets a phone
 * number residents can tap, and deputies get activities on their 履职档案.
 */
import type { InferInsertModel } from 'drizzle-orm';
import { deputyActivities, dutyScheduleDeputies, dutySchedules } from '../../worker/db/schema';
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

type ActivityRow = InferInsertModel<typeof deputyActivities> & { id: number };

/** Activities a deputy might report, by kind. */
const ACTIVITY_TITLES = {
  inspection: ['视察城区防汛排涝工作', '视察农村饮水安全工程', '视察中小学校园安全'],
  research: ['老旧小区加装电梯情况调研', '农村养老服务调研', '营商环境专题调研'],
  law_enforcement_check: ['《食品安全法》执法检查', '《安全生产法》执法检查'],
  group_activity: ['代表小组集中活动：学习代表法', '代表小组走访困难群众'],
  voter_contact: ['走访选民，听取对道路改造的意见', '参加社区议事会，联系选民'],
} as const;

/**
 * Activities on the demo deputies' records: several for the demo `deputy` (one still waiting
 * for staff to confirm it), one to three for about a third of the others.
 */
export function buildActivities(d: DemoDistrict, options: ReceptionOptions = {}): ActivityRow[] {
  const rng = createRng(deriveSeed(d.seed, 'activities'));
  const until = options.until ?? chinaDay(Date.now());
  const demo = d.accounts.find((a) => a.role === 'deputy')?.deputyId ?? null;
  const kinds = Object.keys(ACTIVITY_TITLES) as (keyof typeof ACTIVITY_TITLES)[];
  const rows: ActivityRow[] = [];
  for (const deputy of d.deputies) {
    const n = deputy.id === demo ? 5 : rng.chance(0.35) ? rng.int(1, 3) : 0;
    for (let i = 0; i < n; i++) {
      const kind = deputy.id === demo ? kinds[i % kinds.length]! : rng.pick(kinds);
      const day = addCalendarDays(until, -rng.int(3, 330));
      const pending = deputy.id === demo && i === n - 1;
      const at = Date.parse(`${day}T10:00:00Z`);
      rows.push({
        id: rows.length + 1,
        deputyId: deputy.id,
        townshipId: deputy.townshipId,
        kind,
        day: pending ? addCalendarDays(until, -2) : day,
        title: rng.pick(ACTIVITY_TITLES[kind]),
        notes: '',
        status: pending ? 'pending' : 'confirmed',
        createdBy: null,
        createdAt: Math.min(at, Date.now()),
        reviewedBy: null,
        reviewedAt: pending ? null : Math.min(at, Date.now()),
      });
    }
  }
  return rows;
}

export const dutyGenerator: SeedGenerator = {
  name: 'duty',
  build(d) {
    const { schedules, rota } = buildDutySchedules(d);
    const phones = stationPhones(d).map((p) => `UPDATE stations SET phone = ${sqlString(p.phone)} WHERE id = ${p.stationId};`);
    return [
      ...insertInto(dutySchedules, schedules),
      ...insertInto(dutyScheduleDeputies, rota),
      ...insertInto(deputyActivities, buildActivities(d)),
      ...phones,
    ];
  },
};
