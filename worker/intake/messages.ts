/**
 * Message catalog of the residents' pages (the opinion form, the tracking page, the station
 * poster). zh-CN is the default. Written for elderly readers: short sentences, plain words,
 * always saying what to do next. Form field texts come from the form definition, validation
 * messages from the form engine's catalog; the workflow's state names from workflow/labels.ts.
 */
import type { OpinionState } from '../workflow/states';

export type Locale = 'zh-CN' | 'en';

const zh = {
  site_name: '人大代表联络站',
  switch_language: 'English',
  footer: '区人大常委会 · 人大代表联络站',
  error_title_prefix: '错误：',
  back_to_form: '返回填写页面',
  // The opinion form
  station: '联络站',
  township: '所属乡镇（街道）',
  form_lead: '您的意见会交给本联络站的人大代表。提交后您会得到一个查询码，凭它可以随时查看办理进度。',
  submit: '提交意见',
  sending: '正在提交，请稍候…',
  offline: '网络连接失败。您填写的内容已保存在本机，请检查网络后再点「提交意见」。',
  photos_not_kept: '出错后照片不会保留，请重新选择要上传的照片。',
  check_progress: '已经提交过？查询办理进度',
  rate_limited: '提交太频繁了，请稍等一分钟再试。您填写的内容已保留。',
  stale_form: '页面已过期，请再点一次「提交意见」。您填写的内容已保留。',
  save_failed: '系统出了点问题，您的意见还没有提交成功。请稍后再点「提交意见」，您填写的内容已保留。',
  photo_type: '第 {n} 张照片不是 JPG、PNG 或 WebP 格式的图片，请换一张',
  photo_size: '第 {n} 张照片超过 {max} MB，请换一张小一点的',
  photo_count: '最多可以上传 {max} 张照片，您选了 {count} 张，请去掉 {over} 张',
  photo_corrupt: '第 {n} 张照片无法读取，请换一张',
  // Error pages
  station_not_found_title: '没有找到这个联络站',
  station_not_found_body: '二维码可能已经更换，或者这个联络站已经停用。请扫描联络站张贴的最新二维码，或向工作人员询问。',
  too_large_title: '提交的内容太大了',
  too_large_body: '每张照片不能超过 {max} MB，最多 {count} 张。请返回，换小一点的照片再提交。',
  bad_request_title: '提交的内容无法读取',
  bad_request_body: '请返回重新填写并提交。如果一直不成功，请换一个浏览器或向联络站工作人员求助。',
  server_error_title: '系统暂时出了点问题',
  server_error_body: '请稍后再试。如果一直不成功，请向联络站工作人员求助。',
  // The tracking page
  track_title: '意见办理进度',
  tracking_code: '查询码',
  submitted_title: '提交成功！',
  submitted_body: '请把查询码抄下来或截图保存，凭它可以随时查看办理进度。',
  page_link: '本页地址',
  qr_caption: '用手机扫一扫这个二维码，也能打开本页',
  qr_label: '本页的二维码',
  current_state: '当前状态',
  steps_title: '办理步骤',
  step_done: '已完成',
  step_current: '正在进行',
  step_todo: '未开始',
  step_skipped: '未经过这一步',
  step_listen: '受理登记，交给代表了解情况',
  step_view: '代表到现场查看',
  step_deliberate: '商议办法，明确负责单位和期限',
  step_handle: '落实办理',
  step_resolved: '办结并答复您',
  other_opinion: '查询另一条意见',
  replies_title: '办理答复',
  no_replies: '还没有答复。有了进展，这里会显示。',
  facts_title: '意见信息',
  category: '意见类别',
  received_at: '提交时间',
  due_on: '本步骤办理期限',
  rate_title: '请评价办理结果',
  rate_submit: '提交评价',
  rated_thanks: '谢谢您的评价！',
  your_rating: '您的评价：{rating}',
  review_note: '您对办理结果不满意，这条意见已退回复核，工作人员会重新研究并答复您。',
  already_rated: '这条意见已经评价过了，谢谢您！',
  not_ratable: '意见办结以后才能评价。',
  merged_into: '这条意见和另一条相同的意见合并办理，请用查询码 {code} 查看进度。',
  merged: '这条意见和另一条相同的意见合并办理。',
  transferred_to: '这条意见已转交「{body}」办理。',
  tracking_not_found_title: '没有找到这条意见',
  tracking_not_found_body: '请核对查询码后再试。查询码是 8 位字母和数字，例如 ABCD-2345。',
  lookup_title: '查询意见办理进度',
  lookup_submit: '查询',
  lookup_invalid: '查询码是 8 位字母和数字，例如 ABCD-2345，请核对',
  lookup_not_found: '没有找到查询码 {code}，请核对后再试',
  rate_limited_short: '操作太频繁了，请稍等一分钟再试。',
  // The station poster
  poster_title: '{station} 二维码海报',
  poster_heading: '有意见建议，请告诉人大代表',
  poster_deputies: '在本站接待群众的人大代表',
  poster_no_deputies: '本站的接待代表名单正在更新。',
  poster_scan: '微信或手机相机扫一扫，提出您的意见建议',
  poster_keep: '提交后保存查询码，随时查看办理进度',
  poster_print: '打印海报',
  poster_print_hint: '已按 A4 纸排版。打印时请选择“实际大小”，不要缩放。',
  // Abuse limits (issue 9)
  lookup_limited_title: '查询太频繁了',
  lookup_limited_body:
    '这个网络一分钟内查询了太多次。请稍等一分钟再查。查询码在您提交意见后的页面上，也可以请联络站工作人员帮您查。',
  photo_too_many_pixels:
    '第 {n} 张照片的尺寸太大（{width}×{height}），最多 {max} 万像素。请用手机相机直接拍摄的照片，或先缩小后再上传。',
} as const;

