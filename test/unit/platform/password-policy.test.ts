import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../../worker/platform/auth/password-policy';

describe('password policy', () => {
  it('keeps the demo and test passwords valid', () => {
    expect(passwordProblem('lianluo2026')).toBeNull();
    expect(passwordProblem('test-password-1')).toBeNull();
    expect(passwordProblem('test-password-1', 'staffA')).toBeNull();
  });

  it('refuses the passwords the issue found accepted', () => {
    expect(passwordProblem('password')).toBe('too_short');
    expect(passwordProblem('aaaaaaaa')).toBe('too_short');
    expect(passwordProblem(`a${' '.repeat(7)}`)).toBe('too_short');
    expect(passwordProblem(`a${' '.repeat(12)}`)).toBe('too_simple');
  });

  it.each([
    ['1234567890', 'too_simple'],
    ['13800138000', 'too_simple'],
    ['aaaaaaaaaaaa', 'too_simple'],
    ['ababababab', 'too_simple'],
    ['abc123abc123', 'too_common'],
    ['xyzxyzxyzxyz', 'too_simple'],
    ['qwertyuiop', 'too_simple'],
    ['qwer1234asdf', 'too_simple'],
    ['1qaz2wsx3edc', 'too_simple'],
    ['abcdefghijk', 'too_simple'],
    ['a123456789', 'too_simple'],
    ['password123', 'too_common'],
    ['Password2026!', 'too_common'],
    ['p@ssw0rd2026', 'too_common'],
    ['woaini1314', 'too_common'],
    ['iloveyou520', 'too_common'],
    ['zhang19900101', 'too_common'],
    ['admin123456', 'too_common'],
    ['iloveyou1314', 'too_common'],
  ])('refuses %s (%s)', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  it('refuses a password containing the username', () => {
    expect(passwordProblem('chengguan-office', 'chengguan')).toBe('contains_username');
  });

  it('accepts passphrases and ordinary strong passwords', () => {
    for (const ok of ['donghu-river-77', '城关街道联络站很好用', 'correct horse battery', 'Tq7#mZ2@kL9p']) {
      expect(passwordProblem(ok), ok).toBeNull();
    }
  });

  it('counts characters, not UTF-16 units', () => {
    expect(passwordProblem('人大代表联络站好')).toBe('too_short');
  });
});
