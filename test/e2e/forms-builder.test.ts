/**
 * The form builder, end to end on the demo district (issue 13): staff build a questionnaire
 * from an empty one without typing JSON — a 5-point scale, a single choice with 其他, a
 * question shown only when the choice is 其他, two pages — watch the phone preview, and save
 * it for a training; one deputy answers it on a phone with JavaScript off, page by page,
 * another with JavaScript on; both answers are stored on version 1; editing the questionnaire
 * afterwards makes version 2 while the two answers stay on version 1.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, DESKTOP, launch, newContext, PHONE, screenshot, signIn } from './browser';

let browser: Browser;
let staffCookie: string;
let trainingId: number;
let tokens: string[] = [];

const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

function poll<T>(fn: () => Promise<T> | T) {
  return expect.poll(fn, { timeout: 20_000 });
}

async function api<T>(method: string, path: string, json?: unknown): Promise<T> {
  const res = await fetch(`${baseURL()}${path}`, {
    method,
    headers: { cookie: staffCookie, 'content-type': 'application/json', origin: baseURL() },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  expect(res.status, `${method} ${path}: ${res.status}`).toBeLessThan(300);
  return (await res.json()) as T;
}

interface Versions {
  version: number;
  versions: { version: number; responses: number }[];
}

beforeAll(async () => {
  browser = await launch();
  const login = await fetch(`${baseURL()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseURL() },
    body: JSON.stringify({ username: 'staff', password: 'lianluo2026' }),
  });
  expect(login.status).toBe(200);
  staffCookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { training } = await api<{ training: { id: number } }>('POST', '/api/trainings', {
    title: `会后小调查培训 ${Date.now() % 100000}`,
    startsOn: today,
    endsOn: today,
    place: '区委党校',
  });
  trainingId = training.id;
  await api('POST', `/api/trainings/${trainingId}/courses`, {
    title: '代表履职实务',
    lecturer: '王老师',
    day: today,
    startsAt: '09:00',
    kind: 'lecture',
  });
  await api('POST', `/api/trainings/${trainingId}/enrolments`, { all: true });
  await api('POST', `/api/trainings/${trainingId}/evaluation`, { status: 'open' });
  const enrolments = await api<{ items: { token: string }[] }>('GET', `/api/trainings/${trainingId}/enrolments?pageSize=2`);
  tokens = enrolments.items.map((e) => e.token);
  expect(tokens).toHaveLength(2);
});

afterAll(async () => {
  await browser?.close();
});

/** Adds a question of a kind at the end and returns its card. */
async function addQuestion(page: Page, kind: string) {
  const before = await page.locator('.fb-card').count();
  await page.selectOption('#fb-kind', kind);
  await page.getByRole('button', { name: '添加题目' }).click();
  await poll(() => page.locator('.fb-card').count()).toBe(before + 1);
  return page.locator('.fb-card').nth(before);
}

async function openBuilder(page: Page) {
  await page.goto(`/trainings?id=${trainingId}`);
  await page.getByText('编辑问卷', { exact: true }).click();
  await page.locator('.fb').waitFor();
}

