/**
 * The Worker's `scheduled()` work. Cron Triggers run in UTC (wrangler.toml): "30 0 * * *" is
 * 08:30 China time, the morning run; "*\/10 * * * *" is the outbox sweep. Every step is
 * idempotent — it looks at what is stored and does only what is still undone — so a run
 * repeated (Cron retries, a manual /__scheduled) changes nothing the second time.
 */
import { database } from '../db/client';
import type { Env } from '../env';
import { loadCalendar } from '../opinions/deadlines';
import { departmentDeadlines } from './departments';
import { runEvaluationSchedules } from './evaluations';
import { sweepOutbox } from './sweep';
import { closeUnrated, flagOverdue } from './system-actions';

/** The cron expression of the morning run (08:30 China time). */
export const MORNING_CRON = '30 0 * * *';
/** The cron expression of the outbox sweep. */
export const SWEEP_CRON = '*/10 * * * *';

/** What a run did, for the log and the tests. */
export interface RunReport {
  cron: string;
  closed: number[];
  flagged: number[];
  opened?: number[];
  evaluationsClosed?: number[];
  invited?: number;
  departmentMessages?: number;
  reset: number;
  enqueued: number;
}

/**
 * The morning run: overdue flags (催办 to deputies), closing unrated opinions, evaluations
 * opening and closing on their dates with invitations, departments' deadline messages, then
 * the sweep hands everything written to the queue.
 */
export async function morningRun(env: Env, now: number): Promise<RunReport> {
  const db = database(env.DB);
  const flagged = await flagOverdue(db, now);
  const closed = await closeUnrated(db, now);
  const evaluations = await runEvaluationSchedules(env.DB, db, now);
  const departmentMessages = await departmentDeadlines(env.DB, await loadCalendar(db), now);
  const { reset, enqueued } = await sweepOutbox(env, now);
  return {
    cron: MORNING_CRON,
    closed,
    flagged: flagged.map((f) => f.id),
    opened: evaluations.opened,
    evaluationsClosed: evaluations.closed,
    invited: evaluations.invited,
    departmentMessages,
    reset,
    enqueued,
  };
}

/** Dispatches one Cron Trigger; an unknown expression runs the sweep only (the harmless part). */
export async function runScheduled(cron: string, env: Env, now: number): Promise<RunReport> {
  if (cron === MORNING_CRON) return morningRun(env, now);
  const { reset, enqueued } = await sweepOutbox(env, now);
  return { cron, closed: [], flagged: [], reset, enqueued };
}
