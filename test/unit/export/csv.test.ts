import { describe, expect, it } from 'vitest';
import { CSV_CONTENT_TYPE, csvField, writeCsv } from '../../../worker/platform/export/csv';
import { isFormulaLike, neutraliseText } from '../../../worker/platform/export/neutralise';

describe('writeCsv', () => {
  it('starts with a UTF-8 BOM and ends every row with CRLF', () => {
    const csv = writeCsv([
      ['姓名', '手机'],
      ['张三', '13800138000'],
    ]);
    expect(csv).toBe('\uFEFF姓名,手机\r\n张三,13800138000\r\n');
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(CSV_CONTENT_TYPE).toBe('text/csv; charset=utf-8');
  });

  it('quotes separators, quotes, line breaks and edge spaces', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line1\nline2')).toBe('"line1\nline2"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('plain')).toBe('plain');
  });

  it('writes numbers, booleans and empty values', () => {
    expect(writeCsv([[1, -2.5, true, false, null, undefined, Number.NaN]], { bom: false })).toBe('1,-2.5,TRUE,FALSE,,,\r\n');
  });

  it('keeps a row holding one empty cell as a row', () => {
    expect(writeCsv([['a'], [''], ['b']], { bom: false })).toBe('a\r\n""\r\nb\r\n');
  });

  it.each([
    ['=1+2', "'=1+2"],
    ['+8613800138000', "'+8613800138000"],
    ['-5', "'-5"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=cmd', "'\t=cmd"],
    ['\r=cmd', '"\'\r=cmd"'],
    ['=HYPERLINK("http://evil.example","点我")', '"\'=HYPERLINK(""http://evil.example"",""点我"")"'],
  ])('neutralises the formula-like text %j', (input, expected) => {
    expect(writeCsv([[input]], { bom: false })).toBe(`${expected}\r\n`);
  });

  it('leaves ordinary text and real negative numbers alone', () => {
    expect(writeCsv([['张三', 'a=b', "'quoted", -5]], { bom: false })).toBe("张三,a=b,'quoted,-5\r\n");
  });

  it('can be told not to neutralise (round-trip tests only)', () => {
    expect(writeCsv([['=1+2']], { bom: false, neutralise: false })).toBe('=1+2\r\n');
  });
});

describe('neutralise', () => {
  it('recognises the triggers', () => {
    for (const s of ['=', '+', '-', '@', '\t', '\r']) expect(isFormulaLike(`${s}x`)).toBe(true);
    for (const s of ['', 'x=', ' =1', '＝1']) expect(isFormulaLike(s)).toBe(false);
    expect(neutraliseText('ok')).toBe('ok');
  });
});
