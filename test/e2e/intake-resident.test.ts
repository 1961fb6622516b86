/**
 * A resident's journey on a 360×740 phone, once with JavaScript off and once with it on:
 * decode the station's QR code (served PNG, read by pngjs + jsQR), open the form, submit
 * with mistakes, read the summary and field errors with the text kept, correct, submit, get
 * the tracking code, open the tracking page. Plus the form page's weight and request count,
 * axe on every page, and screenshots at 360 and 1440 wide.
 */
import { gzipSync } from 'node:zlib';
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, chinaDay, defaultCalendar } from '../../worker/workflow/calendar';
import { axeViolations, baseURL, launch, newContext, screenshot } from './browser';

const STATION = '城关街道人大代表联络站';
let browser: Browser;
let formUrl: string;
let stationId: number;
let adminCookie: string;

beforeAll(async () => {
  browser = await launch();
  const login = await fetch(`${baseURL()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'lianluo2026' }),
  });
  expect(login.status).toBe(200);
  adminCookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const list = await fetch(`${baseURL()}/api/stations?q=${encodeURIComponent(STATION)}`, { headers: { cookie: adminCookie } });
  const { items } = (await list.json()) as { items: { id: number; code: string; name: string }[] };
  const station = items.find((s) => s.name === STATION);
  expect(station).toBeDefined();
  stationId = station!.id;

  // The QR code as staff download it, read back by decoders that share no code with ours.
  const png = await fetch(`${baseURL()}/api/stations/${stationId}/qr.png?size=400`, { headers: { cookie: adminCookie } });
  expect(png.headers.get('content-type')).toBe('image/png');
  const image = PNG.sync.read(Buffer.from(await png.arrayBuffer()));
  formUrl = jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? '';
  expect(formUrl).toBe(`${baseURL()}/s/${station!.code}`);
});

afterAll(async () => {
  await browser?.close();
});

/** Staff take an opinion through 一听、二看、三议、四办 to 已办结 with the workflow API. */
async function resolveAsStaff(trackingCode: string) {
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${baseURL()}${path}`, {
      ...init,
      headers: { cookie: adminCookie, 'content-type': 'application/json', origin: baseURL() },
    });
  const { items } = (await (await api(`/api/opinions?q=${trackingCode}`)).json()) as { items: { id: number }[] };
  const id = items[0]!.id;
  const deputies = (await (await api(`/api/deputies?stationId=${stationId}`)).json()) as { items: { id: number }[] };
  const deadline = addWorkingDays(defaultCalendar(), chinaDay(Date.now()), 10);
  const steps: [string, Record<string, unknown>][] = [
    ['accept', { deputyId: deputies.items[0]!.id, publicReply: '已受理，交由本站代表了解情况。' }],
    ['record_visit', { findings: '现场查看：路灯三盏不亮。', internalNote: '内部：线路老化' }],
    ['deliberate', { publicReply: '经商议，由区城管局负责维修。', leadDepartment: '区城管局', deadline }],
    ['start_handling', {}],
    ['resolve', { publicReply: '路灯已全部修复，感谢您的反映。' }],
  ];
  let revision = ((await (await api(`/api/opinions/${id}`)).json()) as { opinion: { revision: number } }).opinion.revision;
  for (const [action, payload] of steps) {
    const res = await api(`/api/opinions/${id}/actions`, { method: 'POST', body: JSON.stringify({ action, payload, revision }) });
    expect(res.status, `${action}: ${await res.clone().text()}`).toBe(200);
    revision = ((await res.json()) as { opinion: { revision: number } }).opinion.revision;
  }
}

/** Runs axe, which needs JavaScript in the page; the JS-off run serves the same markup. */
async function expectNoAxeViolations(page: Page, where: string, javaScript = true) {
  if (!javaScript) return;
  const violations = await axeViolations(page);
  expect(violations, `${where}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

describe('the station form page', () => {
  it('is one request of at most 14 KB gzip', async () => {
    const res = await fetch(formUrl, { headers: { 'accept-encoding': 'identity' } });
    const html = Buffer.from(await res.arrayBuffer());
    const gzip = gzipSync(html, { level: 9 }).length;
    console.log(`form page: ${html.length} bytes, ${gzip} bytes gzip`);
    expect(gzip).toBeLessThanOrEqual(14 * 1024);

    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(formUrl);
    await page.waitForLoadState('networkidle');
    expect(requests).toEqual([formUrl]);
    await context.close();
  });

  it('the lookup page is served by the Worker at /t/', async () => {
    const html = await (await fetch(`${baseURL()}/t/`)).text();
    // Bare /t is not in wrangler.toml's run_worker_first (only /t/*), so links use /t/.
    expect(html).toContain('name="code"');
  });
});

for (const javaScript of [false, true]) {
  const mode = javaScript ? 'js' : 'nojs';
  describe(`a resident on a phone, JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    it('submits with mistakes, corrects them, gets a tracking code and opens the tracking page', async () => {
      const context = await newContext(browser, { phone: true, javaScript });
      const page = await context.newPage();
      await page.goto(formUrl);
      await expect.poll(() => page.locator('.pg-where__station').textContent()).toContain(STATION);
      await expect.poll(() => page.locator('.pg-where__town').textContent()).toContain('城关街道');
      await screenshot(page, `intake-form-360-${mode}`);
      await expectNoAxeViolations(page, 'form', javaScript);

      // Mistakes: too short, and a 10-digit phone number.
      await page.getByLabel('道路交通', { exact: true }).check();
      await page.getByLabel('您的意见或建议', { exact: true }).fill('路灯坏了');
      await page.getByLabel(/^问题发生的地点/).fill('幸福路与建设路路口');
      await page.getByLabel(/^您的姓名/).fill('赵大妈');
      await page.getByLabel(/^手机号码/).fill('1380013800');
      if (javaScript) {
        // The draft survives a reload (a call, a dead battery) until the server confirms it, but
        // only the opinion: the name and phone are never kept on a possibly shared phone.
        await page.reload();
        await expect.poll(() => page.getByLabel('您的意见或建议', { exact: true }).inputValue()).toBe('路灯坏了');
        expect(await page.getByLabel(/^手机号码/).inputValue()).toBe('');
        expect(await page.getByLabel(/^您的姓名/).inputValue()).toBe('');
        await page.getByLabel(/^您的姓名/).fill('赵大妈');
        await page.getByLabel(/^手机号码/).fill('1380013800');
      }
      await page.getByRole('button', { name: '提交意见' }).click();

      const summary = page.locator('.lf-error-summary');
      await summary.waitFor();
      const summaryText = await summary.textContent();
      expect(summaryText).toContain('至少需要 10 个字，您写了 4 个字');
      expect(summaryText).toContain('请输入 11 位手机号码，例如 13800138000');
      expect(summaryText).toContain('您留下了姓名或电话，请勾选同意');
      await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toContain('lf-error-summary');
      expect(await page.locator('#f-body-error').textContent()).toContain('至少需要 10 个字');
      expect(await page.locator('#f-reporter_phone-error').textContent()).toContain('11 位手机号码');
      expect(await page.getByLabel('您的意见或建议', { exact: true }).inputValue()).toBe('路灯坏了');
      expect(await page.getByLabel(/^问题发生的地点/).inputValue()).toBe('幸福路与建设路路口');
      expect(await page.getByLabel(/^手机号码/).inputValue()).toBe('1380013800');
      expect(await page.getByLabel('道路交通', { exact: true }).isChecked()).toBe(true);
      expect(await page.title()).toMatch(/^错误：/);
      await screenshot(page, `intake-form-errors-360-${mode}`);
      await expectNoAxeViolations(page, 'form with errors', javaScript);

      // The summary links to the field.
      await summary.getByRole('link', { name: /至少需要 10 个字/ }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-body');

      await page
        .getByLabel('您的意见或建议', { exact: true })
        .fill('幸福路和建设路路口的路灯坏了一个多星期，晚上老人出门很不安全，请尽快修好。');
      await page.getByLabel(/^手机号码/).fill('138 0013 8000');
      await page.getByLabel(/我同意代表和工作人员/).check();
      await page.getByRole('button', { name: '提交意见' }).click();
      await page.waitForURL(/\/t\/[A-Z0-9]{8}\?new=1$/);

      const code = (await page.locator('.pg-code').textContent()) ?? '';
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
      expect(await page.locator('.pg-panel').textContent()).toContain('提交成功');
      const html = await page.content();
      expect(html).not.toContain('13800138000');
      expect(html).not.toContain('赵大妈');
      if (javaScript) {
        // Confirmed by the server: the draft is gone from the phone.
        expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('lf:')))).toEqual([]);
      }
      await screenshot(page, `intake-tracking-360-${mode}`);
      await expectNoAxeViolations(page, 'tracking page', javaScript);

      // Later: the resident types the code (lower case, no dash) to come back.
      await page.goto('/t/');
      await page.getByLabel('查询码', { exact: true }).fill(code.replace('-', '').toLowerCase());
      await page.getByRole('button', { name: '查询' }).click();
      await page.waitForURL(new RegExp(`/t/${code.replace('-', '')}$`));
      expect(await page.locator('.pg-code').textContent()).toBe(code);
      expect(await page.locator('.pg-state').textContent()).toBe('待受理');

      // Staff and the deputy handle it; the resident reads the result and is not satisfied.
      await resolveAsStaff(code.replace('-', ''));
      await page.reload();
      expect(await page.locator('.pg-state').textContent()).toBe('已办结');
      expect(await page.locator('.pg-replies').textContent()).toContain('路灯已全部修复');
      expect(await page.content()).not.toContain('线路老化');
      await screenshot(page, `intake-tracking-resolved-360-${mode}`);
      await expectNoAxeViolations(page, 'resolved tracking page with the rating form', javaScript);
      await page.getByRole('button', { name: '提交评价' }).click();
      await page.locator('.lf-error-summary').waitFor();
      expect(await page.locator('.lf-error-summary').textContent()).toContain('请选择满意、基本满意或不满意');
      await page.getByLabel('不满意', { exact: true }).check();
      await page.getByLabel(/^还有什么想说的/).fill('只修了两盏，还有一盏不亮。');
      await page.getByRole('button', { name: '提交评价' }).click();
      await page.waitForURL(/\?rated=1$/);
      expect(await page.locator('.pg-panel').textContent()).toContain('谢谢您的评价');
      expect(await page.locator('.pg-state').textContent()).toBe('复核');
      expect(await page.locator('main').textContent()).toContain('您的评价：不满意');
      await screenshot(page, `intake-tracking-rated-360-${mode}`);
      await context.close();
    });
  });
}

