/**
 * The deputies' pages: the personal evaluation link (opened, errors with values kept, one
 * answer per token even when two posts race, closed evaluations) and the daily check-in.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { chinaDay } from '../../../worker/workflow/calendar';
import { call } from '../helpers';
import { answers, setupTraining, submit } from './helpers';

async function enrolment(trainingId: number, deputyId: number) {
  return env.DB.prepare('SELECT opened_on, submitted_on FROM enrolments WHERE training_id = ? AND deputy_id = ?')
    .bind(trainingId, deputyId)
    .first<{ opened_on: string | null; submitted_on: string | null }>();
}

async function responseCount(trainingId: number): Promise<number> {
  const row = await env.DB.prepare('SELECT count(*) AS n FROM evaluation_responses WHERE training_id = ?')
    .bind(trainingId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

describe('the personal evaluation link', () => {
  it('shows one card per course and records the day it was opened', async () => {
    const setup = await setupTraining();
    expect((await enrolment(setup.trainingId, 1))?.opened_on).toBeNull();
    const res = await call('GET', `/e/${setup.tokens.get(1)!}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const page = await res.text();
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<html lang="zh-CN">');
    expect(page.match(/class="lf-card"/g)).toHaveLength(2);
    expect(page).toContain('人民代表大会制度');
    expect(page).toContain('授课人：张教授');
    expect(page).toContain('本问卷不记名');
    expect(page).toContain('localStorage');
    expect((await enrolment(setup.trainingId, 1))?.opened_on).toBe(chinaDay(Date.now()));
  });

  it('names every missing required answer and keeps what was typed', async () => {
    const setup = await setupTraining();
    const body = answers(setup.courseIds, { improve: '希望多安排案例教学<script>' });
    body.delete('overall');
    body.delete(`courses.${setup.courseIds[1]}.clarity`);
    const res = await submit(setup.tokens.get(1)!, body);
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain('提交前，请先修改下面的问题');
    expect(page).toContain('请选择“总的来说，您对本次培训是否满意”');
    expect(page).toContain('请为“代表法解读”选择“授课人讲得是否清楚”');
    expect(page).toContain('希望多安排案例教学&lt;script&gt;');
    expect(page).toMatch(/<title>错误：/);
    // The rating already chosen stays chosen.
    expect(page).toMatch(/name="content" value="5" checked/);
    expect((await enrolment(setup.trainingId, 1))?.submitted_on).toBeNull();
    expect(await responseCount(setup.trainingId)).toBe(0);
  });

  it('stores one answer per token and politely refuses a second submission', async () => {
    const setup = await setupTraining();
    const token = setup.tokens.get(1)!;
    const ok = await submit(token, answers(setup.courseIds, { improve: '第一次' }));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('感谢您的参与');
    expect((await enrolment(setup.trainingId, 1))?.submitted_on).toBe(chinaDay(Date.now()));

    const again = await submit(token, answers(setup.courseIds, { improve: '第二次', overall: '1' }));
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('您已提交过本次培训的评估，感谢您的参与！');
    const visit = await call('GET', `/e/${token}`);
    expect(await visit.text()).toContain('您已提交过本次培训的评估');
    const rows = await env.DB.prepare('SELECT answers FROM evaluation_responses WHERE training_id = ?')
      .bind(setup.trainingId)
      .all<{ answers: string }>();
    expect(rows.results).toHaveLength(1);
    expect(JSON.parse(rows.results[0]!.answers)).toMatchObject({ improve: '第一次', overall: 5 });
  });

  it('keeps one answer when two submissions with the same token race', async () => {
    const setup = await setupTraining();
    const token = setup.tokens.get(2)!;
    const results = await Promise.all([
      submit(token, answers(setup.courseIds, { improve: 'A' })),
      submit(token, answers(setup.courseIds, { improve: 'B' })),
      submit(token, answers(setup.courseIds, { improve: 'C' })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(await responseCount(setup.trainingId)).toBe(1);
  });

  it('answers politely when the evaluation is not open, closed, or the link is wrong', async () => {
    const setup = await setupTraining({ open: false });
    const token = setup.tokens.get(1)!;
    const draft = await call('GET', `/e/${token}`);
    expect(await draft.text()).toContain('评估尚未开始');
    expect((await enrolment(setup.trainingId, 1))?.opened_on).toBeNull();
    await call('POST', `/api/trainings/${setup.trainingId}/evaluation`, {
      cookie: setup.fixture.users.staff,
      json: { status: 'closed' },
    });
    expect(await (await call('GET', `/e/${token}`)).text()).toContain('本次培训的评估已经结束');
    const late = await submit(token, answers(setup.courseIds));
    expect(late.status).toBe(409);
    expect(await responseCount(setup.trainingId)).toBe(0);
    const wrong = await call('GET', '/e/not-a-token-of-anyone-at-all');
    expect(wrong.status).toBe(404);
    expect(await wrong.text()).toContain('链接无效');
    expect((await call('GET', '/e/short')).status).toBe(404);
  });
});

describe('daily check-in', () => {
  async function checkin(code: string, name: string, last4: string, ip: string) {
    return call('POST', `/c/${code}`, {
      body: new URLSearchParams({ name, last4 }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'cf-connecting-ip': ip },
    });
  }

  it('records attendance for today once, with a clear confirmation', async () => {
    const setup = await setupTraining();
    const { checkin_code: code } = (await env.DB.prepare('SELECT checkin_code FROM trainings WHERE id = ?')
      .bind(setup.trainingId)
      .first<{ checkin_code: string }>())!;
    const form = await call('GET', `/c/${code}`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('手机号码后四位');

    const wrong = await checkin(code, '王建国', '0002', '198.51.100.7');
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('没有找到姓名和手机号码后四位都相符的参训代表');
    const short = await checkin(code, '王建国', '12', '198.51.100.7');
    expect(await short.text()).toContain('请填写手机号码的最后 4 位数字');

    const ok = await checkin(code, ' 王 建国 ', '０００１', '198.51.100.7');
    expect(ok.status).toBe(200);
    const page = await ok.text();
    expect(page).toContain('签到成功');
    expect(page).toContain('王建国代表');
    const again = await checkin(code, '王建国', '0001', '198.51.100.7');
    expect(await again.text()).toContain('今天已经签到过了');
    const rows = await env.DB.prepare(
      'SELECT a.day FROM attendance a JOIN enrolments e ON e.id = a.enrolment_id WHERE e.training_id = ? AND e.deputy_id = 1',
    )
      .bind(setup.trainingId)
      .all<{ day: string }>();
    expect(rows.results.map((r) => r.day)).toEqual([chinaDay(Date.now())]);
    const progress = await (
      await call('GET', `/api/trainings/${setup.trainingId}/progress`, { cookie: setup.fixture.users.staff })
    ).json<{
      total: { checkedIn: number; checkedInByDay: Record<string, number> };
    }>();
    expect(progress.total.checkedIn).toBe(1);
    expect(progress.total.checkedInByDay[chinaDay(Date.now())]).toBe(1);
  });

  it('limits attempts per client', async () => {
    const setup = await setupTraining();
    const { checkin_code: code } = (await env.DB.prepare('SELECT checkin_code FROM trainings WHERE id = ?')
      .bind(setup.trainingId)
      .first<{ checkin_code: string }>())!;
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await checkin(code, '某某', '9999', '192.0.2.99')).status);
    expect(statuses).toContain(429);
    const limited = await checkin(code, '王建国', '0001', '192.0.2.99');
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain('请稍等一分钟再试');
  });

  it('says so on a day without training', async () => {
    const setup = await setupTraining();
    await env.DB.prepare("UPDATE trainings SET starts_on = '2020-01-01', ends_on = '2020-01-02' WHERE id = ?")
      .bind(setup.trainingId)
      .run();
    const { checkin_code: code } = (await env.DB.prepare('SELECT checkin_code FROM trainings WHERE id = ?')
      .bind(setup.trainingId)
      .first<{ checkin_code: string }>())!;
    expect(await (await call('GET', `/c/${code}`)).text()).toContain('今天不是培训日');
  });
});
