/**
 * Notifications end to end against the real server (wrangler dev, miniflare's queue and D1,
 * the demo district) in Chromium:
 * - a resident submits with a phone and consent → 消息记录 shows the 受理 SMS with the link;
 *   staff resolve it → the 办结 SMS with the rating link appears;
 * - an organiser clicks 提醒未提交的代表 → exactly one reminder per deputy not yet submitted;
 *   a second click the same day sends none;
 * - the Cron Trigger, fired the way wrangler exposes it locally (/__scheduled), closes an
 *   expired unrated opinion through the state machine and flags an overdue one.
 * Screenshots of 消息记录, the reminders and the calendar page at 360 and 1440 pixels.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoDistrict } from '../../scripts/seed/district';
import { axeViolations, baseURL, launch, newContext, screenshot, signIn } from './browser';

const station = buildDemoDistrict().stations.find((s) => s.id === 1)!;
const PHONE = `1391${String(Date.now()).slice(-7)}`;

let browser: Browser;
let staffCookie = '';

async function login(username: string): Promise<string> {
  const res = await fetch(`${baseURL()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'lianluo2026' }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

async function api<T>(method: string, path: string, json?: unknown): Promise<T> {
  const res = await fetch(`${baseURL()}${path}`, {
    method,
    headers: { cookie: staffCookie, origin: baseURL(), ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

interface Detail {
  opinion: { id: number; revision: number; state: string; trackingCode: string };
  timeline: { action: string; actorLabel: string; toState: string }[];
}

async function submitAsResident(): Promise<string> {
  const formUrl = `${baseURL()}/s/${station.code}`;
  const html = await (await fetch(formUrl)).text();
  const key = /name="_key"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="_key"/.exec(html);
  const res = await fetch(formUrl, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: baseURL(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      _key: key![1] ?? key![2]!,
      category: 'road_traffic',
      body: '东关小区门口的路灯坏了一个多星期，晚上老人出门看不清台阶，请尽快修好。',
      place: '东关小区南门',
      reporter_name: '刘阿姨',
      reporter_phone: PHONE,
      consent: 'yes',
    }),
  });
  expect(res.status).toBe(303);
  return /\/t\/([A-Z0-9]+)/.exec(res.headers.get('location') ?? '')![1]!;
}

async function act(id: number, action: string, payload: Record<string, unknown>) {
  const { opinion } = await api<Detail>('GET', `/api/opinions/${id}`);
  return api<Detail>('POST', `/api/opinions/${id}/actions`, { action, payload, revision: opinion.revision });
}

/** The row of 消息记录 for `code` and this template, once it is there. */
async function messageRow(page: Page, code: string, template: string) {
  await page.goto(`/messages?q=${code}`);
  await page.getByRole('heading', { name: '消息记录' }).waitFor();
  const row = page.locator('main tbody tr', { hasText: template });
  await row.first().waitFor({ timeout: 15_000 });
  return row.first();
}

beforeAll(async () => {
  browser = await launch();
  staffCookie = await login('staff');
});
afterAll(async () => {
  await browser?.close();
});

describe('messages to residents', () => {
  it('受理 with the tracking link on submission, then 办结 with the rating link when staff resolve it', async () => {
    const code = await submitAsResident();
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await signIn(page, 'staff');

    const received = await messageRow(page, code, '受理');
    const text = (await received.locator('.msg-text').textContent()) ?? '';
    expect(text).toContain(`查询码${code}`);
    expect(text).toMatch(new RegExp(`https?://[^\\s]+/t/${code}`));
    expect(await received.textContent()).toContain(`${PHONE.slice(0, 3)}****${PHONE.slice(-4)}`);
    expect(await received.textContent()).not.toContain(PHONE);
    // Sent at once in the daytime; between 21:00 and 08:00 China time it waits for the morning.
    expect(await received.locator('.msg-state').textContent()).toMatch(/已发送|待发送/);

    const list = await api<{ items: { id: number; trackingCode: string }[] }>('GET', `/api/opinions?q=${code}`);
    const id = list.items.find((i) => i.trackingCode === code)!.id;
    await act(id, 'accept', { deputyId: 1 });
    await act(id, 'handle_directly', {});
    await act(id, 'resolve', { publicReply: '路灯已经换新，感谢您的反映。' });

    const resolved = await messageRow(page, code, '办结');
    const resolvedText = (await resolved.locator('.msg-text').textContent()) ?? '';
    expect(resolvedText).toContain('请对办理结果评价');
    expect(resolvedText).toMatch(new RegExp(`/t/${code}`));
    // Exactly one of each for this opinion.
    const all = await api<{ items: { templateId: string }[] }>('GET', `/api/messages?opinionId=${id}&audience=resident`);
    expect(all.items.map((m) => m.templateId).sort()).toEqual(['opinion_received', 'opinion_resolved']);

    await page.goto(`/messages?q=${code}`);
    await page.locator('main tbody tr').first().waitFor();
    await screenshot(page, 'messages-1440');
    expect(await axeViolations(page)).toEqual([]);
    const phone = await newContext(browser, { phone: true });
    const small = await phone.newPage();
    await signIn(small, 'staff');
    await small.goto(`/messages?q=${code}`);
    await small.locator('main tbody tr').first().waitFor();
    await screenshot(small, 'messages-360');
    await ctx.close();
    await phone.close();
  });
});

