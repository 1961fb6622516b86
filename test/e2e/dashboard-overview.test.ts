/**
 * The leaders' overview in Chromium against the real server with the demo district: a leader
 * signs in and lands on 总览, changes the period and the township, opens a chart's data table
 * and finds the API's figures in it, drills from a township's bar into its opinions and its
 * deputies, and the page passes axe at 1440 px and 360 px (screenshots of both are saved).
 */
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launch, newContext, screenshot, signIn } from './browser';

interface StateCounts {
  pending: number;
  listening: number;
  viewing: number;
  deliberating: number;
  handling: number;
  resolved: number;
  closed: number;
  review: number;
  rejected: number;
  duplicate: number;
  transferred: number;
}
interface Row {
  townshipId: number;
  name: string;
  resolution: {
    received: number;
    states: StateCounts;
    resolutionRate: number | null;
    overdueNow: number;
    reopened: number;
  };
  participation: { receptions: { held: number }; takenUp: number };
}
interface Overview {
  period: { from: string; to: string; weeks: string[] };
  filters: { townshipId: number | null };
  rows: Row[];
  total: Row['resolution'] extends infer R ? { resolution: R; participation: Row['participation'] } : never;
  weekly: { week: string; received: number; resolved: number }[];
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const isOverview = (r: Response) => new URL(r.url()).pathname === '/api/stats/overview' && r.request().method() === 'GET';

/** Runs `action` and returns the overview the page asked for because of it. */
async function overviewAfter(page: Page, action: () => Promise<unknown>): Promise<Overview> {
  const [response] = await Promise.all([page.waitForResponse(isOverview), action()]);
  expect(response.status()).toBe(200);
  expect(Number(response.headers()['x-rows-read'])).toBeGreaterThan(0);
  return (await response.json()) as Overview;
}

/** A table's body as text cells, row by row. */
async function tableCells(page: Page, tableRegion: string): Promise<string[][]> {
  return page
    .getByRole('region', { name: tableRegion })
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
}

const count = (text: string) => Number(text.replace(/[,\s]/g, ''));
const percent = (rate: number | null) => (rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`);

describe('leaders’ overview (总览)', () => {
  it('filters, shows the API’s figures in its tables, drills down, and passes axe', async () => {
    const desk = await newContext(browser);
    const page = await desk.newPage();
    const first = await overviewAfter(page, () => signIn(page, 'leader'));
    // The leader's home is the overview.
    expect(new URL(page.url()).pathname).toBe('/overview');
    await page.getByRole('heading', { name: '代表履职与意见办理总览' }).waitFor();
    expect(first.period.weeks).toHaveLength(12);
    expect(first.rows.length).toBeGreaterThan(5);
    await page.locator('.kpi-grid').first().waitFor();
    await screenshot(page, 'overview-1440');
    expect(await axeViolations(page)).toEqual([]);

    // Period: the last four weeks. The URL carries it, so the view can be bookmarked.
    const fourWeeks = await overviewAfter(page, () =>
      page.getByRole('combobox', { name: '统计区间', exact: true }).selectOption('4w'),
    );
    expect(new URL(page.url()).searchParams.get('period')).toBe('4w');
    expect(fourWeeks.period.weeks).toHaveLength(4);
    await page.getByText('（共 4 周）').waitFor();

    // The resolution chart's data table holds exactly the API's numbers.
    const card = page.getByRole('region', { name: '各乡镇（街道）意见办理情况' });
    const toggle = card.locator('button[aria-controls="ov-resolution-table"]');
    expect(await toggle.textContent()).toBe('查看数据表');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await toggle.textContent()).toBe('收起数据表');
    const cells = await tableCells(page, '各乡镇（街道）意见办理情况（件）');
    expect(cells).toHaveLength(fourWeeks.rows.length);
    for (const [i, row] of fourWeeks.rows.entries()) {
      const [
        name,
        received,
        resolved,
        handling,
        deliberating,
        viewing,
        listening,
        pending,
        review,
        side,
        rate,
        ,
        overdue,
        ,
        reopened,
      ] = cells[i]!;
      const s = row.resolution.states;
      expect(name).toBe(row.name);
      expect([received, resolved, handling, deliberating, viewing, listening, pending, review, side].map(count)).toEqual([
        row.resolution.received,
        s.resolved + s.closed,
        s.handling,
        s.deliberating,
        s.viewing,
        s.listening,
        s.pending,
        s.review,
        s.rejected + s.duplicate + s.transferred,
      ]);
      expect(rate).toBe(percent(row.resolution.resolutionRate));
      expect(count(overdue!)).toBe(row.resolution.overdueNow);
      expect(count(reopened!)).toBe(row.resolution.reopened);
    }
    // And the weekly table: one line per week with received and resolved.
    await page.getByRole('region', { name: '每周收到与办结' }).getByRole('button', { name: '查看数据表' }).click();
    const weeks = await tableCells(page, '每周收到与办结的意见（件）');
    expect(weeks.map(([, r, d]) => [count(r!), count(d!)])).toEqual(fourWeeks.weekly.map((w) => [w.received, w.resolved]));

    // Township: 城关街道. Figures narrow to it; the headline equals the API's total.
    const chengguan = await overviewAfter(page, () =>
      page.getByRole('combobox', { name: '乡镇（街道）', exact: true }).selectOption({ label: '城关街道' }),
    );
    expect(new URL(page.url()).searchParams.get('townshipId')).toBe('1');
    expect(new URL(page.url()).searchParams.get('period')).toBe('4w');
    expect(chengguan.filters.townshipId).toBe(1);
    expect(chengguan.rows.map((r) => r.name)).toEqual(['城关街道']);
    const received = page.locator('[data-kpi="received"] .kpi-value');
    await expect.poll(() => received.textContent().then((t) => count(t ?? ''))).toBe(chengguan.total.resolution.received);

    // Drill down: a click on the township's bar opens its opinions…
    const bars = card.locator('canvas');
    const box = (await bars.boundingBox())!;
    await bars.click({ position: { x: box.width * 0.45, y: box.height * 0.5 } });
    await page.waitForURL((url) => url.pathname === '/opinions' && url.searchParams.get('townshipId') === '1');
    // …with every filter of the view carried over: the 4-week period as days received, and the
    // clicked segment's state; the list says the filters came from the overview.
    const drilled = new URL(page.url()).searchParams;
    expect(drilled.get('receivedFrom')).toBe(chengguan.period.from);
    expect(drilled.get('receivedTo')).toBe(chengguan.period.to);
    expect(drilled.get('state')).toBeTruthy();
    await page.getByText('从总览打开：已带入总览的筛选条件').waitFor();
    await screenshot(page, 'overview-drilldown-1440');
    // …and back on the overview, the participation bar opens its deputies.
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/overview');
    const participation = page.getByRole('region', { name: '各乡镇（街道）代表履职情况' }).locator('canvas');
    await participation.waitFor();
    const pbox = (await participation.boundingBox())!;
    await participation.click({ position: { x: pbox.width * 0.3, y: pbox.height * 0.5 } });
    await page.waitForURL((url) => url.pathname === '/roster/deputies' && url.searchParams.get('townshipId') === '1');
    await page.getByRole('heading', { name: '代表名册' }).waitFor();
    await desk.close();
  });

  it('reads well on a phone and passes axe there too', async () => {
    const phone = await newContext(browser, { phone: true });
    const page = await phone.newPage();
    await overviewAfter(page, () => signIn(page, 'leader'));
    await page.locator('.kpi-grid').first().waitFor();
    await page.getByRole('region', { name: '乡镇（街道）排名' }).waitFor();
    // Nothing wider than the screen: the page itself never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'overview-360');
    expect(await axeViolations(page)).toEqual([]);
    // Rankings say who was left out for having fewer than ten items, when anyone was.
    await phone.close();
  });

  it('prints last week’s summary on A4', async () => {
    const desk = await newContext(browser);
    const page = await desk.newPage();
    await overviewAfter(page, () => signIn(page, 'leader'));
    // window.print() would block a headless browser: count the calls instead.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    // 打印周报 opens the weekly report of last week (test/e2e/weekly-report.test.ts reads it).
    await page.getByRole('button', { name: '打印周报' }).click();
    await page.waitForURL((url) => url.pathname === '/overview/weekly');
    await page.getByRole('heading', { name: '指标定义' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    // On paper the navigation is gone and the tables stay.
    expect(await page.locator('#sidenav').isVisible()).toBe(false);
    expect(await page.getByRole('table', { name: '本周与上周、前四周平均' }).isVisible()).toBe(true);
    await page.pdf({ path: 'test-results/screenshots/overview-week.pdf', format: 'A4' });
    await desk.close();
  });
});
