/**
 * API messages of the departments area (承办单位 roster, their accounts, reply templates,
 * handling settings, 督办). The Worker's catalogs spread these in, so the text lives here once.
 */
import type { Locale } from '../workflow/labels';

const MESSAGES = {
  department_unknown: [
    '所选承办单位不存在或已停用，请重新选择。',
    'That department does not exist or is inactive; choose again.',
  ],
  department_name_taken: ['已经有名为「{value}」的承办单位。', 'A department named “{value}” already exists.'],
  department_not_linked: [
    '这个账号还没有关联承办单位，请联系管理员。',
    'This account is not linked to a department yet; contact an administrator.',
  ],
  department_import_invalid: [
    '导入文件有 {count} 处问题，未导入任何单位。',
    'The file has {count} problems; nothing was imported.',
  ],
  template_title_taken: [
    '这一类常用语中已经有标题为「{value}」的了。',
    'A template with the title “{value}” already exists for this use.',
  ],
  settings_invalid: ['设置的值不正确。', 'A setting has an invalid value.'],
} as const satisfies Record<string, readonly [string, string]>;

/** Every message of the area in `locale`. */
export function departmentMessages(locale: Locale): { -readonly [K in keyof typeof MESSAGES]: string } {
  const out = {} as { -readonly [K in keyof typeof MESSAGES]: string };
  for (const [key, [zh, en]] of Object.entries(MESSAGES) as [keyof typeof MESSAGES, readonly [string, string]][]) {
    out[key] = locale === 'en' ? en : zh;
  }
  return out;
}
