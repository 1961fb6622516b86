/**
 * The Worker's messages for notifications: API errors and the resident-facing words of the
 * tracking page's 退订 and 忘记查询码 forms. Spread into both catalogs of worker/platform/i18n.
 */
import type { Locale } from '../platform/i18n';

const MESSAGES = {
  message_not_resendable: {
    'zh-CN': '只有发送失败的短信可以重发；已发送、待发送或已退订的不能重发。',
    en: 'Only failed messages can be resent; sent, pending or opted-out ones cannot.',
  },
  template_unknown: { 'zh-CN': '没有这个短信模板。', en: 'There is no such message template.' },
  template_invalid: { 'zh-CN': '模板内容有误：{problems}', en: 'The template has problems: {problems}' },
  webhook_bad_signature: {
    'zh-CN': '签名无效或已过期。',
    en: 'The signature is missing, wrong or expired.',
  },
  reminders_closed: {
    'zh-CN': '这次培训的评估没有开放，不能发送提醒。',
    en: 'This training’s evaluation is not open, so no reminders can be sent.',
  },
  notice_no_year: {
    'zh-CN': '没有找到年份：请连同标题“国务院办公厅关于××××年部分节假日安排的通知”一起粘贴，或选择年份。',
    en: 'No year found: paste the notice with its title, or choose the year.',
  },
  notice_no_items: {
    'zh-CN': '没有读到放假安排：请粘贴通知中“一、元旦：……”这样的各条内容。',
    en: 'No holiday items found: paste the numbered items (一、元旦：…) of the notice.',
  },
} as const;

/** The keys this module adds to the catalogs. */
export type NotificationMessageKey = keyof typeof MESSAGES;

/** The messages in one locale, for spreading into that locale's catalog. */
export function notificationMessages(locale: Locale): Record<NotificationMessageKey, string> {
  const out = {} as Record<NotificationMessageKey, string>;
  for (const [key, label] of Object.entries(MESSAGES) as [NotificationMessageKey, (typeof MESSAGES)[NotificationMessageKey]][]) {
    out[key] = label[locale];
  }
  return out;
}
