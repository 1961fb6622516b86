/**
 * The Worker's messages for signing in and passwords: throttling, the password rules, the
 * forced change after an admin's reset. Spread into both catalogs of worker/platform/i18n, so
 * the keys are checked like every other message key.
 */
import type { Locale } from '../platform/i18n';

const MESSAGES = {
  too_many_attempts_address: {
    'zh-CN': '这个网络的登录失败次数过多，请 {minutes} 分钟后再试。',
    en: 'Too many failed sign-ins from this network. Try again in {minutes} minutes.',
  },
  account_backstop: {
    'zh-CN':
      '这个账号近期在多个网络登录失败次数过多。为保护账号，暂时只接受您常用网络（上次成功登录的网络）的登录：请在常用网络登录，或 {minutes} 分钟后再试。',
    en: 'This account has had many failed sign-ins from several networks. To protect it, only your usual network (where you last signed in) is accepted for now: sign in from there, or try again in {minutes} minutes.',
  },
  password_too_short: {
    'zh-CN': '密码至少需要 {min} 个字符。',
    en: 'The password needs at least {min} characters.',
  },
  password_too_simple: {
    'zh-CN': '密码太简单：不能全是数字，不能只由少数几个字符重复组成，也不能是键盘上连续的按键（如 qwertyuiop、abcd1234）。',
    en: 'The password is too simple: not digits only, not a few characters repeated, not a run of keys (like qwertyuiop or abcd1234).',
  },
  password_too_common: {
    'zh-CN': '这是常见密码（常用单词或拼音加数字，如 password123、woaini1314），很容易被猜到，请换一个。',
    en: 'This is a common password (a common word or name with digits, like password123), easy to guess. Choose another.',
  },
  password_contains_username: {
    'zh-CN': '密码不能包含用户名。',
    en: 'The password must not contain the username.',
  },
  password_change_required: {
    'zh-CN': '管理员重置了您的密码，请先设置一个只有您知道的新密码。',
    en: 'An administrator reset your password. Choose a new one that only you know first.',
  },
  current_password_wrong: {
    'zh-CN': '当前密码不正确。',
    en: 'The current password is wrong.',
  },
  password_unchanged: {
    'zh-CN': '新密码不能与当前密码相同。',
    en: 'The new password must differ from the current one.',
  },
} as const;

/** The keys this module adds to the catalogs. */
export type AccountMessageKey = keyof typeof MESSAGES;

/** The messages in one locale, for spreading into that locale's catalog. */
export function accountMessages(locale: Locale): Record<AccountMessageKey, string> {
  const out = {} as Record<AccountMessageKey, string>;
  for (const [key, label] of Object.entries(MESSAGES) as [AccountMessageKey, (typeof MESSAGES)[AccountMessageKey]][]) {
    out[key] = label[locale];
  }
  return out;
}
