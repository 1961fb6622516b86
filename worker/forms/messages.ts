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
  // Logic, pages and the newer question types (issue 13)
  other_option: '其他（请注明）',
  other_label: '请注明“其他”是什么',
  required_other: '您在“{label}”中选了“其他”，请写明具体内容',
  not_a_number: '请填写一个数字，例如 12',
  not_integer: '请填写整数，例如 12',
  too_small: '不能小于 {min}，您填的是 {value}',
  too_large: '不能大于 {max}，您填的是 {value}',
  hint_number_range: '请填写 {min} 到 {max} 之间的数',
  hint_number_min: '请填写不小于 {min} 的数',
  hint_number_max: '请填写不大于 {max} 的数',
  invalid_date: '请按“年-月-日”填写日期，例如 2026-12-04',
  date_too_early: '日期不能早于 {min}',
  date_too_late: '日期不能晚于 {max}',
  hint_date: '例如 2026-12-04',
  dropdown_placeholder: '请选择',
  absent: '我没有参加这门课',
  absent_preset: '签到记录显示您那天没有签到，已为您勾选“没有参加”。如果您参加了，请取消勾选再打分。',
  absent_and_rated: '“{course}”：您勾选了“没有参加”，又打了分。如果参加了，请取消勾选“没有参加”',
  page_progress: '第 {n} 页，共 {total} 页',
  page_next: '下一页',
  page_back: '上一页',
  shown_if_is: '如果“{label}”选了{options}，请回答这一题',
  shown_if_includes: '如果“{label}”中选了{options}，请回答这一题',
  shown_if_at_least: '如果“{label}”不低于 {n}，请回答这一题',
  shown_if_at_most: '如果“{label}”不高于 {n}，请回答这一题',
  options_or: '或',
  course_day: '第 {n} 天（{date}）的课程',
  preview_banner: '这是预览：课程和培训信息是示例，提交的回答不会保存。',
  preview_done: '预览完成',
  preview_done_body: '填写的人提交后会看到感谢页面。这是预览，回答没有保存。',
  preview_gone: '预览已过期',
  preview_gone_body: '请回到编辑页面重新打开预览。',
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
  other_option: 'Other (please specify)',
  other_label: 'Please specify “Other”',
  required_other: 'You chose “Other” for “{label}”; please say what it is',
  not_a_number: 'Enter a number, like 12',
  not_integer: 'Enter a whole number, like 12',
  too_small: 'Enter {min} or more; you entered {value}',
  too_large: 'Enter {max} or less; you entered {value}',
  hint_number_range: 'A number from {min} to {max}',
  hint_number_min: 'A number of at least {min}',
  hint_number_max: 'A number of at most {max}',
  invalid_date: 'Enter a date as year-month-day, like 2026-12-04',
  date_too_early: 'The date cannot be before {min}',
  date_too_late: 'The date cannot be after {max}',
  hint_date: 'For example 2026-12-04',
  dropdown_placeholder: 'Select',
  absent: 'I did not attend this course',
  absent_preset:
    'The check-in shows you were not there that day, so “did not attend” is ticked. If you attended, untick it and rate.',
  absent_and_rated: '“{course}”: you ticked “did not attend” and also rated it. If you attended, untick “did not attend”',
  page_progress: 'Page {n} of {total}',
  page_next: 'Next',
  page_back: 'Back',
  shown_if_is: 'Answer this if you chose {options} for “{label}”',
  shown_if_includes: 'Answer this if your choices for “{label}” include {options}',
  shown_if_at_least: 'Answer this if “{label}” is {n} or more',
  shown_if_at_most: 'Answer this if “{label}” is {n} or less',
  options_or: ' or ',
  course_day: 'Courses of day {n} ({date})',
  preview_banner: 'This is a preview: the training and courses are samples, and answers are not stored.',
  preview_done: 'Preview finished',
  preview_done_body: 'People who submit see a thank-you page. This is a preview: nothing was stored.',
  preview_gone: 'Preview expired',
  preview_gone_body: 'Open the preview again from the editor.',
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
