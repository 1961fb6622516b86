/** @jsxImportSource hono/jsx */
/**
 * The frame of the deputy-facing pages: one HTML document with its CSS inlined (one request
 * on a slow rural network), phone-first, readable at 200% zoom, working with JavaScript off.
 */
import type { Child } from 'hono/jsx';
import { html, raw } from 'hono/html';
import { formCss } from '../../forms/render';
import type { Locale } from '../../forms/messages';
import { pt } from '../messages';

/** Page chrome around the form engine's own `.lf-*` styles; contrast ≥ 7:1 throughout. */
export const pageCss = `
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#f3f5f8;color:#0b0c0c;font-family:system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;line-height:1.5}
.ev-top{background:#1d3a5f;color:#fff;border-top:4px solid #a3241e}
.ev-wrap{max-width:42rem;margin:0 auto;padding:0 1rem}
.ev-brand{margin:0;padding:.625rem 0;font-size:1rem;font-weight:700;letter-spacing:.05em}
.ev-main{padding-top:1.25rem;padding-bottom:3rem}
.ev-sheet{background:#fff;border:1px solid #d5dbe3;padding:1.25rem 1rem;margin:0 0 1rem}
.ev-title{font-size:1.5rem;line-height:1.3;margin:0 0 .5rem}
.ev-meta{margin:0 0 .25rem;color:#3f4447;font-size:1rem}
.ev-intro{margin:1rem 0 0}
.ev-note{margin:1rem 0 1.5rem;padding:.75rem 1rem;background:#e8f0fb;border-left:5px solid #1d3f8f;font-size:1rem}
.ev-panel{background:#fff;border:1px solid #d5dbe3;border-top:6px solid #1d3f8f;padding:1.5rem 1rem;margin:0 0 1rem}
.ev-panel--ok{border-top-color:#00703c}
.ev-panel--warn{border-top-color:#a3241e}
.ev-panel h1{font-size:1.5rem;margin:0 0 .75rem}
.ev-panel p{font-size:1.125rem;margin:0 0 .75rem}
.ev-panel .ev-small{font-size:1rem;color:#3f4447}
.ev-list{margin:.5rem 0 0;padding-left:1.25rem;font-size:1.0625rem}
.ev-form-sheet .lf-form{max-width:none}
.ev-panel h2{font-size:1.125rem;margin:1.25rem 0 .25rem}
.ev-main .lf-error-summary a{display:inline}
@media (min-width:40rem){.ev-sheet,.ev-panel{padding:2rem}.ev-title{font-size:1.875rem}}
`.trim();

/** Props of {@link Page}. */
export interface PageProps {
  title: string;
  locale: Locale;
  children?: Child;
  /** Inline script (the draft keeper); the page must work without it. */
  script?: string | undefined;
  /** Include the form engine's CSS (pages with a form). */
  form?: boolean;
}

/** A whole HTML document. */
export function Page(props: PageProps) {
  return html`<!DOCTYPE html>${(
    <html lang={props.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="format-detection" content="telephone=no" />
        <title>{props.title}</title>
        <style>{raw(props.form ? `${pageCss}\n${formCss}` : pageCss)}</style>
      </head>
      <body>
        <header class="ev-top">
          <div class="ev-wrap">
            <p class="ev-brand">{pt(props.locale, 'brand')}</p>
          </div>
        </header>
        <main class="ev-wrap ev-main" id="main">
          {props.children}
        </main>
        {props.script ? <script>{raw(props.script)}</script> : null}
      </body>
    </html>
  )}`;
}

/** A short message page: thank you, already submitted, closed, not found. */
export function MessagePage(props: {
  locale: Locale;
  title: string;
  lines: readonly string[];
  small?: readonly string[];
  tone?: 'ok' | 'info' | 'warn';
  script?: string;
  children?: Child;
}) {
  const tone = props.tone ?? 'info';
  return (
    <Page title={props.title} locale={props.locale} script={props.script}>
      <div class={`ev-panel ev-panel--${tone}`} role={tone === 'warn' ? 'alert' : 'status'}>
        <h1>{props.title}</h1>
        {props.lines.map((line) => (
          <p>{line}</p>
        ))}
        {(props.small ?? []).map((line) => (
          <p class="ev-small">{line}</p>
        ))}
        {props.children}
      </div>
    </Page>
  );
}
