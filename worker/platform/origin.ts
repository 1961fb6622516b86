/**
 * CSRF protection for cookie-authenticated JSON writes. Hono's csrf() only looks at form
 * content types, so every unsafe /api request is checked here: a browser always sends
 * Origin (or at least Sec-Fetch-Site) on such requests, and it must be our own origin.
 * Requests with neither header come from non-browser clients, which cannot ride a
 * victim's cookie, so they pass.
 */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { ApiError } from './errors';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export const sameOriginWrites = createMiddleware<AppEnv>(async (c, next) => {
  if (!SAFE.has(c.req.method)) {
    const origin = c.req.header('origin');
    const fetchSite = c.req.header('sec-fetch-site');
    const self = new URL(c.req.url).origin;
    if (origin !== undefined && origin !== self) throw new ApiError(403, 'bad_origin');
    if (origin === undefined && fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
      throw new ApiError(403, 'bad_origin');
    }
  }
  await next();
});
