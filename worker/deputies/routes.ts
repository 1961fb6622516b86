/**
 * A deputy's own things, for the start page on their phone: the evaluations still waiting
 * for them (with their personal link, which only they may see). Duty days come from
 * /api/receptions/duty and assigned opinions from /api/opinions, which already scope a
 * deputy to their own.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import { database, schema } from '../db/client';
import type { AppEnv } from '../env';
import { currentUser, requireRole } from '../platform/auth/guard';
import { ApiError } from '../platform/errors';

export const deputySelfRoutes = new Hono<AppEnv>().get('/me/evaluations', requireRole('deputy'), async (c) => {
  const user = currentUser(c);
  if (user.deputyId === null) throw new ApiError(403, 'forbidden');
  const e = schema.enrolments;
  const tr = schema.trainings;
  const rows = await database(c.env.DB)
    .select({ trainingId: tr.id, title: tr.title, startsOn: tr.startsOn, endsOn: tr.endsOn, token: e.token })
    .from(e)
    .innerJoin(tr, eq(tr.id, e.trainingId))
    .where(and(eq(e.deputyId, user.deputyId), eq(tr.evaluationStatus, 'open'), isNull(e.submittedOn)))
    .orderBy(desc(tr.startsOn))
    .all();
  const origin = new URL(c.req.url).origin;
  const items = rows.map(({ token, ...r }) => ({ ...r, url: `${origin}/e/${token}` }));
  return c.json({ items });
});
