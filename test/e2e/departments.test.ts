/**
 * 承办单位 in Chromium against the real server with the demo district: the `zhujian` account
 * (区住房和城乡建设局) sees only its own items, with its part and clock on each row, and signs
 * for one; staff read the 督办 list and the roster of departments. Screenshots at 360 and 1440.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launch, newContext, screenshot, signIn } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('departments in the loop', () => {
  it('a department sees its own items and signs for one; staff see 督办 and the roster', async () => {
    for (const phone of [true, false]) {
      const ctx = await newContext(browser, { phone });
      const page = await ctx.newPage();
      await signIn(page, 'zhujian');
      await page.waitForURL(/\/department\/opinions/);
      await page.getByRole('heading', { name: /交办事项 · 区住房和城乡建设局/ }).waitFor();
      await page.locator('main tbody tr').first().waitFor();
      const rows = await page.locator('main tbody tr').allTextContents();
      expect(rows.length).toBeGreaterThan(0);
      // Every row says the department's part: 牵头 or 协办, and where it stands.
      expect(rows.every((r) => /牵头|协办/.test(r))).toBe(true);
      // Reporters' names stay masked in the list.
      expect(await page.locator('main').textContent()).not.toMatch(/1[3-9]\d{9}/);
      await screenshot(page, `departments-inbox-${phone ? 360 : 1440}`);
      if (!phone) expect(await axeViolations(page)).toEqual([]);
      await ctx.close();
    }

    // Sign for an item waiting for 签收 (the demo always has some).
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await signIn(page, 'zhujian');
    const waiting = page.locator('main tbody tr', { hasText: '待签收' }).first();
    await waiting.waitFor();
    await waiting.getByRole('link').first().click();
    await page.getByRole('heading', { name: /^意见 / }).waitFor();
    await page.getByRole('heading', { name: '承办单位办理情况' }).waitFor();
    await screenshot(page, 'departments-item-1440');
    await page.getByRole('button', { name: '签收', exact: true }).click();
    await page.locator('form.action-form').getByRole('button', { name: /提交/ }).click();
    await page.locator('.handling').getByText('办理中').first().waitFor();
    await ctx.close();

    const office = await newContext(browser);
    const staff = await office.newPage();
    await signIn(staff, 'staff');
    await staff.goto('/supervision');
    await staff.getByRole('heading', { name: '督办', exact: true }).waitFor();
    await staff.getByRole('heading', { name: '按承办单位' }).waitFor();
    expect(await staff.locator('main').textContent()).toMatch(/逾期 \d+ 个工作日/);
    await screenshot(staff, 'departments-supervision-1440');
    await staff.goto('/roster/departments');
    await staff
      .getByRole('cell', { name: /区住房和城乡建设局/ })
      .first()
      .waitFor();
    await screenshot(staff, 'departments-roster-1440');
    await office.close();

    const phoneCtx = await newContext(browser, { phone: true });
    const p = await phoneCtx.newPage();
    await signIn(p, 'staff');
    await p.goto('/supervision');
    await p.getByRole('heading', { name: '按承办单位' }).waitFor();
    await screenshot(p, 'departments-supervision-360');
    await p.goto('/roster/departments');
    await p
      .getByRole('cell', { name: /区住房和城乡建设局/ })
      .first()
      .waitFor();
    await screenshot(p, 'departments-roster-360');
    await phoneCtx.close();
  }, 180_000);
});
