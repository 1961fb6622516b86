/**
 * /api/reply-templates: 常用语 kept as data. Everyone who writes replies or reasons reads the
 * active ones (staff, deputies, departments); admins keep them.
 */
import { and, asc, eq, type SQL } from 'drizzle-orm';
import { Hono } from 'hono';
import { auditEntry } from '../audit/log';
import { database, schema } from '../db/client';
import type { AppEnv } from '../env';
import { currentUser, requireRole } from '../platform/auth/guard';
import { uniqueViolation } from '../platform/db-errors';
import { ApiError } from '../platform/errors';
import { jsonBody, validate } from '../platform/validation';
import { templateInput, templatePatch, templateQuery } from './validation';

const r = schema.replyTemplates;

function titleTaken(err: unknown, title: string | undefined): never {
  if (uniqueViolation(err) !== null || String(err).includes('reply_templates.purpose')) {
    const value = title ?? '';
    throw new ApiError(409, 'template_title_taken', { value }, { title: { key: 'template_title_taken', params: { value } } });
  }
  throw err;
}

export const templateRoutes = new Hono<AppEnv>()
  .get('/', requireRole('admin', 'staff', 'deputy', 'department'), async (c) => {
    const user = currentUser(c);
    const q = validate(templateQuery, c.req.query());
    const filters: SQL[] = [];
    if (q.purpose) filters.push(eq(r.purpose, q.purpose));
    // Inactive templates are an admin's business (to edit or bring back).
    if (!(q.all && user.role === 'admin')) filters.push(eq(r.active, true));
    const items = await database(c.env.DB)
      .select()
      .from(r)
      .where(filters.length ? and(...filters) : undefined)
      .orderBy(asc(r.purpose), asc(r.sortOrder), asc(r.id))
      .all();
    return c.json({ items });
  })
  .post('/', requireRole('admin'), async (c) => {
    const user = currentUser(c);
    const body = await jsonBody(c, templateInput);
    const db = database(c.env.DB);
    const now = Date.now();
    const values = { ...body, createdAt: now, updatedAt: now };
    try {
      const [inserted] = await db.batch([
        db.insert(r).values(values).returning(),
        auditEntry(db, user, 'create', 'reply_template', body.title, null, values),
      ]);
      return c.json({ template: inserted[0]! }, 201);
    } catch (err) {
      titleTaken(err, body.title);
    }
  })
  .patch('/:id{[0-9]+}', requireRole('admin'), async (c) => {
    const user = currentUser(c);
    const id = Number(c.req.param('id'));
    const body = await jsonBody(c, templatePatch);
    const db = database(c.env.DB);
    const before = await db.select().from(r).where(eq(r.id, id)).get();
    if (!before) throw new ApiError(404, 'not_found');
    try {
      const [updated] = await db.batch([
        db
          .update(r)
          .set({ ...body, updatedAt: Date.now() })
          .where(eq(r.id, id))
          .returning(),
        auditEntry(db, user, 'update', 'reply_template', id, before, body),
      ]);
      return c.json({ template: updated[0]! });
    } catch (err) {
      titleTaken(err, body.title);
    }
  });
