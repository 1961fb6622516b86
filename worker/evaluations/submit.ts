/**
 * Recording a submitted evaluation: participation and answers in ONE D1 batch (atomic), with
 * nothing that links them. The enrolment row learns only the China day of submission; the
 * answer row gets a random id, the training, the questionnaire version, the township and the
 * answers: no deputy, no token, no time, no counter.
 *
 * The answer lands in `evaluation_pending`, which no view reads; the same batch then releases
 * the township's pending answers if they have reached k (release.ts), so results move in
 * steps of at least k answers and never reveal one deputy's submission.
 *
 * Raw D1 statements rather than drizzle: the insert's `WHERE changes() = 1` ties it to the
 * update that precedes it in the same transaction, and that is clearest written as SQL.
 */
import type { Answers } from '../forms';
import { releaseTownshipStatements } from './release';
import { newResponseId } from './tokens';

/** What a submission needs to know. */
export interface Submission {
  enrolmentId: number;
  trainingId: number;
  formVersionId: number;
  townshipId: number | null;
  answers: Answers;
  /** The China calendar day of the submission ('YYYY-MM-DD'). */
  today: string;
  /** For tests only: force the response id (e.g. a duplicate, to prove the batch rolls back). */
  responseId?: string;
}

/**
 * Marks the enrolment submitted and stores the answers, or does neither.
 *
 * One answer per token, even for two requests racing: the UPDATE only matches while
 * `submitted_on IS NULL`, and the INSERT runs only when that UPDATE changed a row
 * (`changes()` reports the previous statement of the same connection; D1 runs a batch's
 * statements in order inside one transaction). The loser changes nothing and learns so.
 *
 * @returns 'recorded', or 'already' when the token had been used.
 */
export async function recordSubmission(d1: D1Database, s: Submission): Promise<'recorded' | 'already'> {
  // RETURNING, not meta.changes: D1 reports a running total there, not the statement's own count.
  const [update, insert] = await d1.batch<{ id: string | number }>([
    d1
      .prepare('UPDATE enrolments SET submitted_on = ?1 WHERE id = ?2 AND submitted_on IS NULL RETURNING id')
      .bind(s.today, s.enrolmentId),
    d1
      .prepare(
        'INSERT INTO evaluation_pending (id, training_id, form_version_id, township_id, answers) SELECT ?1, ?2, ?3, ?4, ?5 WHERE changes() = 1 RETURNING id',
      )
      .bind(s.responseId ?? newResponseId(), s.trainingId, s.formVersionId, s.townshipId, JSON.stringify(s.answers)),
    // Last, so a failure above rolls these back too; with fewer than k pending they change nothing.
    ...releaseTownshipStatements(d1, s.trainingId, s.townshipId, Date.now()),
  ]);
  const updated = update?.results.length ?? 0;
  const inserted = insert?.results.length ?? 0;
  if (updated !== inserted) throw new Error(`evaluation batch out of step: ${updated} updated, ${inserted} inserted`);
  return inserted === 1 ? 'recorded' : 'already';
}

/** Records that the deputy began the form (opened.ts says what counts) (the first day only; later calls change nothing). */
export async function recordOpened(d1: D1Database, enrolmentId: number, today: string): Promise<void> {
  await d1.prepare('UPDATE enrolments SET opened_on = ?1 WHERE id = ?2 AND opened_on IS NULL').bind(today, enrolmentId).run();
}
