/** @jsxImportSource hono/jsx */
import { describe, expect, it } from 'vitest';
import { ErrorSummary, FormFields, formCss } from '../../../worker/forms/render';
import { validateAnswers } from '../../../worker/forms/validate';
import { opinionFormDefinition } from '../../../worker/forms/defaults/opinion';
import { allTypes, courses } from './fixtures';

const html = async (node: unknown) => String(await (node as { toString(): string | Promise<string> }).toString());

describe('FormFields', () => {
  it('renders labels tied to inputs, fieldsets with legends, and hints', async () => {
    const out = await html(<FormFields definition={allTypes} courses={courses} />);
    expect(out).toContain('<label class="lf-label" for="f-nickname">');
    expect(out).toContain('id="f-nickname"');
    expect(out).toMatch(/<fieldset class="lf-fieldset"[^>]*><legend class="lf-legend">颜色<\/legend>/);
    expect(out).toContain('type="radio" id="f-colour" name="colour" value="red"');
    expect(out).toContain('type="checkbox" id="f-fruits" name="fruits" value="apple"');
    expect(out).toContain('<span class="lf-hint__line">请选择 2 到 3 项</span>');
    expect(out).toContain('（选填）');
    expect(out).not.toMatch(/\srequired[\s=>]/); // server-side validation only
  });

  it('uses tel input mode and autocomplete for mobile numbers', async () => {
    const out = await html(<FormFields definition={opinionFormDefinition} />);
    expect(out).toMatch(
      /<input class="lf-input lf-input--phone" type="tel" id="f-reporter_phone" name="reporter_phone" value="" inputmode="tel" autocomplete="tel"/,
    );
    expect(out).toContain('autocomplete="name"');
    expect(out).toContain('aria-describedby="f-reporter_phone-hint"');
    expect(out).toContain('type="file" id="f-photos" name="photos" accept="image/*" multiple=""');
  });

  it('renders 11 numbered options for nps and five labelled points for scale5', async () => {
    const out = await html(<FormFields definition={allTypes} courses={courses} />);
    expect(out.match(/name="nps"/g)).toHaveLength(11);
    expect(out).toContain('lf-choices lf-choices--numbers');
    for (const label of ['非常满意', '满意', '一般', '不满意', '非常不满意'])
      expect(out).toContain(`<span class="lf-choice__label">${label}</span>`);
    expect(out).toContain('0 表示“完全不可能推荐”，10 表示“非常愿意推荐”');
  });

  it('renders one card per course with three rated aspects and a comment', async () => {
    const out = await html(<FormFields definition={allTypes} courses={courses} />);
    expect(out.match(/class="lf-card"/g)).toHaveLength(2);
    expect(out).toContain('授课人：王教授');
    expect(out).toContain('name="rate.11.relevance"');
    expect(out).toContain('id="f-rate--12--practical"');
    expect(out).toContain('name="rate.12.comment"');
    expect(out).toContain('非常相关');
    // the course-filled choice lists the courses with their ids as codes
    expect(out).toContain('name="best" value="11"');
    expect(out).toContain('人民代表大会制度（王教授）');
  });

  it('omits course questions when there are no courses', async () => {
    const out = await html(<FormFields definition={allTypes} courses={[]} />);
    expect(out).not.toContain('lf-card');
    expect(out).not.toContain('name="best"');
  });

  it('keeps what the person typed, escaped', async () => {
    const values = {
      nickname: '"><script>alert(1)</script>',
      story: '</textarea><script>alert(2)</script>',
      colour: 'blue',
      fruits: ['apple', 'fig'],
      agree: 'yes',
      'rate.11.clarity': '4',
      nps: '7',
    };
    const out = await html(<FormFields definition={allTypes} values={values} courses={courses} />);
    expect(out).not.toContain('<script>');
    expect(out).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(out).toContain('&lt;/textarea&gt;&lt;script&gt;alert(2)&lt;/script&gt;</textarea>');
    expect(out).toMatch(/name="colour" value="blue" checked=""/);
    expect(out).not.toMatch(/name="colour" value="red" checked/);
    expect(out).toMatch(/name="fruits" value="fig" checked=""/);
    expect(out).toMatch(/name="agree" value="yes" checked=""/);
    expect(out).toMatch(/name="rate.11.clarity" value="4" checked=""/);
    expect(out).toMatch(/name="nps" value="7" checked=""/);
  });

  it('reads stored answers (numbers, booleans, nested ratings) as well', async () => {
    const values = { mood: 2, agree: true, rate: { '12': { relevance: 3, comment: '好' } } };
    const out = await html(<FormFields definition={allTypes} values={values} courses={courses} />);
    expect(out).toMatch(/name="mood" value="2" checked=""/);
    expect(out).toMatch(/name="rate.12.relevance" value="3" checked=""/);
    expect(out).toContain('>\n好</textarea>');
  });

  it('shows each error at its field, marks it invalid and describes it', async () => {
    const input = { story: '太短', phone: '123' };
    const r = validateAnswers(allTypes, input, { courses });
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    const out = await html(<FormFields definition={allTypes} values={input} errors={errors} courses={courses} />);
    expect(out).toContain(
      '<p class="lf-error-message" id="f-story-error"><span class="lf-visually-hidden">错误：</span>至少需要 10 个字，您写了 2 个字</p>',
    );
    expect(out).toMatch(/id="f-story" name="story" rows="6" aria-describedby="f-story-hint f-story-error" aria-invalid="true"/);
    expect(out).toContain('请输入 11 位手机号码，例如 13800138000');
    expect(out).toContain('<fieldset class="lf-fieldset" aria-describedby="f-colour-error">');
    expect(out.match(/lf-field--error/g)?.length).toBe(errors.length);
  });

  it('renders English labels and messages, falling back to Chinese', async () => {
    const out = await html(<FormFields definition={allTypes} locale="en" courses={courses} />);
    expect(out).toContain('Colour');
    expect(out).toContain('昵称'); // no English label given
    expect(out).toContain(' (optional)');
    expect(out).toContain('Very satisfied');
  });
});

