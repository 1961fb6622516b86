import { describe, expect, it } from 'vitest';
import { validateAnswers, type ValidationResult } from '../../../worker/forms/validate';
import { allTypes, courses, single } from './fixtures';

const label = { 'zh-CN': '问题' };
const ok = (r: ValidationResult) => {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.errors)}`);
  return r.values;
};
const errs = (r: ValidationResult) => (r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`));
const messages = (r: ValidationResult) => (r.ok ? [] : r.errors.map((e) => e.message));
const ctx = { courses };

describe('validateAnswers: the whole form', () => {
  it('accepts a full, valid answer set and normalises it', () => {
    const values = ok(
      validateAnswers(
        allTypes,
        {
          colour: 'blue',
          fruits: ['fig', 'apple'],
          nickname: '  小王 ',
          phone: '+86 138-0013-8000',
          story: '路灯坏了三个月了，晚上很黑',
          mood: '4',
          nps: '10',
          'rate.11.relevance': '5',
          'rate.11.clarity': '4',
          'rate.11.practical': '3',
          'rate.11.comment': ' 很好 ',
          'rate.12.relevance': '1',
          best: '12',
          agree: 'yes',
          pics: 'ignored by the engine',
          extra_field: 'unknown fields are ignored',
        },
        ctx,
      ),
    );
    expect(values).toEqual({
      colour: 'blue',
      fruits: ['apple', 'fig'],
      nickname: '小王',
      phone: '13800138000',
      story: '路灯坏了三个月了，晚上很黑',
      mood: 4,
      nps: 10,
      rate: { '11': { relevance: 5, clarity: 4, practical: 3, comment: '很好' }, '12': { relevance: 1 } },
      best: '12',
      agree: true,
    });
  });

  it('accepts JSON values (numbers, booleans, nested course ratings)', () => {
    const values = ok(
      validateAnswers(allTypes, { colour: 'red', mood: 5, nps: 0, agree: true, rate: { '12': { clarity: 2 } } }, ctx),
    );
    expect(values).toMatchObject({ mood: 5, nps: 0, agree: true, rate: { '12': { clarity: 2 } } });
  });

  it('reports every error in question order with zh-CN messages by default', () => {
    const r = validateAnswers(
      allTypes,
      { fruits: 'apple', nickname: '太长的昵称啊', story: '太短', mood: '9', nps: '11', best: '99' },
      ctx,
    );
    expect(errs(r)).toEqual([
      'colour:required',
      'fruits:too_few',
      'nickname:too_long',
      'story:too_short',
      'mood:invalid_option',
      'nps:invalid_option',
      'best:invalid_option',
      'agree:required',
    ]);
    expect(messages(r)).toContain('至少需要 10 个字，您写了 2 个字');
    expect(messages(r)).toContain('请选择“颜色”');
  });

  it('speaks English when asked', () => {
    const r = validateAnswers(allTypes, { story: '太短' }, { locale: 'en', courses });
    expect(messages(r)).toEqual(['Select “Colour”', 'Write at least 10 characters; you wrote 2']);
  });

  it('treats a non-object input as empty, never throwing', () => {
    for (const input of [null, undefined, 'text', 42, [], [['colour', 'red']]]) {
      expect(errs(validateAnswers(allTypes, input, ctx))).toEqual(['colour:required']);
    }
  });

  it('does not find prototype properties for ids like constructor', () => {
    const def = single({ id: 'constructor', type: 'text', label, required: true });
    expect(errs(validateAnswers(def, {}))).toEqual(['constructor:required']);
  });
});

