/**
 * The organiser's figures and the results. Progress (enrolled, checked in per day, submitted,
 * completion rate) comes from the participation tables and is live. Results come from the
 * released anonymous answers only (release.ts: they move in batches of at least k), follow the
 * user's township scope, and withhold any township below k plus the complementary townships
 * that would let it be subtracted (disclosure.ts); below k for the whole training, nothing.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { type Database, database, schema } from '../db/client';
import type { AppEnv } from '../env';
import { type FormDefinition, parseDefinition } from '../forms';
import type { Locale } from '../forms/messages';
import { assertTownship, currentUser, isDistrictWide, townshipScope } from '../platform/auth/guard';
import type { SessionUser } from '../platform/auth/session';
import { writeXlsx, XLSX_CONTENT_TYPE } from '../platform/export/xlsx';
import { validate } from '../platform/validation';
import { canRead } from './access';
import { currentForm, engineCourses, loadCourses, loadTraining, type Training, trainingDays, trainingFormId } from './db';
import { answerWorkbook } from './export';
import { pt } from './messages';
import { isShowable, RELEASE_K, releasePlan, suppressedTownships } from './disclosure';
import { pendingCounts, releaseDueStatements } from './release';
import { buildReport, type Report } from './report';
import { completionRate, npsSummary, ratingSummary } from './stats';
import { townshipQuery } from './validation';

const e = schema.enrolments;

/** Every stored answer of a training (optionally one township), with its version's number. */
async function loadResponses(db: Database, trainingId: number, township: number | null) {
  const r = schema.evaluationResponses;
  const rows = await db
    .select({
      id: r.id,
      townshipId: r.townshipId,
      answers: r.answers,
      versionId: r.formVersionId,
      version: schema.formVersions.version,
    })
    .from(r)
    .innerJoin(schema.formVersions, eq(schema.formVersions.id, r.formVersionId))
    .where(and(eq(r.trainingId, trainingId), township === null ? undefined : eq(r.townshipId, township)))
    .all();
  return rows.map((row) => ({ ...row, answers: JSON.parse(row.answers) as Record<string, unknown> }));
}

/** The current definition first, then each older version that answers were given on. */
async function definitionsInUse(db: Database, training: Training, versionIds: readonly number[]): Promise<FormDefinition[]> {
  const current = await currentForm(db, await trainingFormId(db, training));
  const others = [...new Set(versionIds)].filter((id) => id !== current.versionId);
  const older =
    others.length === 0
      ? []
      : await db
          .select({ definition: schema.formVersions.definition })
          .from(schema.formVersions)
          .where(inArray(schema.formVersions.id, others))
          .orderBy(sql`${schema.formVersions.version} desc`)
          .all();
  return [
    current.definition,
    ...older.flatMap((o) => {
      const p = parseDefinition(o.definition);
      return p.ok ? [p.definition] : [];
    }),
  ];
}

/** Township names in display order. */
function townshipNames(db: Database) {
  return db
    .select({ id: schema.townships.id, name: schema.townships.name })
    .from(schema.townships)
    .orderBy(asc(schema.townships.sortOrder), asc(schema.townships.id))
    .all();
}

/** What of the released answers one user may see (disclosure.ts). */
interface Disclosure {
  /** Released answers per township (null: none). */
  counts: Map<number | null, number>;
  /** Townships whose own breakdown this user may see (large enough, not suppressed, in scope). */
  shown: Set<number>;
  /** Whether this user may see a township in the list at all (their scope). */
  visible: (townshipId: number) => boolean;
}

function disclosure(rows: readonly { townshipId: number | null }[], user: SessionUser): Disclosure {
  const counts = new Map<number | null, number>();
  for (const r of rows) counts.set(r.townshipId, (counts.get(r.townshipId) ?? 0) + 1);
  const suppressed = suppressedTownships(counts);
  const visible = (id: number) => isDistrictWide(user) || user.townshipId === id;
  const shown = new Set<number>();
  for (const id of counts.keys()) if (id !== null && !suppressed.has(id) && visible(id)) shown.add(id);
  return { counts, shown, visible };
}

/**
 * Releases what a closed evaluation still holds back, in case it was closed by a path other
 * than POST /evaluation (which releases in the same batch). A no-op almost always: reading
 * stays read-only unless a closed training has a releasable group waiting.
 */
