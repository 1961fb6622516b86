/** A definition using every question type, and courses, shared by the form-engine tests. */
import { defineForm, type FormDefinition, type FormDefinitionInput } from '../../../worker/forms/definition';
import type { Course } from '../../../worker/forms/fields';

export const courses: Course[] = [
  { id: 11, title: '人民代表大会制度', lecturer: '王教授' },
  { id: 12, title: '宪法和代表法' },
];

export const allTypesInput: FormDefinitionInput = {
  schemaVersion: 1,
  questions: [
    { id: 'intro', type: 'info', label: { 'zh-CN': '说明文字', en: 'Intro' } },
    {
      id: 'colour',
      type: 'choice',
      label: { 'zh-CN': '颜色', en: 'Colour' },
      required: true,
      options: [
        { code: 'red', label: { 'zh-CN': '红', en: 'Red' } },
        { code: 'blue', label: { 'zh-CN': '蓝', en: 'Blue' } },
      ],
    },
    {
      id: 'fruits',
      type: 'multi',
      label: { 'zh-CN': '水果', en: 'Fruits' },
      min: 2,
      max: 3,
      options: ['apple', 'pear', 'plum', 'fig'].map((code) => ({ code, label: { 'zh-CN': code } })),
    },
    { id: 'nickname', type: 'text', label: { 'zh-CN': '昵称' }, maxLength: 5 },
    { id: 'phone', type: 'text', label: { 'zh-CN': '手机' }, pattern: 'mobile_cn' },
    { id: 'story', type: 'textarea', label: { 'zh-CN': '经过' }, minLength: 10, maxLength: 20 },
    { id: 'mood', type: 'scale5', label: { 'zh-CN': '满意度' } },
    { id: 'nps', type: 'nps', label: { 'zh-CN': '推荐' } },
    { id: 'rate', type: 'course_block', label: { 'zh-CN': '课程评分' }, commentMaxLength: 5 },
    { id: 'best', type: 'choice', label: { 'zh-CN': '最好的课' }, optionsFrom: 'courses' },
    {
      id: 'agree',
      type: 'consent',
      label: { 'zh-CN': '我同意处理个人信息' },
      requiredIf: { anyFilled: ['nickname', 'phone'] },
    },
    { id: 'pics', type: 'photos', label: { 'zh-CN': '照片' }, maxCount: 2 },
  ],
};

export const allTypes: FormDefinition = defineForm(allTypesInput);

/** Builds a one-question definition. */
export function single(question: Record<string, unknown>): FormDefinition {
  return defineForm({ schemaVersion: 1, questions: [question as FormDefinitionInput['questions'][number]] });
}
