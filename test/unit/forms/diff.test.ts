/** The version history's differences in words. */
import { describe, expect, it } from 'vitest';
import { defineForm } from '../../../worker/forms/definition';
import { describeChanges } from '../../../worker/forms/diff';

const v1 = defineForm({
  schemaVersion: 1,
  title: { 'zh-CN': '会后小调查' },
  questions: [
    { id: 'q1', type: 'scale5', label: { 'zh-CN': '满意吗' }, required: true },
    { id: 'q2', type: 'choice', label: { 'zh-CN': '来源' }, options: [{ code: 'o1', label: { 'zh-CN': '短信' } }] },
    { id: 'q3', type: 'text', label: { 'zh-CN': '备注' } },
  ],
});

describe('describeChanges', () => {
  it('says what changed, question by question, numbered as in the new version', () => {
    const v2 = defineForm({
      schemaVersion: 1,
      title: { 'zh-CN': '会后小调查' },
      questions: [
        {
          id: 'q2',
          type: 'choice',
          label: { 'zh-CN': '来源' },
          other: true,
          options: [{ code: 'o1', label: { 'zh-CN': '短信' } }],
        },
        { id: 'q1', type: 'scale5', label: { 'zh-CN': '您满意吗' }, required: false },
        { id: 'q4', type: 'textarea', label: { 'zh-CN': '建议' }, showIf: { field: 'q1', atMost: 2 } },
      ],
    });
    expect(describeChanges(v1, v2, 'zh-CN')).toEqual([
      '第 1 题新增选项“其他（请注明）”',
      '第 2 题的题目改为“您满意吗”',
      '第 2 题改为选答',
      '新增第 3 题“建议”',
      '删除了题目“备注”',
      '调整了题目顺序',
    ]);
    expect(describeChanges(v1, v2, 'en')[0]).toBe('Question 1: added option “Other (please specify)”');
  });

  it('says nothing for identical versions', () => {
    expect(describeChanges(v1, v1, 'zh-CN')).toEqual([]);
  });
});
