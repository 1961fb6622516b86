/** Conditions, pages, 未参加 and the newer question types of the form engine (issue 13). */
import { describe, expect, it } from 'vitest';
import { defineForm, type FormDefinitionInput, parseDefinition } from '../../../worker/forms/definition';
import type { Course } from '../../../worker/forms/fields';
import { conditionHolds, hiddenQuestions } from '../../../worker/forms/logic';
import { carriedFields, formPages, pageOfField } from '../../../worker/forms/pages';
import { firstPage, formStep, pageProgress, shownPages } from '../../../worker/forms/step';
import { readAnswers, validateAnswers, validatePage } from '../../../worker/forms/validate';

const input: FormDefinitionInput = {
  schemaVersion: 1,
  questions: [
    { id: 'p1', type: 'section', label: { 'zh-CN': '第一部分' } },
    { id: 'overall', type: 'scale5', label: { 'zh-CN': '总体满意度' }, required: true },
    {
      id: 'venue',
      type: 'choice',
      label: { 'zh-CN': '场地' },
      required: true,
      other: true,
      options: [
        { code: 'hall', label: { 'zh-CN': '礼堂' } },
        { code: 'room', label: { 'zh-CN': '会议室' } },
      ],
    },
    {
      id: 'why_other',
      type: 'textarea',
      label: { 'zh-CN': '为什么选其他' },
      required: true,
      showIf: { field: 'venue', is: ['other'] },
    },
    { id: 'p2', type: 'section', label: { 'zh-CN': '第二部分' }, newPage: true },
    {
      id: 'low_reason',
      type: 'text',
      label: { 'zh-CN': '不满意的原因' },
      required: true,
      showIf: { field: 'overall', atMost: 2 },
    },
    { id: 'people', type: 'number', label: { 'zh-CN': '人数' }, min: 1, max: 500 },
    { id: 'when', type: 'date', label: { 'zh-CN': '日期' }, min: '2026-01-01' },
    {
      id: 'township',
      type: 'dropdown',
      label: { 'zh-CN': '乡镇' },
      options: [
        { code: 'cg', label: { 'zh-CN': '城关街道' } },
        { code: 'dh', label: { 'zh-CN': '东湖街道' } },
      ],
    },
    { id: 'rate', type: 'course_block', label: { 'zh-CN': '课程' }, required: true, comment: false, perDay: true },
    { id: 'p4', type: 'section', label: { 'zh-CN': '最后' }, newPage: true },
    { id: 'note', type: 'text', label: { 'zh-CN': '备注' } },
  ],
};
const def = defineForm(input);
const courses: Course[] = [
  { id: 1, title: '人大制度', day: '2026-11-02' },
  { id: 2, title: '宪法', day: '2026-11-02' },
  { id: 3, title: '代表法', day: '2026-11-03' },
];
const rate = (c: number, n = '4') => ({ [`rate.${c}.relevance`]: n, [`rate.${c}.clarity`]: n, [`rate.${c}.practical`]: n });
const complete = { overall: '4', venue: 'hall', ...rate(1), ...rate(2), ...rate(3) };