/** Every message key of the catalog. */
export type IntakeMessageKey = keyof typeof zh;

const en: Record<IntakeMessageKey, string> = {
  site_name: 'Deputy liaison station',
  switch_language: '中文',
  footer: 'District People’s Congress Standing Committee · Liaison stations',
  error_title_prefix: 'Error: ',
  back_to_form: 'Back to the form',
  station: 'Liaison station',
  township: 'Township / sub-district',
  form_lead:
    'Your opinion goes to the deputies of this liaison station. After submitting you get a tracking code to follow its progress at any time.',
  submit: 'Submit',
  sending: 'Sending, please wait…',
  offline: 'The network connection failed. What you wrote is kept on this phone; check the network and press “Submit” again.',
  photos_not_kept: 'Photos are not kept after an error: please choose them again.',
  check_progress: 'Already submitted? Check the progress',
  rate_limited: 'Too many submissions. Please wait a minute and try again. What you wrote has been kept.',
  stale_form: 'This page had expired. Please press “Submit” once more; what you wrote has been kept.',
  save_failed:
    'Something went wrong on our side and your opinion was not saved yet. Please press “Submit” again in a moment; what you wrote has been kept.',
  photo_type: 'Photo {n} is not a JPG, PNG or WebP image; choose another one',
  photo_size: 'Photo {n} is larger than {max} MB; choose a smaller one',
  photo_count: 'You can add up to {max} photos; you chose {count}, please remove {over}',
  photo_corrupt: 'Photo {n} cannot be read; choose another one',
  station_not_found_title: 'Liaison station not found',
  station_not_found_body:
    'The QR code may have been replaced, or the station has closed. Scan the latest QR code posted at the station, or ask the staff.',
  too_large_title: 'Too much was sent',
  too_large_body: 'Each photo can be at most {max} MB, and at most {count} photos. Go back and choose smaller photos.',
  bad_request_title: 'What was sent could not be read',
  bad_request_body:
    'Go back, fill in the form and submit again. If it keeps failing, try another browser or ask the station staff.',
  server_error_title: 'Something went wrong on our side',
  server_error_body: 'Please try again later. If it keeps failing, ask the station staff.',
  track_title: 'Progress of your opinion',
  tracking_code: 'Tracking code',
  submitted_title: 'Submitted!',
  submitted_body: 'Write the tracking code down or take a screenshot: with it you can check the progress at any time.',
  page_link: 'Address of this page',
  qr_caption: 'Scan this QR code with a phone to open this page',
  qr_label: 'QR code of this page',
  current_state: 'Current status',
  steps_title: 'Steps',
  step_done: 'Done',
  step_current: 'In progress',
  step_todo: 'Not started',
  step_skipped: 'Not needed',
  step_listen: 'Registered and given to a deputy',
  step_view: 'The deputy sees the place',
  step_deliberate: 'Agreeing what to do, who and by when',
  step_handle: 'Being carried out',
  step_resolved: 'Resolved and replied to you',
  other_opinion: 'Check another opinion',
  replies_title: 'Replies',
  no_replies: 'No reply yet. Progress will be shown here.',
  facts_title: 'About this opinion',
  category: 'Category',
  received_at: 'Submitted',
  due_on: 'Due for this step',
  rate_title: 'Rate the result',
  rate_submit: 'Send rating',
  rated_thanks: 'Thank you for your rating!',
  your_rating: 'Your rating: {rating}',
  review_note: 'You were not satisfied, so the opinion has gone back for review. Staff will look at it again and reply.',
  already_rated: 'This opinion has already been rated. Thank you!',
  not_ratable: 'You can rate the result once the opinion is resolved.',
  merged_into: 'This opinion is handled together with an identical one: follow it with tracking code {code}.',
  merged: 'This opinion is handled together with an identical one.',
  transferred_to: 'This opinion was transferred to “{body}”.',
  tracking_not_found_title: 'Opinion not found',
  tracking_not_found_body: 'Check the tracking code and try again. It has 8 letters and digits, like ABCD-2345.',
  lookup_title: 'Check the progress of an opinion',
  lookup_submit: 'Check',
  lookup_invalid: 'A tracking code has 8 letters and digits, like ABCD-2345; please check it',
  lookup_not_found: 'No opinion has the tracking code {code}; please check it',
  rate_limited_short: 'Too many requests. Please wait a minute and try again.',
  poster_title: 'QR poster of {station}',
  poster_heading: 'Tell your deputies what you think',
  poster_deputies: 'Deputies receiving residents here',
  poster_no_deputies: 'The list of deputies is being updated.',
  poster_scan: 'Scan with WeChat or your phone camera to send an opinion or suggestion',
  poster_keep: 'Keep the tracking code you receive to follow the progress',
  poster_print: 'Print the poster',
  poster_print_hint: 'Laid out for A4 paper. Print at “actual size”, without scaling.',
  lookup_limited_title: 'Too many lookups',
  lookup_limited_body:
    'This network looked up too many codes in one minute. Please wait a minute and try again. The code is on the page you saw after submitting; station staff can also look it up for you.',
  photo_too_many_pixels:
    'Photo {n} is too large ({width}×{height}); at most {mp} megapixels. Use a photo taken with a phone camera, or make it smaller first.',
};

