/**
 * Words of the residents' notification pages (忘记查询码, 退订), in both languages. Kept apart
 * from the API catalog because these are page texts, not error codes.
 */
export type PageLocale = 'zh-CN' | 'en';

const TEXTS = {
  codes_title: { 'zh-CN': '忘记查询码', en: 'Forgot your tracking code' },
  codes_lead: {
    'zh-CN': '输入您提交意见时留下的手机号码，我们会把查询码用短信发给您。',
    en: 'Enter the mobile number you left with your opinion and we will text you its tracking code.',
  },
  codes_submit: { 'zh-CN': '发送查询码', en: 'Send my codes' },
  codes_sent_title: { 'zh-CN': '请留意短信', en: 'Check your messages' },
  codes_sent_body: {
    'zh-CN': '如果这个号码提交过意见，查询码会用短信发到这个号码（夜间 21 点后提交的，次日早上 8 点发送）。一天只发一次。',
    en: 'If this number was left with an opinion, its tracking codes will be texted to it (requests after 21:00 are sent at 08:00). At most once a day.',
  },
  codes_limited: { 'zh-CN': '操作太频繁，请过一分钟再试。', en: 'Too many requests. Please try again in a minute.' },
  codes_link: { 'zh-CN': '忘记查询码？用手机号找回', en: 'Forgot your code? Get it by SMS' },
  back_lookup: { 'zh-CN': '返回查询进度', en: 'Back to tracking' },
  unsubscribe_title: { 'zh-CN': '短信通知', en: 'SMS updates' },
  unsubscribe_lead: {
    'zh-CN': '不想再收到本平台的短信通知，可以退订。退订后仍可随时用查询码在这里查看进度。',
    en: 'If you no longer want SMS updates from this service, unsubscribe. You can still follow progress here with your code.',
  },
  unsubscribe_submit: { 'zh-CN': '退订短信通知', en: 'Unsubscribe from SMS' },
  unsubscribed_title: { 'zh-CN': '已退订', en: 'Unsubscribed' },
  unsubscribed_body: {
    'zh-CN': '您留下的手机号码不会再收到本平台的短信通知。',
    en: 'The number you left will not receive SMS updates from this service any more.',
  },
  unsubscribe_no_phone: {
    'zh-CN': '这条意见没有留下手机号码，不会收到短信。',
    en: 'No mobile number was left with this opinion, so it receives no SMS.',
  },
} as const;

/** The keys of the page texts. */
export type PageTextKey = keyof typeof TEXTS;

/** A page text in `locale`. */
export function nt(locale: PageLocale, key: PageTextKey): string {
  return TEXTS[key][locale];
}
