/**
 * Starts the whole system the way `npm start` does — built dashboard, migrated local D1,
 * demo seed, `wrangler dev` — but on a free port and a private state folder, so browser
 * tests, load tests and benchmarks never touch the developer's own database.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { must, OFFLINE_ENV } from './run';

export interface RunningServer {
  url: string;
  persistDir: string;
  stop(): Promise<void>;
}

/** Asks the OS for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited early with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${url} did not become healthy in ${timeoutMs} ms`);
}

export interface StartOptions {
  /** Seed arguments; default is the demo district. Pass null to start with an empty (migrated) database. */
  seedArgs?: string[] | null;
  /** Show wrangler's output (default: only on failure). */
  verbose?: boolean;
  /** Extra `--var NAME:VALUE` settings for wrangler dev. */
  vars?: Record<string, string>;
}

/** Migrates and seeds a fresh state folder, then serves the Worker on a free port. */
export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const persistDir = mkdtempSync(join(tmpdir(), 'lianluo-'));
  const quiet = opts.verbose ? 'inherit' : 'ignore';
  await must('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistDir], { stdio: quiet });
  if (opts.seedArgs !== null) {
    await must('tsx', ['scripts/seed.ts', '--reset', '--persist-to', persistDir, ...(opts.seedArgs ?? [])], { stdio: quiet });
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const vars = Object.entries(opts.vars ?? {}).flatMap(([k, v]) => ['--var', `${k}:${v}`]);
  const child = spawn(
    'wrangler',
    ['dev', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', persistDir, '--inspector-port', '0', '--show-interactive-dev-session=false', ...vars],
    { env: OFFLINE_ENV, stdio: opts.verbose ? 'inherit' : ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  try {
    await waitForHealth(url, child, 90_000);
  } catch (err) {
    console.error(output);
    child.kill('SIGKILL');
    throw err;
  }
  return {
    url,
    persistDir,
    async stop() {
      if (child.exitCode === null && child.pid) {
        // wrangler spawns workerd; kill the whole process group.
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          child.kill('SIGTERM');
        }
        await new Promise((r) => setTimeout(r, 300));
      }
      rmSync(persistDir, { recursive: true, force: true });
    },
  };
}
