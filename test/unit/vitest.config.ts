import { defineConfig } from 'vitest/config';

// Pure domain modules (state machine, calendar, form engine, parsers): plain Node, no runtime.
export default defineConfig({
  test: {
    name: 'unit',
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
  },
  esbuild: { jsx: 'automatic', jsxImportSource: 'hono/jsx' },
});
