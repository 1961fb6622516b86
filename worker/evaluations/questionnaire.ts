/**
 * A training's questionnaire as versioned data. GET returns the current definition and the
 * versions with their answer counts; PUT validates a new definition with the form engine and
 * stores it: in place while the current version has no answers, as a new version once it has
 * (answers keep the version they were given on). A questionnaire shared with other trainings
 * (the default) is never edited from one training: the first edit makes a copy of its own.
 */
import { and, asc, eq, notExists, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { auditEntry } from '../audit/log';
import { type Database, database, schema } from '../db/client';
import type { AppEnv } from '../env';
import { type FormDefinition, parseDefinition } from '../forms';
import { describeChanges } from '../forms/diff';
import type { Locale } from '../forms/messages';
import { uniqueViolation } from '../platform/db-errors';
import { ApiError } from '../platform/errors';
import { jsonBody } from '../platform/validation';
import { canRead, organiser } from './access';
import { currentForm, loadTraining, ownFormSlug, type Training, trainingFormId } from './db';
import { questionnaireInput } from './validation';

const fv = schema.formVersions;

/** What GET and PUT answer. */
async function describe(db: Database, training: Training, locale: Locale = 'zh-CN') {
  const form = await currentForm(db, await trainingFormId(db, training));
  const versions = await db
    .select({
      id: fv.id,
      version: fv.version,
      createdAt: fv.createdAt,
      definition: fv.definition,
      // Released and still-pending answers: both were given on this version.
      responses: sql<number>`(select count(*) from evaluation_responses r where r.form_version_id = form_versions.id and r.training_id = ${training.id}) + (select count(*) from evaluation_pending p where p.form_version_id = form_versions.id and p.training_id = ${training.id})`,
    })
    .from(fv)
    .where(eq(fv.formId, form.formId))
    .orderBy(asc(fv.version))
    .all();
  return {
    formId: form.formId,
    slug: form.slug,
    title: form.title,
    /** True while the training still uses a questionnaire other trainings share. */
    shared: form.slug !== ownFormSlug(training.id),
    version: form.version,
    versionId: form.versionId,
    definition: form.definition,
    // The version history says in words what each version changed from the one before.
    versions: versions.map(({ definition, ...v }, i) => {
      const prev = i > 0 ? parseDefinition(versions[i - 1]!.definition) : null;
      const cur = parseDefinition(definition);
      const changes = prev?.ok && cur.ok ? describeChanges(prev.definition, cur.definition, locale) : [];
      return { ...v, changes };
    }),
  };
}

function titleOf(def: FormDefinition, fallback: string): string {
  return def.title?.['zh-CN'] ?? fallback;
}

export const questionnaireRoutes = new Hono<AppEnv>()
  .get('/:id{[0-9]+}/questionnaire', canRead, async (c) => {
    const db = database(c.env.DB);
    const training = await loadTraining(db, Number(c.req.param('id')));
    return c.json(await describe(db, training, c.get('locale')));
  })
  .put('/:id{[0-9]+}/questionnaire', async (c) => {
    const user = organiser(c);
    const body = await jsonBody(c, questionnaireInput);
    const parsed = parseDefinition(body.definition);
    if (!parsed.ok) {
      const fields = Object.fromEntries(parsed.errors.map((e) => [e.path ? `definition.${e.path}` : 'definition', e.message]));
      throw new ApiError(422, 'questionnaire_invalid', { count: parsed.errors.length }, fields);
    }
    const definition = parsed.definition;
    const json = JSON.stringify(definition);
    const db = database(c.env.DB);
    const training = await loadTraining(db, Number(c.req.param('id')));
    const current = await currentForm(db, await trainingFormId(db, training));
    if (JSON.stringify(current.definition) === json) return c.json(await describe(db, training, c.get('locale')));

    const now = Date.now();
    const own = ownFormSlug(training.id);
    try {
      if (current.slug !== own) {
        // Fork: a questionnaire of this training's own, and the training points at it. The slug
        // may survive from an earlier life of the id (a demo reseed keeps forms), so the copy
        // becomes the next version of whatever is there, or version 1 of a new form.
        const title = titleOf(definition, current.title);
        await db.batch([
          db
            .insert(schema.forms)
            .values({ slug: own, kind: 'questionnaire', title, currentVersion: 0, createdAt: now, updatedAt: now })
            .onConflictDoNothing(),
          db
            .update(schema.forms)
            .set({ currentVersion: sql`${schema.forms.currentVersion} + 1`, title, updatedAt: now })
            .where(eq(schema.forms.slug, own)),
          db.insert(fv).select(
            db
              .select({
                // Every column in table order, as drizzle's insert…select requires; a NULL id autoincrements.
                id: sql<null>`NULL`.as('id'),
                formId: schema.forms.id,
                version: schema.forms.currentVersion,
                definition: sql<string>`${json}`.as('definition'),
                createdAt: sql<number>`${now}`.as('created_at'),
                createdBy: sql<number>`${user.id}`.as('created_by'),
              })
              .from(schema.forms)
              .where(eq(schema.forms.slug, own)),
          ),
          db
            .update(schema.trainings)
            .set({ formId: sql`(SELECT id FROM forms WHERE slug = ${own})`, updatedAt: now })
            .where(eq(schema.trainings.id, training.id)),
          auditEntry(
            db,
            user,
            'create',
            'questionnaire',
            own,
            { copiedFrom: current.slug, version: current.version },
            definition,
          ),
        ]);
        return c.json(await describe(db, await loadTraining(db, training.id), c.get('locale')));
      }
      const answered = await db
        .select({
          n: sql<number>`(select count(*) from evaluation_responses r where r.form_version_id = ${current.versionId}) + (select count(*) from evaluation_pending p where p.form_version_id = ${current.versionId})`,
        })
        .from(schema.formVersions)
        .where(eq(schema.formVersions.id, current.versionId))
        .get();
      if ((answered?.n ?? 0) > 0) {
        const next = current.version + 1;
        await db.batch([
          db.insert(fv).values({ formId: current.formId, version: next, definition: json, createdAt: now, createdBy: user.id }),
          // Guarded by the version read above: two editors at once cannot both move it forward.
          db
            .update(schema.forms)
            .set({ currentVersion: next, title: titleOf(definition, current.title), updatedAt: now })
            .where(and(eq(schema.forms.id, current.formId), eq(schema.forms.currentVersion, current.version))),
          auditEntry(db, user, 'update', 'questionnaire', current.slug, { version: current.version }, { version: next }),
        ]);
      } else {
        const [edited] = await db.batch([
          // Edited in place only while still unanswered: an answer arriving since the count above
          // makes this a no-op, and the editor is asked to save again (which makes a new version).
          db
            .update(fv)
            .set({ definition: json, createdBy: user.id })
            .where(
              and(
                eq(fv.id, current.versionId),
                notExists(
                  db
                    .select({ one: sql`1` })
                    .from(schema.evaluationResponses)
                    .where(eq(schema.evaluationResponses.formVersionId, current.versionId)),
                ),
                notExists(
                  db
                    .select({ one: sql`1` })
                    .from(schema.evaluationPending)
                    .where(eq(schema.evaluationPending.formVersionId, current.versionId)),
                ),
              ),
            )
            .returning({ id: fv.id }),
          db
            .update(schema.forms)
            .set({ title: titleOf(definition, current.title), updatedAt: now })
            .where(eq(schema.forms.id, current.formId)),
          auditEntry(db, user, 'update', 'questionnaire', current.slug, current.definition, definition),
        ]);
        if (edited.length === 0) throw new ApiError(409, 'conflict');
      }
    } catch (err) {
      // Someone else saved a new version (or the copy) a moment earlier.
      if (uniqueViolation(err)) throw new ApiError(409, 'conflict');
      throw err;
    }
    return c.json(await describe(db, await loadTraining(db, training.id), c.get('locale')));
  });
