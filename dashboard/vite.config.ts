/**
 * Vite config for the dashboard single-page app. The build lands in dashboard/dist, which
 * wrangler serves as the Worker's static assets (see wrangler.toml, SPA fallback).
 * Run from the repo root: `vite build --config dashboard/vite.config.ts`.
 */
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig, type ProxyOptions } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const workerOrigin = 'http://127.0.0.1:8787';

/**
 * The Worker rejects cookie-authenticated writes whose Origin is not its own (CSRF check),
 * so in development the proxy presents the Worker's origin instead of Vite's.
 */
const apiProxy: Record<string, ProxyOptions> = {
  '/api': { target: workerOrigin, changeOrigin: true, headers: { origin: workerOrigin } },
};

export default defineConfig({
  root,
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    // Staff use ordinary office PCs and phones; inline small assets but keep chunks cacheable.
    sourcemap: false,
  },
  server: { host: '127.0.0.1', proxy: apiProxy },
  preview: { host: '127.0.0.1', proxy: apiProxy },
});
