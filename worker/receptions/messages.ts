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
  // The printable 履职档案 sheet (worker/deputies/sheet.tsx).
  sheet_title: { 'zh-CN': '{name}代表 {year} 年度履职情况', en: 'Deputy {name}: duties in {year}' },
  sheet_period_title: { 'zh-CN': '{name}代表履职情况（{from} 至 {to}）', en: 'Deputy {name}: duties {from} to {to}' },
  sheet_print: { 'zh-CN': '打印', en: 'Print' },
  sheet_print_hint: { 'zh-CN': '用 A4 纸打印，可用于向选民述职。', en: 'Print on A4, e.g. for reporting to voters.' },
  sheet_level_district: { 'zh-CN': '区人大代表', en: 'District deputy' },
  sheet_level_township: { 'zh-CN': '乡镇人大代表', en: 'Township deputy' },
  sheet_station: { 'zh-CN': '所在联络站', en: 'Liaison station' },
  sheet_sector: { 'zh-CN': '界别', en: 'Sector' },
  sheet_summary: { 'zh-CN': '履职概况', en: 'Summary' },
  sheet_receptions: { 'zh-CN': '进站接待', en: 'Station receptions' },
  sheet_receptions_value: {
    'zh-CN': '{sessions} 次，接待群众 {residents} 人次',
    en: '{sessions} sessions, {residents} residents received',
  },
  sheet_opinions: { 'zh-CN': '领办群众意见', en: 'Opinions taken up' },
  sheet_opinions_value: {
    'zh-CN': '{takenUp} 件，已办结 {resolved} 件，办理中 {open} 件（其中超期 {overdue} 件）',
    en: '{takenUp}: {resolved} resolved, {open} in progress ({overdue} overdue)',
  },
  sheet_entered: { 'zh-CN': '代群众记录意见', en: 'Opinions entered for residents' },
  sheet_entered_value: { 'zh-CN': '{n} 件', en: '{n}' },
  sheet_satisfaction: { 'zh-CN': '群众满意率', en: 'Residents satisfied' },
  sheet_satisfaction_value: { 'zh-CN': '{rate}（{rated} 件已评价）', en: '{rate} ({rated} rated)' },
  sheet_none: { 'zh-CN': '暂无评价', en: 'Not rated yet' },
  sheet_reminders: { 'zh-CN': '收到催办、督办', en: 'Reminders received' },
  sheet_reminders_value: { 'zh-CN': '{n} 次', en: '{n}' },
  sheet_trainings: { 'zh-CN': '参加培训', en: 'Trainings' },
  sheet_training_line: {
    'zh-CN': '{title}（{from} 至 {to}）：出勤 {attended}/{expected} 天，{evaluated}',
    en: '{title} ({from} to {to}): attended {attended} of {expected} days, {evaluated}',
  },
  sheet_evaluated: { 'zh-CN': '已提交评估', en: 'evaluation submitted' },
  sheet_not_evaluated: { 'zh-CN': '未提交评估', en: 'evaluation not submitted' },
  sheet_activities: { 'zh-CN': '其他履职活动', en: 'Other activities' },
  sheet_reception_list: { 'zh-CN': '进站接待记录', en: 'Reception sessions' },
  sheet_nothing: { 'zh-CN': '无', en: 'None' },
  sheet_footer: { 'zh-CN': '数据来自联络平台，统计至 {today}。', en: 'From the liaison platform, as of {today}.' },
  // 代表码 (worker/deputies/code.tsx) and the form it opens.
  code_recipient: { 'zh-CN': '您的意见将交给 {name} 代表', en: 'Your opinion goes to deputy {name}' },
  code_title: { 'zh-CN': '{name}代表的代表码', en: 'QR code of deputy {name}' },
  code_heading: { 'zh-CN': '有意见建议，请告诉我', en: 'Tell me what you think' },
  code_deputy: { 'zh-CN': '{level} {name}', en: '{level} {name}' },
  code_scan: { 'zh-CN': '微信或手机相机扫一扫，意见直接交给我', en: 'Scan with WeChat or the camera: your opinion comes to me' },
  code_keep: { 'zh-CN': '提交后保存查询码，随时查看办理进度', en: 'Keep the tracking code to follow the progress' },
  code_card: { 'zh-CN': '名片（可剪下随身携带）', en: 'Card (cut out and carry)' },
  code_print: { 'zh-CN': '打印', en: 'Print' },
  code_print_hint: {
    'zh-CN': '第一页是 A4 海报，第二页是名片。打印时请选择“实际大小”。',
    en: 'Page one is the A4 poster, page two the card. Print at actual size.',
  },
  code_no_station: {
    'zh-CN': '这位代表所在的乡镇（街道）没有可用的联络站，暂时不能生成代表码。',
    en: 'The deputy’s township has no active station, so no QR code can be made yet.',
  },
  activity_inspection: { 'zh-CN': '视察', en: 'Inspection' },
  activity_research: { 'zh-CN': '调研', en: 'Research' },
  activity_law_enforcement_check: { 'zh-CN': '执法检查', en: 'Law enforcement check' },
  activity_group_activity: { 'zh-CN': '代表小组活动', en: 'Deputy group activity' },
  activity_voter_contact: { 'zh-CN': '联系选民', en: 'Contact with voters' },
  activity_other: { 'zh-CN': '其他', en: 'Other' },
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
