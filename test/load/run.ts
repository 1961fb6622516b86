/**
 * `npm run test:load`: 10,000 residents' opinions at 64 concurrent clients against the local
 * server — 10% sent twice with the same submission key (half racing, half retried), 2% cut
 * off after sending and retried — then the database is checked: exactly one opinion per key,
 * every tracking code a client was given is the one stored for its key, and no 5xx.
 *
 *   tsx test/load/run.ts [--total 10000] [--clients 64] [--verbose] [--url URL --persist-to DIR]
 *
 * With --url and --persist-to it runs against a server already running on that state folder
 * (its rate limits must allow the load), e.g. one started with wrangler's output in view.
 * Exits non-zero when anything was lost, duplicated or answered with a 5xx.
 */
import { parseArgs } from 'node:util';
import type { RunningServer } from '../../scripts/lib/server';
import { formatVerdict, latencies, runLoad, storedRows, verify } from './opinions';
import { activeStationCodes, startLoadServer } from './server';

const { values } = parseArgs({
  options: {
    total: { type: 'string', default: '10000' },
    clients: { type: 'string', default: '64' },
    verbose: { type: 'boolean', default: false },
    url: { type: 'string' },
    'persist-to': { type: 'string' },
  },
});
const total = Number(values.total);
const clients = Number(values.clients);
if (!Number.isSafeInteger(total) || total < 1 || !Number.isSafeInteger(clients) || clients < 1) {
  console.error('usage: tsx test/load/run.ts [--total N] [--clients N] [--verbose] [--url URL --persist-to DIR]');
  process.exit(2);
}
if ((values.url === undefined) !== (values['persist-to'] === undefined)) {
  console.error('--url and --persist-to go together: the check reads the database behind the server');
  process.exit(2);
}

const server: Pick<RunningServer, 'url' | 'persistDir' | 'stop'> =
  values.url && values['persist-to']
    ? { url: values.url.replace(/\/$/, ''), persistDir: values['persist-to'], stop: async () => undefined }
    : await (async () => {
        console.log('starting the server (migrated + seeded local D1, raised rate limits)…');
        return startLoadServer({ verbose: values.verbose });
      })();
let failed = true;
try {
  const stations = activeStationCodes(server.persistDir);
  if (stations.length === 0) throw new Error('the seeded database has no active station');
  const marker = `load-${Date.now()}`;
  console.log(`${total} opinions, ${clients} clients, ${stations.length} stations, ${server.url}`);
  const run = await runLoad({
    baseURL: server.url,
    stations,
    total,
    clients,
    twiceShare: 0.1,
    cutShare: 0.02,
    marker,
    progressEvery: Math.max(100, Math.round(total / 10)),
    onProgress: (done, all) => console.log(`  ${done}/${all}`),
  });
  const verdict = verify(run, storedRows(server.persistDir, marker));
  const { p50, p99 } = latencies(run);
  console.log(`\n${formatVerdict(verdict, run)}\nlatency p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms`);
  for (const e of verdict.examples) console.log(`  ${e}`);
  failed = verdict.lost > 0 || verdict.duplicated > 0 || verdict.serverErrors > 0 || verdict.unanswered > 0;
  console.log(failed ? '\nFAIL' : '\nOK: nothing lost, nothing duplicated, no 5xx');
} catch (err) {
  console.error(err);
} finally {
  await server.stop();
}
process.exit(failed ? 1 : 0);