describe('validateAnswers: each question type', () => {
  it('choice: one code from the options', () => {
    const def = single({ id: 'c', type: 'choice', label, options: [{ code: 'a', label }] });
    expect(ok(validateAnswers(def, { c: ' a ' }))).toEqual({ c: 'a' });
    expect(ok(validateAnswers(def, { c: ['a', 'a'] }))).toEqual({ c: 'a' });
    expect(ok(validateAnswers(def, { c: '' }))).toEqual({});
    expect(errs(validateAnswers(def, { c: 'b' }))).toEqual(['c:invalid_option']);
    expect(errs(validateAnswers(def, { c: ['a', 'b'] }))).toEqual(['c:invalid_value']);
    expect(errs(validateAnswers(def, { c: { a: 1 } }))).toEqual(['c:invalid_value']);
  });

  it('multi: codes checked, min and max, stored in option order', () => {
    const def = allTypes;
    expect(ok(validateAnswers(def, { colour: 'red', fruits: ['plum', 'apple', 'plum'] })).fruits).toEqual(['apple', 'plum']);
    expect(errs(validateAnswers(def, { colour: 'red', fruits: ['apple', 'kiwi'] }))).toEqual(['fruits:invalid_option']);
    expect(errs(validateAnswers(def, { colour: 'red', fruits: ['apple', 'pear', 'plum', 'fig'] }))).toEqual(['fruits:too_many']);
    expect(errs(validateAnswers(def, { colour: 'red', fruits: [['apple']] }))).toEqual(['fruits:invalid_value']);
    const required = single({ id: 'm', type: 'multi', label, required: true, options: [{ code: 'a', label }] });
    expect(messages(validateAnswers(required, { m: [] }))).toEqual(['请在“问题”中至少选择一项']);
  });

  it('text: trimmed, single line, length in code points', () => {
    const def = single({ id: 't', type: 'text', label, maxLength: 3 });
    expect(ok(validateAnswers(def, { t: ' 一\n二 ' }))).toEqual({ t: '一 二' });
    expect(ok(validateAnswers(def, { t: '👍🏽👍' }))).toEqual({ t: '👍🏽👍' }); // 3 code points, 6 UTF-16 units
    expect(messages(validateAnswers(def, { t: '一二三四' }))).toEqual(['最多可以写 3 个字，您写了 4 个字，请删去 1 个字']);
    expect(errs(validateAnswers(def, { t: true }))).toEqual(['t:invalid_value']);
  });

  it('textarea: minLength counts Chinese characters and emoji as one each', () => {
    const def = single({ id: 'body', type: 'textarea', label, required: true, minLength: 10, maxLength: 12 });
    expect(messages(validateAnswers(def, { body: '路灯坏了很久' }))).toEqual(['至少需要 10 个字，您写了 6 个字']);
    expect(ok(validateAnswers(def, { body: '路灯坏了很久了😡😡😡😡' }))).toEqual({ body: '路灯坏了很久了😡😡😡😡' });
    expect(errs(validateAnswers(def, { body: '路灯坏了很久了😡😡😡😡😡😡' }))).toEqual(['body:too_long']);
    expect(ok(validateAnswers(def, { body: '第一行\r\n第二行\u0000\u0007\u202E，第三行' }))).toEqual({
      body: '第一行\n第二行，第三行',
    });
  });

  it('textarea: NFC normalisation', () => {
    const def = single({ id: 't', type: 'textarea', label });
    expect(ok(validateAnswers(def, { t: 'Cafe\u0301' }))).toEqual({ t: 'Café' });
  });

  it('scale5 and nps: integers in range', () => {
    const s = single({ id: 's', type: 'scale5', label, required: true });
    const n = single({ id: 'n', type: 'nps', label, required: true });
    expect(ok(validateAnswers(s, { s: '1' }))).toEqual({ s: 1 });
    for (const bad of ['0', '6', '2.5', '-1', 'abc', 3.5])
      expect(errs(validateAnswers(s, { s: bad }))).toEqual(['s:invalid_option']);
    expect(messages(validateAnswers(s, {}))).toEqual(['请选择“问题”']);
    expect(ok(validateAnswers(n, { n: '0' }))).toEqual({ n: 0 });
    expect(ok(validateAnswers(n, { n: 10 }))).toEqual({ n: 10 });
    expect(errs(validateAnswers(n, { n: '11' }))).toEqual(['n:invalid_option']);
    expect(errs(validateAnswers(n, { n: Number.NaN }))).toEqual(['n:invalid_value']);
  });

  it('consent: checkbox values and booleans', () => {
    const def = single({ id: 'c', type: 'consent', label, required: true });
    for (const yes of ['yes', 'on', 'true', '1', true]) expect(ok(validateAnswers(def, { c: yes }))).toEqual({ c: true });
    expect(errs(validateAnswers(def, { c: 'maybe' }))).toEqual(['c:invalid_value']);
    expect(errs(validateAnswers(def, { c: false }))).toEqual(['c:required']);
    const optional = single({ id: 'c', type: 'consent', label });
    expect(ok(validateAnswers(optional, {}))).toEqual({ c: false });
  });

  it('photos and info never produce values or errors', () => {
    const def = single({ id: 'p', type: 'photos', label });
    expect(ok(validateAnswers(def, { p: { name: 'x.jpg' } }))).toEqual({});
  });

  it('course_block: a required block needs every aspect of every course, errors course by course', () => {
    const def = single({ id: 'r', type: 'course_block', label, required: true });
    const r = validateAnswers(def, { 'r.11.relevance': '5', 'r.11.clarity': '9', 'r.12.comment': '好' }, ctx);
    expect(errs(r)).toEqual([
      'r.11.clarity:invalid_option',
      'r.11.practical:required',
      'r.12.relevance:required',
      'r.12.clarity:required',
      'r.12.practical:required',
    ]);
    expect(messages(r)[1]).toBe('请为“人民代表大会制度”选择“对实际工作的帮助”');
  });

  it('course_block: comment length, and skipped when the training has no courses', () => {
    const r = validateAnswers(allTypes, { colour: 'red', 'rate.12.comment': '一二三四五六' }, ctx);
    expect(errs(r)).toEqual(['rate.12.comment:too_long']);
    expect(ok(validateAnswers(allTypes, { colour: 'red', best: '12' }, { courses: [] }))).toEqual({
      colour: 'red',
      agree: false,
    });
  });
});

