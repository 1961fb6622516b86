import { defineConfig } from 'vitest/config';

// Pure domain modules (state machine, calendar, form engine, parsers): plain Node, no runtime.
export default defineConfig({
  test: {
    name: 'unit',
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    // Some tests build the whole demo seed; a busy 2-core CI machine needs headroom.
    testTimeout: 60_000,
  },
  // Vite 8 compiles with oxc: server-rendered pages use hono/jsx.
  oxc: { jsx: { runtime: 'automatic', importSource: 'hono/jsx' } },
});
