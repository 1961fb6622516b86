/**
 * The training evaluation, end to end on the demo district: a deputy opens a personal link on
 * a 360×740 phone, is told a required question is missing, completes and submits, and is
 * politely refused a second time; the organiser sees the township's completion rate rise and
 * the deputy leave the not-submitted list at once, while the results do not move (answers are
 * released five at a time per township) and say one answer is waiting. Screenshots at
 * 360 and 1440 wide; axe-core finds nothing on the evaluation form.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, baseURL, DESKTOP, launch, newContext, PHONE, screenshot, signIn } from './browser';

const TOWNSHIP = '城关街道';
const SUGGESTION = `希望多组织到联络站现场观摩（端到端测试 ${Date.now() % 100000}）`;

let browser: Browser;
let staffCookie: string;
let trainingId: number;
let townshipId: number;
let deputy: { name: string; token: string };
let before: { rate: string; submitted: number; n: number };

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${baseURL()}${path}`, { headers: { cookie: staffCookie } });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

interface ProgressRow {
  townshipId: number;
  name: string;
  submitted: number;
  completionRate: number;
}

/** Pages load data after rendering; give them time on a busy two-core machine. */
function poll<T>(fn: () => Promise<T> | T) {
  return expect.poll(fn, { timeout: 15_000 });
}

function percentText(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}

