/**
 * Words of the deputy-facing pages (evaluation, check-in, QR slips) and of the exports, in
 * zh-CN (default) and en. API error messages live in worker/platform/i18n; question texts and
 * validation messages come from the form engine's own catalog.
 *
 * Pure module. The Chinese is written for deputies reading on a phone, many of them elderly:
 * short sentences that say what happened and what to do next.
 */
import type { Locale } from '../forms/messages';

const zh = {
  brand: '人大代表培训',
  lang_label: '培训评估',
  dates: '{start} 至 {end}',
  one_day: '{start}',
  place: '地点：{place}',
  organiser: '主办：{organiser}',
  submit: '提交评估',
  draft_saved: '您填写的内容会自动保存在这部手机上，关闭页面后再打开可以接着填写。',
  draft_restored: '已恢复您上次没有提交的填写内容，请检查后提交。',
  thanks_title: '提交成功',
  thanks_body: '感谢您的参与！您的评估已经匿名提交。',
  thanks_note: '评估结果只按全体或乡镇（街道）汇总统计，不会显示是谁填写的。',
  already_title: '您已提交过评估',
  already_body: '您已提交过本次培训的评估，感谢您的参与！',
  already_note: '每位代表只能提交一次，已提交的内容不会被更改。',
  closed_title: '评估已结束',
  closed_body: '本次培训的评估已经结束，感谢您的关注。',
  closed_note: '如有意见或建议，请联系培训组织方。',
  not_open_title: '评估尚未开始',
  not_open_body: '本次培训的评估还没有开始。请在培训组织方通知后，再打开这个链接。',
  not_found_title: '链接无效',
  not_found_body: '没有找到这个链接。请检查链接是否完整，或联系培训组织方重新获取。',
  rate_limited_title: '请稍后再试',
  rate_limited_body: '操作太频繁了，请稍等一分钟再试。',
  checkin_title: '培训签到',
  checkin_intro: '请填写您的姓名和手机号码中间四位（第 4 到第 7 位），完成今天的签到。',
  checkin_today: '今天是 {date}，培训第 {day} 天。',
  checkin_name: '姓名',
  checkin_mid: '手机号码中间四位',
  checkin_mid_hint: '例如手机号码是 138 0013 8000，就填 0013',
  checkin_mid_invalid: '请填写手机号码中间的 4 位数字（第 4 到第 7 位），例如 138 0013 8000 就填 0013',
  checkin_submit: '签到',
  checkin_no_name: '参训名单里没有这个姓名。请核对后重新填写；如果仍然不行，请到会务组签到。',
  checkin_wrong_digits: '姓名和手机号码中间四位对不上。请核对后重新填写，还可以再试 {left} 次。',
  checkin_locked: '这个姓名填错的次数太多，为防止别人冒名签到，已暂停自助签到。请到会务组，由工作人员为您签到。',
  checkin_ambiguous: '有不止一位参训代表与您填写的内容相符，请到会务组签到。',
  checkin_done_title: '签到成功',
  checkin_done: '{name}代表，您已完成 {date}（培训第 {day} 天）的签到。',
  checkin_again_title: '今天已签到',
  checkin_again: '{name}代表，您今天已经签到过了，不需要重复签到。',
  checkin_record: '您在本次培训的签到记录',
  checkin_day_done: '第 {n} 天（{date}）：已签到',
  checkin_day_missing: '第 {n} 天（{date}）：未签到',
  checkin_not_today_title: '今天不是培训日',
  checkin_not_today: '本次培训的日期是 {dates}，请在培训当天签到。',
  slips_title: '{title}：评估二维码条',
  slips_index: '请选择要打印的乡镇（街道）',
  slips_count: '{township}，共 {count} 人',
  slips_print: '打印',
  slips_empty: '这个乡镇（街道）还没有报名的代表。',
  slip_scan: '请用手机微信扫描二维码，填写本次培训的评估问卷（不记名）。',
  slip_personal: '此二维码为您本人专用，请勿转给他人。',
  poster_title: '培训签到',
  poster_scan: '请用手机扫描二维码，填写姓名和手机号码中间四位签到',
  poster_link: '打印签到二维码',
  level_district: '区人大代表',
  level_township: '乡镇人大代表',
  col_no: '序号',
  col_version: '问卷版本',
  col_township: '乡镇（街道）',
  sheet_answers: '答卷',
  sheet_codebook: '编码表',
  sheet_courses: '课程',
  sheet_pending: '未提交名单',
  results_file: '评估结果',
  cb_column: '列名',
  cb_question: '题目',
  cb_type: '题型',
  cb_value: '取值',
  cb_meaning: '含义',
  cb_selected: '1 = 选了这一项，0 = 没有选',
  cb_free_text: '文字，原样导出',
  cb_row_no: '答卷序号（按随机编号排序，不代表提交先后）',
  cb_version: '填写时的问卷版本号',
  cb_township: '代表所在乡镇（街道）；空白表示未单独列出乡镇（该乡镇答卷不足 5 份、为防止推算而合并，或不在您的查看范围）',
  type_scale5: '五级评分',
  type_nps: '推荐意愿（0–10）',
  type_choice: '单选',
  type_multi: '多选',
  type_text: '短文字',
  type_textarea: '长文字',
  type_course: '课程评分',
  type_comment: '课程意见（文字）',
  type_consent: '同意（1/0）',
  course_id: '课程编号',
  course_title: '课程',
  course_lecturer: '授课人',
  course_day: '日期',
  course_time: '时间',
  course_kind: '形式',
  kind_lecture: '专题讲座',
  kind_experience: '经验交流',
  kind_discussion: '分组讨论',
  p_township: '乡镇（街道）',
  p_name: '姓名',
  p_level: '级别',
  p_phone: '手机号码',
  p_opened: '已开始填写',
  p_attended: '签到天数',
  yes: '是',
  no: '否',
} as const;