const catalogs: Record<Locale, Record<IntakeMessageKey, string>> = { 'zh-CN': zh, en };

/** Looks up a message and fills `{name}` placeholders (unknown ones stay visible). */
export function tx(locale: Locale, key: IntakeMessageKey, params: Record<string, string | number> = {}): string {
  const template = (catalogs[locale] ?? catalogs['zh-CN'])[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** One sentence per state telling the resident what is happening now. */
export const STATE_EXPLANATIONS: Readonly<Record<OpinionState, Record<Locale, string>>> = {
  pending: { 'zh-CN': '已经收到，等待工作人员受理登记。', en: 'Received; waiting to be registered by staff.' },
  listening: {
    'zh-CN': '已受理，交给人大代表了解情况（一听）。',
    en: 'Accepted and given to a deputy, who is listening to the issue.',
  },
  viewing: {
    'zh-CN': '代表已到现场查看（二看），正在研究怎么办。',
    en: 'The deputy has seen the place and is working out what to do.',
  },
  deliberating: {
    'zh-CN': '代表和有关部门已商议办法（三议），明确了负责单位和期限。',
    en: 'Deputies and departments agreed what to do, who does it and by when.',
  },
  handling: { 'zh-CN': '正在办理（四办）。', en: 'Being handled.' },
  resolved: { 'zh-CN': '已经办结，请看下面的答复并评价办理结果。', en: 'Resolved. Read the reply below and rate the result.' },
  closed: { 'zh-CN': '已办结，感谢您的参与。', en: 'Closed. Thank you for taking part.' },
  review: { 'zh-CN': '您对结果不满意，正在复核。', en: 'You were not satisfied; it is being reviewed.' },
  rejected: {
    'zh-CN': '这条意见不予受理，原因见下面的答复。',
    en: 'This opinion was not accepted; see the reply below for the reason.',
  },
  duplicate: {
    'zh-CN': '这条意见与另一条意见相同，已合并办理。',
    en: 'This opinion duplicates another one and is handled with it.',
  },
  transferred: { 'zh-CN': '这条意见已转交其他单位办理。', en: 'This opinion was transferred to another body.' },
};

/** A calendar day 'YYYY-MM-DD' for reading: 2026年11月25日 / 25 Nov 2026. */
export function formatDay(day: string, locale: Locale): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  if (locale === 'zh-CN') return `${y}年${m}月${d}日`;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1];
  return `${d} ${month} ${y}`;
}

/** An instant in China time with hours and minutes: 2026年11月25日 14:05. */
export function formatDateTime(epochMs: number, locale: Locale): string {
  const iso = new Date(epochMs + 8 * 3_600_000).toISOString();
  return `${formatDay(iso.slice(0, 10), locale)} ${iso.slice(11, 16)}`;
}
