/**
 * The default residents' opinion form (群众意见) and the opinion categories. The categories
 * are data: the `categories` table is seeded from `OPINION_CATEGORIES`, and the form's
 * category question is built from the same list so codes always match.
 */
import { defineForm, type FormDefinition } from '../definition';

/** An opinion category as seeded into the `categories` table. */
export interface OpinionCategory {
  /** Stable code stored on opinions and used in statistics; never renamed. */
  code: string;
  nameZh: string;
  nameEn: string;
  sortOrder: number;
}

const CATEGORY_NAMES: readonly [code: string, zh: string, en: string][] = [
  ['road_traffic', '道路交通', 'Roads and traffic'],
  ['utilities', '水电气', 'Water, electricity and gas'],
  ['housing', '住房', 'Housing'],
  ['education', '教育', 'Education'],
  ['health', '医疗卫生', 'Medical care and public health'],
  ['social_security', '社会保障', 'Social security'],
  ['employment', '就业', 'Employment'],
  ['environment', '生态环境', 'Ecology and environment'],
  ['rural_revitalisation', '农业农村与乡村振兴', 'Agriculture, rural areas and rural revitalisation'],
  ['public_order', '社会治安', 'Public order and safety'],
  // 其他 stays last: residents who cannot decide pick it, and staff recategorise later.
  ['other', '其他', 'Other'],
];

/** The opinion categories in display order. */
export const OPINION_CATEGORIES: readonly OpinionCategory[] = CATEGORY_NAMES.map(([code, nameZh, nameEn], i) => ({
  code,
  nameZh,
  nameEn,
  sortOrder: (i + 1) * 10,
}));

/** Slug of the opinion form in the `forms` table. */
export const OPINION_FORM_SLUG = 'opinion';

/**
 * The default opinion form. The station and township come from the QR code, so residents
 * never pick them; everything here is what only the resident can tell.
 */
export const opinionFormDefinition: FormDefinition = defineForm({
  schemaVersion: 1,
  title: { 'zh-CN': '向人大代表反映意见', en: 'Tell your deputies' },
  questions: [
    {
      id: 'category',
      type: 'choice',
      label: { 'zh-CN': '您的意见属于哪一类？', en: 'What is your opinion about?' },
      help: { 'zh-CN': '拿不准可以选“其他”。', en: 'If unsure, choose “Other”.' },
      required: true,
      options: OPINION_CATEGORIES.map((c) => ({ code: c.code, label: { 'zh-CN': c.nameZh, en: c.nameEn } })),
      messages: { required: { 'zh-CN': '请选择意见的类别，拿不准可以选“其他”', en: 'Choose a category, or “Other” if unsure' } },
    },
    {
      id: 'body',
      type: 'textarea',
      label: { 'zh-CN': '您的意见或建议', en: 'Your opinion or suggestion' },
      help: {
        'zh-CN': '请写清楚遇到了什么问题，希望怎样解决。',
        en: 'Say what the problem is and how you would like it solved.',
      },
      required: true,
      minLength: 10,
      maxLength: 2000,
      rows: 8,
      messages: { required: { 'zh-CN': '请填写意见内容', en: 'Enter your opinion' } },
    },
    {
      id: 'place',
      type: 'text',
      label: { 'zh-CN': '问题发生的地点', en: 'Where is it?' },
      help: { 'zh-CN': '例如：某某村三组、某某路与某某街路口', en: 'For example: a village group, or a road junction' },
      maxLength: 100,
      autocomplete: 'off',
    },
    {
      id: 'reporter_name',
      type: 'text',
      label: { 'zh-CN': '您的姓名', en: 'Your name' },
      help: {
        'zh-CN': '留下姓名和电话，代表可以联系您了解情况、告诉您办理结果。不留也可以。',
        en: 'Leave your name and phone so a deputy can contact you and tell you the result. You do not have to.',
      },
      maxLength: 50,
      autocomplete: 'name',
    },
    {
      id: 'reporter_phone',
      type: 'text',
      label: { 'zh-CN': '手机号码', en: 'Mobile number' },
      pattern: 'mobile_cn',
      autocomplete: 'tel',
    },
    {
      id: 'consent',
      type: 'consent',
      label: {
        'zh-CN': '我同意代表和工作人员使用我留下的姓名和手机号码，只用于联系我、办理和答复这条意见。',
        en: 'I agree that deputies and staff may use my name and mobile number only to contact me about this opinion and its handling.',
      },
      help: {
        'zh-CN': '您的个人信息只有负责办理的代表和工作人员能看到，不会公开，也不会用于其他用途。',
        en: 'Only the deputies and staff handling your opinion can see your personal information. It is never published or used for anything else.',
      },
      requiredIf: { anyFilled: ['reporter_name', 'reporter_phone'] },
      messages: {
        required: {
          'zh-CN': '您留下了姓名或电话，请勾选同意，我们才能联系您',
          en: 'You gave a name or phone number: tick the box so we may contact you',
        },
      },
    },
    {
      id: 'photos',
      type: 'photos',
      label: { 'zh-CN': '现场照片', en: 'Photos' },
      help: { 'zh-CN': '可以拍下现场的情况，帮助代表了解问题。', en: 'A photo of the place helps the deputy understand.' },
      maxCount: 3,
    },
  ],
});
