/** Per-request context every route relies on: the locale and the signed-in user (or null). */
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { database } from '../db/client';
import type { AppEnv } from '../env';
import { loadSession } from './auth/session';
import { localeOf } from './i18n';

export const requestContext = createMiddleware<AppEnv>(async (c, next) => {
  c.set('locale', localeOf(getCookie(c, 'lang'), c.req.header('accept-language')));
  c.set('user', null);
  await next();
});

/** Loads the session for API routes (public pages never need it). */
export const sessionUser = createMiddleware<AppEnv>(async (c, next) => {
  c.set('user', await loadSession(c, database(c.env.DB)));
  await next();
});