describe('display conditions', () => {
  it('evaluates is / includes / atLeast / atMost on normalised answers', () => {
    expect(conditionHolds({ field: 'a', is: ['x', 'y'] }, 'y')).toBe(true);
    expect(conditionHolds({ field: 'a', is: ['x'] }, ['x'])).toBe(false);
    expect(conditionHolds({ field: 'a', includes: ['x'] }, ['z', 'x'])).toBe(true);
    expect(conditionHolds({ field: 'a', includes: ['x'] }, 'x')).toBe(false);
    expect(conditionHolds({ field: 'a', atLeast: 4 }, 4)).toBe(true);
    expect(conditionHolds({ field: 'a', atLeast: 4 }, 3)).toBe(false);
    expect(conditionHolds({ field: 'a', atMost: 2 }, 2)).toBe(true);
    expect(conditionHolds({ field: 'a', atMost: 2 }, undefined)).toBe(false);
  });

  it('hides a question whose target is hidden, even if a stale answer to the target was posted', () => {
    const chained = defineForm({
      schemaVersion: 1,
      questions: [
        { id: 'a', type: 'scale5', label: { 'zh-CN': 'A' } },
        {
          id: 'b',
          type: 'choice',
          label: { 'zh-CN': 'B' },
          options: [{ code: 'y', label: { 'zh-CN': '是' } }],
          showIf: { field: 'a', atLeast: 4 },
        },
        { id: 'c', type: 'text', label: { 'zh-CN': 'C' }, required: true, showIf: { field: 'b', is: ['y'] } },
      ],
    });
    expect([...hiddenQuestions(chained, { a: 2, b: 'y' })]).toEqual(['b', 'c']);
    const r = validateAnswers(chained, { a: '2', b: 'y', c: 'tampered' });
    expect(r).toEqual({ ok: true, values: { a: 2 } });
  });

  it('never requires a hidden question and drops answers posted to it (tampered posts)', () => {
    const r = validateAnswers(def, { ...complete, why_other: '不应保存', low_reason: '也不应保存' }, { courses });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.values).not.toHaveProperty('why_other');
    expect(r.values).not.toHaveProperty('low_reason');
  });

  it('requires a shown question', () => {
    const r = validateAnswers(def, { ...complete, overall: '1', venue: 'other', 'venue.other': '户外' }, { courses });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toEqual(['why_other', 'low_reason']);
    expect(r.errors[0]?.message).toBe('请填写“为什么选其他”');
  });

  it('rejects conditions on later, unknown or incomparable questions, in words staff can act on', () => {
    const bad = parseDefinition({
      schemaVersion: 1,
      questions: [
        { id: 'a', type: 'text', label: { 'zh-CN': 'A' }, showIf: { field: 'b', is: ['x'] } },
        { id: 'b', type: 'choice', label: { 'zh-CN': 'B' }, options: [{ code: 'x', label: { 'zh-CN': 'X' } }] },
        { id: 'c', type: 'text', label: { 'zh-CN': 'C' }, showIf: { field: 'b', atLeast: 3 } },
        { id: 'd', type: 'text', label: { 'zh-CN': 'D' }, showIf: { field: 'b', is: ['nope'] } },
      ],
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.map((e) => e.path)).toEqual(['questions.0.showIf', 'questions.2.showIf', 'questions.3.showIf']);
  });
});

describe('其他（请注明）', () => {
  it('keeps the text beside the answer only when 其他 is picked, and then requires it', () => {
    const missing = validateAnswers(def, { ...complete, venue: 'other', why_other: '远' }, { courses });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.errors).toMatchObject([{ field: 'venue.other', code: 'required' }]);
    const ok = validateAnswers(def, { ...complete, venue: 'other', 'venue.other': ' 户外广场 ', why_other: '远' }, { courses });
    expect(ok.ok && ok.values).toMatchObject({ venue: 'other', 'venue.other': '户外广场' });
    const notPicked = validateAnswers(def, { ...complete, 'venue.other': '不保存' }, { courses });
    expect(notPicked.ok && notPicked.values).not.toHaveProperty('venue.other');
  });

  it('reserves the code other when the switch is on', () => {
    const r = parseDefinition({
      schemaVersion: 1,
      questions: [
        {
          id: 'a',
          type: 'multi',
          label: { 'zh-CN': 'A' },
          other: true,
          options: [{ code: 'other', label: { 'zh-CN': '其他' } }],
        },
      ],
    });
    expect(r.ok).toBe(false);
  });
});

