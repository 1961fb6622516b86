/**
 * The overview's filters as they live in the URL (so a view can be bookmarked or sent on):
 * `period` (a preset, relative to today, or `custom` with `from`/`to`), `townshipId`, `level`,
 * `category`, `trainingId`. Pure: turns URL parameters into the API's query and back.
 */

export const PERIODS = ['12w', '4w', 'week', 'lastweek', '26w', '52w', 'custom'] as const;
export type PeriodPreset = (typeof PERIODS)[number];

export const DEFAULT_PERIOD: PeriodPreset = '12w';

export interface OverviewFilters {
  period: PeriodPreset;
  /** Only for `custom`. */
  from: string;
  to: string;
  townshipId: string;
  level: string;
  category: string;
  trainingId: string;
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Today in China time, 'YYYY-MM-DD', whatever the viewer's device says. */
export function chinaToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The Monday of `day`'s week. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** Reads the filters from URL parameters; anything unknown falls back to the default. */
export function filtersFromParams(params: Record<string, string | undefined>): OverviewFilters {
  const period = (PERIODS as readonly string[]).includes(params.period ?? '') ? (params.period as PeriodPreset) : DEFAULT_PERIOD;
  const day = (v: string | undefined) => (v && DAY_RE.test(v) ? v : '');
  const id = (v: string | undefined) => (v && /^\d{1,9}$/.test(v) ? v : '');
  return {
    period,
    from: period === 'custom' ? day(params.from) : '',
    to: period === 'custom' ? day(params.to) : '',
    townshipId: id(params.townshipId),
    level: params.level === 'district' || params.level === 'township' ? params.level : '',
    category: params.category && /^[a-z0-9_]{1,48}$/.test(params.category) ? params.category : '',
    trainingId: id(params.trainingId),
  };
}

/** The URL query for filters: defaults and empty values are left out, so URLs stay short. */
export function paramsFromFilters(f: OverviewFilters): string {
  const p = new URLSearchParams();
  if (f.period !== DEFAULT_PERIOD) p.set('period', f.period);
  if (f.period === 'custom') {
    if (f.from) p.set('from', f.from);
    if (f.to) p.set('to', f.to);
  }
  for (const key of ['townshipId', 'level', 'category', 'trainingId'] as const) if (f[key]) p.set(key, f[key]);
  return p.toString();
}

/**
 * The from/to days to ask the API for. Presets count back from today's week; the API widens
 * any range to whole weeks and says which it used.
 * @example periodRange('4w', '', '', '2026-11-25') // { from: '2026-11-02', to: '2026-11-25' }
 */
export function periodRange(period: PeriodPreset, from: string, to: string, today: string): { from?: string; to?: string } {
  const monday = mondayOf(today);
  switch (period) {
    case 'week':
      return { from: monday, to: today };
    case 'lastweek':
      return { from: addDays(monday, -7), to: addDays(monday, -1) };
    case '4w':
      return { from: addDays(monday, -21), to: today };
    case '26w':
      return { from: addDays(monday, -7 * 25), to: today };
    case '52w':
      return { from: addDays(monday, -7 * 51), to: today };
    case 'custom':
      return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
    default:
      return {};
  }
}

/** The API query for the current filters (empty values dropped). */
export function apiQuery(f: OverviewFilters, today: string): Record<string, string> {
  const range = periodRange(f.period, f.from, f.to, today);
  const out: Record<string, string> = {};
  if (range.from) out.from = range.from;
  if (range.to) out.to = range.to;
  for (const key of ['townshipId', 'level', 'category', 'trainingId'] as const) if (f[key]) out[key] = f[key];
  return out;
}
