/**
 * The bounded version of `npm run test:load`: 500 opinions at 16 concurrent clients, 10% sent
 * twice with the same submission key (racing, or retried after the answer), 2% cut off after
 * sending and retried. It runs on a server of its own — the shared e2e server keeps the real
 * rate limits (10 posts a minute per address), and its database stays free of load rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../scripts/lib/server';
import { formatVerdict, runLoad, storedRows, verify } from '../load/opinions';
import { activeStationCodes, startLoadServer } from '../load/server';

let server: RunningServer;

beforeAll(async () => {
  server = await startLoadServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('load without loss (small)', () => {
  it('stores exactly one opinion per submission key, tells every client the stored code, never answers 5xx', async () => {
    const stations = activeStationCodes(server.persistDir);
    expect(stations.length).toBeGreaterThan(0);
    const marker = `load-small-${Date.now()}`;
    const run = await runLoad({
      baseURL: server.url,
      stations,
      total: 500,
      clients: 16,
      twiceShare: 0.1,
      cutShare: 0.02,
      marker,
    });
    const verdict = verify(run, storedRows(server.persistDir, marker));
    console.log(formatVerdict(verdict, run));
    const detail = verdict.examples.join('\n');
    expect(verdict.lost, detail).toBe(0);
    expect(verdict.duplicated, detail).toBe(0);
    expect(verdict.serverErrors, detail).toBe(0);
    expect(verdict.unanswered, detail).toBe(0);
    expect(verdict.stored).toBe(500);
    expect(verdict.distinct).toBe(500);
    // The scenario really exercised what it claims: duplicates and cut connections.
    expect(verdict.requests).toBeGreaterThanOrEqual(560);
    expect(verdict.cuts).toBeGreaterThan(0);
    expect(verdict.cuts + (verdict.statuses['303'] ?? 0)).toBe(verdict.requests);
  }, 600_000);
});
