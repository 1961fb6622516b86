/**
 * Moving answers from `evaluation_pending` to `evaluation_responses` in batches of at least k
 * (see disclosure.ts for why). Every statement re-checks its own threshold inside SQL, so a
 * decision taken on counts read a moment earlier can never release fewer than k: two requests
 * racing to release the same township find, in their own transaction, either ≥ k rows or none.
 *
 * Raw D1 statements rather than drizzle: the conditions are subqueries on the same rows the
 * statement moves, which is clearest written as SQL. A release is three statements, in order,
 * inside the caller's batch: log it, copy the rows, delete the copied rows from pending.
 */
import { RELEASE_K, releasePlan } from './disclosure';

/** How many answers of each township (null: none) wait for release in one training. */
export async function pendingCounts(d1: D1Database, trainingId: number): Promise<Map<number | null, number>> {
  const rows = await d1
    .prepare(
      'SELECT township_id AS townshipId, count(*) AS n FROM evaluation_pending WHERE training_id = ?1 GROUP BY township_id',
    )
    .bind(trainingId)
    .all<{ townshipId: number | null; n: number }>();
  return new Map(rows.results.map((r) => [r.townshipId, r.n]));
}

/**
 * The statements that release one township's pending answers if, when they run, at least k
 * wait. Safe to append to any batch: with fewer than k pending they change nothing.
 */
export function releaseTownshipStatements(
  d1: D1Database,
  trainingId: number,
  townshipId: number | null,
  now: number,
  k = RELEASE_K,
): D1PreparedStatement[] {
  const group = 'training_id = ?1 AND township_id IS ?2';
  const due = `(SELECT count(*) FROM evaluation_pending WHERE ${group}) >= ?3`;
  return [
    d1
      .prepare(
        `INSERT INTO evaluation_releases (training_id, township_id, responses, released_at) SELECT ?1, ?2, n, ?4 FROM (SELECT count(*) AS n FROM evaluation_pending WHERE ${group}) WHERE n >= ?3`,
      )
      .bind(trainingId, townshipId, k, now),
    d1
      .prepare(
        `INSERT INTO evaluation_responses (id, training_id, form_version_id, township_id, answers) SELECT id, training_id, form_version_id, township_id, answers FROM evaluation_pending WHERE ${group} AND ${due}`,
      )
      .bind(trainingId, townshipId, k),
    d1
      .prepare(
        `DELETE FROM evaluation_pending WHERE ${group} AND id IN (SELECT id FROM evaluation_responses WHERE training_id = ?1)`,
      )
      .bind(trainingId, townshipId),
  ];
}

/**
 * The statements that release every answer still pending, together and without a township,
 * if the training is closed and at least k wait. Run after the townships' own releases, so
 * only their leftovers (each below k) are pooled; the township is dropped because a pool of
 * a township's 2 answers and another's 3 must not say which are whose.
 */
export function releasePoolStatements(d1: D1Database, trainingId: number, now: number, k = RELEASE_K): D1PreparedStatement[] {
  const due = `(SELECT count(*) FROM evaluation_pending WHERE training_id = ?1) >= ?2 AND (SELECT evaluation_status FROM trainings WHERE id = ?1) = 'closed'`;
  return [
    d1
      .prepare(
        `INSERT INTO evaluation_releases (training_id, township_id, responses, released_at) SELECT ?1, NULL, (SELECT count(*) FROM evaluation_pending WHERE training_id = ?1), ?3 WHERE ${due}`,
      )
      .bind(trainingId, k, now),
    d1
      .prepare(
        `INSERT INTO evaluation_responses (id, training_id, form_version_id, township_id, answers) SELECT id, training_id, form_version_id, NULL, answers FROM evaluation_pending WHERE training_id = ?1 AND ${due}`,
      )
      .bind(trainingId, k),
    d1
      .prepare(
        'DELETE FROM evaluation_pending WHERE training_id = ?1 AND id IN (SELECT id FROM evaluation_responses WHERE training_id = ?1)',
      )
      .bind(trainingId),
  ];
}

/**
 * The statements that release whatever is due in a training: each township's batch of ≥ k,
 * then (when closed) the pooled leftovers. `pending` is the current count per township, used
 * only to choose which statements to send; the statements re-check the thresholds.
 */
export function releaseDueStatements(
  d1: D1Database,
  trainingId: number,
  pending: ReadonlyMap<number | null, number>,
  closing: boolean,
  now: number,
): D1PreparedStatement[] {
  const plan = releasePlan(pending, closing);
  return [
    ...plan.townships.flatMap((t) => releaseTownshipStatements(d1, trainingId, t, now)),
    ...(closing ? releasePoolStatements(d1, trainingId, now) : []),
  ];
}
