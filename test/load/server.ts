/**
 * The server load tests and benchmarks run against: the whole system with the demo seed
 * (scripts/lib/server.ts), on a generated copy of wrangler.toml whose intake rate limits are
 * raised — thousands of posts from one loopback address are a test, not an abuser (the real
 * wrangler.toml keeps its limits) — serving a snapshot of the Worker and dashboard, so edits
 * others make to the working tree meanwhile cannot reload it mid-run (each reload answers the
 * requests in flight with 503).
 */
import { d1Query } from '../../scripts/lib/wrangler';
import { type RunningServer, type StartOptions, startServer } from '../../scripts/lib/server';

/** Per key per minute: far above anything a test sends. */
export const RAISED_LIMITS = { INTAKE_IP_LIMITER: 1_000_000, INTAKE_STATION_LIMITER: 1_000_000 };

/** Starts the system with the rate limits raised (see the module comment). */
export function startLoadServer(opts: StartOptions = {}): Promise<RunningServer> {
  return startServer({ rateLimits: RAISED_LIMITS, snapshot: true, ...opts });
}

/** Codes of the stations residents can post to (active, in an active township). */
export function activeStationCodes(persistDir: string): string[] {
  const rows = d1Query<{ code: string }>(
    'SELECT s.code AS code FROM stations s JOIN townships t ON t.id = s.township_id WHERE s.active = 1 AND t.active = 1 ORDER BY s.id',
    { persistTo: persistDir },
  );
  return rows.map((r) => r.code);
}
