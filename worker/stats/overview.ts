/**
 * Turns the rollup rows into the overview the dashboard shows: per-township participation
 * and issue resolution, district totals, the weekly series, categories, training results and
 * rankings. Pure (rows in, figures out), so every figure's arithmetic is unit-testable.
 *
 * What the period means for each figure:
 * - opinion figures describe the opinions *received* in the period, as they are now (their
 *   current step, whether resolved, how long it took, how residents rated it);
 * - the weekly series counts opinions received and opinions resolved *in* each week;
 * - receptions count sessions held in the period; opinions taken up count those accepted in it;
 * - deputies and "overdue now" are as of today; training figures are those of one training.
 */
import { OPINION_STATES } from '../workflow/states';
import {
  type Histogram,
  handledCount,
  histogramMedian,
  MIN_EVALUATION_GROUP,
  MIN_RANKING_ITEMS,
  mergeHistograms,
  nps,
  openCount,
  parseHistogram,
  type RatingCounts,
  type Ranking,
  rank,
  ratedCount,
  resolutionRate,
  resolvedCount,
  round,
  satisfaction,
  scaleMean,
  type StateCounts,
  share,
  sideOutcomeCount,
} from './formulas';
import { type Backlog, backlog, onTime, type OnTime, perHead, type Timeliness, timeliness, workingDaysTo } from './flows';
import type { OpinionWeekRow, OverviewRows, TownshipWeekRow } from './queries';
import type { Period } from './periods';
import { addCalendarDays, buildCalendar, DEFAULT_STEP_LIMITS, stepLimitsFromRows } from '../workflow/calendar';

export type DeputyLevel = 'district' | 'township';

/** The filters as applied (after township staff were confined to their township). */
export interface AppliedFilters {
  townshipId: number | null;
  level: DeputyLevel | null;
  category: string | null;
  trainingId: number | null;
}

/** Participation figures of a township or the district. */
export interface Participation {
  /** Active deputies; `total` follows the level filter. */
  deputies: { district: number; township: number; total: number };
  /**
   * Of the training shown, following the level filter. `checkedIn` counts deputies with at
   * least one check-in; `daysAttended ÷ daysExpected` is 签到 by day (enrolled × training days).
   */
  training: {
    enrolled: number;
    checkedIn: number;
    evaluated: number;
    completionRate: number | null;
    daysAttended: number;
    daysExpected: number;
    checkInByDay: number | null;
  };
  /** `perDeputy`: deputy attendances (of the level filter) per active deputy of the township. */
  receptions: {
    held: number;
    residentsReceived: number;
    opinionsTaken: number;
    deputySessions: number;
    perDeputy: number | null;
  };
  /** Opinions taken up by deputies (of the level filter), and per active deputy. */
  takenUp: number;
  takenUpPerDeputy: number | null;
}

/** Issue-resolution figures of a township or the district. */
export interface Resolution {
  received: number;
  states: StateCounts;
  open: number;
  resolved: number;
  sideOutcomes: number;
  /** The resolution rate's denominator: received − side outcomes. */
  handled: number;
  resolutionRate: number | null;
  /** Working days from receipt to resolution: median (exact), mean, and how many it rests on. */
  medianDays: number | null;
  meanDays: number | null;
  timedResolutions: number;
  overdueNow: number;
  ratings: RatingCounts & { rated: number };
  satisfaction: number | null;
  reopened: number;
}

/**
 * Flow figures of the period: events as they happened in it (see ./flows.ts for definitions).
 * `received` is the same as the cohort's; `resolved` counts resolve events in the period.
 */
export interface Flow {
  received: number;
  resolved: number;
  reopened: number;
  onTime: OnTime;
}

/** A satisfaction share with what it rests on. */
export interface Rated {
  n: number;
  satisfied: number;
  rate: number | null;
}

/**
 * Residents' satisfaction with the cohort, honestly: how many resolved opinions were rated at
 * all (参评率), the first rating and the current one, and staff-recorded 回访 apart.
 */
export interface Satisfaction {
  /** Cohort opinions resolved at least once. */
  resolved: number;
  /** Of those, rated at least once (by the resident or on a 回访). */
  rated: number;
  ratedRate: number | null;
  /** Each opinion's first rating, from any source. */
  first: Rated;
  /** Each opinion's current rating (after 重办 a second rating replaces the first). */
  latest: Rated;
  /** First ratings the residents gave themselves. */
  own: Rated;
  /** First ratings recorded by staff on a follow-up call (回访). */
  callbacks: Rated;
}

