import { chromium } from 'playwright-core';
const U = process.argv[2]!;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
for (const [w, h, tag] of [[1440, 900, '1440'], [360, 740, '360']] as const) {
  const ctx = await b.newContext({ baseURL: U, viewport: { width: w, height: h }, locale: 'zh-CN' });
  const p = await ctx.newPage();
  await p.goto('/login');
  await p.getByLabel(/用户名/).fill('admin');
  await p.getByLabel(/密码/).fill('lianluo2026');
  await p.getByRole('button', { name: /登录/ }).click();
  await p.waitForURL((u) => !u.pathname.startsWith('/login'));
  const tr = await (await p.request.get('/api/trainings')).json();
  const id = tr.items.find((t: any) => t.evaluationStatus === 'open').id;
  await p.goto(`/trainings?id=${id}&tab=organiser`);
  await p.getByRole('button', { name: '提醒未提交的代表' }).click();
  await p.locator('section[aria-labelledby="remind-title"] .notice').first().waitFor();
  await p.locator('#remind-title').scrollIntoViewIfNeeded();
  await p.screenshot({ path: `/tmp/remind-${tag}.png` });
  await p.goto('/calendar');
  await p.getByRole('heading', { name: '工作日历' }).waitFor();
  await p.getByLabel('粘贴国务院放假通知').fill('国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n二、春节：2月6日（周六）至12日（周五）放假调休，共7天。2月20日（周六）上班。');
  await p.getByRole('button', { name: '识别通知' }).click();
  await p.getByText('以下是从通知中识别出的日子').waitFor();
  await p.screenshot({ path: `/tmp/calendar-${tag}.png`, fullPage: true });
  await p.goto('/t/codes');
  await p.screenshot({ path: `/tmp/codes-${tag}.png`, fullPage: true });
  await ctx.close();
}
await b.close();
