/**
 * The overview computed the slow, obvious way: plain SQL over the raw tables (opinions,
 * opinion_events, deputies, enrolments, attendance, evaluation_responses, receptions), with
 * working days counted by worker/workflow/calendar.ts and medians taken from sorted values.
 * Nothing here reads a stats_* table or a trigger's work, so when the rollups drift, the
 * comparison in consistency.test.ts fails.
 */
import { median, MIN_RANKING_ITEMS, nps, rank, round, type StateCounts, scaleMean, share } from '../../../worker/stats/formulas';
import type { AppliedFilters, Figures, Overview, TownshipFigures } from '../../../worker/stats/overview';
import type { Period } from '../../../worker/stats/periods';
import type { WeekFlow, WeeklyReport, WeeklyRow } from '../../../worker/stats/weekly';
import { weekStart } from '../../../worker/stats/periods';
import {
  addCalendarDays,
  type Calendar,
  chinaDay,
  DEFAULT_STEP_LIMITS,
  workingDaysBetween,
} from '../../../worker/workflow/calendar';
import { OPEN_STATES, OPINION_STATES, RESOLVED_STATES } from '../../../worker/workflow/states';

type Expected = Pick<
  Overview,
  'rows' | 'total' | 'weekly' | 'byCategory' | 'trainingResults' | 'rankings' | 'backlog' | 'timeliness'
> & {
  trainingId: number | null;
};

interface OpinionRaw {
  id: number;
  township_id: number;
  category: string;
  state: string;
  rating: string | null;
  reopen_count: number;
  received_at: number;
  resolved_at: number | null;
  accepted_at: number | null;
  due_on: string | null;
  assigned_deputy_id: number | null;
}

interface EventRaw {
  id: number;
  opinion_id: number;
  action: string;
  from_state: string | null;
  to_state: string;
  at: number;
  actor_user_id: number | null;
  data: string;
}

/** An event with its opinion, its day, and the deadline outcome it settled (if any). */
interface Walked {
  e: EventRaw;
  /** 'resolve' for every step into 已办结, else the action. */
  kind: string;
  o: OpinionRaw;
  day: string;
  deadline: string | null;
  outcome: 'met' | 'missed' | null;
  /** The opinion's first event of this action. */
  first: boolean;
  rating: string | null;
}

const DEADLINE_STATES = new Set(['deliberating', 'handling']);
const OK = new Set(['satisfied', 'basically_satisfied']);

/** Bucket keys of ages and lateness, in working days. */
function bucketsOf(values: number[]): Record<'0-5' | '6-15' | '16-30' | '>30', number> {
  return {
    '0-5': values.filter((v) => v <= 5).length,
    '6-15': values.filter((v) => v > 5 && v <= 15).length,
    '16-30': values.filter((v) => v > 15 && v <= 30).length,
    '>30': values.filter((v) => v > 30).length,
  };
}

async function all<T>(db: D1Database, query: string, ...params: unknown[]): Promise<T[]> {
  return (
    await db
      .prepare(query)
      .bind(...params)
      .all<T>()
  ).results;
}

const zeroStates = (): StateCounts => Object.fromEntries(OPINION_STATES.map((s) => [s, 0])) as unknown as StateCounts;

/**
 * Every timeline event in order, walked per opinion to find the 办理时限 in force and what
 * became of it: a plain loop over the raw events, not the triggers' correlated lookups.
 */
