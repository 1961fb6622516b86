/**
 * The Worker's messages for reception duty (排班, 进站接待, 代录): API errors, the words of a
 * duty rule, and the intake channels. Spread into both catalogs of worker/platform/i18n, so
 * the keys are checked like every other message key.
 */
import type { Locale } from '../platform/i18n';

const MESSAGES = {
  duty_schedule_invalid: {
    'zh-CN': '排班规则不完整：按月排班要选每月几号。',
    en: 'A monthly schedule needs a day of the month.',
  },
  duty_ends_before_start: { 'zh-CN': '结束日期不能早于开始日期。', en: 'The end date cannot be before the start date.' },
  duty_deputies_invalid: {
    'zh-CN': '有 {count} 位代表不存在、已停用，或不属于该联络站所在的乡镇（街道）。',
    en: '{count} deputies do not exist, are inactive, or belong to another township than the station.',
  },
  reception_opinion_station: {
    'zh-CN': '代录的意见必须来自本次接待的联络站。',
    en: 'Opinions entered for residents must belong to the station of the session.',
  },
  reception_opinions_exceed: {
    'zh-CN': '代录的意见条数不能多于接待的群众人数。',
    en: 'More opinions were entered than residents were received.',
  },
  reception_consent_required: {
    'zh-CN': '留下姓名或电话需要群众本人同意：请勾选下面的同意项，或清空姓名和电话。',
    en: 'Keeping a name or phone needs the resident’s consent: tick the box below, or clear the name and phone.',
  },
  activity_in_future: { 'zh-CN': '活动日期不能晚于今天。', en: 'The day of the activity cannot be in the future.' },
  unknown_category: { 'zh-CN': '所选意见类别不存在。', en: 'The chosen category does not exist.' },
  reception_key_reused: {
    'zh-CN': '这次接待已经登记过了，内容不同。请刷新页面后重新登记。',
    en: 'This session was already logged with different content. Reload the page and log it again.',
  },
  duty_rule_weekly: { 'zh-CN': '每周{weekday}', en: 'every {weekday}' },
  duty_rule_biweekly: { 'zh-CN': '每两周的周{weekday}', en: '{weekday} every other week' },
  duty_rule_every_weeks: { 'zh-CN': '每 {weeks} 周的周{weekday}', en: '{weekday} every {weeks} weeks' },
  duty_rule_monthly: { 'zh-CN': '每月 {day} 日', en: 'on day {day} of each month' },
  duty_rule_dated: { 'zh-CN': '{month} 月 {day} 日', en: 'on {month}/{day}' },
  duty_period_am: { 'zh-CN': '上午', en: 'morning' },
  duty_period_pm: { 'zh-CN': '下午', en: 'afternoon' },
  duty_period_day: { 'zh-CN': '全天', en: 'all day' },
  weekday_1: { 'zh-CN': '一', en: 'Monday' },
  weekday_2: { 'zh-CN': '二', en: 'Tuesday' },
  weekday_3: { 'zh-CN': '三', en: 'Wednesday' },
  weekday_4: { 'zh-CN': '四', en: 'Thursday' },
  weekday_5: { 'zh-CN': '五', en: 'Friday' },
  weekday_6: { 'zh-CN': '六', en: 'Saturday' },
  weekday_7: { 'zh-CN': '日', en: 'Sunday' },
  duty_days_label: { 'zh-CN': '代表接待日', en: 'Deputies receive residents' },
  duty_days_none: { 'zh-CN': '接待日请电话咨询', en: 'Call to ask for reception days' },
  station_address_label: { 'zh-CN': '地址', en: 'Address' },
  station_phone_label: { 'zh-CN': '电话', en: 'Phone' },
  duty_list_separator: { 'zh-CN': '；', en: '; ' },
} as const;

/** The keys this module adds to the catalogs. */
export type DutyMessageKey = keyof typeof MESSAGES;

/** The messages in one locale, for spreading into that locale's catalog. */
export function dutyMessages(locale: Locale): Record<DutyMessageKey, string> {
  const out = {} as Record<DutyMessageKey, string>;
  for (const [key, label] of Object.entries(MESSAGES) as [DutyMessageKey, (typeof MESSAGES)[DutyMessageKey]][]) {
    out[key] = label[locale];
  }
  return out;
}
