/**
 * One opinion through 一听、二看、三议、四办 in Chromium against the real server with the demo
 * district. A resident submits it at station 1's QR-code form (POST /s/<code> with fetch, as a
 * phone would); 城关街道's staff accept it and assign deputy 1; the deputy records the site
 * visit on a phone; staff record the deliberation (lead department, deadline), start handling
 * and resolve it with a public reply; the resident's tracking page shows that reply.
 * Screenshots of the inbox and the item page at 360 and 1440 pixels.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoDistrict } from '../../scripts/seed/district';
import { addWorkingDays, chinaDay, defaultCalendar } from '../../worker/workflow/calendar';
import { axeViolations, baseURL, launch, newContext, SCREENSHOTS, screenshot, signIn } from './browser';

const district = buildDemoDistrict();
const station = district.stations.find((s) => s.id === 1)!;
const deputy = district.deputies.find((d) => d.id === 1)!;
const BODY = '城关路与解放街交叉口东侧的人行道有三块地砖松动翘起，晚上看不清，已经有老人绊倒了，请尽快修好。';
const REPLY = '区城管局已更换松动地砖并对整段人行道进行了排查，感谢您的反映。';

/** The full page (for the record) and the first screenful (what a person sees on opening it). */
async function shot(page: Page, name: string) {
  await screenshot(page, name);
  await page.screenshot({ path: `${SCREENSHOTS}/${name}-viewport.png` });
}

