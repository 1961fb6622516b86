/** The deputy pages render as phone-first, accessible HTML from the form engine. */
import { describe, expect, it } from 'vitest';
import { formatDay, formatDays } from '../../../worker/evaluations/messages';
import { CheckinPage } from '../../../worker/evaluations/pages/checkin';
import { AlreadySubmittedPage, EvaluationPage } from '../../../worker/evaluations/pages/evaluate';
import { newResponseId, newToken, TOKEN_PATTERN } from '../../../worker/evaluations/tokens';
import { trainingFormDefinition } from '../../../worker/forms/defaults/training';
import { formPages, pageOfField } from '../../../worker/forms/pages';

const training = { title: '2026年新任代表初任培训班', startsOn: '2026-03-17', endsOn: '2026-03-19', place: '区委党校' };
const courses = [
  { id: 11, title: '人民代表大会制度', lecturer: '张教授', day: '2026-03-17' },
  { id: 12, title: '代表法解读', lecturer: '李主任', day: '2026-03-17' },
];
/** The default questionnaire is paged: the courses of the first day have a page of their own. */
const coursePage = pageOfField(formPages(trainingFormDefinition, courses), 'courses.11.relevance');

async function render(node: unknown): Promise<string> {
  return String(await node);
}

describe('evaluation page', () => {
  it('is a whole document with the training, one card per course and the draft keeper', async () => {
    const html = await render(
      <EvaluationPage
        training={training}
        definition={trainingFormDefinition}
        courses={courses}
        locale="zh-CN"
        page={coursePage}
      />,
    );
    expect(html.startsWith('<!DOCTYPE html><html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
    expect(html).toContain('<h1 class="ev-title">2026年新任代表初任培训班</h1>');
    expect(html).toContain('2026年3月17日 至 2026年3月19日');
    expect(html.match(/class="lf-card"/g)).toHaveLength(2);
    expect(html).toContain('data-restore="1"');
    expect(html).toContain('id="ev-draft" hidden');
    expect(html).not.toContain('role="alert"');
  });

  it('after errors: summary first, title prefixed, values kept, draft not restored over them', async () => {
    const html = await render(
      <EvaluationPage
        training={training}
        definition={trainingFormDefinition}
        courses={courses}
        locale="zh-CN"
        page={coursePage}
        values={{ content: '4', 'courses.11.relevance': '5' }}
        errors={[{ field: 'overall', code: 'required', message: '请选择“总的来说，您对本次培训是否满意”' }]}
      />,
    );
    expect(html).toMatch(/<title>错误：/);
    expect(html).toContain('href="#f-overall"');
    expect(html).toContain('data-restore="0"');
    // The first page's answer travels along in a hidden input; this page's answer stays ticked.
    expect(html).toMatch(/name="content" value="4"/);
    expect(html).toMatch(/name="courses\.11\.relevance" value="5" checked/);
  });

  it('refuses politely in English too', async () => {
    const html = await render(<AlreadySubmittedPage locale="en" trainingTitle="Training" />);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('You have already submitted your evaluation of this training.');
  });
});

describe('check-in page', () => {
  it('asks for the name and the middle four digits (what a masked number hides)', async () => {
    const html = await render(<CheckinPage training={training} today="2026-03-18" dayNumber={2} locale="zh-CN" />);
    expect(html).toContain('今天是 2026年3月18日，培训第 2 天。');
    expect(html).toContain('for="f-name"');
    expect(html).toContain('手机号码中间四位');
    expect(html).toContain('name="phone_mid"');
    expect(html).not.toContain('后四位');
  });
});

describe('helpers', () => {
  it('formats days', () => {
    expect(formatDay('2026-03-07', 'zh-CN')).toBe('2026年3月7日');
    expect(formatDay('2026-03-07', 'en')).toBe('7 March 2026');
    expect(formatDays('2026-03-07', '2026-03-07', 'zh-CN')).toBe('2026年3月7日');
  });
  it('makes long random tokens and UUID response ids', () => {
    const tokens = new Set(Array.from({ length: 200 }, newToken));
    expect(tokens.size).toBe(200);
    for (const t of tokens) expect(t).toMatch(TOKEN_PATTERN);
    expect([...tokens][0]).toHaveLength(24);
    expect(newResponseId()).toMatch(/^[0-9a-f-]{36}$/);
  });
});