describe('number, date, dropdown', () => {
  const only = (answers: Record<string, string>) => validateAnswers(def, { ...complete, ...answers }, { courses });
  it('reads full-width digits and checks the range', () => {
    expect(only({ people: '１２' })).toMatchObject({ ok: true, values: { people: 12 } });
    expect(only({ people: '0' })).toMatchObject({ ok: false, errors: [{ field: 'people', code: 'too_small' }] });
    expect(only({ people: '12.5' })).toMatchObject({ ok: false, errors: [{ field: 'people', message: '请填写整数，例如 12' }] });
    expect(only({ people: '十二' })).toMatchObject({ ok: false, errors: [{ field: 'people', code: 'not_a_number' }] });
  });
  it('accepts 2026/12/4 as a date, rejects impossible days and days before min', () => {
    expect(only({ when: '2026/12/4' })).toMatchObject({ ok: true, values: { when: '2026-12-04' } });
    expect(only({ when: '2026-02-30' })).toMatchObject({ ok: false, errors: [{ field: 'when', code: 'invalid_date' }] });
    expect(only({ when: '2025-12-31' })).toMatchObject({ ok: false, errors: [{ message: '日期不能早于 2026-01-01' }] });
  });
  it('checks a dropdown answer against its options', () => {
    expect(only({ township: 'dh' })).toMatchObject({ ok: true, values: { township: 'dh' } });
    expect(only({ township: 'xx' })).toMatchObject({ ok: false, errors: [{ field: 'township', code: 'invalid_option' }] });
  });
});

describe('pages', () => {
  it('splits at new-page headings and gives each training day of a perDay course block its own page', () => {
    const pages = formPages(def, courses);
    expect(pages.map((p) => p.items.map((i) => i.question.id))).toEqual([
      ['p1', 'overall', 'venue', 'why_other'],
      ['p2', 'low_reason', 'people', 'when', 'township'],
      ['rate'],
      ['rate'],
      ['p4', 'note'],
    ]);
    expect(pages[2]?.items[0]?.courses?.map((c) => c.id)).toEqual([1, 2]);
    expect(pages[3]?.items[0]).toMatchObject({ dayNumber: 2, courses: [{ id: 3 }] });
    expect(pageOfField(pages, 'rate.3.clarity')).toBe(3);
    expect(pageOfField(pages, 'venue.other')).toBe(0);
  });

  it('validates each page alone: a day page asks only for that day’s courses', () => {
    expect(validatePage(def, { overall: '4', venue: 'hall' }, 0, { courses })).toEqual([]);
    const day1 = validatePage(def, { overall: '4', venue: 'hall', ...rate(1) }, 2, { courses });
    expect(new Set(day1.map((e) => e.field.split('.')[1]))).toEqual(new Set(['2']));
    expect(validatePage(def, {}, 0, { courses }).map((e) => e.field)).toEqual(['overall', 'venue']);
  });

  it('counts only pages with something shown for the progress line', () => {
    const pages = formPages(def, courses);
    const { hidden } = readAnswers(def, { overall: '5' }, { courses });
    // Page 2 still asks number, date and township even with low_reason hidden.
    expect(shownPages(pages, hidden)).toEqual([0, 1, 2, 3, 4]);
    expect(pageProgress([0, 1, 2, 3, 4], 2)).toEqual({ n: 3, total: 5 });
    expect(firstPage(def, { courses })).toBe(0);
  });

  it('skips a page whose questions are all hidden (a heading alone is no page)', () => {
    const skip = defineForm({
      schemaVersion: 1,
      questions: [
        { id: 'a', type: 'scale5', label: { 'zh-CN': 'A' }, required: true },
        { id: 's', type: 'section', label: { 'zh-CN': '追问' }, newPage: true },
        { id: 'why', type: 'text', label: { 'zh-CN': '原因' }, required: true, showIf: { field: 'a', atMost: 2 } },
        { id: 't', type: 'section', label: { 'zh-CN': '最后' }, newPage: true },
        { id: 'end', type: 'text', label: { 'zh-CN': '结束' } },
      ],
    });
    expect(formStep(skip, { _page: '0', _go: 'next', a: '5' })).toEqual({ kind: 'page', page: 2, errors: [], status: 200 });
    expect(formStep(skip, { _page: '0', _go: 'next', a: '1' })).toEqual({ kind: 'page', page: 1, errors: [], status: 200 });
    expect(formStep(skip, { _page: '2', _go: 'back', a: '5' })).toMatchObject({ page: 0 });
  });

  it('carries the other pages’ raw answers in hidden inputs, and nothing of the current page', () => {
    const pages = formPages(def, courses);
    const body = {
      overall: '4',
      venue: 'other',
      'venue.other': '广场',
      people: '3',
      'rate.1.clarity': '5',
      _page: '1',
      junk: 'x',
    };
    expect(carriedFields(pages, 1, body, courses)).toEqual([
      ['overall', '4'],
      ['venue', 'other'],
      ['venue.other', '广场'],
      ['rate.1.clarity', '5'],
    ]);
  });
});

