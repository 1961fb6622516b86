/**
 * Templates as stored: a row in `message_templates` overrides the built-in default of the
 * same id (admins edit the text and the provider's template id); ids without a default are
 * not templates.
 */
import { eq } from 'drizzle-orm';
import { type Database, schema } from '../db/client';
import { DEFAULT_TEMPLATES, defaultTemplate, type Template } from './templates';

const t = schema.messageTemplates;

/** The template in force for `id`, or null when there is no such template (or it is switched off). */
export async function loadTemplate(db: Database, id: string): Promise<Template | null> {
  const base = defaultTemplate(id);
  if (!base) return null;
  const row = await db.select().from(t).where(eq(t.id, id)).get();
  if (!row) return base;
  if (!row.active) return null;
  return { ...base, body: row.body, providerTemplateId: row.providerTemplateId };
}

/** Every template in force, defaults merged with stored edits, in the defaults' order. */
export async function allTemplates(db: Database): Promise<(Template & { edited: boolean; active: boolean })[]> {
  const rows = new Map((await db.select().from(t).all()).map((r) => [r.id, r]));
  return DEFAULT_TEMPLATES.map((base) => {
    const row = rows.get(base.id);
    return row
      ? { ...base, body: row.body, providerTemplateId: row.providerTemplateId, edited: true, active: row.active }
      : { ...base, edited: false, active: true };
  });
}