async function releaseIfClosed(d1: D1Database, training: Training): Promise<void> {
  if (training.evaluationStatus !== 'closed') return;
  const pending = await pendingCounts(d1, training.id);
  const plan = releasePlan(pending, true);
  if (plan.townships.length === 0 && !plan.pool) return;
  await d1.batch(releaseDueStatements(d1, training.id, pending, true, Date.now()));
}

/** Pending answers (total and per township) and the time of the last release. */
async function releaseState(d1: D1Database, trainingId: number) {
  const [pendingByTownship, last] = await Promise.all([
    pendingCounts(d1, trainingId),
    d1
      .prepare('SELECT max(released_at) AS at FROM evaluation_releases WHERE training_id = ?1')
      .bind(trainingId)
      .first<{ at: number | null }>(),
  ]);
  const pending = [...pendingByTownship.values()].reduce((a, n) => a + n, 0);
  return { pendingByTownship, pending, lastReleasedAt: last?.at ?? null };
}

export const resultRoutes = new Hono<AppEnv>()
  .get('/:id{[0-9]+}/progress', canRead, async (c) => {
    const user = currentUser(c);
    const township = townshipScope(user, validate(townshipQuery, c.req.query()).townshipId);
    const db = database(c.env.DB);
    const training = await loadTraining(db, Number(c.req.param('id')));
    const scope = and(eq(e.trainingId, training.id), township === null ? undefined : eq(e.townshipId, township));
    const [counts, checkins, names] = await Promise.all([
      db
        .select({
          townshipId: e.townshipId,
          enrolled: sql<number>`count(*)`,
          opened: sql<number>`count(${e.openedOn})`,
          submitted: sql<number>`count(${e.submittedOn})`,
          checkedIn: sql<number>`sum(exists(select 1 from attendance a where a.enrolment_id = enrolments.id))`,
        })
        .from(e)
        .where(scope)
        .groupBy(e.townshipId)
        .all(),
      db
        .select({ townshipId: e.townshipId, day: schema.attendance.day, n: sql<number>`count(*)` })
        .from(schema.attendance)
        .innerJoin(e, eq(e.id, schema.attendance.enrolmentId))
        .where(scope)
        .groupBy(e.townshipId, schema.attendance.day)
        .all(),
      townshipNames(db),
    ]);
    const days = trainingDays(training);
    const byTownship = new Map(counts.map((r) => [r.townshipId, r]));
    const townships = names
      .filter((t) => byTownship.has(t.id))
      .map((t) => {
        const r = byTownship.get(t.id)!;
        const perDay = Object.fromEntries(
          days.map((day) => [day, checkins.find((x) => x.townshipId === t.id && x.day === day)?.n ?? 0]),
        );
        return {
          townshipId: t.id,
          name: t.name,
          enrolled: r.enrolled,
          opened: r.opened,
          checkedIn: r.checkedIn,
          checkedInByDay: perDay,
          submitted: r.submitted,
          pending: r.enrolled - r.submitted,
          completionRate: completionRate(r.submitted, r.enrolled),
        };
      });
    const sum = (k: 'enrolled' | 'opened' | 'checkedIn' | 'submitted') => townships.reduce((a, t) => a + t[k], 0);
    const total = {
      enrolled: sum('enrolled'),
      opened: sum('opened'),
      checkedIn: sum('checkedIn'),
      checkedInByDay: Object.fromEntries(
        days.map((day) => [day, townships.reduce((a, t) => a + (t.checkedInByDay[day] ?? 0), 0)]),
      ),
      submitted: sum('submitted'),
      pending: sum('enrolled') - sum('submitted'),
      completionRate: completionRate(sum('submitted'), sum('enrolled')),
    };
    return c.json({ evaluationStatus: training.evaluationStatus, days, townships, total });
  })
  .get('/:id{[0-9]+}/results', canRead, async (c) => {
    const user = currentUser(c);
    const requested = validate(townshipQuery, c.req.query()).townshipId ?? null;
    // Township staff read the district totals and their own township, never another's breakdown.
    if (requested !== null) assertTownship(user, requested);
    const db = database(c.env.DB);
    const locale: Locale = c.get('locale');
    const training = await loadTraining(db, Number(c.req.param('id')));
    await releaseIfClosed(c.env.DB, training);
    const [all, courses, names, release] = await Promise.all([
      loadResponses(db, training.id, null),
      loadCourses(db, training.id),
      townshipNames(db),
      releaseState(c.env.DB, training.id),
    ]);
    const view = disclosure(all, user);
    const rows = requested === null ? all : view.shown.has(requested) ? all.filter((r) => r.townshipId === requested) : [];
    const definitions = await definitionsInUse(
      db,
      training,
      all.map((r) => r.versionId),
    );

    // Per-township headline figures of the townships this user may see, each withheld unless
    // shown (no zeros, no partial figures, nothing to subtract).
    const overallId = definitions[0]?.questions.find((q) => q.id === 'overall' && q.type === 'scale5')?.id;
    const npsId = definitions[0]?.questions.find((q) => q.type === 'nps')?.id;
    const townships = names
      .filter((t) => view.visible(t.id) && (view.counts.has(t.id) || release.pendingByTownship.has(t.id)))
      .map((t) => {
        const group = all.filter((r) => r.townshipId === t.id);
        const pending = release.pendingByTownship.get(t.id) ?? 0;
        return view.shown.has(t.id)
          ? {
              townshipId: t.id,
              name: t.name,
              withheld: false as const,
              n: group.length,
              pending,
              overall: overallId
                ? ratingSummary(
                    group.map((r) => r.answers[overallId]),
                    [5, 4, 3, 2, 1],
                  ).mean
                : null,
              nps: npsId ? npsSummary(group.map((r) => r.answers[npsId])).score : null,
            }
          : {
              townshipId: t.id,
              name: t.name,
              withheld: true as const,
              n: null,
              // A suppressed township's pending count would give away its released count
              // (submitted − pending); one with nothing released yet is simply waiting.
              pending: view.counts.has(t.id) ? null : pending,
              overall: null,
              nps: null,
            };
      });

    const withheld = !isShowable(rows.length);
    const report: Report | null = withheld
      ? null
      : buildReport(
          definitions,
          engineCourses(courses),
          rows.map((r) => ({ id: r.id, answers: r.answers })),
          locale,
        );
    return c.json({
      minimum: RELEASE_K,
      townshipId: requested,
      withheld,
      n: withheld ? null : rows.length,
      report,
      townships,
      release: {
        evaluationStatus: training.evaluationStatus,
        /** Answers submitted and not yet released (equal to submitted − released, which progress shows anyway). */
        pending: release.pending,
        lastReleasedAt: release.lastReleasedAt,
        /** Released answers counted in the district totals only (their township is not shown); district-wide users only. */
        unattributed:
          isDistrictWide(user) && isShowable(all.length)
            ? all.length - [...view.shown].reduce((a, id) => a + (view.counts.get(id) ?? 0), 0)
            : null,
      },
      courses: courses.map((co) => ({
        id: co.id,
        title: co.title,
        lecturer: co.lecturer,
        day: co.day,
        startsAt: co.startsAt,
        kind: co.kind,
      })),
    });
  })
  .get('/:id{[0-9]+}/results/export', canRead, async (c) => {
    const user = currentUser(c);
    const db = database(c.env.DB);
    const locale: Locale = c.get('locale');
    const training = await loadTraining(db, Number(c.req.param('id')));
    await releaseIfClosed(c.env.DB, training);
    const [rows, courses, names] = await Promise.all([
      loadResponses(db, training.id, null),
      loadCourses(db, training.id),
      townshipNames(db),
    ]);
    const definitions = await definitionsInUse(
      db,
      training,
      rows.map((r) => r.versionId),
    );
    const view = disclosure(rows, user);
    const labelled = new Map(names.filter((t) => view.shown.has(t.id)).map((t) => [t.id, t.name]));
    // District-wide users get every released row, township staff their own township's rows
    // (when it is shown); below the threshold even the whole export is withheld.
    const scoped = isDistrictWide(user) ? rows : rows.filter((r) => r.townshipId !== null && labelled.has(r.townshipId));
    const shown = isShowable(scoped.length) ? scoped : [];
    const sheets = answerWorkbook({
      definitions,
      courses: courses.map((co) => ({ ...co, lecturer: co.lecturer || undefined })),
      responses: shown.map((r) => ({ id: r.id, version: r.version, townshipId: r.townshipId, answers: r.answers })),
      reportableTownships: labelled,
      locale,
    });
    const name = `${training.title}-${pt(locale, 'results_file')}.xlsx`;
    return c.body(writeXlsx(sheets) as Uint8Array<ArrayBuffer>, 200, {
      'content-type': XLSX_CONTENT_TYPE,
      'content-disposition': `attachment; filename="results.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'cache-control': 'no-store',
    });
  });