export interface Figures {
  participation: Participation;
  /** Cohort figures: the opinions received in the period, as they are now. */
  resolution: Resolution;
  flow: Flow;
  satisfaction: Satisfaction;
}

export interface TownshipFigures extends Figures {
  townshipId: number;
  name: string;
}

export interface TrainingResults {
  responses: number;
  /** True when fewer than five answered: nothing else is shown, so nobody can be recognised. */
  withheld: boolean;
  /** Answers to "overall satisfaction", index 0 = 非常不满意 … 4 = 非常满意. */
  overall: { counts: number[]; mean: number | null; satisfiedShare: number | null };
  recommendation: { promoters: number; passives: number; detractors: number; nps: number | null };
}

export interface Overview {
  period: Period & { today: string };
  filters: AppliedFilters;
  townships: { id: number; name: string; active: boolean }[];
  categories: { code: string; nameZh: string; nameEn: string }[];
  trainings: { id: number; title: string; startsOn: string; endsOn: string }[];
  training: { id: number; title: string; startsOn: string; endsOn: string } | null;
  /** One entry per township shown (all active ones, or the filtered one). */
  rows: TownshipFigures[];
  /** Totals: the district, or the filtered township. */
  total: Figures;
  /**
   * Per week, events as they happened: received, resolve events, 重办 events. `partial` marks
   * the current week (today is in it): its counts are still growing.
   */
  weekly: { week: string; received: number; resolved: number; reopened: number; partial: boolean }[];
  /** Open opinions of the total (district or township) as of today, by age and lateness. */
  backlog: Backlog;
  /** The cohort's resolution time counting its open opinions (total only). */
  timeliness: Timeliness;
  byCategory: { code: string; received: number; resolved: number }[];
  trainingResults: TrainingResults | null;
  rankings: {
    resolutionRate: Ranking;
    satisfaction: Ranking;
    medianDays: Ranking;
    trainingCompletion: Ranking;
    onTime: Ranking;
    /** Townships resting on fewer items than this are left out (and listed in `excluded`). */
    threshold: number;
  };
  /** D1 rows read by this answer (also in the X-Rows-Read header). */
  rowsRead: number;
  /** Of those, the backlog's (for the benchmark's backlog figure). */
  backlogRowsRead: number;
}

const STATE_COLUMN = Object.fromEntries(OPINION_STATES.map((s) => [s, `st_${s}`])) as Record<
  keyof StateCounts,
  keyof OpinionWeekRow
>;

/** Running sums of opinion week rows. */
class OpinionSums {
  received = 0;
  states: StateCounts = Object.fromEntries(OPINION_STATES.map((s) => [s, 0])) as unknown as StateCounts;
  ratings: RatingCounts = { satisfied: 0, basicallySatisfied: 0, dissatisfied: 0 };
  reopened = 0;
  daysN = 0;
  daysSum = 0;
  histograms: Histogram[] = [];
  resolvedFlow = 0;
  ev = { resolved: 0, reopened: 0 };
  due = { met: 0, missed: 0 };
  first = { resolved: 0, rated: 0, ok: 0, callback: 0, callbackOk: 0 };

  add(r: OpinionWeekRow): void {
    this.received += r.received;
    for (const s of OPINION_STATES) this.states[s] += Number(r[STATE_COLUMN[s]]);
    this.ratings.satisfied += r.rt_satisfied;
    this.ratings.basicallySatisfied += r.rt_basically_satisfied;
    this.ratings.dissatisfied += r.rt_dissatisfied;
    this.reopened += r.reopened;
    this.daysN += r.resolve_days_n;
    this.daysSum += r.resolve_days_sum;
    this.histograms.push(parseHistogram(r.resolve_days));
    this.resolvedFlow += r.resolved_flow;
    this.ev.resolved += r.ev_resolved;
    this.ev.reopened += r.ev_reopened;
    this.first.resolved += r.ever_resolved;
    this.first.rated += r.first_rated;
    this.first.ok += r.first_ok;
    this.first.callback += r.first_callback;
    this.first.callbackOk += r.first_callback_ok;
  }

