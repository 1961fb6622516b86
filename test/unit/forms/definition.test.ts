import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../../../worker/forms/definition';
import { allTypesInput } from './fixtures';

const label = { 'zh-CN': '问题' };
const withQuestions = (questions: unknown[]) => ({ schemaVersion: 1, questions });
const paths = (json: unknown) => {
  const r = parseDefinition(json);
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
};

describe('parseDefinition: good definitions', () => {
  it('accepts every question type and applies defaults', () => {
    const r = parseDefinition(allTypesInput);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const pics = r.definition.questions.find((q) => q.id === 'pics');
    expect(pics).toMatchObject({ type: 'photos', maxCount: 2, required: false });
    expect(r.definition.questions.find((q) => q.id === 'rate')).toMatchObject({ comment: true });
  });

  it('accepts the JSON text stored in form_versions', () => {
    expect(parseDefinition(JSON.stringify(allTypesInput)).ok).toBe(true);
  });

  it('accepts a choiceIn condition and labels without English', () => {
    const r = parseDefinition(
      withQuestions([
        { id: 'kind', type: 'choice', label, options: [{ code: 'other', label }] },
        { id: 'detail', type: 'text', label, requiredIf: { choiceIn: { field: 'kind', codes: ['other'] } } },
      ]),
    );
    expect(r.ok).toBe(true);
  });
});

describe('parseDefinition: bad definitions', () => {
  it('reports invalid JSON text without throwing', () => {
    expect(paths('{not json')[0]).toMatch(/not valid JSON/);
  });

  it.each([
    ['null', null],
    ['a number', 42],
    ['no questions', withQuestions([])],
    ['wrong schemaVersion', { schemaVersion: 2, questions: [{ id: 'a', type: 'info', label }] }],
    ['unknown type', withQuestions([{ id: 'a', type: 'slider', label }])],
    ['unknown key (typo)', withQuestions([{ id: 'a', type: 'text', label, requierd: true }])],
    ['camelCase id', withQuestions([{ id: 'reporterName', type: 'text', label }])],
    ['id with a dot', withQuestions([{ id: 'a.b', type: 'text', label }])],
    ['empty zh label', withQuestions([{ id: 'a', type: 'text', label: { 'zh-CN': '  ' } }])],
    ['label without zh', withQuestions([{ id: 'a', type: 'text', label: { en: 'Q' } }])],
    ['empty options', withQuestions([{ id: 'a', type: 'choice', label, options: [] }])],
    ['neither options nor optionsFrom', withQuestions([{ id: 'a', type: 'choice', label }])],
    [
      'both options and optionsFrom',
      withQuestions([{ id: 'a', type: 'choice', label, options: [{ code: 'x', label }], optionsFrom: 'courses' }]),
    ],
    ['bad option code', withQuestions([{ id: 'a', type: 'choice', label, options: [{ code: 'Bad Code', label }] }])],
    ['negative maxLength', withQuestions([{ id: 'a', type: 'textarea', label, maxLength: -1 }])],
    ['huge maxLength', withQuestions([{ id: 'a', type: 'textarea', label, maxLength: 1_000_000 }])],
    ['minLength over default max', withQuestions([{ id: 'a', type: 'textarea', label, minLength: 5000 }])],
    ['four scale labels', withQuestions([{ id: 'a', type: 'scale5', label, labels: [label, label, label, label] }])],
    ['photos maxCount 0', withQuestions([{ id: 'a', type: 'photos', label, maxCount: 0 }])],
    ['required photos', withQuestions([{ id: 'a', type: 'photos', label, required: true }])],
    ['required info', withQuestions([{ id: 'a', type: 'info', label, required: true }])],
    ['unknown pattern', withQuestions([{ id: 'a', type: 'text', label, pattern: 'email' }])],
    ['empty anyFilled', withQuestions([{ id: 'a', type: 'consent', label, requiredIf: { anyFilled: [] } }])],
  ])('rejects %s', (_name, json) => {
    expect(parseDefinition(json).ok).toBe(false);
  });

  it('rejects duplicate question ids, with the path of the duplicate', () => {
    const errors = paths(
      withQuestions([
        { id: 'a', type: 'text', label },
        { id: 'a', type: 'textarea', label },
      ]),
    );
    expect(errors).toEqual(['questions.1.id: duplicate question id "a"']);
  });

  it('rejects duplicate option codes', () => {
    const options = [
      { code: 'x', label },
      { code: 'x', label },
    ];
    expect(paths(withQuestions([{ id: 'a', type: 'choice', label, options }]))).toEqual([
      'questions.0.options.1.code: duplicate option code "x"',
    ]);
  });

  it('rejects multi limits that cannot be met', () => {
    const options = [
      { code: 'x', label },
      { code: 'y', label },
    ];
    expect(paths(withQuestions([{ id: 'a', type: 'multi', label, options, min: 2, max: 1 }]))).toContain(
      'questions.0.min: min must not exceed max',
    );
    expect(paths(withQuestions([{ id: 'a', type: 'multi', label, options, max: 3 }]))).toContain(
      'questions.0.max: max exceeds the number of options',
    );
  });

  it('rejects requiredIf pointing at unknown, self, info, or non-choice questions', () => {
    const errs = paths(
      withQuestions([
        { id: 'note', type: 'info', label },
        { id: 'name', type: 'text', label },
        { id: 'c1', type: 'consent', label, requiredIf: { anyFilled: ['nobody'] } },
        { id: 'c2', type: 'consent', label, requiredIf: { anyFilled: ['c2'] } },
        { id: 'c3', type: 'consent', label, requiredIf: { anyFilled: ['note'] } },
        { id: 'c4', type: 'consent', label, requiredIf: { choiceIn: { field: 'name', codes: ['x'] } } },
      ]),
    );
    expect(errs).toEqual([
      'questions.2.requiredIf: unknown question "nobody"',
      'questions.3.requiredIf: a question cannot depend on itself',
      'questions.4.requiredIf: "note" never has an answer',
      'questions.5.requiredIf: "name" is not a choice',
    ]);
  });

  it('rejects choiceIn codes the choice does not have', () => {
    const errs = paths(
      withQuestions([
        { id: 'kind', type: 'choice', label, options: [{ code: 'a', label }] },
        { id: 'detail', type: 'text', label, requiredIf: { choiceIn: { field: 'kind', codes: ['zzz'] } } },
      ]),
    );
    expect(errs).toEqual(['questions.1.requiredIf: "kind" has no option "zzz"']);
  });

  it('rejects required together with requiredIf, and the reserved aspect code "comment"', () => {
    const errs = paths(
      withQuestions([
        { id: 'name', type: 'text', label },
        { id: 'c', type: 'consent', label, required: true, requiredIf: { anyFilled: ['name'] } },
        { id: 'r', type: 'course_block', label, aspects: [{ code: 'comment', label }] },
      ]),
    );
    expect(errs).toEqual([
      'questions.1.requiredIf: use either required or requiredIf, not both',
      'questions.2.aspects.0.code: "comment" is reserved',
    ]);
  });
});