/** A message key of the evaluation pages. */
export type PageKey = keyof typeof zh;

const en: Record<PageKey, string> = {
  brand: 'Deputy training',
  lang_label: 'Training evaluation',
  dates: '{start} to {end}',
  one_day: '{start}',
  place: 'Venue: {place}',
  organiser: 'Organised by {organiser}',
  submit: 'Submit evaluation',
  draft_saved: 'What you enter is saved on this phone, so you can close the page and continue later.',
  draft_restored: 'We restored what you entered last time but did not submit. Please check it and submit.',
  thanks_title: 'Thank you',
  thanks_body: 'Thank you for taking part! Your evaluation has been submitted anonymously.',
  thanks_note: 'Results are only shown as totals for everyone or per township, never by person.',
  already_title: 'Already submitted',
  already_body: 'You have already submitted your evaluation of this training. Thank you for taking part!',
  already_note: 'Each deputy can submit once; what was submitted is not changed.',
  closed_title: 'Evaluation closed',
  closed_body: 'The evaluation of this training has closed. Thank you for your interest.',
  closed_note: 'If you have comments, please contact the organisers.',
  not_open_title: 'Evaluation not open yet',
  not_open_body: 'The evaluation of this training has not started. Please open this link again when the organisers tell you.',
  not_found_title: 'Link not valid',
  not_found_body: 'This link was not found. Check that it is complete, or ask the organisers for a new one.',
  rate_limited_title: 'Please try again shortly',
  rate_limited_body: 'Too many attempts. Please wait a minute and try again.',
  checkin_title: 'Training check-in',
  checkin_intro: 'Enter your name and the middle four digits (4th to 7th) of your mobile number to check in for today.',
  checkin_today: 'Today is {date}, day {day} of the training.',
  checkin_name: 'Name',
  checkin_mid: 'Middle four digits of your mobile number',
  checkin_mid_hint: 'For 138 0013 8000, enter 0013',
  checkin_mid_invalid: 'Enter the middle 4 digits (4th to 7th) of your mobile number; for 138 0013 8000 enter 0013',
  checkin_submit: 'Check in',
  checkin_no_name: 'No enrolled deputy has this name. Please check and try again, or check in at the registration desk.',
  checkin_wrong_digits: 'The name and the middle four digits do not match. Please check and try again; {left} attempts left.',
  checkin_locked:
    'Too many wrong attempts under this name: self check-in is paused so nobody can check in for you. Please ask the staff at the registration desk.',
  checkin_ambiguous: 'More than one enrolled deputy matches. Please check in at the registration desk.',
  checkin_done_title: 'Checked in',
  checkin_done: '{name}, you are checked in for {date} (day {day} of the training).',
  checkin_again_title: 'Already checked in today',
  checkin_again: '{name}, you have already checked in today; there is no need to do it again.',
  checkin_record: 'Your check-ins for this training',
  checkin_day_done: 'Day {n} ({date}): checked in',
  checkin_day_missing: 'Day {n} ({date}): not checked in',
  checkin_not_today_title: 'No training today',
  checkin_not_today: 'This training takes place {dates}. Please check in on a training day.',
  slips_title: '{title}: evaluation QR slips',
  slips_index: 'Choose the township to print',
  slips_count: '{township}: {count} deputies',
  slips_print: 'Print',
  slips_empty: 'No deputy of this township is enrolled yet.',
  slip_scan: 'Scan the QR code with WeChat to fill in the (anonymous) evaluation of this training.',
  slip_personal: 'This QR code is yours alone; please do not pass it on.',
  poster_title: 'Training check-in',
  poster_scan: 'Scan the QR code and enter your name and the middle four digits of your mobile number',
  poster_link: 'Print the check-in QR code',
  level_district: 'District deputy',
  level_township: 'Township deputy',
  col_no: 'No.',
  col_version: 'Questionnaire version',
  col_township: 'Township',
  sheet_answers: 'Answers',
  sheet_codebook: 'Codebook',
  sheet_courses: 'Courses',
  sheet_pending: 'Not submitted',
  results_file: 'evaluation results',
  cb_column: 'Column',
  cb_question: 'Question',
  cb_type: 'Type',
  cb_value: 'Value',
  cb_meaning: 'Meaning',
  cb_selected: '1 = selected, 0 = not selected',
  cb_free_text: 'Text, exported as written',
  cb_row_no: 'Answer number (sorted by random id, not by time of submission)',
  cb_version: 'Questionnaire version answered',
  cb_township:
    'The deputy’s township; blank where it is not shown (fewer than 5 answers, merged so it cannot be worked out, or outside what you may see)',
  type_scale5: '5-point rating',
  type_nps: 'Recommendation (0–10)',
  type_choice: 'Single choice',
  type_multi: 'Multiple choice',
  type_text: 'Short text',
  type_textarea: 'Long text',
  type_course: 'Course rating',
  type_comment: 'Course comment (text)',
  type_consent: 'Consent (1/0)',
  course_id: 'Course no.',
  course_title: 'Course',
  course_lecturer: 'Lecturer',
  course_day: 'Date',
  course_time: 'Time',
  course_kind: 'Format',
  kind_lecture: 'Lecture',
  kind_experience: 'Experience sharing',
  kind_discussion: 'Group discussion',
  p_township: 'Township',
  p_name: 'Name',
  p_level: 'Level',
  p_phone: 'Mobile',
  p_opened: 'Started filling in',
  p_attended: 'Days checked in',
  yes: 'Yes',
  no: 'No',
};

const catalogs: Record<Locale, Record<PageKey, string>> = { 'zh-CN': zh, en };

/**
 * A page message with `{name}` placeholders filled.
 * @example pt('zh-CN', 'checkin_today', { date: '2026年3月17日', day: 1 })
 */
export function pt(locale: Locale, key: PageKey, params: Record<string, string | number> = {}): string {
  const template = (catalogs[locale] ?? catalogs['zh-CN'])[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/**
 * A calendar day ('YYYY-MM-DD') as people write it: 2026年3月17日 / 17 March 2026.
 * Done by hand: the day is already China time, and Intl's CJK output differs between runtimes.
 */
export function formatDay(day: string, locale: Locale): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  if (locale === 'en') {
    const months = [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ];
    return `${d} ${months[m - 1]} ${y}`;
  }
  return `${y}年${m}月${d}日`;
}

/** A date range: one day, or "start 至 end". */
export function formatDays(start: string, end: string, locale: Locale): string {
  return start === end
    ? pt(locale, 'one_day', { start: formatDay(start, locale) })
    : pt(locale, 'dates', { start: formatDay(start, locale), end: formatDay(end, locale) });
}
