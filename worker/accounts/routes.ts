/**
 * Sign-in, sign-out, "who am I", and (for admins) the user accounts themselves.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import * as z from 'zod';
import { auditEntry } from '../audit/log';
import { type Database, database, schema } from '../db/client';
import { ROLES, type Role } from '../db/schema';
import type { AppEnv } from '../env';
import { currentUser, requireRole, requireSession } from '../platform/auth/guard';
import { hashPassword, PASSWORD_MIN_LENGTH, passwordProblem } from '../platform/auth/password';
import type { SessionUser } from '../platform/auth/session';
import { endSession, startSession } from '../platform/auth/session';
import { checkCredentials, rememberAddress } from './credentials';
import { uniqueViolation } from '../platform/db-errors';
import { ApiError } from '../platform/errors';
import type { MessageKey } from '../platform/i18n';
import { jsonBody } from '../platform/validation';

const loginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

/** What the dashboard needs to know about the signed-in user. */
function me(user: SessionUser) {
  const { sessionId: _s, ...rest } = user;
  return rest;
}

/** POST /api/auth/password body; exported so the dashboard types its form from it. */
export const passwordChange = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

/** The field error of a new password that breaks the rules, or null. */
function passwordFieldProblem(password: string, username: string): { key: MessageKey; params?: Record<string, number> } | null {
  const problem = passwordProblem(password, username);
  return problem ? { key: `password_${problem}`, params: { min: PASSWORD_MIN_LENGTH } } : null;
}

export const authRoutes = new Hono<AppEnv>()
  .post('/login', async (c) => {
    const body = await jsonBody(c, loginBody);
    const db = database(c.env.DB);
    const { user, address } = await checkCredentials(c, db, body.username, body.password);
    if (!user) throw new ApiError(401, 'invalid_credentials');
    if (!user.active) throw new ApiError(403, 'account_disabled');
    await rememberAddress(db, user.id, address);
    await startSession(c, db, user.id);
    const township = user.townshipId
      ? await db
          .select({ name: schema.townships.name })
          .from(schema.townships)
          .where(eq(schema.townships.id, user.townshipId))
          .get()
      : undefined;
    // The same shape as /me (a department account works for one 承办单位).
    const membership = await db
      .select({ departmentId: schema.departmentMembers.departmentId, departmentName: schema.departments.name })
      .from(schema.departmentMembers)
      .innerJoin(schema.departments, eq(schema.departments.id, schema.departmentMembers.departmentId))
      .where(eq(schema.departmentMembers.userId, user.id))
      .get();
    return c.json({
      user: {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        townshipId: user.townshipId,
        townshipName: township?.name ?? null,
        deputyId: user.deputyId,
        departmentId: membership?.departmentId ?? null,
        departmentName: membership?.departmentName ?? null,
        mustChangePassword: user.mustChangePassword,
      },
    });
  })
  // Changing one's own password: the current one is checked under the sign-in throttle.
  .post('/password', requireSession, async (c) => {
    const body = await jsonBody(c, passwordChange);
    const db = database(c.env.DB);
    const user = currentUser(c);
    const { user: checked } = await checkCredentials(c, db, user.username, body.currentPassword);
    const problems: FieldProblems = {};
    if (!checked || checked.id !== user.id) problems.currentPassword = { key: 'current_password_wrong' };
    const weak = passwordFieldProblem(body.newPassword, user.username);
    if (weak) problems.newPassword = weak;
    else if (body.newPassword === body.currentPassword) problems.newPassword = { key: 'password_unchanged' };
    rejectIfAny(problems);
    await db.batch([
      db
        .update(u)
        .set({ ...(await passwordFields(body.newPassword)), mustChangePassword: false })
        .where(eq(u.id, user.id)),
      // Every other session of this account ends: whoever else held the old password is out.
      db.delete(schema.sessions).where(and(eq(schema.sessions.userId, user.id), ne(schema.sessions.id, user.sessionId))),
      auditEntry(db, user, 'change_password', 'user', user.id, null, { password: true }),
    ]);
    return c.json({ user: { ...me(user), mustChangePassword: false } });
  })
  .post('/logout', async (c) => {
    const user = c.get('user');
    if (user) await endSession(c, database(c.env.DB), user.sessionId);
    return c.body(null, 204);
  })
  // A session that must change its password still learns who it is (the dashboard then asks for it).
  .get('/me', requireSession, (c) => c.json({ user: me(currentUser(c)) }));

