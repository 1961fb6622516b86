/**
 * The duty schedule (排班) as pure logic: which days a rule falls on, and how to say it to a
 * resident ("每月 15 日上午", "每周三上午"). No I/O: the routes read the rules from D1 and
 * hand them here, so the same code answers the deputy's start page, the logging form's
 * preselection and the public form's "接待日".
 */
import { addCalendarDays } from '../workflow/calendar';

/** The parts of a `duty_schedules` row the calendar needs. */
export interface DutyRuleSpec {
  rule: 'weekly' | 'monthly' | 'dated';
  everyWeeks: number;
  dayOfMonth: number | null;
  period: 'am' | 'pm' | 'day';
  startsOn: string;
  endsOn: string | null;
}

/** Days between two 'YYYY-MM-DD' days (b − a). */
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** ISO weekday of a day: 1 = Monday … 7 = Sunday. */
export function weekdayOf(day: string): number {
  const w = new Date(`${day}T00:00:00Z`).getUTCDay();
  return w === 0 ? 7 : w;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The day a monthly rule falls on in a month: the 31st is the last day of a short month. */
function monthlyDay(year: number, month: number, dayOfMonth: number): string {
  const d = Math.min(dayOfMonth, lastDayOfMonth(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Every duty day of a rule within [from, to] (inclusive, 'YYYY-MM-DD'), ascending.
 *
 * @example
 * dutyDays({ rule: 'monthly', dayOfMonth: 15, everyWeeks: 1, period: 'am', startsOn: '2026-01-01', endsOn: null },
 *   '2026-01-01', '2026-03-31'); // ['2026-01-15', '2026-02-15', '2026-03-15']
 */
export function dutyDays(spec: DutyRuleSpec, from: string, to: string): string[] {
  const lo = from > spec.startsOn ? from : spec.startsOn;
  const hi = spec.endsOn !== null && spec.endsOn < to ? spec.endsOn : to;
  if (lo > hi) return [];
  if (spec.rule === 'dated') return spec.startsOn >= lo && spec.startsOn <= hi ? [spec.startsOn] : [];
  const out: string[] = [];
  if (spec.rule === 'weekly') {
    const step = 7 * Math.max(1, spec.everyWeeks);
    const skip = Math.ceil(Math.max(0, daysBetween(spec.startsOn, lo)) / step);
    for (let day = addCalendarDays(spec.startsOn, skip * step); day <= hi; day = addCalendarDays(day, step)) out.push(day);
    return out;
  }
  if (spec.dayOfMonth === null) return [];
  let year = Number(lo.slice(0, 4));
  let month = Number(lo.slice(5, 7));
  for (;;) {
    const day = monthlyDay(year, month, spec.dayOfMonth);
    if (day > hi) return out;
    if (day >= lo) out.push(day);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/** A rule's words, as message keys and parameters (the caller's catalog turns them into text). */
export interface RuleWords {
  key: 'duty_rule_weekly' | 'duty_rule_biweekly' | 'duty_rule_every_weeks' | 'duty_rule_monthly' | 'duty_rule_dated';
  params: Record<string, string | number>;
  periodKey: `duty_period_${DutyRuleSpec['period']}`;
}

/**
 * How to describe a rule: "每周三", "每两周周三", "每月 15 日", "12 月 18 日", followed by the
 * period ("上午"). Weekday names come from the catalog as `weekday_<n>`.
 */
export function describeRule(spec: DutyRuleSpec): RuleWords {
  const periodKey = `duty_period_${spec.period}` as const;
  if (spec.rule === 'monthly') return { key: 'duty_rule_monthly', params: { day: spec.dayOfMonth ?? 1 }, periodKey };
  if (spec.rule === 'dated') {
    return {
      key: 'duty_rule_dated',
      params: { month: Number(spec.startsOn.slice(5, 7)), day: Number(spec.startsOn.slice(8, 10)) },
      periodKey,
    };
  }
  const weekday = weekdayOf(spec.startsOn);
  if (spec.everyWeeks <= 1) return { key: 'duty_rule_weekly', params: { weekday }, periodKey };
  if (spec.everyWeeks === 2) return { key: 'duty_rule_biweekly', params: { weekday }, periodKey };
  return { key: 'duty_rule_every_weeks', params: { weekday, weeks: spec.everyWeeks }, periodKey };
}

/** A schedule with its rota, as the routes load it. */
export interface Schedule extends DutyRuleSpec {
  id: number;
  stationId: number;
  deputyIds: number[];
}

/** One duty day of one schedule. */
export interface DutyOccurrence {
  day: string;
  scheduleId: number;
  stationId: number;
  period: DutyRuleSpec['period'];
  deputyIds: number[];
}

/**
 * The duty days of several schedules within [from, to], earliest first (same day: morning
 * before afternoon), at most `limit` of them.
 */
export function upcomingDuty(schedules: readonly Schedule[], from: string, to: string, limit = 50): DutyOccurrence[] {
  const order = { am: 0, day: 1, pm: 2 } as const;
  const all = schedules.flatMap((s) =>
    dutyDays(s, from, to).map((day) => ({
      day,
      scheduleId: s.id,
      stationId: s.stationId,
      period: s.period,
      deputyIds: s.deputyIds,
    })),
  );
  all.sort((a, b) => a.day.localeCompare(b.day) || order[a.period] - order[b.period] || a.scheduleId - b.scheduleId);
  return all.slice(0, limit);
}

/**
 * A station's schedule lines as residents should read them: rota groups that take turns on
 * the same weekday and time (seven lines "every 7 weeks on Monday", one week apart) are one
 * station-level line "every Monday". Monthly and dated lines stay as they are.
 */
export function stationRules(rules: readonly DutyRuleSpec[]): DutyRuleSpec[] {
  const out: DutyRuleSpec[] = [];
  const weekly = new Map<string, DutyRuleSpec[]>();
  for (const r of rules) {
    if (r.rule !== 'weekly') {
      out.push(r);
      continue;
    }
    const key = `${weekdayOf(r.startsOn)}:${r.period}`;
    weekly.set(key, [...(weekly.get(key) ?? []), r]);
  }
  for (const group of weekly.values()) {
    const first = group[0]!;
    const every = first.everyWeeks;
    const turns = group.length;
    const evenly = group.every((g) => g.everyWeeks === every) && every % turns === 0;
    const everyWeeks = evenly ? every / turns : Math.min(...group.map((g) => g.everyWeeks));
    out.unshift({ ...first, everyWeeks, endsOn: null });
  }
  return out;
}
