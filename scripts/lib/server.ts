/**
 * Starts the whole system the way `npm start` does — built dashboard, migrated local D1,
 * demo seed, `wrangler dev` — but on a free port and a private state folder, so browser
 * tests, load tests and benchmarks never touch the developer's own database.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { must, OFFLINE_ENV } from './run';

export interface RunningServer {
  url: string;
  persistDir: string;
  /** The wrangler process; it leads its own process group, workerd included (benchmarks read its CPU and memory). */
  pid?: number;
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

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number, path = '/api/health'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited early with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}${path}`);
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
  /**
   * Raise the `[[ratelimits]]` limits (per key per period) for load tests and benchmarks: the
   * server then runs on a generated copy of the config in a private folder; the real
   * wrangler.toml is never changed. Bindings not named keep their limit.
   */
  rateLimits?: Record<string, number>;
  /**
   * Serve a snapshot: the Worker bundled once (`wrangler deploy --dry-run`) and the dashboard
   * copied, both into a private folder, run with `--no-bundle`. `wrangler dev` otherwise
   * rebuilds and reloads on every source or dashboard/dist change, and requests in flight
   * during a reload get 503s — in a working tree others are editing, a long load test or
   * benchmark would measure their edits.
   */
  snapshot?: boolean;
  /** Another wrangler config (e.g. the bare Worker of the benchmarks); default wrangler.toml. */
  config?: string;
  /** A path that answers 2xx once the Worker is up; default /api/health. */
  healthPath?: string;
}

/** Keys of wrangler.toml whose values are paths, relative to the file they are written in. */
const PATH_KEYS = ['main', 'directory', 'migrations_dir'];

export interface GeneratedConfig {
  /** Raised limits, by binding name (see {@link StartOptions.rateLimits}). */
  rateLimits?: Record<string, number>;
  /** Replacement `main` and `[assets] directory` (absolute paths). */
  main?: string;
  assetsDirectory?: string;
}

/**
 * Writes a copy of the wrangler config `source` into `dir` with the named rate limits raised,
 * `main` / the assets directory replaced if asked, and every other path made absolute, and
 * returns its path. Fails loudly when a named limiter is not found, so a reshaped wrangler.toml
 * cannot silently leave a load test rate-limited.
 */
export function generateConfig(dir: string, change: GeneratedConfig, source = 'wrangler.toml'): string {
  const from = resolve(source);
  const base = dirname(from);
  const limits = change.rateLimits ?? {};
  const pending = new Set(Object.keys(limits));
  const replaced: Record<string, string | undefined> = { main: change.main, directory: change.assetsDirectory };
  let limiter: string | null = null;
  const out = readFileSync(from, 'utf8')
    .split('\n')
    .map((line) => {
      if (/^\s*\[/.test(line)) limiter = null;
      const name = /^\s*name\s*=\s*"([^"]+)"/.exec(line);
      if (name?.[1] && name[1] in limits) limiter = name[1];
      const simple = /^(\s*simple\s*=\s*\{\s*limit\s*=\s*)\d+(.*)$/.exec(line);
      if (simple && limiter !== null) {
        pending.delete(limiter);
        return `${simple[1]}${limits[limiter]}${simple[2]}`;
      }
      const path = /^(\s*)(\w+)(\s*=\s*)"([^"]+)"(.*)$/.exec(line);
      if (path?.[2] && PATH_KEYS.includes(path[2]) && path[4]) {
        const value = replaced[path[2]] ?? (isAbsolute(path[4]) ? path[4] : resolve(base, path[4]));
        return `${path[1]}${path[2]}${path[3]}${JSON.stringify(value)}${path[5]}`;
      }
      return line;
    });
  if (pending.size > 0) throw new Error(`no [[ratelimits]] "simple" limit found in ${source} for ${[...pending].join(', ')}`);
  const file = join(dir, 'wrangler.toml');
  writeFileSync(file, `# Generated by scripts/lib/server.ts from ${from}; do not edit.\n${out.join('\n')}`);
  return file;
}

/** The `[assets] directory` of a wrangler config, absolute, or null. */
function assetsDirectoryOf(source: string): string | null {
  const from = resolve(source);
  const block = /^\[assets\][^[]*/m.exec(readFileSync(from, 'utf8'))?.[0] ?? '';
  const dir = /^\s*directory\s*=\s*"([^"]+)"/m.exec(block)?.[1];
  return dir ? resolve(dirname(from), dir) : null;
}

/** Bundles the Worker and copies its assets into `dir` (see {@link StartOptions.snapshot}). */
async function takeSnapshot(dir: string, source: string, quiet: 'inherit' | 'ignore'): Promise<GeneratedConfig> {
  const worker = join(dir, 'worker');
  await must('wrangler', ['deploy', '--dry-run', '--outdir', worker, '--config', source], { stdio: quiet });
  const assets = assetsDirectoryOf(source);
  const copy = join(dir, 'assets');
  if (assets) cpSync(assets, copy, { recursive: true });
  return { main: join(worker, 'index.js'), assetsDirectory: assets ? copy : undefined };
}

/** Migrates and seeds a fresh state folder, then serves the Worker on a free port. */
export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const persistDir = mkdtempSync(join(tmpdir(), 'lianluo-'));
  const quiet = opts.verbose ? 'inherit' : 'ignore';
  // A generated config (and snapshot) lives in a private folder, removed with the state.
  const own = opts.rateLimits || opts.snapshot ? mkdtempSync(join(tmpdir(), 'lianluo-run-')) : null;
  const cleanUp = () => {
    rmSync(persistDir, { recursive: true, force: true });
    if (own) rmSync(own, { recursive: true, force: true });
  };
  let config = opts.config;
  try {
    if (own) {
      const source = opts.config ?? 'wrangler.toml';
      const snapshot = opts.snapshot ? await takeSnapshot(own, source, quiet) : {};
      config = generateConfig(own, { rateLimits: opts.rateLimits, ...snapshot }, source);
    }
  } catch (err) {
    cleanUp();
    throw err;
  }
  const configArgs = config ? ['--config', config] : [];
  try {
    await must('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistDir, ...configArgs], {
      stdio: quiet,
    });
    if (opts.seedArgs !== null) {
      await must('tsx', ['scripts/seed.ts', '--reset', '--persist-to', persistDir, ...(opts.seedArgs ?? [])], { stdio: quiet });
    }
  } catch (err) {
    cleanUp();
    throw err;
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const vars = Object.entries(opts.vars ?? {}).flatMap(([k, v]) => ['--var', `${k}:${v}`]);
  const child = spawn(
    'wrangler',
    [
      'dev',
      ...configArgs,
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--persist-to',
      persistDir,
      '--inspector-port',
      '0',
      '--show-interactive-dev-session=false',
      // Exposes /__scheduled?cron=… so browser tests can fire the Cron Triggers (worker/scheduled).
      '--test-scheduled',
      ...(opts.snapshot ? ['--no-bundle'] : []),
      ...vars,
    ],
    { env: OFFLINE_ENV, stdio: opts.verbose ? 'inherit' : ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  try {
    await waitForHealth(url, child, 90_000, opts.healthPath);
  } catch (err) {
    console.error(output);
    child.kill('SIGKILL');
    cleanUp();
    throw err;
  }
  return {
    url,
    persistDir,
    pid: child.pid,
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
      cleanUp();
    },
  };
}