  /** Deadline outcomes are keyed by the deadline's week, which may lie in the period or not. */
  addDue(r: OpinionWeekRow): void {
    this.due.met += r.due_met;
    this.due.missed += r.due_missed;
  }

  flow(missedOpen: number): Flow {
    return {
      received: this.received,
      resolved: this.ev.resolved,
      reopened: this.ev.reopened,
      onTime: onTime(this.due.met, this.due.missed, missedOpen),
    };
  }

  satisfaction(): Satisfaction {
    const f = this.first;
    const latestOk = this.ratings.satisfied + this.ratings.basicallySatisfied;
    const rated = (n: number, satisfied: number): Rated => ({ n, satisfied, rate: share(satisfied, n) });
    return {
      resolved: f.resolved,
      rated: f.rated,
      ratedRate: share(f.rated, f.resolved),
      first: rated(f.rated, f.ok),
      latest: rated(ratedCount(this.ratings), latestOk),
      own: rated(f.rated - f.callback, f.ok - f.callbackOk),
      callbacks: rated(f.callback, f.callbackOk),
    };
  }

  resolution(overdueNow: number): Resolution {
    const s = this.states;
    return {
      received: this.received,
      states: { ...s },
      open: openCount(s),
      resolved: resolvedCount(s),
      sideOutcomes: sideOutcomeCount(s),
      handled: handledCount(this.received, s),
      resolutionRate: resolutionRate(this.received, s),
      medianDays: histogramMedian(mergeHistograms(this.histograms)),
      meanDays: this.daysN > 0 ? round(this.daysSum / this.daysN, 1) : null,
      timedResolutions: this.daysN,
      overdueNow,
      ratings: { ...this.ratings, rated: ratedCount(this.ratings) },
      satisfaction: satisfaction(this.ratings),
      reopened: this.reopened,
    };
  }
}

/** Running sums of participation rows. */
class ParticipationSums {
  deputies = { district: 0, township: 0 };
  training = { enrolled: 0, checkedIn: 0, evaluated: 0, daysAttended: 0 };
  receptions = { held: 0, residentsReceived: 0, opinionsTaken: 0, sessionsDistrict: 0, sessionsTownship: 0 };
  uptake = { district: 0, township: 0 };

  addWeek(r: TownshipWeekRow): void {
    this.receptions.held += r.receptions;
    this.receptions.residentsReceived += r.residents_received;
    this.receptions.opinionsTaken += r.opinions_taken;
    this.receptions.sessionsDistrict += r.sessions_district;
    this.receptions.sessionsTownship += r.sessions_township;
    this.uptake.district += r.uptake_district;
    this.uptake.township += r.uptake_township;
  }

  addSums(o: ParticipationSums): void {
    this.deputies.district += o.deputies.district;
    this.deputies.township += o.deputies.township;
    for (const k of ['enrolled', 'checkedIn', 'evaluated', 'daysAttended'] as const) this.training[k] += o.training[k];
    for (const k of Object.keys(this.receptions) as (keyof ParticipationSums['receptions'])[]) {
      this.receptions[k] += o.receptions[k];
    }
    this.uptake.district += o.uptake.district;
    this.uptake.township += o.uptake.township;
  }

  figures(level: DeputyLevel | null, trainingDays: number): Participation {
    const pick = (v: { district: number; township: number }) => (level === null ? v.district + v.township : v[level]);
    const deputies = pick(this.deputies);
    const takenUp = pick(this.uptake);
    const r = this.receptions;
    const sessions = pick({ district: r.sessionsDistrict, township: r.sessionsTownship });
    const daysExpected = this.training.enrolled * trainingDays;
    return {
      deputies: { ...this.deputies, total: deputies },
      training: {
        ...this.training,
        completionRate: share(this.training.evaluated, this.training.enrolled),
        daysExpected,
        checkInByDay: share(this.training.daysAttended, daysExpected),
      },
      receptions: {
        held: r.held,
        residentsReceived: r.residentsReceived,
        opinionsTaken: r.opinionsTaken,
        deputySessions: sessions,
        perDeputy: perHead(sessions, deputies),
      },
      takenUp,
      takenUpPerDeputy: deputies > 0 ? round(takenUp / deputies, 2) : null,
    };
  }
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = create();
    map.set(key, v);
  }
  return v;
}

/**
 * Builds the overview from the rollup rows.
 *
 * @example
 * const rows = await readOverview(env.DB, query);
 * const overview = buildOverview(rows, period, today, filters);
 */
