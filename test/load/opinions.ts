/**
 * Residents' opinion submissions as a load: valid form posts (multipart, like the browser
 * sends) to /s/:stationCode, each with its own submission key, some sent twice (a double tap
 * racing itself, or a retry after the answer), some cut off after sending and then retried as
 * the form's draft script would. Afterwards the database is compared with what every client
 * was told. Shared by `npm run test:load`, its small version in `npm test`, and `npm run bench`.
 */
import { randomUUID } from 'node:crypto';
import type { Agent } from 'node:http';
import { d1Query } from '../../scripts/lib/wrangler';
import { OPINION_CATEGORIES } from '../../worker/forms/defaults/opinion';
import { clientPool, type Outcome, percentile, post } from './http';

/** How one submission key is sent. */
export type Plan = 'once' | 'race' | 'retry' | 'cut';

/** A valid opinion as the form would post it. */
export interface OpinionPost {
  body: Uint8Array;
  contentType: string;
}

const encoder = new TextEncoder();

/** The multipart body of a valid opinion with submission key `key`; `place` marks the run. */
export function opinionPost(key: string, n: number, place: string): OpinionPost {
  const boundary = `----lianluo${randomUUID().replaceAll('-', '')}`;
  const category = OPINION_CATEGORIES[n % OPINION_CATEGORIES.length]!.code;
  const fields: [string, string][] = [
    ['_key', key],
    ['category', category],
    ['body', `第${n}号压力测试意见：村口道路破损严重，雨天积水，老人孩子出行不便，希望尽快修复。`],
    ['place', place],
  ];
  const parts = fields.map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return {
    body: encoder.encode(`${parts.join('')}--${boundary}--\r\n`),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** The tracking code of a success (303 to /t/<code>), or null. */
export function trackingCodeOf(o: Outcome): string | null {
  if (o.kind !== 'answer' || o.status !== 303 || !o.location) return null;
  const m = /\/t\/([^/?#]+)/.exec(o.location);
  return m?.[1] ? decodeURIComponent(m[1]) : null;
}

/** Everything one submission key went through. */
export interface KeyRecord {
  key: string;
  plan: Plan;
  outcomes: Outcome[];
  /** For a cut key: when (epoch ms) the retry was sent; a row received before it came from the cut request. */
  retrySentAt?: number;
}

export interface LoadOptions {
  baseURL: string;
  /** Station codes to spread the opinions over. */
  stations: readonly string[];
  /** Distinct opinions (submission keys). */
  total: number;
  /** Concurrent clients. */
  clients: number;
  /** Share of keys sent twice (half racing each other, half retried after the answer). */
  twiceShare: number;
  /** Share of keys whose first request is cut after sending, then retried. */
  cutShare: number;
  /** Stored as the opinions' place, to find this run's rows. */
  marker: string;
  /** Called every `progressEvery` finished keys. */
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
}

export interface LoadRun {
  records: KeyRecord[];
  requests: number;
  seconds: number;
}

/** Spreads the plans evenly over the keys, deterministically (per hundred keys). */
export function planOf(i: number, twiceShare: number, cutShare: number): Plan {
  const slot = (i * 37) % 100; // 37 is coprime with 100: every slot once per hundred keys
  const twice = Math.round(twiceShare * 100);
  const cut = Math.round(cutShare * 100);
  if (slot < Math.ceil(twice / 2)) return 'race';
  if (slot < twice) return 'retry';
  if (slot < twice + cut) return 'cut';
  return 'once';
}

/** A running estimate of the answer time, to aim the cuts at the moment the Worker is writing. */
class AnswerTime {
  ms = 200;
  add(o: Outcome): void {
    if (o.kind === 'answer') this.ms = 0.9 * this.ms + 0.1 * o.ms;
  }
}

async function sendKey(agent: Agent, o: LoadOptions, i: number, answerTime: AnswerTime): Promise<KeyRecord> {
  const key = randomUUID();
  const plan = planOf(i, o.twiceShare, o.cutShare);
  const url = `${o.baseURL}/s/${o.stations[i % o.stations.length]}`;
  // Each request gets its own body (own multipart boundary), as two real sends would.
  const send = async (opts = {}) => {
    const p = opinionPost(key, i, o.marker);
    const outcome = await post(agent, url, p.body, p.contentType, opts);
    answerTime.add(outcome);
    return outcome;
  };
  const outcomes: Outcome[] = [];
  let retrySentAt: number | undefined;
  if (plan === 'race') {
    outcomes.push(...(await Promise.all([send(), send()])));
  } else if (plan === 'retry') {
    outcomes.push(await send());
    outcomes.push(await send());
  } else if (plan === 'cut') {
    // Cut at 50–100% of the current answer time after the last byte left: some cuts come before
    // the Worker has started, some while it writes, some after the row is stored and only the
    // answer is lost. (An answer that beats its cut counts as an answer, not a cut.)
    const share = 0.5 + ((i * 7) % 11) / 20;
    outcomes.push(await send({ cutAfterSentMs: Math.round(answerTime.ms * share) }));
    await new Promise((r) => setTimeout(r, 50));
    retrySentAt = Date.now();
    outcomes.push(await send());
  } else {
    outcomes.push(await send());
  }
  return { key, plan, outcomes, retrySentAt };
}

/** Runs `total` keys through `clients` concurrent clients. */
export async function runLoad(o: LoadOptions): Promise<LoadRun> {
  const agent = clientPool(o.clients * 2);
  const records: KeyRecord[] = new Array(o.total);
  const answerTime = new AnswerTime();
  let next = 0;
  let done = 0;
  const started = performance.now();
  const client = async () => {
    for (let i = next++; i < o.total; i = next++) {
      records[i] = await sendKey(agent, o, i, answerTime);
      done++;
      if (o.onProgress && done % (o.progressEvery ?? 1000) === 0) o.onProgress(done, o.total);
    }
  };
  await Promise.all(Array.from({ length: o.clients }, client));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { records, requests: records.reduce((n, r) => n + r.outcomes.length, 0), seconds };
}

/** One stored opinion of the run. */
export interface StoredRow {
  k: string;
  c: string;
  /** received_at, epoch ms. */
  t: number;
}

/** This run's opinions as the database holds them (wrangler d1 execute --json on the server's state). */
export function storedRows(persistDir: string, marker: string): StoredRow[] {
  const safe = marker.replaceAll("'", "''");
  return d1Query<StoredRow>(
    `SELECT submission_key AS k, tracking_code AS c, received_at AS t FROM opinions WHERE place = '${safe}'`,
    {
      persistTo: persistDir,
    },
  );
}

export interface Verdict {
  requests: number;
  /** Rows of this run in the database. */
  stored: number;
  /** Distinct submission keys sent. */
  distinct: number;
  /** Keys with no row, or whose client was told a tracking code that is not the one stored. */
  lost: number;
  /** Rows beyond one per key, plus rows for keys nobody sent. */
  duplicated: number;
  /** Answers with status ≥ 500. */
  serverErrors: number;
  /** Keys that never got a success (each was sent until one should have arrived). */
  unanswered: number;
  /** Requests actually cut before their answer. */
  cuts: number;
  /** Cut requests the server stored anyway (the answer was lost, the retry had to find the row). */
  cutButStored: number;
  /** Requests that failed without being cut (refused, reset, timeout). */
  networkErrors: number;
  /** Count of answers by status. */
  statuses: Record<string, number>;
  /** A few examples of what went wrong, for the failure message. */
  examples: string[];
}

/** Compares what the clients were told with what the database holds. */
export function verify(run: LoadRun, rows: readonly StoredRow[]): Verdict {
  const byKey = new Map<string, string[]>();
  const receivedAt = new Map<string, number>();
  for (const r of rows) {
    byKey.set(r.k, [...(byKey.get(r.k) ?? []), r.c]);
    receivedAt.set(r.k, Number(r.t));
  }
  const sent = new Set(run.records.map((r) => r.key));
  const v: Verdict = {
    requests: run.requests,
    stored: rows.length,
    distinct: sent.size,
    lost: 0,
    duplicated: 0,
    serverErrors: 0,
    unanswered: 0,
    cuts: 0,
    cutButStored: 0,
    networkErrors: 0,
    statuses: {},
    examples: [],
  };
  const example = (s: string) => v.examples.length < 10 && v.examples.push(s);
  for (const rec of run.records) {
    const codes = byKey.get(rec.key) ?? [];
    const told = rec.outcomes.map(trackingCodeOf).filter((c): c is string => c !== null);
    for (const o of rec.outcomes) {
      if (o.kind === 'cut') v.cuts++;
      else if (o.kind === 'error') {
        v.networkErrors++;
        example(`${rec.plan} ${rec.key}: ${o.message}`);
      } else {
        v.statuses[o.status] = (v.statuses[o.status] ?? 0) + 1;
        if (o.status >= 500) {
          v.serverErrors++;
          example(`${rec.plan} ${rec.key}: HTTP ${o.status}`);
        }
      }
    }
    if (told.length === 0) {
      v.unanswered++;
      example(
        `${rec.plan} ${rec.key}: no success (${rec.outcomes.map((o) => (o.kind === 'answer' ? o.status : o.kind)).join(', ')})`,
      );
    }
    if (codes.length === 0 || told.some((c) => c !== codes[0])) {
      v.lost++;
      example(`${rec.plan} ${rec.key}: stored [${codes.join(', ')}], told [${told.join(', ')}]`);
    }
    if (codes.length > 1) v.duplicated += codes.length - 1;
    const row = receivedAt.get(rec.key);
    if (rec.retrySentAt !== undefined && rec.outcomes[0]?.kind === 'cut' && row !== undefined && row < rec.retrySentAt) {
      v.cutButStored++;
    }
  }
  for (const [k, codes] of byKey) {
    if (!sent.has(k)) {
      v.duplicated += codes.length;
      example(`row for a key nobody sent: ${k}`);
    }
  }
  return v;
}

/** The one-line result: stored / distinct / lost / duplicated / 5xx, and the rest. */
export function formatVerdict(v: Verdict, run: LoadRun): string {
  const statuses = Object.entries(v.statuses)
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');
  return (
    `stored ${v.stored} / distinct ${v.distinct} / lost ${v.lost} / duplicated ${v.duplicated} / 5xx ${v.serverErrors}\n` +
    `${v.requests} requests in ${run.seconds.toFixed(1)} s (${(v.requests / run.seconds).toFixed(0)}/s): answers ${statuses}; ` +
    `cut before the answer ${v.cuts} (stored anyway, found by the retry: ${v.cutButStored}); network errors ${v.networkErrors}; keys without a success ${v.unanswered}`
  );
}

/** Latency summary of every answered request (ms). */
export function latencies(run: LoadRun): { p50: number; p99: number } {
  const ms = run.records
    .flatMap((r) => r.outcomes)
    .filter((o) => o.kind === 'answer')
    .map((o) => o.ms)
    .sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p99: percentile(ms, 99) };
}
