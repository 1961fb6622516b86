import { describe, expect, it } from 'vitest';
import { decodeText, isValidUtf8 } from '../../../worker/roster/import/decode';
import { ImportFileError } from '../../../worker/roster/import/errors';
import { fixture } from './helpers';

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 + i * 2 + (bigEndian ? 0 : 1)] = c >> 8;
    out[2 + i * 2 + (bigEndian ? 1 : 0)] = c & 0xff;
  }
  return out;
}

describe('decodeText', () => {
  it('detects the GBK fixture written by Chinese Windows Excel', () => {
    const d = decodeText(fixture('deputies-gbk.csv'));
    expect(d.encoding).toBe('gb18030');
    expect(d.bom).toBe(false);
    expect(d.text.startsWith('姓名,代表层级,乡镇（街道）')).toBe(true);
    expect(d.text).toContain('王　芳');
  });

  it('strips the UTF-8 BOM of the WPS/Excel "CSV UTF-8" fixture', () => {
    const d = decodeText(fixture('deputies-utf8-bom.csv'));
    expect(d).toMatchObject({ encoding: 'utf-8', bom: true });
    expect(d.text.startsWith('姓名,级别')).toBe(true);
  });

  it('reads UTF-8 without BOM, and plain ASCII as UTF-8', () => {
    expect(decodeText(utf8('姓名,手机'))).toEqual({ text: '姓名,手机', encoding: 'utf-8', bom: false });
    expect(decodeText(utf8('name,phone')).encoding).toBe('utf-8');
  });

  it('reads UTF-16 LE and BE with BOM (Excel "Unicode text")', () => {
    expect(decodeText(utf16('姓名\t手机', false))).toEqual({ text: '姓名\t手机', encoding: 'utf-16le', bom: true });
    expect(decodeText(utf16('姓名\t手机', true))).toEqual({ text: '姓名\t手机', encoding: 'utf-16be', bom: true });
  });

  it('decodes GB18030 four-byte sequences and the euro sign', () => {
    // 𠀀 (U+20000) is 0x95 0x32 0x82 0x36 in GB18030; 0x80 is € in the WHATWG gb18030 decoder.
    expect(decodeText(new Uint8Array([0xd5, 0xc5, 0x95, 0x32, 0x82, 0x36])).text).toBe('张\u{20000}');
  });

  it('rejects empty files and bytes that are neither UTF-8 nor GB18030', () => {
    expect(() => decodeText(new Uint8Array())).toThrowError(expect.objectContaining({ code: 'file_empty' }));
    // 0x81 followed by 0x20 is an invalid GB18030 lead/trail pair and invalid UTF-8.
    const bad = () => decodeText(new Uint8Array([0x41, 0x81, 0x20]));
    expect(bad).toThrow(ImportFileError);
    expect(bad).toThrowError(expect.objectContaining({ code: 'encoding_unknown' }));
  });

  it('tells valid UTF-8 apart from GBK bytes', () => {
    expect(isValidUtf8(utf8('城关街道'))).toBe(true);
    expect(isValidUtf8(new Uint8Array([0xb3, 0xc7, 0xb9, 0xd8]))).toBe(false); // 城关 in GBK
  });
});
