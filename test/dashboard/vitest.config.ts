import { defineConfig } from 'vitest/config';

// Dashboard component tests: Preact components in happy-dom, `fetch` mocked per test.
// The real Worker API is exercised by test/worker and the Chromium tests in test/e2e.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    name: 'dashboard',
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/dashboard/**/*.test.ts', 'test/dashboard/**/*.test.tsx'],
    environment: 'happy-dom',
    // A real-looking origin so history.pushState, cookies and relative fetch URLs behave.
    environmentOptions: { happyDOM: { url: 'http://127.0.0.1:8787/' } },
    setupFiles: ['test/dashboard/setup.ts'],
  },
});
