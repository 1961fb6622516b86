/**
 * The default questionnaire for a deputy training (培训评估), seeded as a versioned form.
 * Course-dependent questions take their courses from the render/validation context
 * (`courses`), so one definition serves every training of the five-year plan.
 *
 * Pages: the overall ratings first (short, and answerable even by someone who left early),
 * then one page per training day with that day's courses (each offering 未参加), then the
 * open questions. A deputy sees about one phone screen of decisions at a time.
 */
import { defineForm, type FormDefinition } from '../definition';

/** Slug of the default questionnaire in the `forms` table. */
export const TRAINING_FORM_SLUG = 'training-default';

const TOPICS: readonly [code: string, zh: string, en: string][] = [
  ['constitution_law', '宪法和法律知识', 'The Constitution and the law'],
  ['duty_practice', '代表依法履职实务', 'Performing deputies’ duties in practice'],
  ['proposals', '议案和建议的写法', 'Writing motions and suggestions'],
  ['inspection', '调研和视察的方法', 'Research and inspection methods'],
  ['liaison', '联系群众和进站接待', 'Keeping in touch with residents; station reception'],
  ['budget', '预算审查监督', 'Budget review and oversight'],
  ['rural_revitalisation', '乡村振兴政策', 'Rural revitalisation policy'],
  ['grassroots_governance', '基层社会治理', 'Grassroots governance'],
];

/** The default deputy-training questionnaire. */
export const trainingFormDefinition: FormDefinition = defineForm({
  schemaVersion: 1,
  title: { 'zh-CN': '代表培训评估问卷', en: 'Deputy training evaluation' },
  questions: [
    {
      id: 'anonymity_note',
      type: 'info',
      label: {
        'zh-CN': '本问卷不记名。您的回答与您的姓名分开保存，不会和您的姓名联系在一起。',
        en: 'This questionnaire is anonymous: your answers are stored apart from your name and are never linked to it.',
      },
    },
    {
      id: 'overall_section',
      type: 'section',
      label: { 'zh-CN': '总体评价', en: 'Overall' },
    },
    {
      id: 'content',
      type: 'scale5',
      label: {
        'zh-CN': '您对本次培训内容（课程安排）是否满意？',
        en: 'How satisfied are you with the content and choice of courses?',
      },
      required: true,
    },
    {
      id: 'organisation',
      type: 'scale5',
      label: {
        'zh-CN': '您对培训的组织服务（通知、场地、时间安排、食宿等）是否满意？',
        en: 'How satisfied are you with the organisation (notices, venue, schedule, meals and lodging)?',
      },
      required: true,
    },
    {
      id: 'overall',
      type: 'scale5',
      label: { 'zh-CN': '总的来说，您对本次培训是否满意？', en: 'Overall, how satisfied are you with this training?' },
      required: true,
    },
    {
      id: 'recommend',
      type: 'nps',
      label: {
        'zh-CN': '您有多大可能向其他代表推荐参加这样的培训？',
        en: 'How likely are you to recommend this kind of training to other deputies?',
      },
      required: true,
    },
    {
      id: 'courses',
      type: 'course_block',
      label: { 'zh-CN': '请为每一门课程和授课人打分', en: 'Rate each course and its lecturer' },
      help: {
        'zh-CN': '每门课程有三个问题，意见可以不写；没有参加的课程请勾选“我没有参加这门课”。',
        en: 'Three questions per course; comments are optional. Tick “I did not attend” for a course you missed.',
      },
      required: true,
      comment: true,
      commentMaxLength: 500,
      perDay: true,
    },
    {
      id: 'closing_section',
      type: 'section',
      label: { 'zh-CN': '最后几个问题', en: 'A few last questions' },
      help: { 'zh-CN': '以下问题都可以不填。', en: 'All of these are optional.' },
      newPage: true,
    },
    {
      id: 'disappointed',
      type: 'textarea',
      label: { 'zh-CN': '您对本次培训不满意，主要是哪些方面？', en: 'What disappointed you most about this training?' },
      showIf: { field: 'overall', atMost: 2 },
      maxLength: 1000,
      rows: 4,
    },
    {
      // Options come from the training's courses: code = course id (see fields.ts resolveOptions).
      id: 'most_useful_course',
      type: 'choice',
      label: { 'zh-CN': '哪一门课程对您帮助最大？', en: 'Which course helped you most?' },
      optionsFrom: 'courses',
    },
    {
      id: 'improve',
      type: 'textarea',
      label: { 'zh-CN': '您觉得本次培训还有哪些地方需要改进？', en: 'What should be improved?' },
      maxLength: 1000,
      rows: 4,
    },
    {
      id: 'topics_next',
      type: 'multi',
      label: { 'zh-CN': '下次培训您希望学习哪些内容？', en: 'Which topics would you like next time?' },
      options: TOPICS.map(([code, zh, en]) => ({ code, label: { 'zh-CN': zh, en } })),
      max: 3,
    },
    {
      id: 'topics_other',
      type: 'text',
      label: { 'zh-CN': '其他希望学习的内容', en: 'Other topics' },
      maxLength: 200,
    },
  ],
});
