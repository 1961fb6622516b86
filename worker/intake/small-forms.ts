/**
 * The two small forms of the tracking pages, rendered and validated by the form engine like
 * the opinion form: typing a tracking code, and rating the result. They are fixed by the
 * workflow (the three ratings are the state machine's), so they are defined in code.
 */
import { defineForm } from '../forms';
import { RATING_LABELS } from '../workflow/labels';
import { RATINGS } from '../workflow/states';

/** Longest rating comment (characters). */
export const RATING_COMMENT_MAX = 500;

/** 满意 / 基本满意 / 不满意, and an optional comment. */
export const ratingFormDefinition = defineForm({
  schemaVersion: 1,
  questions: [
    {
      id: 'rating',
      type: 'choice',
      label: { 'zh-CN': '您对办理结果满意吗？', en: 'Are you satisfied with the result?' },
      required: true,
      options: RATINGS.map((code) => ({ code, label: { ...RATING_LABELS[code] } })),
      messages: {
        required: { 'zh-CN': '请选择满意、基本满意或不满意', en: 'Choose satisfied, mostly satisfied or dissatisfied' },
      },
    },
    {
      id: 'comment',
      type: 'textarea',
      label: { 'zh-CN': '还有什么想说的？', en: 'Anything else you would like to say?' },
      help: { 'zh-CN': '例如：哪里办得好，哪里还需要改进。', en: 'For example: what went well, what still needs doing.' },
      maxLength: RATING_COMMENT_MAX,
      rows: 4,
    },
  ],
});

/** One field: the tracking code. */
export const lookupFormDefinition = defineForm({
  schemaVersion: 1,
  questions: [
    {
      id: 'code',
      type: 'text',
      label: { 'zh-CN': '查询码', en: 'Tracking code' },
      help: {
        'zh-CN': '8 位字母和数字，例如 ABCD-2345。大小写都可以，短横线可写可不写。',
        en: '8 letters and digits, like ABCD-2345. Upper or lower case; the dash is optional.',
      },
      required: true,
      maxLength: 40,
      autocomplete: 'off',
      messages: { required: { 'zh-CN': '请输入查询码', en: 'Enter the tracking code' } },
    },
  ],
});
