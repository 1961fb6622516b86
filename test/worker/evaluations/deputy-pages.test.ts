/**
 * The deputies' pages: the personal evaluation link (opened, errors with values kept, one
 * answer per token even when two posts race, closed evaluations). Check-in: checkin.test.ts.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { chinaDay } from '../../../worker/workflow/calendar';
import { call } from '../helpers';
import { ALL_ANSWERS, answers, setupTraining, submit } from './helpers';

async function enrolment(trainingId: number, deputyId: number) {
  return env.DB.prepare('SELECT opened_on, submitted_on FROM enrolments WHERE training_id = ? AND deputy_id = ?')
    .bind(trainingId, deputyId)
    .first<{ opened_on: string | null; submitted_on: string | null }>();
}

async function responseCount(trainingId: number): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${ALL_ANSWERS} WHERE training_id = ?`)
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
    // The default questionnaire is paged: overall ratings first, then the day's courses.
    expect(page).toContain('第 1 页，共 3 页');
    expect(page).toContain('本问卷不记名');
    expect(page).toContain('localStorage');
    const next = answers([], { _page: '0', _go: 'next' });
    const courses = await (await submit(setup.tokens.get(1)!, next)).text();
    expect(courses).toContain('第 2 页，共 3 页');
    expect(courses.match(/class="lf-card"/g)).toHaveLength(2);
    expect(courses).toContain('人民代表大会制度');
    expect(courses).toContain('授课人：张教授');
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
    // The answers of the other pages travel along (escaped), and each page names its own gaps.
    expect(page).toContain('希望多安排案例教学&lt;script&gt;');
    const onCourses = new URLSearchParams(body);
    onCourses.set('overall', '5');
    onCourses.set('_page', '1');
    onCourses.set('_go', 'next');
    const coursePage = await (await submit(setup.tokens.get(1)!, onCourses)).text();
    expect(coursePage).toContain('请为“代表法解读”选择“授课人讲得是否清楚”');
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
    const rows = await env.DB.prepare(`SELECT answers FROM ${ALL_ANSWERS} WHERE training_id = ?`)
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
