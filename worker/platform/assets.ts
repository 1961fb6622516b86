/**
 * GET /assets/* through the Worker (wrangler.toml's run_worker_first): Vite's fingerprinted
 * files are cached for a year, but a name that does not exist must not come back as the
 * single-page app's index.html — with `immutable`, a browser would keep that HTML under a
 * script's name forever (a stale deploy, a mistyped link). Missing files get a plain 404 that
 * nothing caches.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../env';

/** The year-long caching of fingerprinted files (their names change with their content). */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Serves one fingerprinted dashboard file, or a 404 when there is none by that name. */
export async function serveAsset(c: Context<AppEnv>): Promise<Response> {
  // The casts only matter when the dashboard's tsconfig (DOM types) checks this file.
  const res = await c.env.ASSETS.fetch(c.req.raw as unknown as Parameters<Fetcher['fetch']>[0]);
  const type = res.headers.get('content-type') ?? '';
  // The SPA fallback answers a missing file with index.html (200, text/html).
  if ((res.status === 200 && !type.startsWith('text/html')) || res.status === 304) {
    const out = new Response(res.body as unknown as BodyInit, res as unknown as ResponseInit);
    out.headers.set('Cache-Control', IMMUTABLE);
    out.headers.set('X-Content-Type-Options', 'nosniff');
    return out;
  }
  return c.text('Not found', 404, { 'Cache-Control': 'no-store' });
}