/** Letters, digits and . _ -; the dashboard's username hint states the same rule. */
const USERNAME = /^[a-zA-Z0-9_.-]{3,32}$/;

const userFields = {
  displayName: z.string().trim().min(1).max(40),
  role: z.enum(ROLES),
  townshipId: z.number().int().positive().nullable(),
  deputyId: z.number().int().positive().nullable(),
  password: z.string().min(1).max(256),
};
/** POST /api/users body; exported so the dashboard types its form from it. */
export const newUser = z.object({
  username: z.string().trim().regex(USERNAME),
  ...userFields,
  townshipId: userFields.townshipId.default(null),
  deputyId: userFields.deputyId.default(null),
});
/**
 * PATCH /api/users/:id body. No defaults here: zod 4 applies defaults inside optional fields,
 * and a PATCH that only deactivates an account must not clear its township or deputy.
 */
export const userPatch = z.object(userFields).partial().extend({ active: z.boolean().optional() });

const u = schema.users;

function publicUser(row: typeof schema.users.$inferSelect) {
  const { passwordHash: _h, passwordSalt: _s, passwordIterations: _i, usualAddressHash: _a, ...rest } = row;
  return rest;
}

type FieldProblems = Record<string, { key: MessageKey; params?: Record<string, string | number> }>;

/** One 422 with every field problem at once, so the form shows them together. */
function rejectIfAny(fields: FieldProblems): void {
  if (Object.keys(fields).length > 0) throw new ApiError(422, 'validation_failed', {}, fields);
}

/** Hashes a password that already passed `passwordProblem`. */
async function passwordFields(password: string) {
  const h = await hashPassword(password);
  return { passwordHash: h.hash, passwordSalt: h.salt, passwordIterations: h.iterations };
}

function usernameTaken(username: string): never {
  throw new ApiError(
    409,
    'duplicate_username',
    { value: username },
    { username: { key: 'duplicate_username', params: { value: username } } },
  );
}

interface AccountLinks {
  role: Role;
  townshipId: number | null;
  deputyId: number | null;
}

/**
 * Role and links must agree: only staff have a township (none means district-wide; leaders
 * and admins are district-wide by role), and exactly the deputy accounts name an active
 * deputy, whose pages they then see.
 */
async function linkProblems(db: Database, links: AccountLinks): Promise<FieldProblems> {
  const fields: FieldProblems = {};
  if (links.townshipId !== null) {
    if (links.role !== 'staff') fields.townshipId = { key: 'account_township_not_allowed' };
    else {
      const township = await db
        .select({ id: schema.townships.id })
        .from(schema.townships)
        .where(eq(schema.townships.id, links.townshipId))
        .get();
      if (!township) fields.townshipId = { key: 'unknown_township' };
    }
  }
  if (links.role === 'deputy') {
    if (links.deputyId === null) fields.deputyId = { key: 'account_deputy_required' };
    else {
      const deputy = await db
        .select({ active: schema.deputies.active })
        .from(schema.deputies)
        .where(eq(schema.deputies.id, links.deputyId))
        .get();
      if (!deputy?.active) fields.deputyId = { key: 'account_deputy_unknown' };
    }
  } else if (links.deputyId !== null) fields.deputyId = { key: 'account_deputy_not_allowed' };
  return fields;
}

