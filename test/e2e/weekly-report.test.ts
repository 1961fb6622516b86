/**
 * 打印周报 in Chromium against the real server with the demo district: a leader opens the
 * weekly report of last week from 总览 and reads on the page exactly the figures of
 * GET /api/stats/weekly (whose equality with the raw events is proven in
 * test/worker/stats/consistency.test.ts); staff then act on opinions resolved last week
 * (a 不满意 rating and a reopening, today), and the same report, printed again, is unchanged.
 * Screenshots: the print view at 1440 px (weekly-print-after) and the page at 360 px.
 */
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, launch, newContext, screenshot, signIn } from './browser';

interface WeekFlow {
  received: number;
  resolved: number;
  reopened: number;
  onTime: { met: number; missed: number; rate: number | null };
  rated: number;
  callbacks: number;
}
interface Weekly {
  week: { from: string; to: string };
  partial: boolean;
  total: WeekFlow;
  previous: WeekFlow;
  rows: { townshipId: number; name: string; week: WeekFlow }[];
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const isWeekly = (r: Response) => new URL(r.url()).pathname === '/api/stats/weekly' && r.request().method() === 'GET';

async function weeklyAfter(page: Page, action: () => Promise<unknown>): Promise<Weekly> {
  const [response] = await Promise.all([page.waitForResponse(isWeekly), action()]);
  expect(response.status()).toBe(200);
  expect(Number(response.headers()['x-rows-read'])).toBeGreaterThan(0);
  return (await response.json()) as Weekly;
}

/** The summary table's rows as [label, this week, last week, change, average]. */
async function summary(page: Page): Promise<string[][]> {
  return page
    .getByRole('table', { name: '本周与上周、前四周平均' })
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
}

const count = (text: string) => Number(text.replace(/[,\s+]/g, ''));

/** Signs in through the API (for the staff actions) and returns the session cookie. */
async function apiCookie(username: string): Promise<string> {
  const res = await fetch(`${baseURL()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseURL() },
    body: JSON.stringify({ username, password: 'lianluo2026' }),
  });
  expect(res.status).toBe(200);
  return res.headers
    .getSetCookie()
    .find((c) => c.startsWith('lianluo_session='))!
    .split(';')[0]!;
}

describe('weekly report (周报)', () => {
  it('shows last week’s figures, prints the same after new events, and fits 360 px', { timeout: 120_000 }, async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await signIn(page, 'leader');
    await page.locator('.kpi-grid').first().waitFor();
    const first = await weeklyAfter(page, () => page.getByRole('button', { name: '打印周报' }).click());
    expect(new URL(page.url()).pathname).toBe('/overview/weekly');
    expect(first.partial).toBe(false);
    await page.getByRole('heading', { name: '全区代表履职与群众意见办理周报' }).waitFor();
    const rows = await summary(page);
    const cell = (label: string) => rows.find((r) => r[0] === label)!;
    expect(count(cell('收到意见')[1]!)).toBe(first.total.received);
    expect(count(cell('收到意见')[2]!)).toBe(first.previous.received);
    expect(count(cell('办结（本周发生）')[1]!)).toBe(first.total.resolved);
    expect(count(cell('重办')[1]!)).toBe(first.total.reopened);
    expect(cell('按期办结率')[1]).toContain(
      `（${first.total.onTime.met}/${first.total.onTime.met + first.total.onTime.missed}）`,
    );
    // A week of the demo district has resolutions: the headline is not the cohort's 1.9 %.
    expect(first.total.resolved).toBeGreaterThan(10);
    // The definitions are in the footer, for print.
    await page.getByRole('heading', { name: '指标定义' }).waitFor();

    // Staff act today on opinions resolved during that week: rate 不满意, then reopen.
    const staff = await apiCookie('staff');
    const list = await fetch(`${baseURL()}/api/opinions?state=resolved&pageSize=50`, { headers: { cookie: staff } });
    expect(list.status).toBe(200);
    const items = ((await list.json()) as { items: { id: number; state: string }[] }).items
      .filter((o) => o.state === 'resolved')
      .slice(0, 3);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const act = async (action: string, payload: Record<string, unknown>) => {
        const detail = await fetch(`${baseURL()}/api/opinions/${item.id}`, { headers: { cookie: staff } });
        const { revision } = ((await detail.json()) as { opinion: { revision: number } }).opinion;
        const res = await fetch(`${baseURL()}/api/opinions/${item.id}/actions`, {
          method: 'POST',
          headers: { cookie: staff, 'content-type': 'application/json', origin: baseURL() },
          body: JSON.stringify({ action, payload, revision }),
        });
        expect(res.status, await res.clone().text()).toBe(200);
      };
      await act('rate', { rating: 'dissatisfied' });
      const deadline = new Date(Date.now() + 20 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
      await act('reopen', { deadline, internalNote: '回访后重办' });
    }

    const again = await weeklyAfter(page, () => page.reload());
    expect(again).toEqual(first);
    expect(await summary(page)).toEqual(rows);
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'weekly-print-after');
    await page.emulateMedia({ media: 'screen' });

    const phone = await newContext(browser, { phone: true });
    const small = await phone.newPage();
    await signIn(small, 'leader');
    await small.goto('/overview/weekly');
    await small.getByRole('heading', { name: '指标定义' }).waitFor();
    expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(small, 'weekly-360');
    await page.goto('/overview');
    await page.locator('.kpi-grid').first().waitFor();
    await screenshot(page, 'overview-flows-1440');
    await small.goto('/overview');
    await small.locator('.kpi-grid').first().waitFor();
    await screenshot(small, 'overview-flows-360');
  });
});
