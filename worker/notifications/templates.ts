/**
 * Message templates as data: the built-in defaults (admins may override any of them in
 * `message_templates`), rendering with {name} placeholders, validation of an edited template
 * against the variables it may use, and the SMS segment count staff see while editing.
 * Pure: no storage, no Workers globals.
 */

/** Who a template speaks to. */
export type Audience = 'resident' | 'deputy' | 'department' | 'staff';

/** A template as the outbox uses it. */
export interface Template {
  id: string;
  audience: Audience;
  nameZh: string;
  nameEn: string;
  /** Chinese text with {name} placeholders; variables named `link` hold a path (see render). */
  body: string;
  /** The only placeholders the body may use. */
  variables: readonly string[];
  /** The id the SMS service approved for this text (Tencent Cloud SMS TemplateId). */
  providerTemplateId?: string | null;
}

const PLACEHOLDER = /\{([a-z][a-z_]*)\}/g;

const t = (id: string, audience: Audience, nameZh: string, nameEn: string, body: string): Template => ({
  id,
  audience,
  nameZh,
  nameEn,
  body,
  variables: placeholders(body),
});

/**
 * The built-in templates. Short (one SMS segment where possible), in Chinese, each with the
 * one link its reader needs, and nothing about anyone but the reader.
 */
export const DEFAULT_TEMPLATES: readonly Template[] = [
  t('opinion_received', 'resident', '受理', 'Received', '您的意见已受理，查询码{code}，可随时查看进度：{link}'),
  t('opinion_reply', 'resident', '答复', 'Public reply', '您的意见（查询码{code}）有新的答复，请查看：{link}'),
  t('opinion_resolved', 'resident', '办结', 'Resolved', '您的意见（查询码{code}）已办结，请对办理结果评价：{link}'),
  t('opinion_rejected', 'resident', '不予受理', 'Not accepted', '您的意见（查询码{code}）不予受理，原因：{reason}。详情：{link}'),
  t('opinion_transferred', 'resident', '转办', 'Transferred', '您的意见（查询码{code}）已转交{receiver}办理，进度：{link}'),
  t('tracking_codes', 'resident', '忘记查询码', 'Lost tracking codes', '您提交意见的查询码：{codes}。查看进度：{link}'),
  t('deputy_assigned', 'deputy', '意见交办', 'Opinion assigned', '{name}代表：群众意见{code}已交您办理，请登录查看：{link}'),
  t('deputy_supervise', 'deputy', '催办', 'Reminder (催办)', '{name}代表：您办理的意见{code}已逾期或被催办，请尽快办理：{link}'),
  t('evaluation_invite', 'deputy', '评估邀请', 'Evaluation invitation', '{name}代表：“{training}”培训评估已开始，请填写：{link}'),
  t(
    'evaluation_reminder',
    'deputy',
    '评估提醒',
    'Evaluation reminder',
    '{name}代表：您尚未提交“{training}”培训评估，请填写：{link}',
  ),
  t(
    'department_assigned',
    'department',
    '交办',
    'Assigned to department',
    '{department}：有一条群众意见（查询码{code}）交由贵单位办理，办理期限{due}，请登录签收：{link}',
  ),
  t(
    'department_supervise',
    'department',
    '催办',
    'Reminder to department',
    '{department}：意见（查询码{code}）已被催办，办理期限{due}，请尽快办理：{link}',
  ),
  t(
    'department_due_tomorrow',
    'department',
    '明日到期',
    'Due tomorrow',
    '{department}：意见（查询码{code}）明日（{due}）到期，请按时办复：{link}',
  ),
  t(
    'department_overdue',
    'department',
    '已逾期',
    'Overdue',
    '{department}：意见（查询码{code}）已逾期（期限{due}），请尽快办复：{link}',
  ),
  t(
    'staff_digest',
    'staff',
    '晨报',
    'Morning digest',
    '{township}：今日新增逾期意见{count}件，共逾期{total}件，请登录查看：{link}',
  ),
];

const BY_ID = new Map(DEFAULT_TEMPLATES.map((x) => [x.id, x]));

/** The built-in template with this id, or undefined. */
export function defaultTemplate(id: string): Template | undefined {
  return BY_ID.get(id);
}

/** The distinct {name} placeholders of a body, in order of first use. */
export function placeholders(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/**
 * The text as the recipient reads it. Values of variables whose name is or ends in `link`
 * are paths on the public site and get `origin` in front, so a message written by the Cron
 * run (which has no request) links to the same address as one written by a request.
 * A placeholder without a value is left out rather than shown as {name}.
 */
export function renderBody(body: string, variables: Readonly<Record<string, unknown>>, origin: string): string {
  return body.replace(PLACEHOLDER, (_m, name: string) => {
    const value = variables[name];
    if (value === undefined || value === null) return '';
    const text = String(value);
    return name.endsWith('link') && text.startsWith('/') ? `${origin.replace(/\/$/, '')}${text}` : text;
  });
}

/** Why an edited template body cannot be saved. */
export type TemplateProblem =
  | { code: 'template_empty' }
  | { code: 'template_unknown_variable'; variable: string }
  | { code: 'template_missing_link' }
  | { code: 'template_unbalanced_braces' };

/**
 * Checks an admin's edit: it must not be empty, may use only the template's variables, must
 * keep the link where the default has one (a message without its link helps nobody), and may
 * not contain stray braces (they would reach the resident verbatim).
 */
export function validateTemplateBody(body: string, allowed: readonly string[]): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  if (body.trim() === '') return [{ code: 'template_empty' }];
  for (const name of placeholders(body)) {
    if (!allowed.includes(name)) problems.push({ code: 'template_unknown_variable', variable: name });
  }
  if (allowed.includes('link') && !placeholders(body).includes('link')) problems.push({ code: 'template_missing_link' });
  if (/[{}]/.test(body.replace(PLACEHOLDER, ''))) problems.push({ code: 'template_unbalanced_braces' });
  return problems;
}

/** Characters in one SMS on its own, and in each part of a long (concatenated) one. */
export const SMS_SINGLE = 70;
export const SMS_PART = 67;

/**
 * How many SMS a text costs: up to 70 characters is one; longer texts are sent in parts of
 * 67 (each part carries a header). Chinese and Latin characters count alike, as the Chinese
 * carriers count them; an emoji outside the BMP counts as one character here.
 */
export function smsSegments(text: string): { chars: number; segments: number } {
  const chars = [...text].length;
  if (chars === 0) return { chars, segments: 0 };
  return { chars, segments: chars <= SMS_SINGLE ? 1 : Math.ceil(chars / SMS_PART) };
}