export const userRoutes = new Hono<AppEnv>()
  .use(requireRole('admin'))
  .get('/', async (c) => {
    const rows = await database(c.env.DB)
      .select({
        id: u.id,
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        townshipId: u.townshipId,
        townshipName: schema.townships.name,
        deputyId: u.deputyId,
        deputyName: schema.deputies.name,
        active: u.active,
        mustChangePassword: u.mustChangePassword,
        createdAt: u.createdAt,
        lastLoginAt: u.lastLoginAt,
      })
      .from(u)
      .leftJoin(schema.townships, eq(schema.townships.id, u.townshipId))
      .leftJoin(schema.deputies, eq(schema.deputies.id, u.deputyId))
      .orderBy(u.id)
      .all();
    return c.json({ items: rows });
  })
  .post('/', async (c) => {
    const body = await jsonBody(c, newUser);
    const db = database(c.env.DB);
    // Any letter case: "Donghu" and "donghu" side by side would only confuse people signing in.
    const taken = await db.select({ id: u.id }).from(u).where(sql`lower(${u.username}) = lower(${body.username})`).get();
    if (taken) usernameTaken(body.username);
    const problems = await linkProblems(db, body);
    const weak = passwordFieldProblem(body.password, body.username);
    if (weak) problems.password = weak;
    rejectIfAny(problems);
    const { password, ...fields } = body;
    const values = { ...fields, ...(await passwordFields(password)), createdAt: Date.now() };
    try {
      const [inserted] = await db.batch([
        db.insert(u).values(values).returning(),
        auditEntry(db, currentUser(c), 'create', 'user', body.username, null, fields),
      ]);
      return c.json({ user: publicUser(inserted[0]!) }, 201);
    } catch (err) {
      // Two admins creating the same username at once: the UNIQUE index decides.
      if (uniqueViolation(err) === 'username') usernameTaken(body.username);
      throw err;
    }
  })
  .patch('/:id{[0-9]+}', async (c) => {
    const id = Number(c.req.param('id'));
    const body = await jsonBody(c, userPatch);
    const db = database(c.env.DB);
    const before = await db.select().from(u).where(eq(u.id, id)).get();
    if (!before) throw new ApiError(404, 'not_found');
    // An admin cannot lock themselves out (deactivate, or take away their own admin role).
    if (id === currentUser(c).id && (body.active === false || (body.role !== undefined && body.role !== 'admin'))) {
      throw new ApiError(
        422,
        'account_self_lockout',
        {},
        body.active === false ? undefined : { role: { key: 'account_self_lockout' } },
      );
    }
    // Only a change of role or links is checked, so an old inconsistent account can still be deactivated.
    const problems =
      body.role !== undefined || body.townshipId !== undefined || body.deputyId !== undefined
        ? await linkProblems(db, {
            role: body.role ?? before.role,
            townshipId: body.townshipId !== undefined ? body.townshipId : before.townshipId,
            deputyId: body.deputyId !== undefined ? body.deputyId : before.deputyId,
          })
        : {};
    const weak = body.password !== undefined ? passwordFieldProblem(body.password, before.username) : null;
    if (weak) problems.password = weak;
    rejectIfAny(problems);
    const { password, ...fields } = body;
    // An admin's reset of someone else's password is temporary: the admin knows it, so its
    // owner must choose a new one before doing anything else.
    const reset = password ? { ...(await passwordFields(password)), mustChangePassword: id !== currentUser(c).id } : {};
    const changes = { ...fields, ...reset };
    // Nothing to change (an empty or unknown-keys body): answer with the account as it is.
    if (Object.keys(changes).length === 0) return c.json({ user: publicUser(before) });
    const [updated] = await db.batch([
      db.update(u).set(changes).where(eq(u.id, id)).returning(),
      auditEntry(db, currentUser(c), 'update', 'user', id, publicUser(before), {
        ...fields,
        ...(password ? { password: true } : {}),
      }),
      // A disabled account or a new password ends every open session of that user.
      ...(fields.active === false || password ? [db.delete(schema.sessions).where(eq(schema.sessions.userId, id))] : []),
    ]);
    return c.json({ user: publicUser(updated[0]!) });
  });
