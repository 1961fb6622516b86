/** @jsxImportSource hono/jsx */
/**
 * The page shell of the residents' pages: one HTML document with its CSS (and at most a tiny
 * script) inline, so the first load is a single request. Landmarks (header, main, footer),
 * `lang` on <html> and on the language switch, and a title that starts with "错误：" when the
 * page shows errors, so screen reader users hear it first.
 */
import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { PropsWithChildren } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../env';
import { type Locale, tx } from './messages';
import { pageCss } from './style';

/** Props of {@link Page}. */
export interface PageProps {
  locale: Locale;
  title: string;
  /** Prefix the title with "错误：". */
  hasErrors?: boolean;
  /** Extra CSS after the page CSS (the form engine's, the poster's). */
  css?: string;
  /** An inline script placed at the end of <body>. */
  script?: string;
  /** Path the language switch links to (the current page). */
  path: string;
}

/** A whole page. Children go inside <main>. */
export function Page(props: PropsWithChildren<PageProps>) {
  const { locale } = props;
  const other: Locale = locale === 'en' ? 'zh-CN' : 'en';
  const title = `${props.hasErrors ? tx(locale, 'error_title_prefix') : ''}${props.title}`;
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="robots" content="noindex" />
        <meta name="format-detection" content="telephone=no" />
        {/* No favicon request: a resident on a slow network fetches exactly one thing. */}
        <link rel="icon" href="data:," />
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: props.css ? `${pageCss}\n${props.css}` : pageCss }} />
      </head>
      <body>
        <header class="pg-head">
          <div class="pg-bar">
            <span class="pg-site">{tx(locale, 'site_name')}</span>
            <a href={`${props.path}?lang=${other}`} lang={other} hreflang={other}>
              {tx(locale, 'switch_language')}
            </a>
          </div>
        </header>
        <main class="pg-main" id="main">
          {props.children}
        </main>
        <footer class="pg-foot">{tx(locale, 'footer')}</footer>
        {props.script && <script dangerouslySetInnerHTML={{ __html: props.script }} />}
      </body>
    </html>
  );
}

/**
 * The locale of a resident's page: `?lang=` (remembered in the `lang` cookie the dashboard
 * shares), else what the request context picked (cookie, then Accept-Language, then Chinese).
 */
export function pageLocale(c: Context<AppEnv>): Locale {
  const asked = c.req.query('lang');
  if (asked === 'en' || asked === 'zh-CN') {
    setCookie(c, 'lang', asked, { path: '/', maxAge: 365 * 86_400, sameSite: 'Lax' });
    return asked;
  }
  return c.get('locale') ?? 'zh-CN';
}

/** Sends a page: HTML, never cached (it holds a fresh submission key or live progress). */
export async function sendPage(c: Context<AppEnv>, page: unknown, status: ContentfulStatusCode = 200) {
  c.header('Cache-Control', 'no-store');
  return c.html(`<!doctype html>${await (page as { toString(): string | Promise<string> }).toString()}`, status);
}

/** A short page with a heading, a paragraph and an optional link back. */
export function MessagePage(props: {
  locale: Locale;
  path: string;
  title: string;
  body: string;
  back?: { href: string; text: string };
}) {
  return (
    <Page locale={props.locale} title={props.title} path={props.path}>
      <h1 class="pg-h1">{props.title}</h1>
      <p class="pg-lead">{props.body}</p>
      {props.back && (
        <p>
          <a href={props.back.href}>{props.back.text}</a>
        </p>
      )}
    </Page>
  );
}
