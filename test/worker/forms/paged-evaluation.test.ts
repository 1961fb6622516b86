/**
 * A paged questionnaire answered with JavaScript off, over real HTTP inside workerd: each
 * page checked alone, back and forward keeping answers in hidden inputs, a hidden question's
 * tampered answer dropped, and courses on a day not checked in preset to 未参加.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { chinaDay } from '../../../worker/workflow/calendar';
import { call } from '../helpers';
import { ALL_ANSWERS, setupTraining, submit, type TrainingSetup } from '../evaluations/helpers';

const definition = {
  schemaVersion: 1,
  title: { 'zh-CN': '分页问卷' },
  questions: [
    { id: 'overall', type: 'scale5', label: { 'zh-CN': '总体满意度' }, required: true },
    {
      id: 'venue',
      type: 'choice',
      label: { 'zh-CN': '您希望在哪里上课' },
      required: true,
      other: true,
      options: [
        { code: 'school', label: { 'zh-CN': '党校' } },
        { code: 'station', label: { 'zh-CN': '联络站' } },
      ],
    },
    { id: 'why_other', type: 'text', label: { 'zh-CN': '为什么' }, required: true, showIf: { field: 'venue', is: ['other'] } },
    { id: 'courses', type: 'course_block', label: { 'zh-CN': '课程评分' }, required: true, comment: false, perDay: true },
    { id: 'last', type: 'section', label: { 'zh-CN': '最后一页' }, newPage: true },
    { id: 'low', type: 'textarea', label: { 'zh-CN': '哪里不满意' }, showIf: { field: 'overall', atMost: 2 } },
    { id: 'improve', type: 'textarea', label: { 'zh-CN': '建议' } },
  ],
};

let setup: TrainingSetup;
let token: string;

function form(fields: Record<string, string>): URLSearchParams {
  return new URLSearchParams(fields);
}

/** The hidden inputs of a rendered page, as a form body to post back (what a browser sends). */
function hiddenInputs(page: string): URLSearchParams {
  const body = new URLSearchParams();
  for (const m of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/?>/g)) body.append(m[1]!, m[2]!);
  return body;
}

beforeAll(async () => {
  setup = await setupTraining({ title: '分页问卷培训' });
  const put = await call('PUT', `/api/trainings/${setup.trainingId}/questionnaire`, {
    cookie: setup.fixture.users.staff,
    json: { definition },
  });
  expect(put.status).toBe(200);
  // Deputy 1 checked in today, deputy 2 did not: the training uses check-in.
  await env.DB.prepare(
    'INSERT INTO attendance (enrolment_id, day, checked_in_at) SELECT id, ?, ? FROM enrolments WHERE training_id = ? AND deputy_id = 1',
  )
    .bind(chinaDay(Date.now()), Date.now(), setup.trainingId)
    .run();
  token = setup.tokens.get(2)!;
});

describe('a paged questionnaire without JavaScript', () => {
  it('starts on page 1 of 3 with a next button and the logic script', async () => {
    const page = await (await call('GET', `/e/${token}`)).text();
    expect(page).toContain('第 1 页，共 3 页');
    expect(page).toContain('name="_go" value="next"');
    expect(page).not.toContain('value="back"');
    expect(page).not.toContain('class="lf-card"');
    // The conditional question is on the same page: rendered with the condition in words.
    expect(page).toContain('如果“您希望在哪里上课”选了“其他（请注明）”，请回答这一题');
    expect(page).toContain('data-if="venue"');
  });

  it('checks page 1 alone, and keeps what was chosen', async () => {
    const res = await submit(token, form({ _page: '0', _go: 'next', overall: '4' }));
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain('请选择“您希望在哪里上课”');
    expect(page).not.toContain('课程评分');
    expect(page).toMatch(/name="overall" value="4" checked/);

    const other = await submit(token, form({ _page: '0', _go: 'next', overall: '4', venue: 'other' }));
    expect(other.status).toBe(422);
    const text = await other.text();
    expect(text).toContain('您在“您希望在哪里上课”中选了“其他”，请写明具体内容');
    expect(text).toContain('请填写“为什么”');
  });

  it('goes forward to the day’s courses with 未参加 preset, and back with every answer kept', async () => {
    const res = await submit(token, form({ _page: '0', _go: 'next', overall: '4', venue: 'school' }));
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('第 2 页，共 3 页');
    expect(page.match(/class="lf-card"/g)).toHaveLength(2);
    expect(page).toContain('签到记录显示您那天没有签到');
    for (const id of setup.courseIds) expect(page).toMatch(new RegExp(`name="courses\\.${id}\\.absent" value="yes" checked`));
    const carried = hiddenInputs(page);
    expect(carried.get('overall')).toBe('4');
    expect(carried.get('venue')).toBe('school');
    expect(carried.get('_page')).toBe('1');

    carried.set('_go', 'back');
    const back = await submit(token, carried);
    expect(back.status).toBe(200);
    const first = await back.text();
    expect(first).toContain('第 1 页，共 3 页');
    expect(first).toMatch(/name="venue" value="school" checked/);
  });

  it('submits the last page, stores only shown answers once, and drops a tampered hidden answer', async () => {
    const courses = Object.fromEntries(setup.courseIds.map((id) => [`courses.${id}.absent`, 'yes']));
    const toLast = await submit(token, form({ _page: '1', _go: 'next', overall: '4', venue: 'school', ...courses }));
    expect(toLast.status).toBe(200);
    const last = await toLast.text();
    expect(last).toContain('第 3 页，共 3 页');
    expect(last).toContain('name="_go" value="submit"');
    // overall is 4, so the follow-up for the dissatisfied is not shown at all.
    expect(last).not.toContain('哪里不满意');

    const body = hiddenInputs(last);
    body.set('_go', 'submit');
    body.set('improve', '多安排案例');
    body.set('low', '篡改的隐藏答案');
    body.set('why_other', '也是篡改的');
    const done = await submit(token, body);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('感谢您的参与');

    const rows = await env.DB.prepare(`SELECT answers FROM ${ALL_ANSWERS} WHERE training_id = ?`)
      .bind(setup.trainingId)
      .all<{ answers: string }>();
    expect(rows.results).toHaveLength(1);
    const stored = JSON.parse(rows.results[0]!.answers);
    expect(stored).toEqual({
      overall: 4,
      venue: 'school',
      courses: Object.fromEntries(setup.courseIds.map((id) => [String(id), { absent: true }])),
      improve: '多安排案例',
    });
  });

  it('does not preset 未参加 for a deputy who checked in', async () => {
    const res = await submit(setup.tokens.get(1)!, form({ _page: '0', _go: 'next', overall: '5', venue: 'station' }));
    const page = await res.text();
    expect(page).toContain('第 2 页，共 3 页');
    expect(page).not.toMatch(/\.absent" value="yes" checked/);
    // …and the courses are required for them.
    const next = await submit(setup.tokens.get(1)!, form({ _page: '1', _go: 'next', overall: '5', venue: 'station' }));
    expect(next.status).toBe(422);
    expect(await next.text()).toContain('请为“人民代表大会制度”选择“与代表履职的相关程度”');
  });
});
