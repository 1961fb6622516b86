/**
 * Response headers the Worker adds to everything it answers itself (the dashboard's static
 * files get theirs from dashboard/public/_headers):
 *
 * - **Content-Security-Policy.** Pages allow scripts only by SHA-256 hash of the few inline
 *   scripts the app ships (the draft keepers, the form logic): an injected `<script>`, an
 *   inline event handler or a `javascript:` URL never runs. Styles may be inline (the pages
 *   inline their CSS so a slow phone makes one request; CSS cannot run code). Nothing may
 *   frame a page (`frame-ancestors 'none'`), and forms post only to us. API answers get the
 *   tightest policy (`default-src 'none'`), as JSON is never meant to be rendered.
 * - **Cache-Control.** Every API answer and every page defaults to `no-store`: they carry
 *   personal data, tokens or live state, and a shared phone or proxy must keep no copy. A
 *   handler that chose its own caching (a QR code) keeps it.
 *
 * Hashes rather than nonces: the scripts are constants, so their hashes are computed once per
 * isolate and no page template has to thread a nonce through.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';

/** `'sha256-…'` source expression of an inline script (the exact text between the tags). */
export async function scriptHash(source: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(source));
  let binary = '';
  for (const b of new Uint8Array(digest)) binary += String.fromCharCode(b);
  return `'sha256-${btoa(binary)}'`;
}

/** The policy of the Worker's HTML pages, given the allowed script hashes. */
export function pagePolicy(hashes: readonly string[]): string {
  return [
    "default-src 'none'",
    `script-src ${hashes.length > 0 ? hashes.join(' ') : "'none'"}`,
    "style-src 'unsafe-inline'",
    "img-src 'self' data: blob:",
    // The opinion form's script re-posts the form with fetch() to its own address.
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The policy of JSON, files and everything else that is not a page. */
export const NON_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";

/**
 * Middleware adding the CSP and the default Cache-Control. `inlineScripts` lists the exact
 * text of every inline script any page renders; a script not listed is blocked by browsers
 * (test/worker/platform/headers.test.ts renders every page and checks each script is listed).
 */
export function securityHeaders(inlineScripts: readonly string[]): MiddlewareHandler<AppEnv> {
  let policy: Promise<string> | null = null;
  return async (c, next) => {
    await next();
    const type = c.res.headers.get('content-type') ?? '';
    // Responses passed through from elsewhere (static assets) have immutable headers.
    const headers = c.res.headers;
    try {
      if (type.startsWith('text/html')) {
        policy ??= Promise.all([...new Set(inlineScripts)].map(scriptHash)).then(pagePolicy);
        // A page meant to be framed by the dashboard (the form builder's preview) says so itself.
        const framed = headers.get('Content-Security-Policy') === "frame-ancestors 'self'";
        const page = await policy;
        headers.set('Content-Security-Policy', framed ? page.replace("frame-ancestors 'none'", "frame-ancestors 'self'") : page);
      } else if (!headers.has('Content-Security-Policy')) {
        headers.set('Content-Security-Policy', NON_PAGE_POLICY);
      }
      if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
    } catch {
      // An immutable response (a pass-through) keeps the headers it came with.
    }
  };
}
