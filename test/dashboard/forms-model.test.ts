/** The form builder's pure model: ids, moves, deletes that clean up conditions, type changes, problems by field. */
import { describe, expect, it } from 'vitest';
import {
  conditionTargets,
  type Definition,
  kindOf,
  moved,
  newOptionCode,
  newQuestionId,
  problemsOf,
  questionOf,
  withDuplicate,
  withoutQuestion,
} from '../../dashboard/src/pages/forms/model';

const defaults = { label: '新题目', option: (n: number) => `选项 ${n}` };

function sample(): Definition {
  return {
    schemaVersion: 1,
    questions: [
      questionOf('scale5', 'q1', defaults),
      questionOf('choice', 'q2', defaults),
      { ...questionOf('text', 'q3', defaults), showIf: { field: 'q2', is: ['o1'] } },
      questionOf('section', 'q7', defaults),
    ],
  };
}

describe('the builder model', () => {
  it('makes ids and option codes nobody has to type', () => {
    const def = sample();
    expect(newQuestionId(def)).toBe('q8');
    expect(newOptionCode(def.questions[1]!)).toBe('o3');
    expect(newQuestionId({ schemaVersion: 1, questions: [] })).toBe('q1');
  });

  it('moves within bounds', () => {
    expect(moved(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moved(['a', 'b', 'c'], 2, -5)).toEqual(['c', 'a', 'b']);
  });

  it('drops the conditions that pointed at a deleted question', () => {
    const def = withoutQuestion(sample(), 1);
    expect(def.questions.map((q) => q.id)).toEqual(['q1', 'q3', 'q7']);
    expect(def.questions[1]!.showIf).toBeUndefined();
  });

  it('duplicates right after, with a new id and its condition kept', () => {
    const def = withDuplicate(sample(), 2, '（副本）');
    expect(def.questions.map((q) => q.id)).toEqual(['q1', 'q2', 'q3', 'q8', 'q7']);
    expect(def.questions[3]).toMatchObject({ label: { 'zh-CN': '新题目（副本）' }, showIf: { field: 'q2', is: ['o1'] } });
  });

  it('changes type keeping the wording, and maps 手机号码 onto text with a pattern', () => {
    const q = { ...questionOf('choice', 'q2', defaults), label: { 'zh-CN': '您的电话' }, required: true };
    const mobile = questionOf('mobile', 'q2', defaults, q);
    expect(mobile).toMatchObject({ type: 'text', pattern: 'mobile_cn', label: { 'zh-CN': '您的电话' }, required: true });
    expect(mobile).not.toHaveProperty('options');
    expect(kindOf(mobile)).toBe('mobile');
    expect(questionOf('section', 'q2', defaults, q)).not.toHaveProperty('required');
  });

  it('offers only earlier questions with comparable answers as condition targets', () => {
    expect(conditionTargets(sample(), 3).map((q) => q.id)).toEqual(['q1', 'q2']);
    expect(conditionTargets(sample(), 0)).toEqual([]);
  });

  it('sorts the Worker’s problems to the field of one question', () => {
    const problems = problemsOf(
      {
        'questions.1.label.zh-CN': '请填写这一项',
        'questions.1.options.0.label.zh-CN': '请填写这一项',
        'questions.1.showIf': '显示条件只能引用这道题前面的题目',
        'questions.10.label.zh-CN': '别的题',
      },
      1,
    );
    expect([...problems]).toEqual([
      ['label', '请填写这一项'],
      ['options.0', '请填写这一项'],
      ['showIf', '显示条件只能引用这道题前面的题目'],
    ]);
  });
});