describe('a lost connection, JavaScript on', () => {
  async function opinionsWith(text: string): Promise<number> {
    const res = await fetch(`${baseURL()}/api/opinions?q=${encodeURIComponent(text)}`, { headers: { cookie: adminCookie } });
    return ((await res.json()) as { items: unknown[] }).items.length;
  }

  it('a response lost on the way back: the retry gets the same tracking code, one opinion stored', async () => {
    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    const token = `断网测试${Date.now()}`;
    let attempts = 0;
    await page.route('**/s/*', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      attempts++;
      if (attempts === 1) {
        await route.fetch(); // the server stores it…
        return route.abort('connectionreset'); // …and the answer never arrives.
      }
      return route.continue();
    });
    await page.goto(formUrl);
    await page.getByLabel('其他', { exact: true }).check();
    await page.getByLabel('您的意见或建议', { exact: true }).fill(`${token}：村口的垃圾桶满了好几天没人清运。`);
    await page.getByRole('button', { name: '提交意见' }).click();
    await page.waitForURL(/\/t\/[A-Z0-9]{8}\?new=1$/);
    expect(attempts).toBe(2);
    expect(await opinionsWith(token)).toBe(1);
    await context.close();
  });

  it('no connection at all: the form says so, keeps the draft and can be sent again', async () => {
    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    await page.route('**/s/*', (route) =>
      route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue(),
    );
    await page.goto(formUrl);
    await page.getByLabel('您的意见或建议', { exact: true }).fill('信号不好的时候写的意见，不能丢。');
    const button = page.getByRole('button', { name: '提交意见' });
    await button.click();
    const offline = page.locator('#lf-offline');
    await offline.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await offline.textContent()).toContain('网络连接失败');
    expect(await button.isEnabled()).toBe(true);
    const draft = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('lf:'))?.[1] ?? '');
    expect(draft).toContain('信号不好的时候写的意见');
    await screenshot(page, 'intake-form-offline-360');
    await context.close();
  });
});