/** A valid 8×8 grey PNG: the site photo the deputy takes. */
const SITE_PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAAAAADhZOFXAAAADklEQVR4nGOYAAUMlDEAEJMkAQTrbEwAAAAASUVORK5CYII=',
  'base64',
);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Submits the opinion as a resident would, through the station's public form; returns the tracking code. */
async function submitAsResident(): Promise<string> {
  const formUrl = `${baseURL()}/s/${station.code}`;
  const page = await fetch(formUrl);
  expect(page.status, 'the resident form at /s/<code> exists').toBe(200);
  const html = await page.text();
  const key = /name="_key"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="_key"/.exec(html);
  expect(key, 'the form carries a submission key').not.toBeNull();
  const form = new URLSearchParams({
    _key: key![1] ?? key![2]!,
    category: 'road_traffic',
    body: BODY,
    place: '城关路与解放街交叉口',
    reporter_name: '周大爷',
    reporter_phone: '13912340000',
    consent: 'yes',
  });
  const res = await fetch(formUrl, {
    method: 'POST',
    body: form,
    redirect: 'manual',
    headers: { origin: baseURL(), 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(res.status, await res.clone().text()).toBe(303);
  const code = /\/t\/([A-Z0-9]+)/.exec(res.headers.get('location') ?? '')?.[1];
  expect(code).toBeTruthy();
  return code!;
}

/** Opens the action's form on the item page, lets `fill` fill it, submits, and waits for the new state. */
async function act(
  page: Page,
  action: string,
  state: string,
  fill: (form: ReturnType<Page['locator']>) => Promise<void> = async () => {},
) {
  await page.getByRole('button', { name: action, exact: true }).click();
  const form = page.locator('form.action-form');
  await form.waitFor();
  await fill(form);
  await form.getByRole('button', { name: '提交' }).click();
  await page.getByText(`已完成“${action}”，当前状态：${state}。`).waitFor();
}

describe('an opinion through the four steps', () => {
  it('is accepted, visited, deliberated, handled and resolved; the resident sees the reply', async () => {
    const code = await submitAsResident();

    // 城关街道 staff at a desk: the new opinion is at the top of the inbox.
    const desk = await newContext(browser);
    const staff = await desk.newPage();
    await signIn(staff, 'chengguan');
    await staff.goto('/opinions');
    await staff.getByRole('heading', { name: '意见办理' }).waitFor();
    const row = staff.locator('main tbody tr', { hasText: code });
    await row.waitFor();
    expect(await row.textContent()).toContain('待受理');
    // Every list row says its deadline in words.
    expect(await staff.locator('main tbody tr .deadline').first().textContent()).toMatch(/正常|即将到期|已逾期/);
    await shot(staff, 'opinions-inbox-1440');
    expect(await axeViolations(staff)).toEqual([]);

    await row.getByRole('link', { name: code }).click();
    await staff.getByRole('heading', { name: `意见 ${code}` }).waitFor();
    // Township staff handle it: the reporter's full number is shown to them.
    await staff.getByText('13912340000').waitFor();
    await act(staff, '受理登记', '一听', async (form) => {
      await form.getByLabel('负责代表').selectOption(String(deputy.id));
      await form.getByLabel(/^给群众的答复/).fill(`您的意见已受理，由${deputy.name}代表负责跟进。`);
    });

    // The deputy on a phone: 我的意见 lists it; the site visit is recorded there.
    const phone = await newContext(browser, { phone: true });
    const dep = await phone.newPage();
    await signIn(dep, 'deputy');
    await dep.goto('/my/opinions');
    await dep.getByRole('heading', { name: '我的意见' }).waitFor();
    await dep.locator('main tbody tr', { hasText: code }).waitFor();
    await shot(dep, 'opinions-my-inbox-360');
    await dep.locator('main tbody tr', { hasText: code }).getByRole('link', { name: code }).click();
    await dep.getByRole('heading', { name: `意见 ${code}` }).waitFor();
    await act(dep, '记录实地查看', '二看', async (form) => {
      await form.getByLabel(/^实地查看情况/).fill('现场查看：三块地砖松动，夜间照明不足，情况属实。');
      await form.getByLabel(/^内部备注/).fill('已拍照，建议城管局牵头。');
      await form.getByLabel(/^照片/).setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: SITE_PHOTO });
    });
    // The photo is linked to the visit and shown (behind the session) in the timeline.
    const thumb = dep.locator('.timeline .photos img').first();
    await thumb.waitFor();
    await expect.poll(() => thumb.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await shot(dep, 'opinions-item-360');
    expect(await axeViolations(dep)).toEqual([]);

    // Back at the desk: 三议, 四办, 办结.
    await staff.reload();
    await staff.getByRole('heading', { name: `意见 ${code}` }).waitFor();
    const deadline = addWorkingDays(defaultCalendar(), chinaDay(Date.now()), 10);
    await act(staff, '记录议定结果', '三议', async (form) => {
      // 三议 picks the bodies from the roster of 承办单位: a filter, the lead, co-departments.
      await form.getByLabel(/^输入名称筛选/).fill('城');
      await form.getByLabel(/^牵头办理单位/).selectOption({ label: '区城市管理局（区直部门）' });
      await form.getByRole('checkbox', { name: /城关街道办事处/ }).check();
      await form.getByLabel(/^办理期限/).fill(deadline);
      await form.getByLabel(/^给群众的答复/).fill(`经代表、区城管局和街道商议，由区城管局牵头，${deadline} 前修复。`);
    });
    await act(staff, '开始办理', '四办');
    await act(staff, '办结反馈', '已办结', async (form) => {
      await form.getByLabel(/^给群众的答复/).fill(REPLY);
    });
    const steps = await staff.locator('.step-bar').textContent();
    expect(steps).toMatch(/一听已完成[\s\S]*二看已完成[\s\S]*三议已完成[\s\S]*四办已完成/);
    await staff.getByText('已拍照，建议城管局牵头。').waitFor(); // staff read the deputy's internal note
    await shot(staff, 'opinions-item-1440');

    // A leader reads it with the number masked and no internal note.
    const leaderCtx = await newContext(browser);
    const leader = await leaderCtx.newPage();
    await signIn(leader, 'leader');
    const seen = await leader.request.get(`/api/opinions?q=${code}`);
    const id = ((await seen.json()) as { items: { id: number }[] }).items[0]!.id;
    await leader.goto(`/opinions/${id}`);
    await leader.getByText('139****0000').waitFor();
    expect(await leader.locator('main').textContent()).not.toContain('已拍照，建议城管局牵头。');
    await shot(leader, 'opinions-item-leader-1440');

    // The resident's tracking page shows the public reply, never the internal note or the phone.
    const tracking = await fetch(`${baseURL()}/t/${code}`);
    expect(tracking.status).toBe(200);
    const page = await tracking.text();
    expect(page).toContain(REPLY);
    expect(page).not.toContain('已拍照，建议城管局牵头。');
    expect(page).not.toContain('13912340000');

    // A fresh opinion with a likely duplicate: staff merge it from the item page.
    const pending = (await (await staff.request.get('/api/opinions?state=pending&pageSize=50')).json()) as {
      items: { id: number }[];
    };
    let withDuplicate: { id: number; code: string; target: string } | null = null;
    for (const item of pending.items) {
      const d = (await (await staff.request.get(`/api/opinions/${item.id}`)).json()) as {
        opinion: { trackingCode: string };
        duplicates: { trackingCode: string }[];
      };
      if (d.duplicates.length > 0) {
        withDuplicate = { id: item.id, code: d.opinion.trackingCode, target: d.duplicates[0]!.trackingCode };
        break;
      }
    }
    expect(withDuplicate, 'the demo data has a pending likely duplicate in 城关街道').not.toBeNull();
    await staff.goto(`/opinions/${withDuplicate!.id}`);
    const duplicates = staff.getByRole('region', { name: '可能重复的意见' });
    await duplicates.getByText(withDuplicate!.target).waitFor();
    await shot(staff, 'opinions-item-duplicates-1440');
    staff.once('dialog', (dialog) => void dialog.accept());
    await duplicates.getByRole('button', { name: '合并到这条' }).first().click();
    await staff.getByText('已完成“合并重复意见”，当前状态：重复。').waitFor();
    const shown = `${withDuplicate!.target.slice(0, 4)}-${withDuplicate!.target.slice(4)}`;
    await staff.getByText(`您反映的问题与编号 ${shown} 的意见相同`).waitFor();
    // Its reporter is told on the tracking page, with the code to follow instead.
    const dupPage = (await (await fetch(`${baseURL()}/t/${withDuplicate!.code}`)).text()).replace(/<[^>]+>/g, ' ');
    expect(dupPage).toContain(shown);

    // The same page in English: the workflow's words are translated too (the resident's text stays Chinese).
    await staff.getByRole('button', { name: 'English' }).first().click();
    await staff.getByRole('heading', { name: `Opinion ${withDuplicate!.code}` }).waitFor();
    const english = () => staff.locator('.opinion-card, .step-bar, .timeline .event-head').allTextContents();
    await expect
      .poll(async () => (await english()).join(' '))
      .toMatch(/Duplicate[\s\S]*Listen[\s\S]*Submitted[\s\S]*Merge as duplicate/);
    await staff.getByText('Done: “Merge as duplicate”. The opinion is now: Duplicate.').waitFor();
    await shot(staff, 'opinions-item-en-1440');
    await staff.getByRole('button', { name: '中文' }).first().click();

    // Staff on a phone: the inbox as cards.
    const staffPhone = await (await newContext(browser, { phone: true })).newPage();
    await signIn(staffPhone, 'chengguan');
    await staffPhone.goto('/opinions?state=open');
    await staffPhone.locator('main tbody tr').first().waitFor();
    await shot(staffPhone, 'opinions-inbox-360');
  });
});
