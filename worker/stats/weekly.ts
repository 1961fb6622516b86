/**
 * The weekly report (周报): one week's flow figures per township and for the total, with the
 * week before and the average of the four weeks before it. Built only from figures that do
 * not change once the week is over — events counted in the week they happened (resolutions,
 * 重办, ratings given) and deadlines that fell in it (met, or missed: an opinion still in
 * 三议/四办 after its 办理时限 stays missed whether it is resolved late, extended or merged
 * later) — so the same week printed later gives the same figures. Pure.
 */
import { onTime, type OnTime } from './flows';
import { round, share } from './formulas';
import type { DayCountRow, OpinionWeekRow, TownshipRow } from './queries';
import { addCalendarDays } from '../workflow/calendar';

/** One week's flow figures. */
export interface WeekFlow {
  received: number;
  resolved: number;
  reopened: number;
  onTime: OnTime;
  /** Ratings residents gave this week, and the satisfied share. */
  rated: number;
  ratedSatisfied: number | null;
  /** Ratings recorded on 回访 this week. */
  callbacks: number;
  callbacksSatisfied: number | null;
}

/** The numeric flow figures that get a week-on-week change and a 4-week average. */
export const COMPARED = ['received', 'resolved', 'reopened', 'rated', 'callbacks'] as const;
export type Compared = (typeof COMPARED)[number];

export interface WeeklyRow {
  townshipId: number;
  name: string;
  week: WeekFlow;
  /** This week minus the week before. */
  change: Record<Compared, number>;
}

export interface WeeklyReport {
  /** Monday and Sunday of the week. */
  week: { from: string; to: string };
  /** True while the week is not over: its figures are still growing. */
  partial: boolean;
  today: string;
  townshipId: number | null;
  category: string | null;
  total: WeekFlow;
  previous: WeekFlow;
  change: Record<Compared, number>;
  /** The four weeks before this one, averaged (one decimal); the on-time rate pooled over them. */
  fourWeekAverage: Record<Compared, number> & { onTimeRate: number | null };
  rows: WeeklyRow[];
  rowsRead: number;
}

class WeekSums {
  received = 0;
  resolved = 0;
  reopened = 0;
  met = 0;
  missed = 0;
  missedOpen = 0;
  rated = 0;
  ratedOk = 0;
  callbacks = 0;
  callbacksOk = 0;

  flow(): WeekFlow {
    return {
      received: this.received,
      resolved: this.resolved,
      reopened: this.reopened,
      onTime: onTime(this.met, this.missed, this.missedOpen),
      rated: this.rated,
      ratedSatisfied: share(this.ratedOk, this.rated),
      callbacks: this.callbacks,
      callbacksSatisfied: share(this.callbacksOk, this.callbacks),
    };
  }
}

const diff = (a: WeekFlow, b: WeekFlow) => Object.fromEntries(COMPARED.map((k) => [k, a[k] - b[k]])) as Record<Compared, number>;

/**
 * Builds the report of the week starting `monday` from the rows of that week and the four
 * before it (opinion weeks of one category; missed deadlines still open, by due day).
 */
export function buildWeekly(
  monday: string,
  today: string,
  weekRows: readonly OpinionWeekRow[],
  missedOpen: readonly DayCountRow[],
  townships: readonly TownshipRow[],
  filters: { townshipId: number | null; category: string | null },
  rowsRead: number,
): WeeklyReport {
  const weeks = [-4, -3, -2, -1, 0].map((i) => addCalendarDays(monday, 7 * i));
  const sums = new Map<string, WeekSums>();
  const at = (township: number, week: string) => {
    const key = `${township}|${week}`;
    let s = sums.get(key);
    if (!s) {
      s = new WeekSums();
      sums.set(key, s);
    }
    return s;
  };
  for (const r of weekRows) {
    const s = at(r.township_id, r.week);
    s.received += r.received;
    s.resolved += r.ev_resolved;
    s.reopened += r.ev_reopened;
    s.met += r.due_met;
    s.missed += r.due_missed;
    s.rated += r.ev_rated;
    s.ratedOk += r.ev_rated_ok;
    s.callbacks += r.ev_callback;
    s.callbacksOk += r.ev_callback_ok;
  }
  for (const r of missedOpen) {
    const week = weeks.find((w) => r.day >= w && r.day <= addCalendarDays(w, 6));
    if (week) at(r.township_id, week).missedOpen += r.n;
  }
  const totalKey = filters.townshipId ?? 0;
  const flowOf = (township: number, week: string) => at(township, week).flow();
  const total = flowOf(totalKey, monday);
  const previous = flowOf(totalKey, weeks[3]!);
  const before = weeks.slice(0, 4).map((w) => flowOf(totalKey, w));
  const pooledMet = before.reduce((s, f) => s + f.onTime.met, 0);
  const pooledAll = before.reduce((s, f) => s + f.onTime.met + f.onTime.missed, 0);
  const fourWeekAverage = {
    ...(Object.fromEntries(COMPARED.map((k) => [k, round(before.reduce((s, f) => s + f[k], 0) / 4, 1)])) as Record<
      Compared,
      number
    >),
    onTimeRate: share(pooledMet, pooledAll),
  };
  const shown = townships.filter((t) => (filters.townshipId === null ? t.active === 1 : t.id === filters.townshipId));
  const rows = shown.map((t) => {
    const week = flowOf(t.id, monday);
    return { townshipId: t.id, name: t.name, week, change: diff(week, flowOf(t.id, weeks[3]!)) };
  });
  const sunday = addCalendarDays(monday, 6);
  return {
    week: { from: monday, to: sunday },
    partial: today <= sunday,
    today,
    townshipId: filters.townshipId,
    category: filters.category,
    total,
    previous,
    change: diff(total, previous),
    fourWeekAverage,
    rows,
    rowsRead,
  };
}
