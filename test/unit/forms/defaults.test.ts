import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../../../worker/forms/definition';
import { OPINION_CATEGORIES, opinionFormDefinition } from '../../../worker/forms/defaults/opinion';
import { trainingFormDefinition } from '../../../worker/forms/defaults/training';
import { validateAnswers } from '../../../worker/forms/validate';
import { courses } from './fixtures';

const errs = (r: ReturnType<typeof validateAnswers>) => (r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`));

describe('default opinion form', () => {
  it('round-trips through the stored JSON', () => {
    const r = parseDefinition(JSON.stringify(opinionFormDefinition));
    expect(r.ok && r.definition).toEqual(opinionFormDefinition);
  });

  it('lists the eleven categories in order, with unique codes, ending with 其他', () => {
    expect(OPINION_CATEGORIES.map((c) => c.nameZh)).toEqual([
      '道路交通',
      '水电气',
      '住房',
      '教育',
      '医疗卫生',
      '社会保障',
      '就业',
      '生态环境',
      '农业农村与乡村振兴',
      '社会治安',
      '其他',
    ]);
    expect(new Set(OPINION_CATEGORIES.map((c) => c.code)).size).toBe(11);
    expect(OPINION_CATEGORIES.every((c) => c.nameEn !== '' && /^[a-z_]+$/.test(c.code))).toBe(true);
    const category = opinionFormDefinition.questions.find((q) => q.id === 'category');
    expect(category?.type === 'choice' && category.options?.map((o) => o.code)).toEqual(OPINION_CATEGORIES.map((c) => c.code));
  });

  it('accepts an anonymous opinion and normalises a given phone number', () => {
    const anonymous = validateAnswers(opinionFormDefinition, {
      category: 'road_traffic',
      body: '村口的路灯坏了三个月，晚上老人出门很不安全。',
    });
    expect(anonymous.ok).toBe(true);
    const named = validateAnswers(opinionFormDefinition, {
      category: 'housing',
      body: '小区楼道的灯坏了很久，请帮忙修一下',
      reporter_name: '李大爷',
      reporter_phone: '138 0013 8000',
      consent: 'yes',
    });
    expect(named.ok && named.values).toMatchObject({ reporter_phone: '13800138000', consent: true });
  });

  it('asks the things residents get wrong, in plain Chinese', () => {
    const r = validateAnswers(opinionFormDefinition, { body: '路灯坏了', reporter_phone: '1380013800' });
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual([
      '请选择意见的类别，拿不准可以选“其他”',
      '至少需要 10 个字，您写了 4 个字',
      '请输入 11 位手机号码，例如 13800138000',
      '您留下了姓名或电话，请勾选同意，我们才能联系您',
    ]);
    expect(errs(validateAnswers(opinionFormDefinition, {}))).toEqual(['category:required', 'body:required']);
    expect(validateAnswers(opinionFormDefinition, {})).toMatchObject({
      ok: false,
      errors: [{ message: '请选择意见的类别，拿不准可以选“其他”' }, { message: '请填写意见内容' }],
    });
  });

  it('rejects a body over 2000 characters', () => {
    expect(errs(validateAnswers(opinionFormDefinition, { category: 'other', body: '长'.repeat(2001) }))).toEqual([
      'body:too_long',
    ]);
  });
});

describe('default training questionnaire', () => {
  it('round-trips through the stored JSON', () => {
    const r = parseDefinition(JSON.stringify(trainingFormDefinition));
    expect(r.ok && r.definition).toEqual(trainingFormDefinition);
  });

  it('requires the ratings, leaves the open questions optional', () => {
    expect(errs(validateAnswers(trainingFormDefinition, {}, { courses }))).toEqual([
      // Page 1 (overall ratings) first, then the courses of each training day.
      'content:required',
      'organisation:required',
      'overall:required',
      'recommend:required',
      'courses.11.relevance:required',
      'courses.11.clarity:required',
      'courses.11.practical:required',
      'courses.12.relevance:required',
      'courses.12.clarity:required',
      'courses.12.practical:required',
    ]);
  });

  it('accepts a complete evaluation with the most useful course coded by course id', () => {
    const ratings = Object.fromEntries(
      courses.flatMap((c) => ['relevance', 'clarity', 'practical'].map((a) => [`courses.${c.id}.${a}`, '4'])),
    );
    const r = validateAnswers(
      trainingFormDefinition,
      {
        content: '5',
        organisation: '4',
        overall: '5',
        recommend: '9',
        most_useful_course: '11',
        topics_next: ['budget', 'proposals'],
        ...ratings,
      },
      { courses },
    );
    expect(r.ok && r.values).toMatchObject({ most_useful_course: '11', recommend: 9, topics_next: ['proposals', 'budget'] });
  });
});
