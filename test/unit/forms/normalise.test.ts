import { describe, expect, it } from 'vitest';
import { cleanText, countChars, normaliseMobileCN } from '../../../worker/forms/normalise';

describe('normaliseMobileCN', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['+86-13800138000', '13800138000'],
    ['008613800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['１３８００１３８０００', '13800138000'], // full-width digits from a Chinese IME
    ['＋８６　19912345678', '19912345678'],
    ['(+86) 159.1234.5678', '15912345678'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseMobileCN(input)).toBe(expected);
  });

  it.each(['', '1380013800', '138001380000', '12800138000', '23800138000', '+1 13800138000', '1380013800x', '010-12345678'])(
    'rejects %j',
    (input) => {
      expect(normaliseMobileCN(input)).toBeNull();
    },
  );
});

describe('countChars', () => {
  it('counts code points', () => {
    expect(countChars('人民代表')).toBe(4);
    expect(countChars('😀')).toBe(1);
    expect('😀'.length).toBe(2);
    expect(countChars('𠀀𠀁')).toBe(2); // CJK Extension B, outside the BMP
    expect(countChars('')).toBe(0);
  });
});

describe('cleanText', () => {
  it('strips control characters except newlines, and lone surrogates', () => {
    expect(cleanText('a\u0000b\u001Fc\u007F\u009Fd\ne', true)).toBe('abcd\ne');
    expect(cleanText('x\uD800y', false)).toBe('xy');
    expect(cleanText('\uFEFF\u202Eabc', false)).toBe('abc');
  });

  it('keeps emoji sequences joined by ZWJ', () => {
    expect(cleanText('👨‍👩‍👧', false)).toBe('👨‍👩‍👧');
  });

  it('folds newlines in single-line fields and trims ideographic spaces', () => {
    expect(cleanText('\u3000第一\r\n第二\u3000', false)).toBe('第一 第二');
    expect(cleanText('a\tb', true)).toBe('a b');
  });
});
