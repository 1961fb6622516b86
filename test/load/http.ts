/**
 * A small HTTP/1.1 client for load tests and benchmarks, on node:http rather than fetch: it
 * knows the moment a request has been handed to the network ('finish'), so a test can cut the
 * connection exactly "after the request was sent, before the answer", and it never follows
 * redirects (the 303 and its Location are the answer being measured).
 */
import { Agent, request } from 'node:http';

/** What became of one request. */
export type Outcome =
  | { kind: 'answer'; status: number; location: string | null; ms: number }
  /** The client cut the connection after sending and before any answer arrived. */
  | { kind: 'cut'; ms: number }
  /** The connection failed without the client cutting it (refused, reset, timed out). */
  | { kind: 'error'; message: string; ms: number };

export interface SendOptions {
  /** Cut the connection this many ms after the request was fully sent (AbortController). */
  cutAfterSentMs?: number;
  /** Give up after this long (counts as an error). Default 60 s. */
  timeoutMs?: number;
}

/** A keep-alive pool sized for `clients` concurrent clients, like that many browsers. */
export function clientPool(clients: number): Agent {
  return new Agent({ keepAlive: true, maxSockets: clients, maxFreeSockets: clients });
}

/** POSTs `body` to `url` and resolves with what happened; never rejects. */
export function post(agent: Agent, url: string, body: Uint8Array, contentType: string, opts: SendOptions = {}): Promise<Outcome> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const controller = new AbortController();
  return new Promise<Outcome>((resolve) => {
    let settled = false;
    let cut = false;
    let answered = false;
    const done = (o: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(o);
    };
    const timer = setTimeout(() => {
      controller.abort();
      done({ kind: 'error', message: 'timeout', ms: elapsed() });
    }, opts.timeoutMs ?? 60_000);
    const req = request(url, {
      method: 'POST',
      agent,
      signal: controller.signal,
      headers: { 'content-type': contentType, 'content-length': String(body.byteLength) },
    });
    req.on('response', (res) => {
      if (cut) return;
      answered = true;
      res.resume();
      res.on('error', () => undefined);
      res.on('end', () => {
        const location = res.headers.location ?? null;
        done({ kind: 'answer', status: res.statusCode ?? 0, location, ms: elapsed() });
      });
    });
    req.on('error', (err) => done(cut ? { kind: 'cut', ms: elapsed() } : { kind: 'error', message: err.message, ms: elapsed() }));
    if (opts.cutAfterSentMs !== undefined) {
      const after = opts.cutAfterSentMs;
      req.on('finish', () => {
        setTimeout(() => {
          // An answer that beat the cut is an answer: this request was not cut.
          if (settled || answered) return;
          cut = true;
          controller.abort();
          done({ kind: 'cut', ms: elapsed() });
        }, after);
      });
    }
    req.end(body);
  });
}

/** Percentile (nearest rank) of an ascending-sorted list; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}
