/**
 * Form definitions held as data: the residents' opinion form and the training questionnaires
 * are both rendered and validated by one engine (worker/forms). Definitions are versioned:
 * a version that has answers is never edited; editing makes a new version.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const forms = sqliteTable('forms', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Stable name, e.g. 'opinion' or 'training-default'. */
  slug: text('slug').notNull().unique(),
  kind: text('kind', { enum: ['opinion', 'questionnaire'] }).notNull(),
  title: text('title').notNull(),
  currentVersion: integer('current_version').notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const formVersions = sqliteTable(
  'form_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    formId: integer('form_id')
      .notNull()
      .references(() => forms.id),
    version: integer('version').notNull(),
    /** The JSON definition, validated by worker/forms/definition.ts before it is stored. */
    definition: text('definition').notNull(),
    createdAt: integer('created_at').notNull(),
    createdBy: integer('created_by'),
  },
  (t) => [uniqueIndex('form_versions_form_version').on(t.formId, t.version)],
);

/**
 * Drafts shown by the builder's live preview (iframe) and opened on a phone by QR. Not a
 * version: nobody answers a preview, nothing is stored when its form is submitted. The token
 * is the only key (144 random bits, like the deputies' links) because the phone that scans
 * it is not signed in; rows expire after a day and are swept when new ones are written.
 */
export const formPreviews = sqliteTable(
  'form_previews',
  {
    token: text('token').primaryKey(),
    kind: text('kind', { enum: ['opinion', 'questionnaire'] }).notNull(),
    /** The JSON definition, validated before it is stored. */
    definition: text('definition').notNull(),
    createdBy: integer('created_by').notNull(),
    updatedAt: integer('updated_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('form_previews_expires').on(t.expiresAt)],
);
