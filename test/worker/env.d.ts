import type { D1Migration } from '@cloudflare/vitest-plugin';
import type { Env as WorkerEnv } from '../../worker/env';

declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {
      TEST_MIGRATIONS: D1Migration[];
      TEST_FIXTURES: Record<string, string>;
      FUZZ_RUNS: string;
      MIGRATION_DB: D1Database;
    }
    interface GlobalProps {
      mainModule: typeof import('../../worker/index');
    }
  }
}