beforeAll(async () => {
  browser = await launch();
  const login = await fetch(`${baseURL()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'staff', password: 'lianluo2026' }),
  });
  expect(login.status).toBe(200);
  staffCookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { items } = await api<{ items: { id: number; title: string; evaluationStatus: string }[] }>('/api/trainings');
  const training = items.find((t) => t.title.includes('初任培训') && t.evaluationStatus === 'open');
  expect(training).toBeDefined();
  trainingId = training!.id;
  const progress = await api<{ townships: ProgressRow[] }>(`/api/trainings/${trainingId}/progress`);
  const row = progress.townships.find((t) => t.name === TOWNSHIP)!;
  townshipId = row.townshipId;
  // An enrolled deputy of the township who has not submitted, and their personal link (as staff hand it out).
  const pending = await api<{ items: { name: string; token: string; submittedOn: string | null }[] }>(
    `/api/trainings/${trainingId}/enrolments?status=pending&townshipId=${townshipId}&pageSize=500`,
  );
  expect(pending.items.length).toBeGreaterThan(1);
  const chosen = pending.items[pending.items.length - 1]!;
  deputy = { name: chosen.name, token: chosen.token };
  const results = await api<{ n: number }>(`/api/trainings/${trainingId}/results`);
  before = { rate: percentText(row.completionRate), submitted: row.submitted, n: results.n };
});

afterAll(async () => {
  await browser?.close();
});

async function expectNoAxeViolations(page: Page, where: string) {
  const violations = await axeViolations(page);
  expect(violations, `${where}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/**
 * Picks an answer for every shown rating group on the page, except the names listed. Clicked
 * in the page (a real click event per radio, so the logic script sees each one): the default
 * questionnaire has 27 courses × 3 aspects, and one Playwright round trip each is minutes.
 */
async function rateEverything(page: Page, except: readonly string[]) {
  await page.$$eval(
    '#ev-form input[type=radio]',
    (inputs, skip) => {
      // Only what is shown: a course card folded by 未参加 has nothing to rate.
      const shown = inputs.filter((i) => (i as HTMLElement).offsetParent !== null) as HTMLInputElement[];
      for (const name of new Set(shown.map((i) => i.name))) {
        if (skip.includes(name)) continue;
        const group = shown.filter((i) => i.name === name);
        const value = name === 'recommend' ? '9' : name === 'most_useful_course' ? null : '4';
        (group.find((i) => value === null || i.value === value) ?? group[0])?.click();
      }
    },
    except,
  );
}

/** Answers every page from the current one to the last, without pressing submit. */
async function walkToLastPage(page: Page) {
  for (let i = 0; i < 20 && (await page.getByRole('button', { name: '下一页' }).count()) > 0; i++) {
    await rateEverything(page, []);
    const progress = await page.locator('.lf-progress').textContent();
    await page.getByRole('button', { name: '下一页' }).click();
    await poll(() => page.locator('.lf-progress').textContent()).not.toBe(progress);
  }
}

async function organiserRow(page: Page) {
  return page.locator('table.tr-progress tbody tr', { has: page.getByRole('rowheader', { name: TOWNSHIP, exact: true }) });
}

async function openOrganiser(page: Page) {
  await page.goto(`/trainings?id=${trainingId}&tab=organiser`);
  await page.locator('table.tr-progress').waitFor();
  await page.selectOption('#pending-township', String(townshipId));
  await page.locator('table.tr-pending').waitFor();
}

describe('training evaluation journey', () => {
  it('organiser sees the deputy on the not-submitted list first', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'staff');
    await openOrganiser(page);
    const row = await organiserRow(page);
    await poll(() => row.textContent()).toContain(before.rate);
    await poll(() => page.locator('table.tr-pending').textContent()).toContain(deputy.name);
    await context.close();
  });

  it('a deputy on a phone is told what is missing, submits, and is politely refused a second time', {
    timeout: 180_000,
  }, async () => {
    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    const link = `${baseURL()}/e/${deputy.token}`;
    await page.goto(link);
    await poll(() => page.locator('h1').textContent()).toContain('初任培训');
    // Paged: the overall ratings first, one page per training day's courses after.
    await poll(() => page.locator('.lf-progress').textContent()).toMatch(/第 1 页，共 \d 页/);
    expect(await page.locator('.lf-card').count()).toBe(0);
    await screenshot(page, 'evaluation-form-360');
    await expectNoAxeViolations(page, 'evaluation form');
    // Nothing on a phone scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // Everything on page 1 but the overall satisfaction; the draft survives a reload.
    await rateEverything(page, ['overall']);
    await page.reload();
    await poll(() => page.locator('#ev-draft').textContent()).toContain('已恢复');
    await poll(() => page.locator('input[name="content"][value="4"]').isChecked()).toBe(true);

    // A second tab with the same link, as if the deputy opened it twice.
    const second = await context.newPage();
    await second.goto(link);

    await page.getByRole('button', { name: '下一页' }).click();
    const summary = page.locator('.lf-error-summary');
    await summary.waitFor();
    await poll(() => summary.textContent()).toContain('请选择“总的来说，您对本次培训是否满意”');
    expect(await summary.locator('li').count()).toBe(1);
    await poll(() => page.locator('input[name="content"][value="4"]').isChecked()).toBe(true);
    await screenshot(page, 'evaluation-errors-360');
    await expectNoAxeViolations(page, 'evaluation form with errors');
    await summary.getByRole('link').click();
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-overall');

    await page.locator('input[name="overall"][value="5"]').check();
    await walkToLastPage(page);
    await page.locator('textarea[name="improve"]').fill(SUGGESTION);
    await page.getByRole('button', { name: '提交评估' }).click();
    await poll(() => page.locator('h1').textContent()).toBe('提交成功');
    await poll(() => page.locator('main').textContent()).toContain('感谢您的参与');
    await screenshot(page, 'evaluation-thanks-360');

    // The other tab goes on too: polite refusal, nothing changes.
    await rateEverything(second, []);
    await second.getByRole('button', { name: '下一页' }).click();
    await poll(() => second.locator('main').textContent()).toContain('您已提交过本次培训的评估，感谢您的参与！');
    await screenshot(second, 'evaluation-refused-360');
    // And the link itself now says so.
    await page.goto(link);
    await poll(() => page.locator('main').textContent()).toContain('您已提交过本次培训的评估');
    await context.close();
  });

  it('the form also reads well on a desk screen', async () => {
    const pending = await api<{ items: { token: string }[] }>(
      `/api/trainings/${trainingId}/enrolments?status=pending&townshipId=${townshipId}&pageSize=1`,
    );
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`/e/${pending.items[0]!.token}`);
    await screenshot(page, 'evaluation-form-1440');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(DESKTOP.width);
    await context.close();
  });

  it('the organiser sees the rate rise and the deputy leave the list; the results wait for a batch of five', async () => {
    const progress = await api<{ townships: ProgressRow[] }>(`/api/trainings/${trainingId}/progress`);
    const row = progress.townships.find((t) => t.townshipId === townshipId)!;
    expect(row.submitted).toBe(before.submitted + 1);
    const after = percentText(row.completionRate);
    expect(after).not.toBe(before.rate);

    for (const phone of [false, true]) {
      const context = await newContext(browser, { phone });
      const page = await context.newPage();
      await signIn(page, 'staff');
      await openOrganiser(page);
      await poll(async () => (await organiserRow(page)).textContent()).toContain(after);
      await poll(() => page.locator('table.tr-pending').textContent()).not.toContain(deputy.name);
      await screenshot(page, `organiser-${phone ? 360 : 1440}`);
      if (!phone) {
        // Results do not move with one submission (they are released five at a time per
        // township), so comparing before and after says nothing about this deputy's answer.
        await page.goto(`/trainings?id=${trainingId}&tab=results`);
        await poll(() => page.getByTestId('release-status').textContent()).toContain('等待计入 1 份');
        await expect
          .poll(() => page.getByTestId('results-n').textContent())
          .toBe(String(before.n).replace(/\B(?=(\d{3})+$)/g, ','));
        expect(await page.locator('main').textContent()).not.toContain(SUGGESTION);
        await poll(() => page.locator('main').textContent()).toContain('每新增满 5 份答卷');
        await page.locator('.tr-chart canvas').waitFor();
        await screenshot(page, 'results-1440');
      } else {
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
        await page.goto(`/trainings?id=${trainingId}&tab=results`);
        await poll(() => page.getByTestId('release-status').textContent()).toContain('等待计入 1 份');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
        await screenshot(page, 'results-360');
      }
      await context.close();
    }
  });
});
