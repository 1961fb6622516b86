/**
 * Writing the resident's rating: the row changes planned by the state machine and the
 * timeline event, in one batch guarded by the row's revision. The event is inserted only if
 * the guarded UPDATE changed the row (SQLite's `changes()` is read right after it in the same
 * transaction), so a stale or racing second rating writes nothing at all. `changes()` counts
 * only the UPDATE's own row; D1's `meta.changes` also counts what the statistics triggers
 * write, so it cannot tell.
 */
import { and, eq, sql } from 'drizzle-orm';
import { database, schema } from '../db/client';
import { prepared } from './d1';
import type { Plan } from '../workflow/machine';

type Planned = Extract<Plan, { ok: true }>;

/** Applies a planned resident action; false when the opinion changed since it was read. */
export async function applyResidentPlan(
  d1: D1Database,
  opinion: { id: number; revision: number },
  plan: Planned,
  now: number,
): Promise<boolean> {
  const o = schema.opinions;
  const { event } = plan;
  const db = database(d1);
  const [, applied] = await d1.batch<{ n: number }>([
    prepared(
      d1,
      db
        .update(o)
        .set({ ...plan.changes, revision: opinion.revision + 1, updatedAt: now })
        .where(and(eq(o.id, opinion.id), eq(o.revision, opinion.revision))),
    ),
    d1.prepare('SELECT changes() AS n'),
    prepared(
      d1,
      sql`INSERT INTO ${schema.opinionEvents} (opinion_id, at, actor_user_id, actor_label, action, from_state, to_state, public_reply, internal_note, data)
          SELECT ${opinion.id}, ${now}, NULL, 'resident', ${event.action}, ${event.fromState}, ${event.toState}, ${event.publicReply}, ${event.internalNote}, ${event.data}
          WHERE changes() = 1`,
    ),
  ]);
  return applied?.results[0]?.n === 1;
}