export function buildOverview(rows: OverviewRows, period: Period, today: string, filters: AppliedFilters): Overview {
  const t = filters.townshipId;
  const level = filters.level;
  const levelOk = (l: string) => level === null || l === level;

  // Opinion figures per township, and the total (district rows, or the filtered township's).
  const opinion = new Map<number, OpinionSums>();
  const weekly = new Map<string, { received: number; resolved: number; reopened: number; partial: boolean }>(
    period.weeks.map((w) => [
      w,
      { received: 0, resolved: 0, reopened: 0, partial: today >= w && today <= addCalendarDays(w, 6) },
    ]),
  );
  const totalKey = t ?? 0;
  for (const r of rows.opinionWeeks) {
    const sums = getOrCreate(opinion, r.township_id, () => new OpinionSums());
    sums.add(r);
    sums.addDue(r);
    if (r.township_id === totalKey) {
      const w = weekly.get(r.week);
      if (w) {
        w.received += r.received;
        w.resolved += r.ev_resolved;
        w.reopened += r.ev_reopened;
      }
    }
  }
  const missedOpen = new Map<number, number>();
  for (const r of rows.openMissed) missedOpen.set(r.township_id, (missedOpen.get(r.township_id) ?? 0) + r.n);
  const overdue = new Map(rows.overdue.map((r) => [r.township_id, r.overdue]));

  // Participation per township; training counts follow the level filter.
  const participation = new Map<number, ParticipationSums>();
  const sumsOf = (id: number) => getOrCreate(participation, id, () => new ParticipationSums());
  for (const r of rows.townshipWeeks) sumsOf(r.township_id).addWeek(r);
  for (const r of rows.deputies) {
    if (r.level === 'district' || r.level === 'township') sumsOf(r.township_id).deputies[r.level] += r.active;
  }
  for (const r of rows.trainingCounts) {
    if (!levelOk(r.level)) continue;
    const s = sumsOf(r.township_id).training;
    s.enrolled += r.enrolled;
    s.checkedIn += r.checked_in;
    s.evaluated += r.evaluated;
    s.daysAttended += r.days_attended;
  }
  const trainingDays = rows.training ? daysInclusive(rows.training.starts_on, rows.training.ends_on) : 0;

  const shown = rows.townships.filter((tw) =>
    t !== null ? tw.id === t : tw.active === 1 || opinion.has(tw.id) || participation.has(tw.id),
  );
  const figuresOf = (id: number, p: ParticipationSums): Figures => {
    const o = opinion.get(id) ?? new OpinionSums();
    return {
      participation: p.figures(level, trainingDays),
      resolution: o.resolution(overdue.get(id) ?? 0),
      flow: o.flow(missedOpen.get(id) ?? 0),
      satisfaction: o.satisfaction(),
    };
  };
  const townshipRows: TownshipFigures[] = shown.map((tw) => ({
    townshipId: tw.id,
    name: tw.name,
    ...figuresOf(tw.id, participation.get(tw.id) ?? new ParticipationSums()),
  }));

  // Participation has no district rows: the total is the sum over townships.
  const totalParticipation = new ParticipationSums();
  for (const [id, s] of participation) if (t === null || id === t) totalParticipation.addSums(s);
  const total = figuresOf(totalKey, totalParticipation);

  // Backlog and timeliness of the total, with working days from the calendar as it is now.
  const calendar = buildCalendar(rows.calendar);
  const limits = stepLimitsFromRows(rows.stepLimits.map((r) => ({ state: r.state, workingDays: r.working_days })));
  const limitDays = LIMIT_STATES.reduce((sum, s) => sum + (limits[s] ?? DEFAULT_STEP_LIMITS[s] ?? 0), 0);
  const cohortOpen = rows.openReceived.filter((r) => r.day >= period.from && r.day <= period.to);
  const ages = workingDaysTo(
    calendar,
    cohortOpen.map((r) => r.day),
    today,
  );
  const openAges = new Map<number, number>();
  for (const r of cohortOpen) {
    const age = ages.get(r.day) ?? 0;
    openAges.set(age, (openAges.get(age) ?? 0) + r.n);
  }
  const totalSums = opinion.get(totalKey) ?? new OpinionSums();

  const byCategoryMap = new Map<string, { received: number; resolved: number }>();
  for (const r of rows.categoryWeeks) {
    const c = getOrCreate(byCategoryMap, r.category, () => ({ received: 0, resolved: 0 }));
    c.received += r.received;
    c.resolved += r.st_resolved + r.st_closed;
  }
  const known = new Set(rows.categories.map((c) => c.code));
  const byCategory = [
    ...rows.categories.map((c) => ({ code: c.code, ...(byCategoryMap.get(c.code) ?? { received: 0, resolved: 0 }) })),
    // Categories retired from the list still show while their opinions are in the period.
    ...[...byCategoryMap].filter(([code]) => !known.has(code)).map(([code, v]) => ({ code, ...v })),
  ];

  return {
    period: { ...period, today },
    filters,
    townships: rows.townships.map((tw) => ({ id: tw.id, name: tw.name, active: tw.active === 1 })),
    categories: rows.categories.map((c) => ({ code: c.code, nameZh: c.name_zh, nameEn: c.name_en })),
    trainings: rows.trainings.map(trainingOf),
    training: rows.training ? trainingOf(rows.training) : null,
    rows: townshipRows,
    total,
    weekly: [...weekly].map(([week, v]) => ({ week, ...v })),
    backlog: backlog(rows.openReceived, rows.openOverdue, calendar, today),
    timeliness: timeliness(mergeHistograms(totalSums.histograms), openAges, limitDays),
    byCategory,
    trainingResults: rows.trainingResults ? trainingResults(rows.trainingResults) : null,
    rankings: rankings(townshipRows),
    rowsRead: rows.rowsRead,
    backlogRowsRead: rows.backlogRowsRead,
  };
}