describe('ErrorSummary', () => {
  it('renders nothing without errors', async () => {
    expect(await html(<ErrorSummary errors={[]} />)).toBe('');
  });

  it('is an alert linking each message to its field input', async () => {
    const r = validateAnswers(allTypes, { story: '<b>短</b>' }, { courses });
    const errors = r.ok ? [] : r.errors;
    const out = await html(<ErrorSummary errors={errors} />);
    expect(out).toContain('role="alert"');
    expect(out).toContain('tabindex="-1"');
    expect(out).toContain('提交前，请先修改下面的问题');
    expect(out).toContain('<a href="#f-colour">请选择“颜色”</a>');
    expect(out).toContain('<a href="#f-story">至少需要 10 个字，您写了 8 个字</a>');
  });

  it('links course ratings to the first radio of that row', async () => {
    const errors = [{ field: 'rate.12.clarity', code: 'required' as const, message: 'x' }];
    const summary = await html(<ErrorSummary errors={errors} />);
    const fields = await html(<FormFields definition={allTypes} errors={errors} courses={courses} />);
    const href = /href="#([^"]+)"/.exec(summary)?.[1];
    expect(href).toBe('f-rate--12--clarity');
    expect(fields).toContain(`type="radio" id="${href}" name="rate.12.clarity" value="5"`);
  });

  it('escapes messages', async () => {
    const out = await html(<ErrorSummary errors={[{ field: 'a', code: 'required', message: '<img src=x>' }]} />);
    expect(out).toContain('&lt;img src=x&gt;');
  });
});

describe('formCss', () => {
  it('is small, mobile-first and sized for elderly users', () => {
    expect(formCss.length).toBeLessThan(6000);
    expect(formCss).toContain('font-size:1.125rem'); // 18px base
    expect(formCss).toContain('min-height:3rem'); // 48px targets
    expect(formCss).toContain(':focus');
    expect(formCss).not.toMatch(/font-size:\s*\d+px/); // text sizes in rem, so text zoom works
  });
});