async function walkEvents(db: D1Database, opinions: OpinionRaw[]): Promise<Walked[]> {
  const events = await all<EventRaw>(
    db,
    `SELECT e.id, e.opinion_id, e.action, e.from_state, e.to_state, e.at, e.actor_user_id, e.data FROM opinion_events e ORDER BY e.opinion_id, e.id`,
  );
  const byId = new Map(opinions.map((o) => [o.id, o]));
  const walked: Walked[] = [];
  let deadline: string | null = null;
  let current = -1;
  const seen = new Set<string>();
  for (const e of events) {
    if (e.opinion_id !== current) {
      current = e.opinion_id;
      deadline = null;
    }
    const o = byId.get(e.opinion_id);
    const data = JSON.parse(e.data) as { deadline?: string; rating?: string };
    const day = chinaDay(e.at);
    const fromTracked = DEADLINE_STATES.has(e.from_state ?? '');
    const toTracked = DEADLINE_STATES.has(e.to_state);
    const setsDeadline = toTracked && typeof data.deadline === 'string';
    // Any step into 已办结 is a resolution, whichever action took it (resolve, accept_answer).
    const kind = e.to_state === 'resolved' && e.from_state !== 'resolved' ? 'resolve' : e.action;
    let outcome: 'met' | 'missed' | null = null;
    if (fromTracked && deadline !== null) {
      if (kind === 'resolve') outcome = day <= deadline ? 'met' : 'missed';
      else if ((!toTracked || setsDeadline) && day > deadline) outcome = 'missed';
    }
    const firstKey = `${e.opinion_id}:${kind}`;
    const first = !seen.has(firstKey);
    seen.add(firstKey);
    if (o) walked.push({ e, kind, o, day, deadline: outcome ? deadline : null, outcome, first, rating: data.rating ?? null });
    if (setsDeadline) deadline = data.deadline!;
  }
  return walked;
}

