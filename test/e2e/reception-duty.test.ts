/**
 * 进站接待 from a phone: the demo deputy sees today's duty on their start page, logs the
 * session with two residents received and one opinion written down for a resident (代录),
 * and tells the resident the tracking code. Staff then find the opinion in the inbox with
 * its channel, the leaders' overview and the deputy's 履职档案 count the session, and the
 * deputy's 代表码 (decoded by pngjs + jsQR, not by our encoder) opens the form naming them.
 */
import jsQR from 'jsqr';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newContext, screenshot, signIn } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Overview {
  total: { participation: { receptions: { held: number; residentsReceived: number; deputySessions: number } } };
}

/** The overview's 进站接待 totals for the current week, as the API gives them to the page. */
async function receptionTotals(page: Page): Promise<Overview['total']['participation']['receptions']> {
  const res = await page.request.get('/api/stats/overview');
  expect(res.status()).toBe(200);
  return ((await res.json()) as Overview).total.participation.receptions;
}

describe('reception duty (进站接待) from a phone', () => {
  let phone: BrowserContext;
  let desk: BrowserContext;
  let trackingCode = '';
  let recordSessions = 0;

  afterAll(async () => {
    await phone?.close();
    await desk?.close();
  });

  it('shows the deputy today’s duty and logs the session with one opinion entered for a resident', async () => {
    desk = await newContext(browser);
    const staff = await desk.newPage();
    await signIn(staff, 'staff');
    const before = await receptionTotals(staff);

    phone = await newContext(browser, { phone: true });
    const page = await phone.newPage();
    await signIn(page, 'deputy');
    const sessionsOf = async () =>
      ((await (await page.request.get('/api/deputies/1/record')).json()) as { receptions: { sessions: number } }).receptions
        .sessions;
    const recordStart = await sessionsOf();
    // The deputy's home is their start page.
    expect(new URL(page.url()).pathname).toBe('/my');
    await page.getByRole('heading', { name: '我的接待安排' }).waitFor();
    const today = page.locator('.duty-day.is-today').first();
    await today.waitFor();
    expect(await today.textContent()).toContain('今天');
    await screenshot(page, 'duty-home-phone');

    const started = Date.now();
    await today.getByRole('link', { name: '登记本次接待' }).click();
    await page.getByRole('heading', { name: '登记接待' }).waitFor();
    // Preselected from the schedule: the station and the deputies on the rota, the deputy among them.
    await expect.poll(() => page.getByLabel('联络站').inputValue()).not.toBe('');
    const ticked = page.locator('.deputies-present input[type="checkbox"]:checked');
    await expect.poll(() => ticked.count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.deputies-present').textContent()).toContain('杨卫鹏');

    await page.getByLabel('接待群众人数').fill('2');
    await page.getByLabel('接待情况').fill('两位群众反映路灯和排水问题。');
    await page.getByRole('button', { name: '＋ 记一条意见' }).click();
    const entry = page.locator('fieldset.proxy-entry').first();
    await entry.getByLabel('来源').selectOption('reception');
    await entry.getByLabel('类别').selectOption('road_traffic');
    await entry.getByLabel('意见内容').fill('幸福路北段路灯坏了一个多月，晚上老人出门看不清路。');
    await entry.getByLabel('群众姓名').fill('刘阿姨');
    await entry.getByLabel('群众手机号码').fill('13900001234');
    // Without the consent box the name and phone are refused, and the field says why.
    await page.getByRole('button', { name: '保存登记' }).click();
    await entry.locator('.field-error').first().waitFor();
    expect(await entry.textContent()).toContain('同意');
    await entry.getByLabel(/群众同意留下姓名和电话/).check();
    await screenshot(page, 'duty-log-phone');
    await page.getByRole('button', { name: '保存登记' }).click();

    const codes = page.locator('.code-list .code');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(1);
    trackingCode = ((await codes.first().textContent()) ?? '').trim();
    expect(trackingCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    // Opening the form, ticking and typing, saving: well under a minute even in a slow browser.
    expect(Date.now() - started).toBeLessThan(60_000);
    await screenshot(page, 'duty-logged-phone');

    const sessionsNow = await sessionsOf();
    expect(sessionsNow).toBe(recordStart + 1);
    // Back on the start page today's duty reads as logged.
    await page.getByRole('button', { name: '返回' }).click();
    await page.locator('.duty-day.is-today .duty-logged').first().waitFor();

    // The overview counts the session: one more held, two more residents, ≥ 2 deputy attendances.
    const after = await receptionTotals(staff);
    expect(after.held).toBe(before.held + 1);
    expect(after.residentsReceived).toBe(before.residentsReceived + 2);
    expect(after.deputySessions).toBeGreaterThanOrEqual(before.deputySessions + 2);

    // The deputy's record counts it too: the page shows the same number the API gives.
    await page.getByRole('link', { name: '我的履职档案' }).click();
    await page.getByRole('heading', { name: '杨卫鹏代表的履职档案' }).waitFor();
    const figure = page.locator('.record-figures div', { hasText: '进站接待' });
    expect(await figure.textContent()).toContain(`${sessionsNow} 次`);
    expect(await page.locator('.home-list', { hasText: '接待群众 2 人次' }).count()).toBeGreaterThan(0);
    await screenshot(page, 'duty-record-phone');
    recordSessions = sessionsNow;
  });

  it('puts the opinion in the staff inbox with channel 进站接待, in the normal workflow', async () => {
    const page = await desk.newPage();
    await page.goto(`/opinions?q=${trackingCode.replace('-', '')}`);
    const row = page.locator('tbody tr').first();
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('进站接待');
    expect(text).toContain('待受理');
    await screenshot(page, 'duty-inbox-desktop');
  });

  it('gives the deputy a 代表码 that opens their station’s form with them named', async () => {
    expect(recordSessions).toBeGreaterThan(0);
    const page = await phone.newPage();
    const png = await page.request.get('/api/deputies/1/qr.png?size=400');
    expect(png.status()).toBe(200);
    const image = PNG.sync.read(Buffer.from(await png.body()));
    const url = jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? '';
    expect(url).toMatch(/\/s\/[A-Z0-9]{6}\?d=1$/);
    // A resident's phone opens it: no session, no JavaScript needed.
    const resident = await newContext(browser, { phone: true, javaScript: false });
    const form = await resident.newPage();
    await form.goto(url);
    await form.getByText('您的意见将交给 杨卫鹏 代表').waitFor();
    expect(await form.locator('.pg-contact a[href^="tel:"]').count()).toBe(1);
    await screenshot(form, 'duty-code-form-phone');
    await resident.close();
  });
});
