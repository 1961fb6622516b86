/** @jsxImportSource hono/jsx */
/**
 * The error handler of the residents' pages: an unexpected failure (the database is down)
 * becomes a polite page in the person's language instead of the API's JSON. Bad input never
 * gets here: the routes answer it with 4xx pages themselves.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../env';
import { MessagePage, pageLocale, sendPage } from './layout';
import { tx } from './messages';

/** `onError` of the public sub-apps. */
export function PageErrorPage(c: Context<AppEnv>, err: Error) {
  const locale = pageLocale(c);
  if (err instanceof HTTPException && err.status < 500) {
    const page = (
      <MessagePage
        locale={locale}
        path={c.req.path}
        title={tx(locale, 'bad_request_title')}
        body={tx(locale, 'bad_request_body')}
      />
    );
    return sendPage(c, page, err.status === 413 ? 413 : 400);
  }
  console.error('unhandled error on a public page', c.req.method, c.req.path, err);
  const page = (
    <MessagePage
      locale={locale}
      path={c.req.path}
      title={tx(locale, 'server_error_title')}
      body={tx(locale, 'server_error_body')}
    />
  );
  return sendPage(c, page, 503);
}