describe('formStep (JavaScript off)', () => {
  const ctx = { courses };
  it('goes forward only when the page is valid, and back without checking', () => {
    expect(formStep(def, { _page: '0', _go: 'next' }, ctx)).toMatchObject({ kind: 'page', page: 0, status: 422 });
    expect(formStep(def, { _page: '0', _go: 'next', overall: '4', venue: 'hall' }, ctx)).toEqual({
      kind: 'page',
      page: 1,
      errors: [],
      status: 200,
    });
    expect(formStep(def, { _page: '1', _go: 'back', people: 'abc' }, ctx)).toEqual({
      kind: 'page',
      page: 0,
      errors: [],
      status: 200,
    });
  });

  it('completes on the last page, and sends the person to the first page with a problem', () => {
    const done = formStep(def, { ...complete, _page: '4', _go: 'submit', note: '好' }, ctx);
    expect(done).toMatchObject({ kind: 'complete', values: { overall: 4, note: '好' } });
    const gap = formStep(def, { ...complete, 'rate.3.clarity': '', _page: '4', _go: 'submit' }, ctx);
    expect(gap).toMatchObject({ kind: 'page', page: 3, status: 422, errors: [{ field: 'rate.3.clarity' }] });
  });

  it('treats a post without a page (an API client, an old page) as the whole form', () => {
    expect(formStep(def, complete, ctx)).toMatchObject({ kind: 'complete' });
    expect(formStep(def, { _page: '999', ...complete }, ctx)).toMatchObject({ kind: 'complete' });
  });
});

describe('未参加', () => {
  const ctx = { courses };
  it('stores only the fact for a course not attended, and does not require its ratings', () => {
    const r = validateAnswers(def, { overall: '4', venue: 'hall', ...rate(1), 'rate.2.absent': 'yes', ...rate(3) }, ctx);
    expect(r.ok && r.values.rate).toEqual({
      '1': { relevance: 4, clarity: 4, practical: 4 },
      '2': { absent: true },
      '3': { relevance: 4, clarity: 4, practical: 4 },
    });
  });

  it('refuses 未参加 together with ratings, with a message naming the course', () => {
    const r = validateAnswers(def, { ...complete, 'rate.2.absent': 'yes' }, ctx);
    expect(r).toMatchObject({ ok: false, errors: [{ field: 'rate.2.absent', code: 'absent_and_rated' }] });
    if (!r.ok) expect(r.errors[0]?.message).toContain('“宪法”');
  });

  it('makes courses on days not checked in optional', () => {
    const answers = { overall: '4', venue: 'hall', ...rate(1), ...rate(2) };
    expect(validateAnswers(def, answers, ctx).ok).toBe(false);
    expect(validateAnswers(def, answers, { ...ctx, attendedDays: ['2026-11-02'] }).ok).toBe(true);
    // A deputy who did come on day 2 and rates it is still heard.
    const both = validateAnswers(def, { ...answers, ...rate(3, '2') }, { ...ctx, attendedDays: ['2026-11-02'] });
    expect(both.ok && both.values.rate).toHaveProperty('3', { relevance: 2, clarity: 2, practical: 2 });
  });

  it('can be switched off per block', () => {
    const noAbsent = defineForm({
      schemaVersion: 1,
      questions: [{ id: 'rate', type: 'course_block', label: { 'zh-CN': '课程' }, required: true, absentOption: false }],
    });
    const r = validateAnswers(noAbsent, { 'rate.1.absent': 'yes' }, { courses: [courses[0]!] });
    expect(r.ok).toBe(false);
  });
});
