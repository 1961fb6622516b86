/**
 * What a new password must be: at least 10 characters, not a well-known password, and not a
 * trivial pattern (one character repeated, a keyboard row, a run of digits, a common word with
 * digits around it, the account's own username). Pure and small on purpose: a full breach
 * list would add megabytes to the Worker, while leaked-password lists are dominated by a few
 * shapes that a handful of rules recognise (see docs/security.md).
 *
 * Only new passwords are judged (account creation, reset, change); signing in never is, so
 * existing accounts keep working. The demo password `lianluo2026` and the tests'
 * `test-password-1` pass these rules.
 *
 * @example
 * passwordProblem('password2026')   // 'too_common'
 * passwordProblem('qwertyuiop')     // 'too_simple'
 * passwordProblem('lianluo2026')    // null
 */

/** Fewest characters of a new password (NIST SP 800-63B allows 8; ten resists guessing better). */
export const PASSWORD_MIN_LENGTH = 10;

/** Why a password is refused; each has a message (`password_<problem>`) saying so. */
export type PasswordProblem = 'too_short' | 'too_simple' | 'too_common' | 'contains_username';

/**
 * Keyboard rows, columns and the alphabet, forwards (reversed runs are checked too). A run of
 * four or more characters from one of these carries almost no guessing work.
 */
const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
  'zaq1xsw2cde3vfr4bgt5nhy6mju7',
  '1q2w3e4r5t6y7u8i9o0p',
  'q1w2e3r4t5y6u7i8o9p0',
  'a1b2c3d4e5f6g7h8i9j0',
  '!@#$%^&*()',
];

/**
 * Words that, with digits or symbols around them, make up most of the leaked-password lists
 * (English and pinyin, including the usual surnames and 我爱你/5201314 variants).
 */
const COMMON_WORDS = new Set(
  (
    'password passwd passw0rd pass word mima iloveyou iloveu woaini aini wuai love lover loveyou ' +
    'qwerty qwer asdf zxcv abc abcd abcde abcdef admin administrator root user guest test tester ' +
    'login welcome letmein hello hellokitty nihao changeme default secret master monkey dragon ' +
    'shadow sunshine princess football baseball basketball soccer superman batman whatever ' +
    'trustno computer internet china zhongguo beijing shanghai guangzhou shenzhen ' +
    'renda daibiao renmin zhengfu dangyuan ' +
    'wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng ' +
    'liang xie song tang han feng deng cao peng zeng xiao tian dong yuan pan cai jiang yu du ye ' +
    'cheng wei su lv ding ren shen yao lu jin zhong cui tan fan wan qian qiu hou shao meng long ' +
    'qq wechat weixin baidu taobao'
  ).split(' '),
);

/**
 * Whole passwords of ten characters or more from the top of public leak lists that the rules
 * below would not catch on their own.
 */
const COMMON_PASSWORDS = new Set([
  'iloveyou1314',
  'woaini1314520',
  'qazwsxedcrfv',
  'qazwsxedc123',
  'zxcvbnmasdf',
  'asdfghjklqwe',
  'qweasdzxc123',
  'qweasdzxcv',
  'qaz123wsx456',
  'abc123abc123',
  '1q2w3e4r5t6y',
  'q1w2e3r4t5',
  'a1s2d3f4g5',
  'z1x2c3v4b5',
  '1a2b3c4d5e',
  'p@ssw0rd123',
  'aa12345678',
  'aaa1234567',
  'a1234567890',
  'abc1234567',
  'abcd123456',
  'qwer123456',
  'asdf123456',
  'zxcv123456',
  'qwe1234567',
  'asd1234567',
  'zxc1234567',
  'dearbook123',
  'yyyyyyyyyy',
  'mypassword',
  'mypassword1',
  'nopassword',
  'passw0rd01',
  'trustno1trustno1',
  'starwars123',
  'football123',
  'princess123',
  'sunshine123',
  'iloveyou123',
  'superman123',
  'michael123',
  'jennifer123',
  'computer123',
]);

/** Common substitutions (p@ssw0rd → password) applied to the letters part before the word check. */
const LEET: Record<string, string> = { '@': 'a', '4': 'a', '0': 'o', '1': 'i', '3': 'e', $: 's', '5': 's', '7': 't', '!': 'i' };

/** Removes every run of four or more consecutive characters of a keyboard/alphabet sequence. */
function withoutSequences(text: string): string {
  let rest = text;
  for (const seq of SEQUENCES) {
    for (const line of [seq, [...seq].reverse().join('')]) {
      for (let len = line.length; len >= 4; len--) {
        for (let at = 0; at + len <= line.length; at++) {
          const run = line.slice(at, at + len);
          if (rest.includes(run)) rest = rest.split(run).join('');
        }
      }
    }
  }
  return rest;
}

/** The password without the digits and symbols before and after its letters, leet undone. */
function core(lower: string): string {
  const letters = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  return [...letters].map((ch) => LEET[ch] ?? ch).join('');
}

/** Why `password` may not be a new password (for the account `username`), or null when it may. */
export function passwordProblem(password: string, username?: string): PasswordProblem | null {
  // Characters, not UTF-16 units: a Chinese password of ten characters is ten characters.
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'too_short';
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 'too_common';
  const name = username?.trim().toLowerCase();
  if (name && name.length >= 3 && lower.includes(name)) return 'contains_username';
  // All digits: phone numbers, birthdays, ID card fragments, 5201314…
  if (/^\d+$/.test(password)) return 'too_simple';
  // Fewer than four different characters ("aaaaaaaaaa", "a" + spaces, "abababab12").
  if (new Set(lower.replace(/\s/g, '')).size < 4) return 'too_simple';
  // One short piece repeated ("abc123abc123").
  if (/^(.{1,5})\1+$/.test(lower)) return 'too_simple';
  // What is left after keyboard and alphabet runs must still be something.
  if (new Set(withoutSequences(lower)).size < 3) return 'too_simple';
  const word = core(lower);
  if (COMMON_WORDS.has(word) || COMMON_WORDS.has(word.replace(/\d+$/, ''))) return 'too_common';
  return null;
}
