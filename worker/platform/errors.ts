/**
 * One error shape for the whole API: `{ error: { code, message, fields?, ...extra } }`.
 * Handlers throw `ApiError`; `errorHandler` turns it (and anything unexpected) into JSON,
 * with the message in the request's locale.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../env';
import { type MessageKey, t } from './i18n';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: MessageKey,
    readonly params: Record<string, string | number> = {},
    /** Field name → message key (localised when rendered). */
    readonly fields?: Record<string, { key: MessageKey; params?: Record<string, string | number> } | string>,
    /** Extra machine-readable data, e.g. the row errors of an import. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(code);
  }
}

export const notFound = () => new ApiError(404, 'not_found');
export const forbidden = (code: MessageKey = 'forbidden') => new ApiError(403, code);

/** Renders an ApiError as the JSON response body in the given locale. */
export function errorBody(c: Context<AppEnv>, err: ApiError) {
  const locale = c.get('locale') ?? 'zh-CN';
  const fields = err.fields
    ? Object.fromEntries(
        Object.entries(err.fields).map(([name, f]) => [name, typeof f === 'string' ? f : t(locale, f.key, f.params)]),
      )
    : undefined;
  return { error: { code: err.code, message: t(locale, err.code, err.params), ...(fields ? { fields } : {}), ...err.extra } };
}

/** app.onError: known errors keep their status; anything else is logged and answered politely. */
export function errorHandler(err: Error, c: Context<AppEnv>) {
  if (err instanceof ApiError) return c.json(errorBody(c, err), err.status);
  if (err instanceof HTTPException) {
    const status = err.status;
    const code: MessageKey = status === 413 ? 'body_too_large' : status === 401 ? 'unauthenticated' : 'invalid_json';
    if (status < 500) return c.json(errorBody(c, new ApiError(status as ContentfulStatusCode, code)), status);
  }
  console.error('unhandled error', c.req.method, c.req.path, err);
  return c.json(errorBody(c, new ApiError(500, 'internal_error')), 500);
}