/** Computes what the overview must say, from the raw tables only. */
export async function independentOverview(
  db: D1Database,
  calendar: Calendar,
  period: Period,
  today: string,
  f: AppliedFilters,
): Promise<Expected> {
  const inPeriod = (day: string) => day >= period.from && day <= period.to;
  const levelOk = (level: string) => f.level === null || level === f.level;
  const townships = await all<{ id: number; name: string }>(
    db,
    'SELECT id, name FROM townships WHERE active = 1 ORDER BY sort_order, id',
  );
  const shown = townships.filter((t) => f.townshipId === null || t.id === f.townshipId);
  const opinions = await all<OpinionRaw>(db, 'SELECT * FROM opinions');
  const reopenedIds = new Set(
    (await all<{ opinion_id: number }>(db, "SELECT DISTINCT opinion_id FROM opinion_events WHERE action = 'reopen'")).map(
      (r) => r.opinion_id,
    ),
  );
  const walked = await walkEvents(db, opinions);
  const deputies = new Map(
    (
      await all<{ id: number; township_id: number; level: string; active: number }>(
        db,
        'SELECT id, township_id, level, active FROM deputies',
      )
    ).map((d) => [d.id, d]),
  );

  const matchesCategory = (o: OpinionRaw) => f.category === null || o.category === f.category;
  const cohort = opinions.filter((o) => inPeriod(chinaDay(o.received_at)) && matchesCategory(o));
  const isResolution = (o: OpinionRaw) => (RESOLVED_STATES as readonly string[]).includes(o.state) && o.resolved_at !== null;
  const days = (o: OpinionRaw) => Math.max(0, workingDaysBetween(calendar, chinaDay(o.received_at), chinaDay(o.resolved_at!)));

  function resolution(list: OpinionRaw[], overdueIn: (o: OpinionRaw) => boolean): Figures['resolution'] {
    const states = zeroStates();
    for (const o of list) states[o.state as keyof StateCounts]++;
    const ratings = {
      satisfied: list.filter((o) => o.rating === 'satisfied').length,
      basicallySatisfied: list.filter((o) => o.rating === 'basically_satisfied').length,
      dissatisfied: list.filter((o) => o.rating === 'dissatisfied').length,
    };
    const rated = ratings.satisfied + ratings.basicallySatisfied + ratings.dissatisfied;
    const durations = list.filter(isResolution).map(days);
    const resolved = states.resolved + states.closed;
    const side = states.rejected + states.duplicate + states.transferred;
    const overdue = opinions.filter(
      (o) =>
        overdueIn(o) &&
        matchesCategory(o) &&
        (OPEN_STATES as readonly string[]).includes(o.state) &&
        o.due_on !== null &&
        o.due_on < today,
    ).length;
    return {
      received: list.length,
      states,
      open: states.pending + states.listening + states.viewing + states.deliberating + states.handling + states.review,
      resolved,
      sideOutcomes: side,
      handled: list.length - side,
      resolutionRate: share(resolved, list.length - side),
      medianDays: median(durations),
      meanDays: durations.length ? round(durations.reduce((a, b) => a + b, 0) / durations.length, 1) : null,
      timedResolutions: durations.length,
      overdueNow: overdue,
      ratings: { ...ratings, rated },
      satisfaction: share(ratings.satisfied + ratings.basicallySatisfied, rated),
      reopened: list.filter((o) => reopenedIds.has(o.id)).length,
    };
  }

  // Participation.
  const training =
    (
      await all<{ id: number }>(
        db,
        f.trainingId === null
          ? 'SELECT id FROM trainings ORDER BY starts_on > ?1, starts_on DESC, id DESC LIMIT 1'
          : 'SELECT id FROM trainings WHERE id = ?1',
        f.trainingId === null ? today : f.trainingId,
      )
    )[0]?.id ?? null;
  const enrolments = await all<{ township_id: number; level: string; checked: number; submitted: number; days: number }>(
    db,
    `SELECT e.township_id, d.level, EXISTS (SELECT 1 FROM attendance a WHERE a.enrolment_id = e.id) AS checked, e.submitted_on IS NOT NULL AS submitted,
       (SELECT count(*) FROM attendance a WHERE a.enrolment_id = e.id) AS days
     FROM enrolments e JOIN deputies d ON d.id = e.deputy_id WHERE e.training_id = ?1`,
    training ?? -1,
  );
  const trainingRow = (
    await all<{ starts_on: string; ends_on: string }>(
      db,
      'SELECT starts_on, ends_on FROM trainings WHERE id = ?1',
      training ?? -1,
    )
  )[0];
  let trainingDays = 0;
  if (trainingRow) for (let d = trainingRow.starts_on; d <= trainingRow.ends_on; d = addCalendarDays(d, 1)) trainingDays++;
  const receptions = await all<{
    id: number;
    township_id: number;
    day: string;
    residents_received: number;
    opinions_taken: number;
  }>(db, 'SELECT id, township_id, day, residents_received, opinions_taken FROM receptions');
  const present = await all<{ reception_id: number; deputy_id: number }>(
    db,
    'SELECT reception_id, deputy_id FROM reception_deputies',
  );

  function participation(townshipIds: Set<number>): Figures['participation'] {
    const active = [...deputies.values()].filter((d) => d.active === 1 && townshipIds.has(d.township_id));
    const byLevel = {
      district: active.filter((d) => d.level === 'district').length,
      township: active.filter((d) => d.level === 'township').length,
    };
    const total = active.filter((d) => levelOk(d.level)).length;
    const enrolled = enrolments.filter((e) => townshipIds.has(e.township_id) && levelOk(e.level));
    const held = receptions.filter((r) => townshipIds.has(r.township_id) && inPeriod(r.day));
    const heldIds = new Set(held.map((r) => r.id));
    const sessions = present.filter((p) => heldIds.has(p.reception_id) && levelOk(deputies.get(p.deputy_id)!.level)).length;
    const takenUp = opinions.filter((o) => {
      if (o.assigned_deputy_id === null) return false;
      const d = deputies.get(o.assigned_deputy_id)!;
      return townshipIds.has(d.township_id) && levelOk(d.level) && inPeriod(chinaDay(o.accepted_at ?? o.received_at));
    }).length;
    const evaluated = enrolled.filter((e) => e.submitted).length;
    const daysAttended = enrolled.reduce((s, e) => s + e.days, 0);
    const daysExpected = enrolled.length * trainingDays;
    return {
      deputies: { ...byLevel, total },
      training: {
        enrolled: enrolled.length,
        checkedIn: enrolled.filter((e) => e.checked).length,
        evaluated,
        completionRate: share(evaluated, enrolled.length),
        daysAttended,
        daysExpected,
        checkInByDay: share(daysAttended, daysExpected),
      },
      receptions: {
        held: held.length,
        residentsReceived: held.reduce((s, r) => s + r.residents_received, 0),
        opinionsTaken: held.reduce((s, r) => s + r.opinions_taken, 0),
        deputySessions: sessions,
        perDeputy: total > 0 ? round(sessions / total, 2) : null,
      },
      takenUp,
      takenUpPerDeputy: total > 0 ? round(takenUp / total, 2) : null,
    };
  }

  const isOpenState = (o: OpinionRaw) => (OPEN_STATES as readonly string[]).includes(o.state);

  function flow(inScope: (o: OpinionRaw) => boolean): Figures['flow'] {
    const mine = walked.filter((w) => inScope(w.o) && matchesCategory(w.o));
    const inP = mine.filter((w) => inPeriod(w.day));
    const dueInP = mine.filter((w) => w.deadline !== null && inPeriod(w.deadline));
    const met = dueInP.filter((w) => w.outcome === 'met').length;
    const missedRecorded = dueInP.filter((w) => w.outcome === 'missed').length;
    const missedOpen = opinions.filter(
      (o) =>
        inScope(o) &&
        matchesCategory(o) &&
        DEADLINE_STATES.has(o.state) &&
        o.due_on !== null &&
        inPeriod(o.due_on) &&
        o.due_on < today,
    ).length;
    const missed = missedRecorded + missedOpen;
    return {
      received: cohort.filter(inScope).length,
      resolved: inP.filter((w) => w.kind === 'resolve').length,
      reopened: inP.filter((w) => w.kind === 'reopen').length,
      onTime: { met, missed, rate: share(met, met + missed) },
    };
  }

  function satisfaction(inScope: (o: OpinionRaw) => boolean): Figures['satisfaction'] {
    const ids = new Set(cohort.filter(inScope).map((o) => o.id));
    const firsts = walked.filter((w) => w.first && ids.has(w.o.id));
    const resolvedOnce = firsts.filter((w) => w.kind === 'resolve').length;
    const firstRatings = firsts.filter((w) => w.kind === 'rate');
    const rated = (list: Walked[]) => {
      const satisfied = list.filter((w) => OK.has(w.rating ?? '')).length;
      return { n: list.length, satisfied, rate: share(satisfied, list.length) };
    };
    const current = cohort.filter((o) => inScope(o) && o.rating !== null);
    const latestOk = current.filter((o) => OK.has(o.rating!)).length;
    return {
      resolved: resolvedOnce,
      rated: firstRatings.length,
      ratedRate: share(firstRatings.length, resolvedOnce),
      first: rated(firstRatings),
      latest: { n: current.length, satisfied: latestOk, rate: share(latestOk, current.length) },
      own: rated(firstRatings.filter((w) => w.e.actor_user_id === null)),
      callbacks: rated(firstRatings.filter((w) => w.e.actor_user_id !== null)),
    };
  }

  const rows: TownshipFigures[] = shown.map((t) => {
    const mine = (o: OpinionRaw) => o.township_id === t.id;
    return {
      townshipId: t.id,
      name: t.name,
      participation: participation(new Set([t.id])),
      resolution: resolution(cohort.filter(mine), mine),
      flow: flow(mine),
      satisfaction: satisfaction(mine),
    };
  });
  const scope = (o: OpinionRaw) => f.townshipId === null || o.township_id === f.townshipId;
  const allIds = new Set(
    f.townshipId === null
      ? [
          ...new Set([...deputies.values()].map((d) => d.township_id)),
          ...receptions.map((r) => r.township_id),
          ...enrolments.map((e) => e.township_id),
        ]
      : [f.townshipId],
  );
  const total: Figures = {
    participation: participation(allIds),
    resolution: resolution(cohort.filter(scope), scope),
    flow: flow(scope),
    satisfaction: satisfaction(scope),
  };

  const weekEvents = (week: string, action: string) =>
    walked.filter((w) => scope(w.o) && matchesCategory(w.o) && w.kind === action && weekStart(w.day) === week).length;
  const weekly = period.weeks.map((week) => ({
    week,
    received: cohort.filter((o) => scope(o) && weekStart(chinaDay(o.received_at)) === week).length,
    resolved: weekEvents(week, 'resolve'),
    reopened: weekEvents(week, 'reopen'),
    partial: week <= today && today <= addCalendarDays(week, 6),
  }));

  // Backlog as of today and the cohort's timeliness, counting open opinions at their age.
  const openNow = opinions.filter((o) => scope(o) && matchesCategory(o) && isOpenState(o));
  const late = openNow.filter((o) => o.due_on !== null && o.due_on < today);
  const backlog = {
    asOf: today,
    open: openNow.length,
    byAge: bucketsOf(openNow.map((o) => workingDaysBetween(calendar, chinaDay(o.received_at), today))),
    overdue: late.length,
    overdueBy: bucketsOf(late.map((o) => workingDaysBetween(calendar, o.due_on!, today))),
  };
  const limitRows = await all<{ state: string; working_days: number }>(db, 'SELECT state, working_days FROM step_limits');
  const limitOf = (state: 'pending' | 'listening' | 'viewing' | 'handling') =>
    limitRows.find((r) => r.state === state)?.working_days ?? DEFAULT_STEP_LIMITS[state]!;
  const limitDays = limitOf('pending') + limitOf('listening') + limitOf('viewing') + limitOf('handling');
  const resolvedDays = cohort.filter((o) => scope(o) && isResolution(o)).map(days);
  const openDays = cohort
    .filter((o) => scope(o) && isOpenState(o))
    .map((o) => workingDaysBetween(calendar, chinaDay(o.received_at), today));
  const known = resolvedDays.length + openDays.filter((d) => d > limitDays).length;
  const mid = median([...resolvedDays, ...openDays]);
  const timeliness = {
    limitDays,
    withinLimit: share(resolvedDays.filter((d) => d <= limitDays).length, known),
    withinLimitN: known,
    median: mid,
    atLeast: mid !== null && openDays.some((d) => d >= mid),
    n: resolvedDays.length + openDays.length,
  };

  const codes = (await all<{ code: string }>(db, 'SELECT code FROM categories ORDER BY sort_order, code')).map((c) => c.code);
  const inCohortAnyCategory = opinions.filter((o) => scope(o) && inPeriod(chinaDay(o.received_at)));
  const extra = [...new Set(inCohortAnyCategory.map((o) => o.category))].filter((c) => !codes.includes(c));
  const byCategory = [...codes, ...extra].map((code) => {
    const list = inCohortAnyCategory.filter((o) => o.category === code);
    return {
      code,
      received: list.length,
      resolved: list.filter((o) => (RESOLVED_STATES as readonly string[]).includes(o.state)).length,
    };
  });

  // Anonymous answers of the training shown (of the township, when filtered).
  const answers = (
    await all<{ township_id: number | null; answers: string }>(
      db,
      'SELECT township_id, answers FROM evaluation_responses WHERE training_id = ?1',
      training ?? -1,
    )
  ).filter((a) => f.townshipId === null || a.township_id === f.townshipId);
  let trainingResults: Expected['trainingResults'] = null;
  if (answers.length > 0) {
    const parsed = answers.map((a) => JSON.parse(a.answers) as { overall?: unknown; recommend?: unknown });
    const counts = [1, 2, 3, 4, 5].map((k) => parsed.filter((p) => p.overall === k).length);
    const rec = parsed.map((p) => p.recommend).filter((v): v is number => Number.isInteger(v));
    const groups = {
      promoters: rec.filter((v) => v >= 9 && v <= 10).length,
      passives: rec.filter((v) => v >= 7 && v <= 8).length,
      detractors: rec.filter((v) => v >= 0 && v <= 6).length,
    };
    const withheld = answers.length < 5;
    trainingResults = withheld
      ? {
          responses: answers.length,
          withheld,
          overall: { counts: [0, 0, 0, 0, 0], mean: null, satisfiedShare: null },
          recommendation: { promoters: 0, passives: 0, detractors: 0, nps: null },
        }
      : {
          responses: answers.length,
          withheld,
          overall: {
            counts,
            mean: scaleMean(counts),
            satisfiedShare: share(
              counts[3]! + counts[4]!,
              counts.reduce((a, b) => a + b, 0),
            ),
          },
          recommendation: { ...groups, nps: nps(groups) },
        };
  }

  const by = (value: (r: TownshipFigures) => number | null, items: (r: TownshipFigures) => number) =>
    rows.map((r) => ({ townshipId: r.townshipId, value: value(r), items: items(r) }));
  const rankings = {
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
  return { rows, total, weekly, byCategory, trainingResults, rankings, backlog, timeliness, trainingId: training };
}

/** What GET /api/stats/weekly must say, from the raw tables only. */
export async function independentWeekly(
  db: D1Database,
  monday: string,
  today: string,
  f: { townshipId: number | null; category: string | null },
): Promise<Pick<WeeklyReport, 'total' | 'previous' | 'change' | 'fourWeekAverage' | 'rows' | 'partial'>> {
  const opinions = await all<OpinionRaw>(db, 'SELECT * FROM opinions');
  const walked = await walkEvents(db, opinions);
  const townships = await all<{ id: number; name: string }>(
    db,
    'SELECT id, name FROM townships WHERE active = 1 ORDER BY sort_order, id',
  );
  const matches = (o: OpinionRaw, township: number | null) =>
    (township === null || o.township_id === township) && (f.category === null || o.category === f.category);
  const inWeek = (day: string, w: string) => day >= w && day <= addCalendarDays(w, 6);
  const flowOf = (township: number | null, w: string): WeekFlow => {
    const mine = walked.filter((x) => matches(x.o, township));
    const happened = mine.filter((x) => inWeek(x.day, w));
    const due = mine.filter((x) => x.deadline !== null && inWeek(x.deadline, w));
    const met = due.filter((x) => x.outcome === 'met').length;
    const missedOpen = opinions.filter(
      (o) => matches(o, township) && DEADLINE_STATES.has(o.state) && o.due_on !== null && inWeek(o.due_on, w) && o.due_on < today,
    ).length;
    const missed = due.filter((x) => x.outcome === 'missed').length + missedOpen;
    const ratings = happened.filter((x) => x.kind === 'rate');
    const own = ratings.filter((x) => x.e.actor_user_id === null);
    const calls = ratings.filter((x) => x.e.actor_user_id !== null);
    const ok = (list: Walked[]) => list.filter((x) => OK.has(x.rating ?? '')).length;
    return {
      received: opinions.filter((o) => matches(o, township) && inWeek(chinaDay(o.received_at), w)).length,
      resolved: happened.filter((x) => x.kind === 'resolve').length,
      reopened: happened.filter((x) => x.kind === 'reopen').length,
      onTime: { met, missed, rate: share(met, met + missed) },
      rated: own.length,
      ratedSatisfied: share(ok(own), own.length),
      callbacks: calls.length,
      callbacksSatisfied: share(ok(calls), calls.length),
    };
  };
  const keys = ['received', 'resolved', 'reopened', 'rated', 'callbacks'] as const;
  const diff = (a: WeekFlow, b: WeekFlow) => Object.fromEntries(keys.map((k) => [k, a[k] - b[k]])) as WeeklyRow['change'];
  const prior = [4, 3, 2, 1].map((i) => flowOf(f.townshipId, addCalendarDays(monday, -7 * i)));
  const total = flowOf(f.townshipId, monday);
  const previous = prior[3]!;
  const met = prior.reduce((s, p) => s + p.onTime.met, 0);
  const all4 = prior.reduce((s, p) => s + p.onTime.met + p.onTime.missed, 0);
  return {
    partial: today <= addCalendarDays(monday, 6),
    total,
    previous,
    change: diff(total, previous),
    fourWeekAverage: {
      ...(Object.fromEntries(keys.map((k) => [k, round(prior.reduce((s, p) => s + p[k], 0) / 4, 1)])) as WeeklyRow['change']),
      onTimeRate: share(met, all4),
    },
    rows: townships
      .filter((t) => f.townshipId === null || t.id === f.townshipId)
      .map((t) => {
        const week = flowOf(t.id, monday);
        return { townshipId: t.id, name: t.name, week, change: diff(week, flowOf(t.id, addCalendarDays(monday, -7))) };
      }),
  };
}
