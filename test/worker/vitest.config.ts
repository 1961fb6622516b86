import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

// Worker tests run inside workerd (miniflare) against a real local D1 with every migration applied.
const root = new URL('../..', import.meta.url).pathname;

export default defineConfig(async () => ({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: `${root}wrangler.toml` },
      miniflare: {
        bindings: { TEST_MIGRATIONS: await readD1Migrations(`${root}migrations`) },
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
