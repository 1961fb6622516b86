/**
 * /api/departments: the roster of 承办单位 (list and search for the 三议 picker, create, edit,
 * deactivate), their accounts, and the all-or-nothing import from CSV/XLSX.
 *
 * Who: the office (admin, staff) and leaders read the full roster; deputies read names only,
 * for the 三议 picker; admins and district-wide staff change it; admins create accounts.
 */
import type { BatchItem } from 'drizzle-orm/batch';
import { and, asc, eq, or, type SQL, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { auditEntry } from '../audit/log';
import { type Database, database, schema } from '../db/client';
import type { AppEnv } from '../env';
import { currentUser, isDistrictWide, requireRole } from '../platform/auth/guard';
import { hashPassword, PASSWORD_MIN_LENGTH, passwordProblem } from '../platform/auth/password';
import type { SessionUser } from '../platform/auth/session';
import { uniqueViolation } from '../platform/db-errors';
import { ApiError } from '../platform/errors';
import type { MessageKey } from '../platform/i18n';
import { contains } from '../platform/search';
import { jsonBody, validate } from '../platform/validation';
import { IMPORT_ISSUE_TEXT, planDepartmentImport } from './import';
import { departmentInput, departmentPatch, departmentQuery, memberInput } from './validation';

const d = schema.departments;
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** Roster changes are the district office's: admins and district-wide staff. */
function assertEditor(user: SessionUser): void {
  if (user.role !== 'admin' && !(user.role === 'staff' && isDistrictWide(user))) throw new ApiError(403, 'forbidden');
}

function nameTaken(err: unknown, name: string | undefined): never {
  if (uniqueViolation(err) === 'name') {
    const value = name ?? '';
    throw new ApiError(409, 'department_name_taken', { value }, { name: { key: 'department_name_taken', params: { value } } });
  }
  throw err;
}

async function assertTownship(db: Database, townshipId: number | null | undefined) {
  if (townshipId == null) return;
  const row = await db
    .select({ id: schema.townships.id })
    .from(schema.townships)
    .where(eq(schema.townships.id, townshipId))
    .get();
  if (!row) throw new ApiError(422, 'validation_failed', {}, { townshipId: { key: 'unknown_township' } });
}

/** Open items per department (lead or co, current assignments), for the roster table. */
const openCount = sql<number>`(select count(*) from opinion_assignments a where a.department_id = ${d.id} and a.status in ('assigned','signed','answered'))`;
const memberCount = sql<number>`(select count(*) from department_members m where m.department_id = ${d.id})`;

export const departmentRoutes = new Hono<AppEnv>()
  .get('/', requireRole('admin', 'staff', 'leader', 'deputy'), async (c) => {
    const user = currentUser(c);
    const q = validate(departmentQuery, c.req.query());
    const filters: SQL[] = [];
    // Deputies pick from active departments only and see no contacts.
    const namesOnly = user.role === 'deputy';
    if (namesOnly) filters.push(eq(d.active, true));
    else if (q.active !== undefined) filters.push(eq(d.active, q.active));
    if (q.kind) filters.push(eq(d.kind, q.kind));
    if (q.townshipId) filters.push(eq(d.townshipId, q.townshipId));
    if (q.q) filters.push(or(contains(d.name, q.q), contains(d.shortName, q.q))!);
    const rows = await database(c.env.DB)
      .select({
        id: d.id,
        name: d.name,
        shortName: d.shortName,
        kind: d.kind,
        townshipId: d.townshipId,
        townshipName: schema.townships.name,
        contactName: d.contactName,
        contactPhone: d.contactPhone,
        active: d.active,
        openItems: openCount,
        accounts: memberCount,
      })
      .from(d)
      .leftJoin(schema.townships, eq(schema.townships.id, d.townshipId))
      .where(filters.length ? and(...filters) : undefined)
      .orderBy(asc(d.kind), asc(d.id))
      .all();
    const items = namesOnly
      ? rows.map(({ contactName: _n, contactPhone: _p, accounts: _a, ...r }) => ({
          ...r,
          contactName: '',
          contactPhone: '',
          accounts: 0,
        }))
      : rows;
    return c.json({ items });
  })
  .post('/', requireRole('admin', 'staff'), async (c) => {
    const user = currentUser(c);
    assertEditor(user);
    const body = await jsonBody(c, departmentInput);
    const db = database(c.env.DB);
    await assertTownship(db, body.townshipId);
    const now = Date.now();
    const values = { ...body, createdAt: now, updatedAt: now };
    try {
      const [inserted] = await db.batch([
        db.insert(d).values(values).returning(),
        auditEntry(db, user, 'create', 'department', body.name, null, values),
      ]);
      return c.json({ department: inserted[0]! }, 201);
    } catch (err) {
      nameTaken(err, body.name);
    }
  })
  .patch('/:id{[0-9]+}', requireRole('admin', 'staff'), async (c) => {
    const user = currentUser(c);
    assertEditor(user);
    const id = Number(c.req.param('id'));
    const body = await jsonBody(c, departmentPatch);
    const db = database(c.env.DB);
    const before = await db.select().from(d).where(eq(d.id, id)).get();
    if (!before) throw new ApiError(404, 'not_found');
    await assertTownship(db, body.townshipId);
    try {
      const [updated] = await db.batch([
        db
          .update(d)
          .set({ ...body, updatedAt: Date.now() })
          .where(eq(d.id, id))
          .returning(),
        auditEntry(db, user, body.active === false ? 'deactivate' : 'update', 'department', id, before, body),
      ]);
      return c.json({ department: updated[0]! });
    } catch (err) {
      nameTaken(err, body.name);
    }
  })
  .get('/:id{[0-9]+}/members', requireRole('admin'), async (c) => {
    const id = Number(c.req.param('id'));
    const items = await database(c.env.DB)
      .select({
        userId: schema.users.id,
        username: schema.users.username,
        displayName: schema.users.displayName,
        active: schema.users.active,
        lastLoginAt: schema.users.lastLoginAt,
      })
      .from(schema.departmentMembers)
      .innerJoin(schema.users, eq(schema.users.id, schema.departmentMembers.userId))
      .where(eq(schema.departmentMembers.departmentId, id))
      .orderBy(asc(schema.users.id))
      .all();
    return c.json({ items });
  })
  .post('/:id{[0-9]+}/members', requireRole('admin'), async (c) => {
    const user = currentUser(c);
    const id = Number(c.req.param('id'));
    const body = await jsonBody(c, memberInput);
    const db = database(c.env.DB);
    const dept = await db.select({ id: d.id, active: d.active }).from(d).where(eq(d.id, id)).get();
    if (!dept) throw new ApiError(404, 'not_found');
    if (!dept.active) throw new ApiError(422, 'department_unknown');
    const problem = passwordProblem(body.password, body.username);
    if (problem) {
      const key = `password_${problem}` as MessageKey;
      throw new ApiError(422, 'validation_failed', {}, { password: { key, params: { min: PASSWORD_MIN_LENGTH } } });
    }
    const h = await hashPassword(body.password);
    const now = Date.now();
    const u = schema.users;
    try {
      const [created] = await db.batch([
        db
          .insert(u)
          .values({
            username: body.username,
            displayName: body.displayName,
            role: 'department',
            passwordHash: h.hash,
            passwordSalt: h.salt,
            passwordIterations: h.iterations,
            createdAt: now,
          })
          .returning({ id: u.id, username: u.username, displayName: u.displayName }),
        db.insert(schema.departmentMembers).values({
          userId: sql`(select id from users where username = ${body.username})`,
          departmentId: id,
        }),
        auditEntry(db, user, 'create', 'user', body.username, null, {
          role: 'department',
          departmentId: id,
          displayName: body.displayName,
        }),
      ]);
      return c.json({ member: created[0]! }, 201);
    } catch (err) {
      if (uniqueViolation(err) === 'username') {
        throw new ApiError(
          409,
          'duplicate_username',
          { value: body.username },
          {
            username: { key: 'duplicate_username', params: { value: body.username } },
          },
        );
      }
      throw err;
    }
  })
  .post('/import', requireRole('admin', 'staff'), async (c) => {
    const user = currentUser(c);
    assertEditor(user);
    const locale = c.get('locale');
    const dryRun = c.req.query('dryRun') === '1' || c.req.query('dryRun') === 'true';
    const form = await c.req.formData().catch(() => null);
    const file = form?.get('file');
    if (!file || typeof file === 'string') throw new ApiError(400, 'import_no_file');
    if (file.size > MAX_IMPORT_BYTES) throw new ApiError(413, 'body_too_large');
    const bytes = new Uint8Array(await file.arrayBuffer());
    const db = database(c.env.DB);
    const [townships, departments] = await Promise.all([
      db
        .select({ id: schema.townships.id, name: schema.townships.name, code: schema.townships.code })
        .from(schema.townships)
        .all(),
      db
        .select({
          id: d.id,
          name: d.name,
          shortName: d.shortName,
          kind: d.kind,
          townshipId: d.townshipId,
          contactName: d.contactName,
          contactPhone: d.contactPhone,
        })
        .from(d)
        .all(),
    ]);
    const plan = planDepartmentImport(bytes, { townships, departments });
    if (!plan.ok) {
      const rows = plan.errors.map((e) => ({ ...e, message: IMPORT_ISSUE_TEXT[e.code][locale === 'en' ? 1 : 0] }));
      const count = new Set(plan.errors.map((e) => e.row ?? 0)).size;
      throw new ApiError(422, 'department_import_invalid', { count }, undefined, { rows });
    }
    const summary = { created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged, dryRun };
    if (dryRun || plan.creates.length + plan.updates.length === 0) return c.json(summary);
    const now = Date.now();
    const writes: BatchItem<'sqlite'>[] = [
      ...plan.creates.map((r) => db.insert(d).values({ ...r.record, createdAt: now, updatedAt: now })),
      ...plan.updates.map((u) =>
        db
          .update(d)
          .set({ ...u.record, updatedAt: now })
          .where(eq(d.id, u.id)),
      ),
      auditEntry(db, user, 'import', 'department', null, null, {
        created: plan.creates.map((r) => r.record.name),
        updated: plan.updates.map((u) => u.record.name),
      }),
    ];
    await db.batch(writes as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
    return c.json(summary);
  });
