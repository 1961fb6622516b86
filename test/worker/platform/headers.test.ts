import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { scriptHash } from '../../../worker/platform/headers';
import { setupTraining } from '../evaluations/helpers';
import { call, seedFixture } from '../helpers';
import { codeOf, ownStation, send, submit, validFields } from '../intake/support';

/** The directives of a CSP header as a map. */
function directives(policy: string | null): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of (policy ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name, values);
  }
  return out;
}

/** The text of every inline <script> of a page. */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
}

/** Checks one rendered page: strict CSP, and every inline script allowed by its hash. */
async function expectStrictPage(res: Response, label: string) {
  expect(res.headers.get('content-type'), label).toMatch(/^text\/html/);
  const csp = directives(res.headers.get('content-security-policy'));
  expect(csp.get('frame-ancestors'), label).toEqual(["'none'"]);
  expect(csp.get('default-src'), label).toEqual(["'none'"]);
  const scriptSrc = csp.get('script-src') ?? [];
  expect(scriptSrc.length, label).toBeGreaterThan(0);
  expect(scriptSrc, label).not.toContain("'unsafe-inline'");
  expect(scriptSrc, label).not.toContain("'unsafe-eval'");
  const html = await res.text();
  for (const script of inlineScripts(html)) {
    expect(scriptSrc, `${label}: inline script ${script.slice(0, 40)}…`).toContain(await scriptHash(script));
  }
  expect(res.headers.get('cache-control'), label).toMatch(/no-store/);
  return html;
}

describe('Content-Security-Policy and caching of the pages the Worker renders', () => {
  it('residents: the station form, the lookup, the tracking page right after submitting', async () => {
    await seedFixture();
    const station = await ownStation();
    const form = await expectStrictPage(await send('GET', `/s/${station}`), '/s');
    expect(inlineScripts(form).length).toBeGreaterThan(0);
    await expectStrictPage(await send('GET', '/t/'), '/t/');
    const code = codeOf(await submit(station, validFields()));
    const tracking = await expectStrictPage(await send('GET', `/t/${code}?new=1`), '/t/:code?new=1');
    expect(inlineScripts(tracking).length).toBe(1);
    await expectStrictPage(await send('GET', '/s/NOSUCH'), '404 page');
  });

  it('deputies: the evaluation form by personal link and its check-in page', async () => {
    const { tokens } = await setupTraining();
    const token = [...tokens.values()][0]!;
    const page = await call('GET', `/e/${token}`);
    expect(page.status).toBe(200);
    const html = await expectStrictPage(page, '/e/:token');
    expect(inlineScripts(html).length).toBeGreaterThan(0);
    await expectStrictPage(await call('GET', '/e/not-a-token'), '/e 404');
  });

  it('API answers: the tightest policy, and no-store on personal data', async () => {
    const { users } = await seedFixture();
    const deputies = await call('GET', '/api/deputies', { cookie: users.staff });
    expect(deputies.status).toBe(200);
    expect(deputies.headers.get('cache-control')).toBe('no-store');
    expect(directives(deputies.headers.get('content-security-policy')).get('default-src')).toEqual(["'none'"]);
    const station = await ownStation();
    const code = codeOf(await submit(station, validFields()));
    const row = await env.DB.prepare('SELECT id FROM opinions WHERE tracking_code = ?').bind(code).first<{ id: number }>();
    const item = await call('GET', `/api/opinions/${row!.id}`, { cookie: users.staff });
    expect(item.status).toBe(200);
    expect(item.headers.get('cache-control')).toMatch(/no-store/);
    const me = await call('GET', '/api/auth/me', { cookie: users.admin });
    expect(me.headers.get('cache-control')).toBe('no-store');
    const failed = await call('GET', '/api/opinions/999999', { cookie: users.staff });
    expect(failed.headers.get('cache-control')).toBe('no-store');
  });
});
