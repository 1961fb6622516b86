/**
 * The 用户 page in Chromium against the real server with the demo district: an admin creates
 * a township staff account for 东湖街道; that person signs in and sees only 东湖街道's deputies;
 * the admin (on a phone) deactivates the account and its open session ends at once.
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

const USERNAME = 'donghu.e2e';
const PASSWORD = 'donghu-e2e-2026';

describe('user accounts journey (admin)', () => {
  it('creates a 东湖街道 staff account, which sees only its township and ends when deactivated', async () => {
    // Desktop: the admin creates the account.
    const desk = await newContext(browser);
    const page = await desk.newPage();
    await signIn(page, 'admin');
    await page.goto('/users');
    await page.getByRole('heading', { name: '用户账号' }).waitFor();
    await page.locator('main table').getByText('chengguan').waitFor();
    await screenshot(page, 'users-list-1440');

    await page.getByRole('button', { name: '新增账号' }).click();
    const form = page.getByRole('region', { name: '新增账号' });
    await form.getByLabel('用户名').fill(USERNAME);
    await form.getByLabel('名称').fill('东湖街道联络员');
    await form.getByLabel('角色').selectOption('staff');
    await form.getByLabel('乡镇（街道）').selectOption({ label: '东湖街道' });
    await form.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await form.getByText('至少 10 个字符，不能是常见密码、纯数字或键盘上连续的按键。').waitFor();
    await screenshot(page, 'users-create-1440');
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: '保存' }).click();
    await page.getByText('账号「东湖街道联络员」已创建。').waitFor();
    const row = page.locator('main tbody tr', { hasText: USERNAME });
    await expect.poll(() => row.textContent()).toMatch(/工作人员[\s\S]*东湖街道[\s\S]*从未登录/);

    // The admin signs out; the new account signs in on the same browser.
    await page.getByRole('button', { name: /退出/ }).first().click();
    await page.waitForURL(/\/login/);
    await signIn(page, USERNAME, PASSWORD);
    await page
      .getByText(/东湖街道联络员/)
      .first()
      .waitFor();
    await page.goto('/roster/deputies');
    // The same session asks the API itself: only 东湖街道's deputies come back.
    const response = await page.request.get('/api/deputies?active=true&pageSize=50');
    expect(response.status()).toBe(200);
    const list = (await response.json()) as { items: { name: string; townshipName: string }[]; total: number };
    expect(list.total).toBeGreaterThan(0);
    expect(new Set(list.items.map((d) => d.townshipName))).toEqual(new Set(['东湖街道']));
    await page.locator('main').getByText(list.items[0]!.name).first().waitFor();
    const listed = await page.locator('main table').textContent();
    expect(listed).toMatch(/东湖街道/);
    expect(listed).not.toMatch(/城关街道/);
    expect((await page.request.get('/api/deputies?townshipId=1')).status()).toBe(403);
    // No user administration for staff.
    expect((await page.request.get('/api/users')).status()).toBe(403);

    // Phone: another admin session deactivates the account after the confirmation.
    const phone = await newContext(browser, { phone: true });
    const admin = await phone.newPage();
    await signIn(admin, 'admin');
    await admin.goto('/users');
    const card = admin.locator('main tbody tr', { hasText: USERNAME });
    await card.waitFor();
    // The sign-in just now is listed as the account's last sign-in.
    await expect.poll(() => card.textContent()).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    await screenshot(admin, 'users-list-360');
    await card.getByRole('button', { name: `停用：${USERNAME}` }).click();
    const confirm = admin.getByRole('region', { name: '停用账号：东湖街道联络员' });
    await confirm.getByText('停用后该账号的所有登录会话立即失效').waitFor();
    await screenshot(admin, 'users-deactivate-360');
    await confirm.getByRole('button', { name: '确定停用' }).click();
    await admin.getByText('账号「东湖街道联络员」已停用，所有登录会话已失效。').waitFor();
    await expect.poll(() => card.textContent()).toMatch(/已停用/);
    expect(await card.getByRole('button', { name: `重新启用：${USERNAME}` }).count()).toBe(1);

    // The staff member's open session has ended: the API says 401 and the app asks to sign in.
    expect((await page.request.get('/api/auth/me')).status()).toBe(401);
    await page.goto('/roster/stations');
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel(/用户名/).fill(USERNAME);
    await page.getByLabel(/密码/).fill(PASSWORD);
    await page.getByRole('button', { name: /登录/ }).click();
    await page.getByText('该账号已停用，请联系管理员。').waitFor();

    // On the phone, a deputy account's form finds its deputy by name (not saved).
    const someone = (await (await admin.request.get('/api/deputies?active=true&pageSize=1')).json()) as {
      items: { name: string }[];
    };
    const name = someone.items[0]!.name;
    await admin.getByRole('button', { name: '新增账号' }).click();
    const deputyForm = admin.getByRole('region', { name: '新增账号' });
    await deputyForm.getByLabel('角色').selectOption('deputy');
    expect(await deputyForm.getByLabel('乡镇（街道）').count()).toBe(0);
    await deputyForm.getByLabel('查找代表').fill(name);
    const results = deputyForm.getByRole('radiogroup', { name: '查找结果' });
    await results.getByRole('radio').first().check();
    await deputyForm.getByText(`已选：${name}`).waitFor();
    await screenshot(admin, 'users-deputy-picker-360');
    expect(await axeViolations(admin)).toEqual([]);
    await deputyForm.getByRole('button', { name: '取消' }).click();

    await phone.close();
    await desk.close();
  });
});
