/**
 * The organiser's figures and the results. Progress (enrolled, checked in per day, submitted,
 * completion rate) comes from the participation tables; results come from the anonymous
 * answers and are withheld for any group of fewer than five, the whole training included.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { type Database, database, schema } from '../db/client';
import type { AppEnv } from '../env';
import { type FormDefinition, parseDefinition } from '../forms';
import type { Locale } from '../forms/messages';
import { currentUser, townshipScope } from '../platform/auth/guard';
import { writeXlsx, XLSX_CONTENT_TYPE } from '../platform/export/xlsx';
import { validate } from '../platform/validation';
import { canRead } from './access';
import { currentForm, engineCourses, loadCourses, loadTraining, type Training, trainingDays, trainingFormId } from './db';
import { answerWorkbook } from './export';
import { pt } from './messages';
import { buildReport, type Report } from './report';
import { completionRate, isReportable, MIN_GROUP_SIZE, npsSummary, ratingSummary } from './stats';
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
    const requested = validate(townshipQuery, c.req.query()).townshipId ?? null;
    const db = database(c.env.DB);
    const locale: Locale = c.get('locale');
    const training = await loadTraining(db, Number(c.req.param('id')));
    const [all, courses, names] = await Promise.all([
      loadResponses(db, training.id, null),
      loadCourses(db, training.id),
      townshipNames(db),
    ]);
    const rows = requested === null ? all : all.filter((r) => r.townshipId === requested);
    const definitions = await definitionsInUse(
      db,
      training,
      all.map((r) => r.versionId),
    );

    // Per-township headline figures, each withheld below the threshold (no zeros, no partial figures).
    const overallId = definitions[0]?.questions.find((q) => q.id === 'overall' && q.type === 'scale5')?.id;
    const npsId = definitions[0]?.questions.find((q) => q.type === 'nps')?.id;
    const townships = names
      .map((t) => ({ t, group: all.filter((r) => r.townshipId === t.id) }))
      .filter(({ group }) => group.length > 0)
      .map(({ t, group }) =>
        isReportable(group.length)
          ? {
              townshipId: t.id,
              name: t.name,
              withheld: false as const,
              n: group.length,
              overall: overallId
                ? ratingSummary(
                    group.map((r) => r.answers[overallId]),
                    [5, 4, 3, 2, 1],
                  ).mean
                : null,
              nps: npsId ? npsSummary(group.map((r) => r.answers[npsId])).score : null,
            }
          : { townshipId: t.id, name: t.name, withheld: true as const, n: null, overall: null, nps: null },
      );

    const withheld = !isReportable(rows.length);
    const report: Report | null = withheld
      ? null
      : buildReport(
          definitions,
          engineCourses(courses),
          rows.map((r) => ({ id: r.id, answers: r.answers })),
          locale,
        );
    return c.json({
      minimum: MIN_GROUP_SIZE,
      townshipId: requested,
      withheld,
      n: withheld ? null : rows.length,
      report,
      townships,
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
    const db = database(c.env.DB);
    const locale: Locale = c.get('locale');
    const training = await loadTraining(db, Number(c.req.param('id')));
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
    const perTownship = new Map<number, number>();
    for (const r of rows) if (r.townshipId !== null) perTownship.set(r.townshipId, (perTownship.get(r.townshipId) ?? 0) + 1);
    const reportable = new Map(names.filter((t) => isReportable(perTownship.get(t.id) ?? 0)).map((t) => [t.id, t.name]));
    // Below the threshold even the whole export is withheld: a handful of rows is a handful of people.
    const shown = isReportable(rows.length) ? rows : [];
    const sheets = answerWorkbook({
      definitions,
      courses: courses.map((co) => ({ ...co, lecturer: co.lecturer || undefined })),
      responses: shown.map((r) => ({ id: r.id, version: r.version, townshipId: r.townshipId, answers: r.answers })),
      reportableTownships: reportable,
      locale,
    });
    const name = `${training.title}-${pt(locale, 'results_file')}.xlsx`;
    return c.body(writeXlsx(sheets) as Uint8Array<ArrayBuffer>, 200, {
      'content-type': XLSX_CONTENT_TYPE,
      'content-disposition': `attachment; filename="results.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
    });
  });
