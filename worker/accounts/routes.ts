/**
 * Sign-in, sign-out, "who am I", and (for admins) the user accounts themselves.
 */
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { auditEntry } from '../audit/log';
import { database, schema } from '../db/client';
import { ROLES } from '../db/schema';
import type { AppEnv } from '../env';
import { currentUser, requireRole } from '../platform/auth/guard';
import { hashPassword, passwordProblem, verifyPassword } from '../platform/auth/password';
import type { SessionUser } from '../platform/auth/session';
import { endSession, startSession } from '../platform/auth/session';
import { clearFailures, recordFailure, throttledMinutes } from '../platform/auth/throttle';
import { ApiError } from '../platform/errors';
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

function clientIp(req: { header(name: string): string | undefined }): string {
  return req.header('cf-connecting-ip') ?? req.header('x-real-ip') ?? 'local';
}

export const authRoutes = new Hono<AppEnv>()
  .post('/login', async (c) => {
    const body = await jsonBody(c, loginBody);
    const db = database(c.env.DB);
    const ip = clientIp(c.req);
    const wait = await throttledMinutes(db, body.username, ip);
    if (wait > 0) throw new ApiError(429, 'too_many_attempts', { minutes: wait });
    const user = await db.select().from(schema.users).where(eq(schema.users.username, body.username)).get();
    // Verify even for unknown users so timing does not reveal which usernames exist.
    const stored = user
      ? { hash: user.passwordHash, salt: user.passwordSalt, iterations: user.passwordIterations }
      : { hash: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', salt: 'AAAAAAAAAAAAAAAAAAAAAA==', iterations: 100_000 };
    const valid = await verifyPassword(body.password, stored);
    if (!user || !valid) {
      await recordFailure(db, body.username, ip);
      throw new ApiError(401, 'invalid_credentials');
    }
    if (!user.active) throw new ApiError(403, 'account_disabled');
    await clearFailures(db, body.username);
    await startSession(c, db, user.id);
    const township = user.townshipId
      ? await db
          .select({ name: schema.townships.name })
          .from(schema.townships)
          .where(eq(schema.townships.id, user.townshipId))
          .get()
      : undefined;
    return c.json({
      user: {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        townshipId: user.townshipId,
        townshipName: township?.name ?? null,
        deputyId: user.deputyId,
      },
    });
  })
  .post('/logout', async (c) => {
    const user = c.get('user');
    if (user) await endSession(c, database(c.env.DB), user.sessionId);
    return c.body(null, 204);
  })
  .get('/me', requireRole(...ROLES), (c) => c.json({ user: me(currentUser(c)) }));

const newUser = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z0-9_.-]{3,32}$/),
  displayName: z.string().trim().min(1).max(40),
  role: z.enum(ROLES),
  townshipId: z.number().int().positive().nullable().default(null),
  deputyId: z.number().int().positive().nullable().default(null),
  password: z.string().min(1).max(256),
});
const userPatch = newUser.omit({ username: true }).partial().extend({ active: z.boolean().optional() });

function publicUser(u: typeof schema.users.$inferSelect) {
  const { passwordHash: _h, passwordSalt: _s, passwordIterations: _i, ...rest } = u;
  return rest;
}

async function passwordFields(password: string) {
  const problem = passwordProblem(password);
  if (problem) throw new ApiError(422, 'validation_failed', {}, { password: { key: 'field_invalid' } });
  const h = await hashPassword(password);
  return { passwordHash: h.hash, passwordSalt: h.salt, passwordIterations: h.iterations };
}

export const userRoutes = new Hono<AppEnv>()
  .use(requireRole('admin'))
  .get('/', async (c) => {
    const rows = await database(c.env.DB).select().from(schema.users).orderBy(schema.users.id).all();
    return c.json({ items: rows.map(publicUser) });
  })
  .post('/', async (c) => {
    const body = await jsonBody(c, newUser);
    const db = database(c.env.DB);
    const taken = await db
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(eq(schema.users.username, body.username))
      .get();
    if (taken)
      throw new ApiError(
        409,
        'duplicate_name',
        { value: body.username },
        { username: { key: 'duplicate_name', params: { value: body.username } } },
      );
    const { password, ...fields } = body;
    const values = { ...fields, ...(await passwordFields(password)), createdAt: Date.now() };
    const [inserted] = await db.batch([
      db.insert(schema.users).values(values).returning(),
      auditEntry(db, currentUser(c), 'create', 'user', body.username, null, fields),
    ]);
    return c.json({ user: publicUser(inserted[0]!) }, 201);
  })
  .patch('/:id{[0-9]+}', async (c) => {
    const id = Number(c.req.param('id'));
    const body = await jsonBody(c, userPatch);
    const db = database(c.env.DB);
    const before = await db.select().from(schema.users).where(eq(schema.users.id, id)).get();
    if (!before) throw new ApiError(404, 'not_found');
    const { password, ...fields } = body;
    const changes = { ...fields, ...(password ? await passwordFields(password) : {}) };
    const [updated] = await db.batch([
      db.update(schema.users).set(changes).where(eq(schema.users.id, id)).returning(),
      auditEntry(db, currentUser(c), 'update', 'user', id, publicUser(before), {
        ...fields,
        ...(password ? { password: true } : {}),
      }),
      // A disabled account or a new password ends every open session of that user.
      ...(fields.active === false || password ? [db.delete(schema.sessions).where(eq(schema.sessions.userId, id))] : []),
    ]);
    return c.json({ user: publicUser(updated[0]!) });
  });
