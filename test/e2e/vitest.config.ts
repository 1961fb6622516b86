import { defineConfig } from 'vitest/config';

// End-to-end: one real server (wrangler dev + local D1 + demo seed) for the whole run,
// driven by Debian's Chromium through playwright-core. Files run one after another.
export default defineConfig({
  test: {
    name: 'e2e',
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
  },
});
