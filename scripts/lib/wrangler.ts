/// <reference types="node" />
/**
 * Runs wrangler's D1 commands from scripts (seed, admin-create). Always the project's own
 * wrangler with the project's Node 22 first on PATH, offline-friendly environment, local D1
 * unless `remote` is asked for.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in scripts/lib/). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Which D1 database to talk to: the local one under `.wrangler/state` (default) or the real one. */
export interface D1Target {
  remote?: boolean;
  /** Local persistence directory (wrangler's `--persist-to`), for tests with their own state. */
  persistTo?: string;
}

function targetArgs(target: D1Target): string[] {
  if (target.remote) return ['--remote'];
  return target.persistTo ? ['--local', '--persist-to', target.persistTo] : ['--local'];
}

/** Environment for wrangler: no metrics, no `Request.cf` fetch, node_modules/.bin first on PATH. */
export function wranglerEnv(): NodeJS.ProcessEnv {
  const bin = join(ROOT, 'node_modules', '.bin');
  return {
    ...process.env,
    PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
    WRANGLER_SEND_METRICS: 'false',
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  };
}

/** Raised when wrangler exits non-zero; carries what it printed. */
export class WranglerError extends Error {
  constructor(
    readonly args: string[],
    readonly output: string,
  ) {
    super(`wrangler ${args.join(' ')} failed:\n${output.trim()}`);
    this.name = 'WranglerError';
  }
}

/**
 * Runs wrangler with `args` in the repository root. With `capture` the output is returned
 * instead of shown; otherwise it streams to this terminal.
 */
export function runWrangler(args: string[], { capture = false } = {}): string {
  const local = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'wrangler.cmd' : 'wrangler');
  const command = existsSync(local) ? local : 'wrangler';
  const result = spawnSync(command, args, {
    cwd: ROOT,
    env: wranglerEnv(),
    encoding: 'utf8',
    stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) throw new WranglerError(args, output);
  return result.stdout ?? '';
}

/** Applies `migrations/` to the D1 database (a no-op when it is up to date). */
export function applyMigrations(target: D1Target = {}, { quiet = false } = {}): void {
  runWrangler(['d1', 'migrations', 'apply', 'DB', ...targetArgs(target)], { capture: quiet });
}

/** Runs an SQL file against the database (wrangler splits it into statements). */
export function executeFile(path: string, target: D1Target = {}, { quiet = false } = {}): void {
  runWrangler(['d1', 'execute', 'DB', ...targetArgs(target), '--yes', '--file', path], { capture: quiet });
}

/**
 * Runs one SQL statement and returns its rows. The SQL must carry its values as literals
 * (see scripts/seed/sql.ts): the command line has no bound parameters.
 *
 * @example
 * const [row] = d1Query<{ n: number }>('SELECT count(*) AS n FROM townships');
 */
export function d1Query<T = Record<string, unknown>>(sql: string, target: D1Target = {}): T[] {
  const out = runWrangler(['d1', 'execute', 'DB', ...targetArgs(target), '--json', '--command', sql], {
    capture: true,
  });
  // Wrangler may print a banner before the JSON; the JSON array is the last thing it prints.
  const start = out.indexOf('[');
  if (start < 0) throw new Error(`wrangler printed no JSON:\n${out}`);
  const parsed = JSON.parse(out.slice(start)) as Array<{ results?: T[] }>;
  return parsed.flatMap((r) => r.results ?? []);
}
