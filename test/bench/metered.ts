/**
 * Requests measured by D1's own accounting: the bench server runs with `BENCH_METRICS=1`, and
 * a request sent with `X-Bench-Metrics: 1` is answered with its D1 round trips and rows read
 * and written (worker/platform/d1-metrics.ts). Used for the inbox at 1M opinions and for one
 * resident's submission.
 */
import { randomUUID } from 'node:crypto';
import { percentile } from '../load/http';
import { opinionPost } from '../load/opinions';

/** D1's figures for one answer. */
export interface Metered {
  status: number;
  ms: number;
  roundTrips: number;
  rowsRead: number;
  rowsWritten: number;
  uncounted: number;
}

/** Sends one request with metering on and reads the figures back. */
export async function meteredFetch(url: string, init: RequestInit = {}): Promise<Metered> {
  const headers = new Headers(init.headers);
  headers.set('x-bench-metrics', '1');
  const started = performance.now();
  const res = await fetch(url, { ...init, headers, redirect: 'manual' });
  await res.arrayBuffer();
  const ms = performance.now() - started;
  const n = (h: string) => {
    const v = res.headers.get(h);
    if (v === null) throw new Error(`${url}: no ${h} header (is the server running with BENCH_METRICS=1?)`);
    return Number(v);
  };
  return {
    status: res.status,
    ms,
    roundTrips: n('x-d1-round-trips'),
    rowsRead: n('x-d1-rows-read'),
    rowsWritten: n('x-d1-rows-written'),
    uncounted: n('x-d1-uncounted'),
  };
}

/** One combination of the inbox the issue names, and who asks. */
export interface InboxCase {
  name: string;
  path: string;
  cookie: string;
}

/** The inbox combinations of `inbox_rows_read_1m`, for an admin and a township's staff. */
export function inboxCases(admin: string, township: string, trackingCode: string): InboxCase[] {
  return [
    { name: 'default (admin)', path: '/api/opinions', cookie: admin },
    { name: 'township staff default', path: '/api/opinions', cookie: township },
    { name: 'state=open', path: '/api/opinions?state=open', cookie: admin },
    { name: 'overdue=true', path: '/api/opinions?overdue=true', cookie: admin },
    { name: 'sort=due', path: '/api/opinions?sort=due', cookie: admin },
    { name: 'q=道路 (text)', path: `/api/opinions?q=${encodeURIComponent('道路')}`, cookie: admin },
    { name: 'q=<tracking code>', path: `/api/opinions?q=${encodeURIComponent(trackingCode)}`, cookie: admin },
  ];
}

/** Each case: rows read (D1's count, one warm request) and the median time of `repeats`. */
export async function measureInbox(baseURL: string, cases: readonly InboxCase[], repeats = 3) {
  const out: { name: string; rowsRead: number; ms: number; roundTrips: number }[] = [];
  for (const c of cases) {
    const runs: Metered[] = [];
    for (let i = 0; i < repeats + 1; i++) {
      const r = await meteredFetch(`${baseURL}${c.path}`, { headers: { cookie: c.cookie } });
      if (r.status !== 200) throw new Error(`${c.name}: HTTP ${r.status}`);
      if (i > 0) runs.push(r);
      // A combination that takes seconds is measured once: repeating it only costs the run time.
      if (i === 0 && r.ms > 5000) {
        runs.push(r);
        break;
      }
    }
    const ms = percentile(
      runs.map((r) => r.ms).sort((a, b) => a - b),
      50,
    );
    out.push({ name: c.name, rowsRead: runs[0]!.rowsRead, ms, roundTrips: runs[0]!.roundTrips });
  }
  return out;
}

/** One resident's valid submission, metered: its D1 round trips and rows read and written. */
export async function meteredSubmission(baseURL: string, station: string): Promise<Metered> {
  // Submission keys are UUIDs, as the form's own script makes them (anything else is a 400).
  const post = opinionPost(randomUUID(), 1, 'bench-metered');
  const r = await meteredFetch(`${baseURL}/s/${station}`, {
    method: 'POST',
    // Headers as the load test's client sends them (the throughput run is answered 303 so).
    headers: { 'content-type': post.contentType },
    body: post.body as Uint8Array<ArrayBuffer>,
  });
  if (r.status !== 303) throw new Error(`the metered submission was answered ${r.status}, not 303`);
  if (r.roundTrips === 0) throw new Error('the metered submission reports no D1 round trips');
  return r;
}
