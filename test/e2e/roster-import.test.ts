/**
 * Issue 2's journeys in Chromium against the real server with the demo district:
 * staff import a GBK CSV and an XLSX, see the deputies, fix a bad file after reading its row
 * errors, and sign out; a township staff member cannot see another township's deputies.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launch, newContext, screenshot, signIn } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const FIXTURES = 'test/fixtures/roster';

async function chooseAndCheck(page: Page, name: string, bytes: Buffer, mimeType: string) {
  await page.setInputFiles('#import-file', { name, mimeType, buffer: bytes });
  await page.getByRole('button', { name: '检查文件' }).click();
}

/** A GBK-free, UTF-8 CSV written like Excel would, with one deliberate mistake on spreadsheet row 3. */
function smallCsv(phoneOnRow3: string): Buffer {
  const lines = [
    '姓名,代表层级,乡镇（街道）,联络站,界别,手机号码',
    '测试甲,区,东湖街道,东湖街道人大代表联络站,教育,17801990001',
    `测试乙,乡镇,东湖街道,,农民,${phoneOnRow3}`,
  ];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n'), 'utf8')]);
}

describe('roster import journey (staff)', () => {
  it('imports GBK CSV and XLSX, lists the deputies, fixes a bad file, signs out', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'staff');
    await page.goto('/roster/import');
    await page.getByRole('heading', { name: '导入代表名册' }).waitFor();

    // GBK CSV: check, then apply.
    await chooseAndCheck(page, 'deputies-gbk.csv', readFileSync(`${FIXTURES}/deputies-gbk.csv`), 'text/csv');
    await page.getByText(/检查通过：将新增 \d+/).waitFor();
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByText(/导入完成：新增 8，更新 0，不变 0/).waitFor();

    // The same people from an Excel workbook: nothing new (matched on mobile numbers).
    const xlsx = readFileSync(`${FIXTURES}/deputies-excel.xlsx`);
    await chooseAndCheck(page, 'deputies-excel.xlsx', xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await page.getByText(/检查通过：/).waitFor();
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByText(/导入完成：/).waitFor();

    // The imported deputies are listed, with their names decoded from GBK.
    await page.goto('/roster/deputies?q=张建国');
    await page.locator('main').getByText('张建国').first().waitFor();
    await screenshot(page, 'roster-deputies-1440');

    // A bad file: every bad row is shown with its number; nothing is imported.
    await page.goto('/roster/import');
    await chooseAndCheck(page, 'bad.csv', smallCsv('1234'), 'text/csv');
    const errors = page.getByRole('table');
    await errors.waitFor();
    const text = (await errors.textContent()) ?? '';
    expect(text).toMatch(/3/);
    expect(text).toMatch(/手机/);
    await screenshot(page, 'roster-import-errors-1440');
    // Fix row 3 and try again.
    await chooseAndCheck(page, 'fixed.csv', smallCsv('17801990002'), 'text/csv');
    await page.getByText(/检查通过：将新增 2，更新 0，不变 0/).waitFor();
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByText(/导入完成：新增 2/).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Sign out: the dashboard goes back to the login page and the session is gone.
    await page.getByRole('button', { name: /退出/ }).first().click();
    await page.waitForURL(/\/login/);
    const me = await page.request.get('/api/auth/me');
    expect(me.status()).toBe(401);
    await context.close();
  });
});

describe('township scope in the browser', () => {
  it("a township staff member cannot see another township's deputies", async () => {
    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    await signIn(page, 'chengguan');
    const response = page.waitForResponse((r) => r.url().includes('/api/deputies') && r.status() === 200);
    await page.goto('/roster/deputies');
    const list = (await (await response).json()) as { items: { name: string; townshipName: string }[]; total: number };
    expect(list.total).toBeGreaterThan(0);
    expect(new Set(list.items.map((d) => d.townshipName))).toEqual(new Set(['城关街道']));
    await page.locator('main').getByText(list.items[0]!.name).first().waitFor();
    // The list itself (a table on desktop, cards on a phone) holds only 城关街道's deputies.
    const listed = (await page.locator('main table').textContent()) ?? '';
    expect(listed).toMatch(/城关街道/);
    expect(listed).not.toMatch(/东湖街道/);
    await screenshot(page, 'roster-deputies-township-360');
    // Asking the API directly for another township is refused.
    const other = await page.request.get('/api/deputies?townshipId=2');
    expect(other.status()).toBe(403);
    const json = (await other.json()) as { error: { message: string } };
    expect(json.error.message).toMatch(/本乡镇/);
    await context.close();
  });
});
