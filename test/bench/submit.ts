/**
 * Submission throughput: `clients` concurrent clients posting valid opinions, each with its
 * own submission key, through everything a resident's post goes through (rate limits,
 * validation, the idempotency check, the row, its timeline event and the rollup triggers),
 * and the same load against the bare Worker (test/bench/bare/) for the ceiling.
 *
 * The two are measured in alternating rounds, not one after the other: on a shared machine
 * the background load drifts by the minute, and a ratio of two figures taken minutes apart
 * would measure the drift.
 */
import { latencies, type LoadRun, runLoad } from '../load/opinions';

/** A server to post to. */
export interface SubmitTarget {
  baseURL: string;
  stations: readonly string[];
}

export interface SubmitResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  seconds: number;
}

/** One round against one target; every answer must be a 303. */
async function round(target: SubmitTarget, total: number, clients: number): Promise<LoadRun> {
  const run = await runLoad({ ...target, total, clients, twiceShare: 0, cutShare: 0, marker: 'bench-submit' });
  const answers = run.records.flatMap((r) => r.outcomes);
  const wrong = answers.filter((o) => o.kind !== 'answer' || o.status !== 303);
  if (wrong.length > 0) {
    const first = wrong[0]!;
    const what = first.kind === 'answer' ? `HTTP ${first.status}` : first.kind;
    throw new Error(`${target.baseURL}: ${wrong.length} of ${answers.length} posts were not answered 303 (first: ${what})`);
  }
  return run;
}

function summary(runs: readonly LoadRun[]): SubmitResult {
  const merged: LoadRun = {
    records: runs.flatMap((r) => r.records),
    requests: runs.reduce((n, r) => n + r.requests, 0),
    seconds: runs.reduce((n, r) => n + r.seconds, 0),
  };
  const { p50, p99 } = latencies(merged);
  return { rps: merged.requests / merged.seconds, p50, p99, requests: merged.requests, seconds: merged.seconds };
}

/**
 * Posts `total` opinions to each target in `rounds` alternating rounds (after a warm-up of
 * each) and returns one result per target: requests over the time spent on that target.
 */
export async function submitBench(
  targets: readonly SubmitTarget[],
  total: number,
  clients: number,
  rounds = 4,
): Promise<SubmitResult[]> {
  for (const t of targets) await round(t, clients * 2, clients);
  const runs: LoadRun[][] = targets.map(() => []);
  const perRound = Math.ceil(total / rounds);
  for (let done = 0; done < total; done += perRound) {
    const n = Math.min(perRound, total - done);
    for (const [i, t] of targets.entries()) runs[i]!.push(await round(t, n, clients));
  }
  return runs.map(summary);
}
