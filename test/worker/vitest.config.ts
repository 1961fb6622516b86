import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// Worker tests run inside workerd (miniflare) against a real local D1 with every migration applied.
const root = new URL('../..', import.meta.url).pathname;

function fixtures(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => !f.endsWith('.py'))
      .map((f) => [f, readFileSync(`${dir}/${f}`).toString('base64')]),
  );
}

export default defineConfig(async () => ({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: `${root}wrangler.toml` },
      miniflare: {
        // A second, empty database for the migration-upgrade test (the setup file migrates DB fully).
        d1Databases: { MIGRATION_DB: 'migration-test-db' },
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations(`${root}migrations`),
          // Binary fixtures (GBK CSV, XLSX) as base64: workerd tests cannot read the file system.
          TEST_FIXTURES: fixtures(`${root}test/fixtures/roster`),
          // Property-based runs per endpoint: 1,000 in `npm test`, 10,000 in `npm run test:fuzz`.
          FUZZ_RUNS: process.env.FUZZ_RUNS ?? '1000',
        },
      },
    }),
  ],
  test: {
    name: 'worker',
    root,
    include: ['test/worker/**/*.test.ts'],
    setupFiles: ['test/worker/setup.ts'],
  },
}));