describe('validateAnswers: conditional requirement', () => {
  it('consent becomes required when a name or phone is given', () => {
    expect(errs(validateAnswers(allTypes, { colour: 'red' }))).toEqual([]);
    expect(errs(validateAnswers(allTypes, { colour: 'red', nickname: '老李' }))).toEqual(['agree:required']);
    expect(errs(validateAnswers(allTypes, { colour: 'red', phone: '13800138000' }))).toEqual(['agree:required']);
    expect(errs(validateAnswers(allTypes, { colour: 'red', nickname: '老李', agree: 'yes' }))).toEqual([]);
  });

  it('whitespace-only answers do not count as filled', () => {
    expect(errs(validateAnswers(allTypes, { colour: 'red', nickname: ' \u3000 ', phone: '' }))).toEqual([]);
  });

  it('an invalid phone still makes consent required (the person meant to leave one)', () => {
    expect(errs(validateAnswers(allTypes, { colour: 'red', phone: '12345' }))).toEqual([
      'phone:invalid_mobile',
      'agree:required',
    ]);
  });

  it('choiceIn: "please specify" when 其他 is picked', () => {
    const def = {
      schemaVersion: 1 as const,
      questions: [
        {
          id: 'kind',
          type: 'choice' as const,
          label,
          required: false,
          options: [
            { code: 'a', label },
            { code: 'other', label },
          ],
        },
        {
          id: 'detail',
          type: 'text' as const,
          label,
          required: false,
          requiredIf: { choiceIn: { field: 'kind', codes: ['other'] } },
        },
      ],
    };
    expect(errs(validateAnswers(def, { kind: 'a' }))).toEqual([]);
    expect(errs(validateAnswers(def, { kind: 'other' }))).toEqual(['detail:required']);
  });
});
