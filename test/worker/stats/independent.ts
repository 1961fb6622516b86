/**
 * The overview computed the slow, obvious way: plain SQL over the raw tables (opinions,
 * opinion_events, deputies, enrolments, attendance, evaluation_responses, receptions), with
 * working days counted by worker/workflow/calendar.ts and medians taken from sorted values.
 * Nothing here reads a stats_* table or a trigger's work, so when the rollups drift, the
 * comparison in consistency.test.ts fails.
 */
import { median, nps, rank, round, type StateCounts, scaleMean, share } from '../../../worker/stats/formulas';
import type { AppliedFilters, Figures, Overview, TownshipFigures } from '../../../worker/stats/overview';
import type { Period } from '../../../worker/stats/periods';
import { weekStart } from '../../../worker/stats/periods';
import { type Calendar, chinaDay, workingDaysBetween } from '../../../worker/workflow/calendar';
import { OPEN_STATES, OPINION_STATES, RESOLVED_STATES } from '../../../worker/workflow/states';

type Expected = Pick<Overview, 'rows' | 'total' | 'weekly' | 'byCategory' | 'trainingResults' | 'rankings'> & {
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

async function all<T>(db: D1Database, query: string, ...params: unknown[]): Promise<T[]> {
  return (
    await db
      .prepare(query)
      .bind(...params)
      .all<T>()
  ).results;
}

const zeroStates = (): StateCounts => Object.fromEntries(OPINION_STATES.map((s) => [s, 0])) as unknown as StateCounts;

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
  const enrolments = await all<{ township_id: number; level: string; checked: number; submitted: number }>(
    db,
    `SELECT e.township_id, d.level, EXISTS (SELECT 1 FROM attendance a WHERE a.enrolment_id = e.id) AS checked, e.submitted_on IS NOT NULL AS submitted
     FROM enrolments e JOIN deputies d ON d.id = e.deputy_id WHERE e.training_id = ?1`,
    training ?? -1,
  );
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
    return {
      deputies: { ...byLevel, total },
      training: {
        enrolled: enrolled.length,
        checkedIn: enrolled.filter((e) => e.checked).length,
        evaluated,
        completionRate: share(evaluated, enrolled.length),
      },
      receptions: {
        held: held.length,
        residentsReceived: held.reduce((s, r) => s + r.residents_received, 0),
        opinionsTaken: held.reduce((s, r) => s + r.opinions_taken, 0),
        deputySessions: sessions,
      },
      takenUp,
      takenUpPerDeputy: total > 0 ? round(takenUp / total, 2) : null,
    };
  }

  const rows: TownshipFigures[] = shown.map((t) => ({
    townshipId: t.id,
    name: t.name,
    participation: participation(new Set([t.id])),
    resolution: resolution(
      cohort.filter((o) => o.township_id === t.id),
      (o) => o.township_id === t.id,
    ),
  }));
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
  const total: Figures = { participation: participation(allIds), resolution: resolution(cohort.filter(scope), scope) };

  const weekly = period.weeks.map((week) => ({
    week,
    received: cohort.filter((o) => scope(o) && weekStart(chinaDay(o.received_at)) === week).length,
    resolved: opinions.filter(
      (o) => scope(o) && matchesCategory(o) && isResolution(o) && weekStart(chinaDay(o.resolved_at!)) === week,
    ).length,
  }));

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
  };
  return { rows, total, weekly, byCategory, trainingResults, rankings, trainingId: training };
}