describe('wide screens and the poster', () => {
  it('screenshots at 1440 and an axe-clean poster', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(formUrl);
    await screenshot(page, 'intake-form-1440');
    await page.getByRole('button', { name: '提交意见' }).click();
    await page.locator('.lf-error-summary').waitFor();
    await screenshot(page, 'intake-form-errors-1440');
    await page.getByLabel('其他', { exact: true }).check();
    await page
      .getByLabel('您的意见或建议', { exact: true })
      .fill('小区门口的人行道砖松动了好几块，下雨天踩上去溅一身水，希望能修一修。');
    await page.getByRole('button', { name: '提交意见' }).click();
    await page.waitForURL(/\/t\/[A-Z0-9]{8}\?new=1$/);
    await screenshot(page, 'intake-tracking-1440');
    await page.goto('/t/');
    await screenshot(page, 'intake-lookup-1440');
    await page.goto(`${formUrl}?lang=en`);
    expect(await page.locator('h1').textContent()).toBe('Tell your deputies');
    await screenshot(page, 'intake-form-en-1440');
    await expectNoAxeViolations(page, 'English form');
    await page.goto(`${formUrl}?lang=zh-CN`);
    await context.addCookies([{ name: 'lianluo_session', value: adminCookie.split('=')[1]!, url: baseURL() }]);
    await page.goto(`/api/stations/${stationId}/poster`);
    expect(await page.locator('.station').textContent()).toBe(STATION);
    await screenshot(page, 'intake-poster-1440');
    await expectNoAxeViolations(page, 'poster');
    await context.close();
  });
});