/** The four steps' limits, added up, are the limit "resolved within the step limits" uses. */
const LIMIT_STATES = ['pending', 'listening', 'viewing', 'handling'] as const;

/** Calendar days from `a` to `b`, both included (a training's days). */
function daysInclusive(a: string, b: string): number {
  const n = Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000) + 1;
  return Number.isFinite(n) && n > 0 ? n : 0;
}

function trainingOf(r: { id: number; title: string; starts_on: string; ends_on: string }) {
  return { id: r.id, title: r.title, startsOn: r.starts_on, endsOn: r.ends_on };
}

function trainingResults(r: NonNullable<OverviewRows['trainingResults']>): TrainingResults {
  const counts = [r.overall_1, r.overall_2, r.overall_3, r.overall_4, r.overall_5];
  const answered = counts.reduce((a, b) => a + b, 0);
  if (r.responses < MIN_EVALUATION_GROUP) {
    return {
      responses: r.responses,
      withheld: true,
      overall: { counts: [0, 0, 0, 0, 0], mean: null, satisfiedShare: null },
      recommendation: { promoters: 0, passives: 0, detractors: 0, nps: null },
    };
  }
  return {
    responses: r.responses,
    withheld: false,
    overall: { counts, mean: scaleMean(counts), satisfiedShare: share(r.overall_4 + r.overall_5, answered) },
    recommendation: {
      promoters: r.promoters,
      passives: r.passives,
      detractors: r.detractors,
      nps: nps(r),
    },
  };
}

/** Rankings of the townships shown; each says which townships had too few items. */
function rankings(rows: readonly TownshipFigures[]): Overview['rankings'] {
  const by = (value: (r: TownshipFigures) => number | null, items: (r: TownshipFigures) => number) =>
    rows.map((r) => ({ townshipId: r.townshipId, value: value(r), items: items(r) }));
  return {
    resolutionRate: rank(
      by(
        (r) => r.resolution.resolutionRate,
        (r) => r.resolution.handled,
      ),
      'desc',
    ),
    satisfaction: rank(
      by(
        (r) => r.resolution.satisfaction,
        (r) => r.resolution.ratings.rated,
      ),
      'desc',
    ),
    medianDays: rank(
      by(
        (r) => r.resolution.medianDays,
        (r) => r.resolution.timedResolutions,
      ),
      'asc',
    ),
    trainingCompletion: rank(
      by(
        (r) => r.participation.training.completionRate,
        (r) => r.participation.training.enrolled,
      ),
      'desc',
    ),
    onTime: rank(
      by(
        (r) => r.flow.onTime.rate,
        (r) => r.flow.onTime.met + r.flow.onTime.missed,
      ),
      'desc',
    ),
    threshold: MIN_RANKING_ITEMS,
  };
}
