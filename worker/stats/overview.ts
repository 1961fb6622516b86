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
import type { OpinionWeekRow, OverviewRows, TownshipWeekRow } from './queries';
import type { Period } from './periods';

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
  /** Of the training shown. */
  training: { enrolled: number; checkedIn: number; evaluated: number; completionRate: number | null };
  receptions: { held: number; residentsReceived: number; opinionsTaken: number; deputySessions: number };
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

export interface Figures {
  participation: Participation;
  resolution: Resolution;
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
  weekly: { week: string; received: number; resolved: number }[];
  byCategory: { code: string; received: number; resolved: number }[];
  trainingResults: TrainingResults | null;
  rankings: {
    resolutionRate: Ranking;
    satisfaction: Ranking;
    medianDays: Ranking;
    trainingCompletion: Ranking;
  };
  /** D1 rows read by this answer (also in the X-Rows-Read header). */
  rowsRead: number;
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
  training = { enrolled: 0, checkedIn: 0, evaluated: 0 };
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
    for (const k of ['enrolled', 'checkedIn', 'evaluated'] as const) this.training[k] += o.training[k];
    for (const k of Object.keys(this.receptions) as (keyof ParticipationSums['receptions'])[]) {
      this.receptions[k] += o.receptions[k];
    }
    this.uptake.district += o.uptake.district;
    this.uptake.township += o.uptake.township;
  }

  figures(level: DeputyLevel | null): Participation {
    const pick = (v: { district: number; township: number }) => (level === null ? v.district + v.township : v[level]);
    const deputies = pick(this.deputies);
    const takenUp = pick(this.uptake);
    const r = this.receptions;
    return {
      deputies: { ...this.deputies, total: deputies },
      training: { ...this.training, completionRate: share(this.training.evaluated, this.training.enrolled) },
      receptions: {
        held: r.held,
        residentsReceived: r.residentsReceived,
        opinionsTaken: r.opinionsTaken,
        deputySessions: pick({ district: r.sessionsDistrict, township: r.sessionsTownship }),
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
  const weekly = new Map<string, { received: number; resolved: number }>(
    period.weeks.map((w) => [w, { received: 0, resolved: 0 }]),
  );
  const totalKey = t ?? 0;
  for (const r of rows.opinionWeeks) {
    getOrCreate(opinion, r.township_id, () => new OpinionSums()).add(r);
    if (r.township_id === totalKey) {
      const w = weekly.get(r.week);
      if (w) {
        w.received += r.received;
        w.resolved += r.resolved_flow;
      }
    }
  }
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
  }

  const shown = rows.townships.filter((tw) =>
    t !== null ? tw.id === t : tw.active === 1 || opinion.has(tw.id) || participation.has(tw.id),
  );
  const townshipRows: TownshipFigures[] = shown.map((tw) => ({
    townshipId: tw.id,
    name: tw.name,
    participation: (participation.get(tw.id) ?? new ParticipationSums()).figures(level),
    resolution: (opinion.get(tw.id) ?? new OpinionSums()).resolution(overdue.get(tw.id) ?? 0),
  }));

  // Participation has no district rows: the total is the sum over townships.
  const totalParticipation = new ParticipationSums();
  for (const [id, s] of participation) if (t === null || id === t) totalParticipation.addSums(s);
  const total: Figures = {
    participation: totalParticipation.figures(level),
    resolution: (opinion.get(totalKey) ?? new OpinionSums()).resolution(overdue.get(totalKey) ?? 0),
  };

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
    byCategory,
    trainingResults: rows.trainingResults ? trainingResults(rows.trainingResults) : null,
    rankings: rankings(townshipRows),
    rowsRead: rows.rowsRead,
  };
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
  };
}
