/**
 * The dashboard's messages for one's own account (changing the password, the forced change
 * after an admin's reset), in both languages. Spread at the end of the two catalogs in
 * dashboard/src/i18n, so the keys are typed and checked for parity like every other key.
 */
export const accountZhCN = {
  'account.password.title': '修改密码',
  'account.password.link': '修改密码',
  'account.password.current': '当前密码',
  'account.password.new': '新密码',
  'account.password.newHint': '至少 10 个字符。不要用常见密码、纯数字、键盘上连续的按键或用户名；一句好记的话最好。',
  'account.password.repeat': '再次输入新密码',
  'account.password.mismatch': '两次输入的新密码不一致。',
  'account.password.required': '请填写这一项。',
  'account.password.submit': '保存新密码',
  'account.password.saving': '正在保存…',
  'account.password.done': '密码已修改。您在其他设备上的登录已全部退出。',
  'account.password.forcedHeading': '请先设置新密码',
  'account.password.forcedNote':
    '管理员重置了您的密码。当前密码是管理员告诉您的临时密码，请换成一个只有您自己知道的新密码，然后才能继续使用。',
  'account.password.forcedLogout': '退出登录',
} as const;

export const accountEn: { readonly [K in keyof typeof accountZhCN]: string } = {
  'account.password.title': 'Change password',
  'account.password.link': 'Change password',
  'account.password.current': 'Current password',
  'account.password.new': 'New password',
  'account.password.newHint':
    'At least 10 characters. No common passwords, digits only, keyboard runs or your username; a sentence you remember is best.',
  'account.password.repeat': 'New password again',
  'account.password.mismatch': 'The two new passwords differ.',
  'account.password.required': 'Please fill this in.',
  'account.password.submit': 'Save new password',
  'account.password.saving': 'Saving…',
  'account.password.done': 'Password changed. You were signed out on every other device.',
  'account.password.forcedHeading': 'Choose a new password first',
  'account.password.forcedNote':
    'An administrator reset your password. The current one is the temporary password they gave you: replace it with one that only you know to continue.',
  'account.password.forcedLogout': 'Sign out',
};
