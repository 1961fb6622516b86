/**
 * Issue 6 in the browser: a resident's stored HTML/script/`javascript:` payloads never run in
 * the staff, deputy or leader pages (the test listens for dialogs and for the payload's side
 * effect), exports carry no live formulas, the login page passes axe, and the resident form
 * still works at 200% text size on a 360 px phone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, baseURL, launch, newContext, screenshot, signIn } from './browser';

const PAYLOAD_BODY =
  '路灯坏了<img src=x onerror="window.__xss=1;alert(1)"><script>window.__xss=2</script> 详见 javascript:alert(3)';
const PAYLOAD_PLACE = '<a href="javascript:window.__xss=4">点我</a>';
const PAYLOAD_NAME = '=HYPERLINK("http://evil.example","x")';

let browser: Browser;
let stationCode: string;
let trackingCode: string;

beforeAll(async () => {
  browser = await launch();
  const login = await fetch(`${baseURL()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'chengguan', password: 'lianluo2026' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { items } = (await (await fetch(`${baseURL()}/api/stations`, { headers: { cookie } })).json()) as {
    items: { code: string; name: string }[];
  };
  stationCode = items.find((s) => s.name === '城关街道人大代表联络站')!.code;
});

afterAll(async () => {
  await browser?.close();
});

/** Fails the test if anything the resident typed runs as script in this page. */
function watchForScript(page: Page): { fired: () => boolean } {
  let dialog = false;
  page.on('dialog', (d) => {
    dialog = true;
    void d.dismiss();
  });
  return { fired: () => dialog };
}

async function assertInert(page: Page, watcher: { fired: () => boolean }) {
  await page.waitForTimeout(300);
  expect(watcher.fired()).toBe(false);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
}

describe('stored payloads stay text', () => {
  it('a resident submits HTML, script and formula payloads', async () => {
    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    await page.goto(`/s/${stationCode}`);
    await page.locator('input[name="category"]').first().check();
    await page.fill('textarea[name="body"]', PAYLOAD_BODY);
    await page.fill('input[name="place"]', PAYLOAD_PLACE);
    await page.fill('input[name="reporter_name"]', PAYLOAD_NAME);
    await page.fill('input[name="reporter_phone"]', '13912345678');
    await page.locator('input[name="consent"]').check();
    await page.getByRole('button', { name: /提交/ }).click();
    await page.waitForURL(/\/t\/[A-Z0-9]+/);
    trackingCode = new URL(page.url()).pathname.split('/').pop()!.replace('-', '');
    expect(trackingCode).toMatch(/^[A-Z0-9]{8}$/);
    await context.close();
  });

  for (const who of ['chengguan', 'leader', 'admin'] as const) {
    it(`never runs in the inbox or item page as ${who}`, async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      const watcher = watchForScript(page);
      await signIn(page, who);
      await page.goto(`/opinions?q=${trackingCode}`);
      await page
        .getByText(/路灯坏了/)
        .first()
        .waitFor();
      await assertInert(page, watcher);
      // The inbox is filtered to this one opinion: open it (client-side route, no page load).
      await page.locator('main a.code').filter({ visible: true }).first().click();
      await page.waitForURL(/\/opinions\/\d+/, { waitUntil: 'commit' });
      await page.getByText('<img src=x onerror', { exact: false }).first().waitFor();
      // Links the resident typed are not links.
      expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
      await assertInert(page, watcher);
      await context.close();
    });
  }

  it('never runs on the public tracking page', async () => {
    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    const watcher = watchForScript(page);
    await page.goto(`/t/${trackingCode}`);
    await assertInert(page, watcher);
    // The tracking page shows no personal data at all.
    expect(await page.content()).not.toContain('13912345678');
    await context.close();
  });

  it('exports neutralise formula-looking cells', async () => {
    const login = await fetch(`${baseURL()}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'chengguan', password: 'lianluo2026' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const csv = await (await fetch(`${baseURL()}/api/opinions/export.csv?q=${trackingCode}`, { headers: { cookie } })).text();
    expect(csv).toContain('路灯坏了');
    // No cell starts with "=" (after an optional quote): the name was prefixed with an apostrophe.
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(csv).toMatch(/'=HYPERLINK/);
  });
});

describe('accessibility', () => {
  it('the login page has no WCAG 2.1 AA violations, at 360 and 1440', async () => {
    for (const phone of [true, false]) {
      const context = await newContext(browser, { phone });
      const page = await context.newPage();
      await page.goto('/login');
      await page.getByRole('button', { name: /登录/ }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `login-${phone ? 360 : 1440}`);
      await context.close();
    }
  });

  it('the resident form works at 200% text size on a 360 px phone', async () => {
    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    // The browser's own text-size setting (what an elderly user turns up), not page zoom.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    await page.goto(`/s/${stationCode}`);
    const fontSize = await page.evaluate(() => getComputedStyle(document.body).fontSize);
    expect(Number.parseFloat(fontSize)).toBeGreaterThanOrEqual(32);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'intake-form-360-text-200');
    await page.locator('input[name="category"]').first().check();
    await page.fill('textarea[name="body"]', '村口的路灯已经坏了两个星期，晚上老人出门很不方便。');
    await page.getByRole('button', { name: /提交/ }).click();
    await page.waitForURL(/\/t\/[A-Z0-9-]+/);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
