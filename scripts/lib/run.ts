/** Small process helpers shared by the scripts (start, test runner, e2e server, benchmarks). */
import { spawn, type SpawnOptions } from 'node:child_process';

/** Environment for wrangler on an offline machine: no metrics, no Request.cf fetch. */
export const OFFLINE_ENV = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  NO_UPDATE_NOTIFIER: '1',
};

/** Runs a command to completion, inheriting stdio; resolves with the exit code. */
export function run(command: string, args: string[], opts: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env: OFFLINE_ENV, ...opts });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Runs a command and fails loudly when it fails. */
export async function must(command: string, args: string[], opts: SpawnOptions = {}): Promise<void> {
  const code = await run(command, args, opts);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}`);
}