describe('building a questionnaire without JSON', () => {
  it('staff build it from an empty one, watch the preview, and save it for the training', { timeout: 180_000 }, async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'staff');
    await openBuilder(page);
    await page.selectOption('#fb-template', 'blank');
    await page.getByRole('button', { name: '换成这个模板' }).click();
    await poll(() => page.locator('.fb-card').count()).toBe(0);
    // An empty questionnaire is not valid, and the builder says so in words.
    await poll(() => page.locator('.fb-status').textContent()).toContain('问卷里至少要有一道题');
    await page.fill('#fb-title', '会后小调查');

    const q1 = await addQuestion(page, 'scale5');
    await q1.getByLabel('题目', { exact: true }).fill('您对这次培训满意吗？');
    await q1.getByLabel('必答').check();

    const q2 = await addQuestion(page, 'choice');
    await q2.getByLabel('题目', { exact: true }).fill('您是从哪里知道培训安排的？');
    await q2.getByLabel('选项 1', { exact: true }).fill('短信通知');
    await q2.getByLabel('选项 2', { exact: true }).fill('微信群');
    await q2.getByLabel('最后加上“其他（请注明）”').check();
    await q2.getByLabel('必答').check();

    const q3 = await addQuestion(page, 'text');
    await q3.getByLabel('题目', { exact: true }).fill('请说说是从哪里知道的');
    await q3.getByLabel('参照的题目').selectOption({ label: '2. 您是从哪里知道培训安排的？' });
    await q3.getByLabel('答案', { exact: true }).selectOption({ label: '其他（请注明）' });
    await q3.getByLabel('必答').check();

    // A wrong edit is named beside its field, in Chinese; undo puts it right.
    await q1.getByLabel('题目', { exact: true }).fill('');
    await poll(() => q1.locator('.field-error').first().textContent()).toBe('请填写这一项');
    await page.getByRole('button', { name: '撤销' }).click();
    await poll(() => q1.getByLabel('题目', { exact: true }).inputValue()).toBe('您对这次培训满意吗？');
    // Wait for the re-check: the message leaving moves everything below it.
    await poll(() => page.locator('.fb-status').textContent()).toContain('问卷没有问题，可以保存。');

    const q4 = await addQuestion(page, 'section');
    await q4.getByLabel('题目', { exact: true }).fill('第二部分');
    await q4.getByLabel('从这里开始新的一页').check();
    const q5 = await addQuestion(page, 'textarea');
    await q5.getByLabel('题目', { exact: true }).fill('您还有什么建议？');

    // Reorder with the keyboard and back: Alt+↓ on the card, then the 上移 button.
    await q1.focus();
    await page.keyboard.press('Alt+ArrowDown');
    await poll(() => page.locator('.fb-card h3').first().textContent()).toContain('单选');
    await page.locator('.fb-card').nth(1).getByRole('button', { name: '上移' }).click();
    await poll(() => page.locator('.fb-card h3').first().textContent()).toContain('满意度');

    await poll(() => page.locator('.fb-status').textContent()).toContain('问卷没有问题，可以保存。');
    const preview = page.frameLocator('.fb-phone iframe');
    await poll(() => preview.locator('.lf-progress').textContent()).toContain('第 1 页，共 2 页');
    await poll(() => preview.locator('body').textContent()).toContain('请说说是从哪里知道的');
    await screenshot(page, 'forms-builder-1440');
    await page.getByRole('button', { name: '用手机扫码预览' }).click();
    await poll(() => page.locator('img.fb-qr').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);

    // Unsaved work survives closing the page.
    await page.reload();
    await page.getByText('编辑问卷', { exact: true }).click();
    await poll(() => page.locator('.fb').textContent()).toContain('已恢复上次没有保存的修改');
    await poll(() => page.locator('.fb-card').count()).toBe(5);

    await page.getByRole('button', { name: '保存问卷' }).click();
    await poll(() => page.locator('section[aria-labelledby="q-title"]').textContent()).toContain('问卷已保存，当前为第 1 版');
    await page.setViewportSize({ width: PHONE.width, height: 900 });
    await page.getByText('编辑问卷', { exact: true }).click();
    await screenshot(page, 'forms-builder-360');
    await page.setViewportSize(DESKTOP);
    const q = await api<Versions & { definition: { questions: { type: string }[] } }>(
      'GET',
      `/api/trainings/${trainingId}/questionnaire`,
    );
    expect(q.definition.questions.map((x) => x.type)).toEqual(['scale5', 'choice', 'text', 'section', 'textarea']);
    await context.close();
  });

  it('a deputy answers it on a phone with JavaScript off, page by page', async () => {
    const context = await newContext(browser, { phone: true, javaScript: false });
    const page = await context.newPage();
    await page.goto(`/e/${tokens[0]}`);
    await poll(() => page.locator('.lf-progress').textContent()).toContain('第 1 页，共 2 页');
    // Without JavaScript the follow-up is on the page, saying when it applies.
    await poll(() => page.locator('.lf-cond__note').textContent()).toContain(
      '如果“您是从哪里知道培训安排的”选了“其他（请注明）”',
    );
    await page.getByRole('button', { name: '下一页' }).click();
    await poll(() => page.locator('.lf-error-summary').textContent()).toContain('请选择“您对这次培训满意吗”');
    await page.locator('label:has(input[name="q1"][value="5"])').click();
    await page.locator('label:has(input[name="q2"][value="other"])').click();
    await page.fill('input[name="q2.other"]', '单位通知');
    await page.getByRole('button', { name: '下一页' }).click();
    await poll(() => page.locator('.lf-error-summary').textContent()).toContain('请填写“请说说是从哪里知道的”');
    await page.fill('input[name="q3"]', '单位办公室转发');
    await page.getByRole('button', { name: '下一页' }).click();
    await poll(() => page.locator('.lf-progress').textContent()).toContain('第 2 页，共 2 页');
    await screenshot(page, 'forms-deputy-nojs-360');
    // Back keeps the answers, forward again.
    await page.getByRole('button', { name: '上一页' }).click();
    await poll(() => page.locator('input[name="q3"]').inputValue()).toBe('单位办公室转发');
    await page.getByRole('button', { name: '下一页' }).click();
    await page.fill('textarea[name="q5"]', '多安排案例');
    await page.getByRole('button', { name: '提交评估' }).click();
    await poll(() => page.locator('main').textContent()).toContain('感谢您的参与');
    await context.close();
  });

  it('another deputy answers with JavaScript on: the follow-up appears only for 其他', async () => {
    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    await page.goto(`/e/${tokens[1]}`);
    const followUp = page.locator('.lf-cond');
    await poll(() => followUp.isVisible()).toBe(false);
    await page.locator('label:has(input[name="q1"][value="4"])').click();
    await page.locator('label:has(input[name="q2"][value="o2"])').click();
    await poll(() => followUp.isVisible()).toBe(false);
    await page.locator('label:has(input[name="q2"][value="other"])').click();
    await poll(() => followUp.isVisible()).toBe(true);
    await page.fill('input[name="q2.other"]', '同事告诉');
    await page.fill('input[name="q3"]', '同事告诉我的');
    await page.getByRole('button', { name: '下一页' }).click();
    await poll(() => page.locator('.lf-progress').textContent()).toContain('第 2 页，共 2 页');
    await page.getByRole('button', { name: '提交评估' }).click();
    await poll(() => page.locator('main').textContent()).toContain('感谢您的参与');
    await context.close();
  });

  it('both answers are on version 1; editing afterwards makes version 2', { timeout: 120_000 }, async () => {
    const before = await api<Versions>('GET', `/api/trainings/${trainingId}/questionnaire`);
    expect(before.versions).toEqual([expect.objectContaining({ version: 1, responses: 2 })]);
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'staff');
    await openBuilder(page);
    await poll(() => page.locator('.fb').textContent()).toContain('这份问卷已有 2 份答卷');
    await page.locator('.fb-card').nth(4).getByLabel('题目', { exact: true }).fill('您对今后的培训还有什么建议？');
    await poll(() => page.locator('.fb-status').textContent()).toContain('问卷没有问题，可以保存。');
    await page.getByRole('button', { name: '保存问卷' }).click();
    await poll(() => page.locator('section[aria-labelledby="q-title"]').textContent()).toContain('当前为第 2 版');
    const after = await api<Versions>('GET', `/api/trainings/${trainingId}/questionnaire`);
    expect(after.version).toBe(2);
    expect(after.versions).toEqual([
      expect.objectContaining({ version: 1, responses: 2 }),
      expect.objectContaining({ version: 2, responses: 0 }),
    ]);
    await context.close();
  });
});
