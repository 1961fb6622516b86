/**
 * D1 accounting per request, for the benchmark only: when the Worker runs with the variable
 * `BENCH_METRICS = "1"` (never set in wrangler.toml; `npm run bench` passes it with `--var`)
 * and a request carries `X-Bench-Metrics: 1`, that request's D1 binding is wrapped so the
 * answer reports in headers how many round trips it made to D1 and how many rows D1 read and
 * wrote (D1's own `meta`). Every other request — all of them in production — is untouched.
 *
 * Why not in every answer: D1's `raw()` (what drizzle uses for most selects) returns no
 * `meta`, so counting its rows means asking D1 a second time (see {@link metered}); that is
 * fine for a measurement, not for real traffic.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';

/** What one request cost in D1. */
export interface D1Usage {
  /** Calls that went to the database: every first/all/run/raw/batch/exec. */
  roundTrips: number;
  rowsRead: number;
  rowsWritten: number;
  /** Statements whose rows read could not be known (a write through `raw()`). */
  uncounted: number;
}

type Meta = { rows_read?: number; rows_written?: number };

const READ_ONLY = /^\s*(?:select|with)\b/i;

/** A D1 binding that adds what each call cost to `usage`. */
export function metered(db: D1Database, usage: D1Usage): D1Database {
  const add = (meta: Meta | undefined) => {
    usage.rowsRead += meta?.rows_read ?? 0;
    usage.rowsWritten += meta?.rows_written ?? 0;
  };
  const wrap = (stmt: D1PreparedStatement, sql: string): D1PreparedStatement => {
    const proxy = new Proxy(stmt, {
      get(target, prop, receiver) {
        if (prop === 'bind') return (...values: unknown[]) => wrap(target.bind(...values), sql);
        if (prop === 'all' || prop === 'run')
          return async () => {
            usage.roundTrips++;
            const result = await (target[prop] as () => Promise<D1Result>)();
            add(result.meta);
            return result;
          };
        if (prop === 'first')
          return async (column?: string) => {
            usage.roundTrips++;
            // first() carries no meta; all() of the same statement gives the row and the meta.
            const result = await target.all<Record<string, unknown>>();
            add(result.meta);
            const row = result.results[0] ?? null;
            return column === undefined || row === null ? row : (row[column] ?? null);
          };
        if (prop === 'raw')
          return async (options?: { columnNames?: boolean }) => {
            usage.roundTrips++;
            const rows = await target.raw(options as { columnNames: true });
            if (READ_ONLY.test(sql)) add((await target.all()).meta);
            else usage.uncounted++;
            return rows;
          };
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    originals.set(proxy, stmt);
    return proxy;
  };
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'prepare') return (sql: string) => wrap(target.prepare(sql), sql);
      if (prop === 'batch')
        return async (stmts: D1PreparedStatement[]) => {
          usage.roundTrips++;
          // The binding needs its own statement objects, not the proxies.
          const results = await target.batch(stmts.map((s) => originals.get(s) ?? s));
          for (const r of results) add(r.meta);
          return results;
        };
      if (prop === 'exec')
        return async (sql: string) => {
          usage.roundTrips++;
          return target.exec(sql);
        };
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The binding's own statement behind each metered one (D1's batch() needs the originals). */
const originals = new WeakMap<D1PreparedStatement, D1PreparedStatement>();

/**
 * The middleware (first in worker/index.ts): meters the request when asked, and answers with
 * `X-D1-Round-Trips`, `X-D1-Rows-Read`, `X-D1-Rows-Written` and `X-D1-Uncounted`.
 */
export const d1Metrics: MiddlewareHandler<AppEnv> = async (c, next) => {
  const enabled = (c.env as { BENCH_METRICS?: string }).BENCH_METRICS === '1' && c.req.header('x-bench-metrics') === '1';
  if (!enabled) return next();
  const usage: D1Usage = { roundTrips: 0, rowsRead: 0, rowsWritten: 0, uncounted: 0 };
  c.env = { ...c.env, DB: metered(c.env.DB, usage) };
  await next();
  const headers = new Headers(c.res.headers);
  headers.set('X-D1-Round-Trips', String(usage.roundTrips));
  headers.set('X-D1-Rows-Read', String(usage.rowsRead));
  headers.set('X-D1-Rows-Written', String(usage.rowsWritten));
  headers.set('X-D1-Uncounted', String(usage.uncounted));
  c.res = new Response(c.res.body, { status: c.res.status, headers });
};
