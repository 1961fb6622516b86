/**
 * Starting points for a new questionnaire in the builder: an empty one, the default training
 * evaluation (培训评估), a topic survey (专题调研) and a satisfaction follow-up (满意度回访).
 * Plain data checked by the engine's schema when this module loads (a broken template is a
 * test failure, not a surprise for staff). The blank one has no questions, which the schema
 * rejects on purpose: the builder shows "问卷里至少要有一道题" until one is added.
 */
import { defineForm, type FormDefinitionInput } from './definition';
import { trainingFormDefinition } from './defaults/training';

/** A template as the builder lists it. */
export interface FormTemplate {
  code: 'blank' | 'training' | 'survey' | 'follow_up';
  name: { 'zh-CN': string; en: string };
  definition: FormDefinitionInput;
}

const survey = defineForm({
  schemaVersion: 1,
  title: { 'zh-CN': '专题调研问卷', en: 'Topic survey' },
  intro: {
    'zh-CN': '本次调研不记名，请根据实际情况填写。',
    en: 'This survey is anonymous; please answer from your own experience.',
  },
  questions: [
    {
      id: 'q1',
      type: 'choice',
      label: { 'zh-CN': '您最关心这个专题的哪一方面？', en: 'Which part of the topic matters most to you?' },
      required: true,
      other: true,
      options: [
        { code: 'o1', label: { 'zh-CN': '政策落实', en: 'Carrying out the policy' } },
        { code: 'o2', label: { 'zh-CN': '资金投入', en: 'Funding' } },
        { code: 'o3', label: { 'zh-CN': '群众参与', en: 'Residents taking part' } },
      ],
    },
    {
      id: 'q2',
      type: 'scale5',
      label: { 'zh-CN': '您对目前的工作成效是否满意？', en: 'How satisfied are you with the results so far?' },
      required: true,
    },
    {
      id: 'q3',
      type: 'textarea',
      label: { 'zh-CN': '不满意的主要原因是什么？', en: 'What is the main reason?' },
      showIf: { field: 'q2', atMost: 2 },
      maxLength: 1000,
    },
    { id: 'q4', type: 'textarea', label: { 'zh-CN': '您有什么意见和建议？', en: 'Your suggestions' }, maxLength: 2000 },
  ],
});

const followUp = defineForm({
  schemaVersion: 1,
  title: { 'zh-CN': '办理结果满意度回访', en: 'Follow-up on the result' },
  questions: [
    {
      id: 'q1',
      type: 'choice',
      label: { 'zh-CN': '您反映的问题解决了吗？', en: 'Was the problem solved?' },
      required: true,
      options: [
        { code: 'o1', label: { 'zh-CN': '已解决', en: 'Solved' } },
        { code: 'o2', label: { 'zh-CN': '部分解决', en: 'Partly solved' } },
        { code: 'o3', label: { 'zh-CN': '没有解决', en: 'Not solved' } },
      ],
    },
    {
      id: 'q2',
      type: 'scale5',
      label: { 'zh-CN': '您对办理结果是否满意？', en: 'How satisfied are you with the result?' },
      required: true,
    },
    {
      id: 'q3',
      type: 'textarea',
      label: { 'zh-CN': '还有哪些没有解决？', en: 'What is still unsolved?' },
      showIf: { field: 'q1', is: ['o2', 'o3'] },
      maxLength: 1000,
    },
    {
      id: 'q4',
      type: 'nps',
      label: {
        'zh-CN': '您有多大可能向邻居推荐到联络站反映问题？',
        en: 'How likely are you to recommend the station to a neighbour?',
      },
    },
  ],
});

/** The templates in the order the builder offers them. */
export const FORM_TEMPLATES: readonly FormTemplate[] = [
  {
    code: 'blank',
    name: { 'zh-CN': '空白问卷', en: 'Empty questionnaire' },
    definition: { schemaVersion: 1, title: { 'zh-CN': '新问卷' }, questions: [] },
  },
  {
    code: 'training',
    name: { 'zh-CN': '培训评估（默认）', en: 'Training evaluation (default)' },
    definition: trainingFormDefinition,
  },
  { code: 'survey', name: { 'zh-CN': '专题调研', en: 'Topic survey' }, definition: survey },
  { code: 'follow_up', name: { 'zh-CN': '满意度回访', en: 'Satisfaction follow-up' }, definition: followUp },
];
