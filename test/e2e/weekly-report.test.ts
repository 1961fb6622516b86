/**
 * 打印周报 in Chromium against the real server with the demo district (see the file's later
 * version for the whole journey). This first step records the print view as it was.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launch, newContext, screenshot, signIn } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('weekly report (周报)', () => {
  it('before: the print view of last week', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await signIn(page, 'leader');
    await page.emulateMedia({ media: 'print' });
    await page.goto('/overview?period=lastweek');
    await page.locator('.kpi-grid').waitFor();
    await page.waitForTimeout(1500);
    await screenshot(page, 'weekly-print-before');
  });
});
