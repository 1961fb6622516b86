/**
 * The form engine's message catalog: validation messages, hints and the default labels of
 * built-in question types, in zh-CN (default) and en. Pure: no imports from hono or Workers.
 *
 * The Chinese is written for elderly residents: short, polite, plain, and it always says
 * what to do next ("请…") rather than what went wrong in technical terms.
 */

/** Locales the engine speaks. zh-CN is the default and the fallback for missing English. */
export type Locale = 'zh-CN' | 'en';

/** The default locale (Simplified Chinese). */
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Text in both locales; `en` may be missing in staff-written definitions and falls back to zh-CN. */
export interface LocalizedText {
  'zh-CN': string;
  en?: string | undefined;
}

const zh = {
  // Validation
  required_text: '请填写“{label}”',
  required_choice: '请选择“{label}”',
  required_multi: '请在“{label}”中至少选择一项',
  required_consent: '请勾选“{label}”',
  required_course_aspect: '请为“{course}”选择“{aspect}”',
  too_short: '至少需要 {min} 个字，您写了 {count} 个字',
  too_long: '最多可以写 {max} 个字，您写了 {count} 个字，请删去 {over} 个字',
  invalid_mobile: '请输入 11 位手机号码，例如 13800138000',
  invalid_option: '请从列出的选项中选择',
  too_few: '请至少选择 {min} 项，您选了 {count} 项',
  too_many: '最多可以选择 {max} 项，您选了 {count} 项',
  invalid_value: '填写的内容无法识别，请重新填写',
  // Hints and chrome
  hint_length_range: '请写 {min} 到 {max} 个字',
  hint_max_length: '最多 {max} 个字',
  hint_mobile: '11 位手机号码，例如 13800138000',
  hint_multi_range: '请选择 {min} 到 {max} 项',
  hint_multi_min: '请至少选择 {min} 项',
  hint_multi_max: '最多选择 {max} 项',
  hint_photos: '最多 {max} 张照片',
  hint_nps: '0 表示“{low}”，10 表示“{high}”',
  optional: '（选填）',
  error_prefix: '错误：',
  error_summary_title: '提交前，请先修改下面的问题',
  lecturer: '授课人：{name}',
  course_comment: '对这门课还有什么意见或建议？（选填）',
  // Defaults of built-in question types
  scale5_5: '非常满意',
  scale5_4: '满意',
  scale5_3: '一般',
  scale5_2: '不满意',
  scale5_1: '非常不满意',
  nps_low: '完全不可能推荐',
  nps_high: '非常愿意推荐',
  aspect_relevance: '与代表履职的相关程度',
  aspect_clarity: '授课人讲得是否清楚',
  aspect_practical: '对实际工作的帮助',
  relevance_5: '非常相关',
  relevance_4: '比较相关',
  relevance_3: '一般',
  relevance_2: '不太相关',
  relevance_1: '很不相关',
  clarity_5: '非常清楚',
  clarity_4: '比较清楚',
  clarity_3: '一般',
  clarity_2: '不太清楚',
  clarity_1: '很不清楚',
  practical_5: '帮助很大',
  practical_4: '有帮助',
  practical_3: '一般',
  practical_2: '帮助不大',
  practical_1: '没有帮助',
} as const;

/** Every message key of the catalog. */
export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  required_text: 'Enter “{label}”',
  required_choice: 'Select “{label}”',
  required_multi: 'Select at least one option for “{label}”',
  required_consent: 'Tick “{label}”',
  required_course_aspect: 'Select “{aspect}” for “{course}”',
  too_short: 'Write at least {min} characters; you wrote {count}',
  too_long: 'Write at most {max} characters; you wrote {count}, please remove {over}',
  invalid_mobile: 'Enter an 11-digit mobile number, like 13800138000',
  invalid_option: 'Select one of the options listed',
  too_few: 'Select at least {min}; you selected {count}',
  too_many: 'Select at most {max}; you selected {count}',
  invalid_value: 'This answer could not be read; please fill it in again',
  hint_length_range: 'Write {min} to {max} characters',
  hint_max_length: 'At most {max} characters',
  hint_mobile: '11-digit mobile number, like 13800138000',
  hint_multi_range: 'Select {min} to {max}',
  hint_multi_min: 'Select at least {min}',
  hint_multi_max: 'Select up to {max}',
  hint_photos: 'Up to {max} photos',
  hint_nps: '0 means “{low}”, 10 means “{high}”',
  optional: ' (optional)',
  error_prefix: 'Error: ',
  error_summary_title: 'Before you submit, please fix the following',
  lecturer: 'Lecturer: {name}',
  course_comment: 'Any other comments on this course? (optional)',
  scale5_5: 'Very satisfied',
  scale5_4: 'Satisfied',
  scale5_3: 'Neutral',
  scale5_2: 'Dissatisfied',
  scale5_1: 'Very dissatisfied',
  nps_low: 'Not at all likely',
  nps_high: 'Extremely likely',
  aspect_relevance: 'Relevance to deputies’ duties',
  aspect_clarity: 'How clearly the lecturer explained',
  aspect_practical: 'Usefulness for practical work',
  relevance_5: 'Very relevant',
  relevance_4: 'Relevant',
  relevance_3: 'Neutral',
  relevance_2: 'Not very relevant',
  relevance_1: 'Not relevant at all',
  clarity_5: 'Very clear',
  clarity_4: 'Clear',
  clarity_3: 'Neutral',
  clarity_2: 'Not very clear',
  clarity_1: 'Not clear at all',
  practical_5: 'Very useful',
  practical_4: 'Useful',
  practical_3: 'Neutral',
  practical_2: 'Not very useful',
  practical_1: 'Not useful at all',
};

const catalogs: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zh, en };

/** Turns anything (a query parameter, an Accept-Language value) into a supported locale. */
export function resolveLocale(value: unknown): Locale {
  return typeof value === 'string' && value.toLowerCase().startsWith('en') ? 'en' : DEFAULT_LOCALE;
}

/**
 * Looks up a message and fills `{name}` placeholders. Unknown placeholders stay visible
 * rather than vanishing, so a missing parameter is noticed in review instead of shipping
 * a sentence with a hole in it.
 */
export function msg(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  // A locale that slipped past the types (a cast query parameter) falls back, never throws.
  const template = (catalogs[locale] ?? catalogs[DEFAULT_LOCALE])[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** Picks the text for a locale, falling back to zh-CN when the English is missing or empty. */
export function localize(text: LocalizedText, locale: Locale): string {
  const value = locale === 'en' ? text.en : undefined;
  return value !== undefined && value !== '' ? value : text['zh-CN'];
}

/** Builds a LocalizedText from catalog keys, so built-in defaults travel like staff-written text. */
export function catalogText(key: MessageKey): LocalizedText {
  return { 'zh-CN': catalogs['zh-CN'][key], en: catalogs.en[key] };
}

/**
 * A label shortened for use inside a sentence: trailing punctuation such as "？" or "：" is
 * dropped so that 「请选择“您对本次培训的总体评价”」 does not end in 「？”」.
 */
export function labelForSentence(label: string): string {
  return label.replace(/[\s?？:：。.!！*]+$/u, '');
}