describe('提醒未提交的代表', () => {
  it('sends one reminder per deputy not yet submitted; a second click the same day sends none', async () => {
    const { items } = await api<{ items: { id: number; title: string; evaluationStatus: string }[] }>('GET', '/api/trainings');
    const training = items.find((t) => t.evaluationStatus === 'open')!;
    expect(training).toBeDefined();
    const pending = await api<{ total: number }>('GET', `/api/trainings/${training.id}/enrolments?status=pending&pageSize=1`);
    const links = await api<{ items: unknown[] }>('GET', `/api/trainings/${training.id}/pending-links`);
    expect(links.items).toHaveLength(pending.total);

    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await signIn(page, 'staff');
    await page.goto(`/trainings?id=${training.id}&tab=organiser`);
    const button = page.getByRole('button', { name: '提醒未提交的代表' });
    await button.waitFor();
    const before = await api<{ total: number }>('GET', '/api/messages?template=evaluation_reminder&pageSize=1');
    await button.click();
    const notice = page.locator('section[aria-labelledby="remind-title"] .notice').first();
    await notice.waitFor();
    const sentText = (await notice.textContent()) ?? '';
    const queued = Number(/已向 (\d+) 位代表发送提醒/.exec(sentText)?.[1] ?? '0');
    const noPhone = Number(/(\d+) 位没有登记手机号码/.exec(sentText)?.[1] ?? '0');
    expect(queued + noPhone).toBe(pending.total);
    const after = await api<{ total: number }>('GET', '/api/messages?template=evaluation_reminder&pageSize=1');
    expect(after.total - before.total).toBe(queued);
    await screenshot(page, 'reminders-1440');

    await button.click();
    await page.getByText(/没有需要发送的提醒/).waitFor();
    expect(await page.locator('section[aria-labelledby="remind-title"] .notice').first().textContent()).toContain(
      `${queued} 位今天已经提醒过`,
    );
    const again = await api<{ total: number }>('GET', '/api/messages?template=evaluation_reminder&pageSize=1');
    expect(again.total).toBe(after.total);

    const phone = await newContext(browser, { phone: true });
    const small = await phone.newPage();
    await signIn(small, 'staff');
    await small.goto(`/trainings?id=${training.id}&tab=organiser`);
    await small.getByRole('button', { name: '提醒未提交的代表' }).waitFor();
    await small.locator('#remind-title').scrollIntoViewIfNeeded();
    await screenshot(small, 'reminders-360');
    await ctx.close();
    await phone.close();
  });
});

describe('the Cron Trigger', () => {
  it('fired through /__scheduled, closes an expired unrated opinion as the system and flags an overdue one', async () => {
    // A resolved opinion left unrated for three weeks (past the 10-working-day window), and the most overdue one.
    type Item = { id: number; state: string; rating: string | null; resolvedAt: number | null };
    const threeWeeksAgo = Date.now() - 21 * 86_400_000;
    let expired: Item | undefined;
    for (let page = 1; page <= 30 && !expired; page++) {
      const done = await api<{ items: Item[] }>('GET', `/api/opinions?state=resolved&pageSize=200&page=${page}`);
      if (done.items.length === 0) break;
      expired = done.items.find(
        (i) => i.state === 'resolved' && i.rating === null && i.resolvedAt !== null && i.resolvedAt < threeWeeksAgo,
      );
    }
    expect(expired, 'the demo district has a resolved opinion left unrated for three weeks').toBeDefined();
    const overdue = await api<{ items: { id: number }[] }>('GET', '/api/opinions?state=open&deadline=red&sort=due&pageSize=1');
    const unratedId = expired!.id;
    const overdueId = overdue.items[0]!.id;

    const fired = await fetch(`${baseURL()}/__scheduled?cron=${encodeURIComponent('30 0 * * *')}`);
    expect(fired.status).toBe(200);

    const closed = await api<Detail>('GET', `/api/opinions/${unratedId}`);
    expect(closed.opinion.state).toBe('closed');
    expect(closed.timeline.at(-1)).toMatchObject({ action: 'close', actorLabel: 'system', toState: 'closed' });
    const flagged = await api<Detail>('GET', `/api/opinions/${overdueId}`);
    expect(flagged.timeline.some((e) => e.action === 'supervise' && e.actorLabel === 'system')).toBe(true);

    // Idempotent: a second run adds nothing to either timeline.
    const counts = [closed.timeline.length, flagged.timeline.length];
    expect((await fetch(`${baseURL()}/__scheduled?cron=${encodeURIComponent('30 0 * * *')}`)).status).toBe(200);
    const again = [
      (await api<Detail>('GET', `/api/opinions/${unratedId}`)).timeline.length,
      (await api<Detail>('GET', `/api/opinions/${overdueId}`)).timeline.length,
    ];
    expect(again).toEqual(counts);
  });
});

describe('the calendar page (admins)', () => {
  it('reads a pasted notice into days for review', async () => {
    for (const phone of [false, true]) {
      const ctx = await newContext(browser, { phone });
      const page = await ctx.newPage();
      await signIn(page, 'admin');
      await page.goto('/calendar');
      await page.getByRole('heading', { name: '工作日历' }).waitFor();
      await page
        .getByLabel('粘贴国务院放假通知')
        .fill('国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日（周五）至3日（周日）放假，共3天。');
      await page.getByRole('button', { name: '识别通知' }).click();
      await page.getByText('以下是从通知中识别出的日子').waitFor();
      expect(await page.locator('.cal-days tbody tr').count()).toBe(3);
      await screenshot(page, `calendar-${phone ? 360 : 1440}`);
      if (!phone) expect(await axeViolations(page)).toEqual([]);
      await ctx.close();
    }
  });
});
