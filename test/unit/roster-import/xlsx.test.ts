import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../../../worker/platform/export/xlsx';
import { numberText, parseCellRef, readXlsx, sharedStrings } from '../../../worker/roster/import/xlsx';
import { fixture } from './helpers';

const enc = (s: string) => new TextEncoder().encode(s);
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A minimal workbook around one sheet body, for targeted reader tests. */
function workbook(sheetData: string, extra: Record<string, string> = {}): Uint8Array {
  return zipSync({
    'xl/workbook.xml': enc(
      `<workbook xmlns="${MAIN}" xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': enc(
      '<Relationships><Relationship Id="rId1" Type="http://x/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': enc(`<worksheet xmlns="${MAIN}"><sheetData>${sheetData}</sheetData></worksheet>`),
    ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, enc(v)])),
  });
}

describe('readXlsx on Excel- and WPS-style files', () => {
  it('reads the Excel-style fixture: title row, rich text, gaps, numeric phones', () => {
    const sheet = readXlsx(fixture('deputies-excel.xlsx'));
    expect(sheet.sheetName).toBe('代表名册');
    expect(sheet.rows[0]).toEqual({ row: 1, cells: ['城关区人大代表名册（2025年）'] });
    expect(sheet.rows[1]?.cells).toEqual(['姓名', '代表层级', '乡镇（街道）', '联络站（室）', '界别', '手机号码']);
    expect(sheet.rows[2]).toEqual({
      row: 3,
      cells: ['黄海涛', '区', '城关街道', '城关街道人大代表联络站', '机关干部', '17701020001'],
    });
    // 周敏 has no station cell: the gap comes back as ''.
    expect(sheet.rows[3]?.cells).toEqual(['周敏', '乡镇', '城关街道', '', '农民', '17701020002']);
    expect(sheet.rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('reads the WPS-style fixture: first tab via rels, absolute targets, E10 numbers, inline and str cells', () => {
    const sheet = readXlsx(fixture('deputies-wps.xlsx'));
    expect(sheet.sheetName).toBe('Sheet1');
    expect(sheet.rows.map((r) => r.cells[5])).toEqual([
      '手机',
      '17701020001',
      '17701020002',
      '17701020003',
      '17701020004',
      '17701020005',
    ]);
    expect(sheet.rows).toHaveLength(6); // the styled empty row 9 is skipped
  });
});

describe('cell values', () => {
  it('prints numbers that are phones as digits, never with exponent or .0', () => {
    expect(numberText('13800138000')).toBe('13800138000');
    expect(numberText('1.3800138E10')).toBe('13800138000');
    expect(numberText('1.3800138E+10')).toBe('13800138000');
    expect(numberText('13800138000.0')).toBe('13800138000');
    expect(numberText('0.1')).toBe('0.1');
    expect(numberText('-0')).toBe('0');
    expect(numberText('')).toBe('');
  });

  it('reads booleans, errors, shared/inline strings, escapes and entities', () => {
    const sst = `<sst xmlns="${MAIN}"><si><t>共享&amp;串</t></si><si><r><t>富</t></r><r><rPr><b/></rPr><t xml:space="preserve">文本 </t></r><rPh sb="0" eb="1"><t>フ</t></rPh></si><si/></sst>`;
    const bytes = workbook(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="e"><v>#N/A</v></c>' +
        '<c r="E1" t="inlineStr"><is><t>a_x000D_b</t></is></c><c r="F1" t="s"><v>2</v></c><c r="G1"><v>1.5</v></c></row>',
      {
        'xl/sharedStrings.xml': sst,
        'xl/_rels/workbook.xml.rels':
          '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="x/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
      },
    );
    expect(readXlsx(bytes).rows[0]?.cells).toEqual(['共享&串', '富文本 ', 'TRUE', '#N/A', 'a\rb', '', '1.5']);
  });

  it('fills gaps, accepts cells and rows without references, and prefixed element names', () => {
    const bytes = workbook(
      '<row><c><v>1</v></c><c r="C1"><v>3</v></c><c><v>4</v></c></row><x:row><x:c t="inlineStr"><x:is><x:t>b</x:t></x:is></x:c></x:row>',
    );
    expect(readXlsx(bytes).rows).toEqual([
      { row: 1, cells: ['1', '', '3', '4'] },
      { row: 2, cells: ['b'] },
    ]);
  });

  it('parses cell references', () => {
    expect(parseCellRef('A1')).toEqual({ col: 0, row: 1 });
    expect(parseCellRef('AB12')).toEqual({ col: 27, row: 12 });
    expect(parseCellRef('XFD1048576')).toEqual({ col: 16383, row: 1048576 });
    expect(parseCellRef('1A')).toBeNull();
  });

  it('concatenates rich-text runs and ignores phonetic hints', () => {
    expect(sharedStrings('<sst><si><r><t>张</t></r><r><t>三</t></r><rPh><t>zhang</t></rPh></si><si><t/></si></sst>')).toEqual([
      '张三',
      '',
    ]);
  });
});

describe('bad and hostile files', () => {
  const code = (bytes: Uint8Array) => {
    try {
      readXlsx(bytes);
      return 'ok';
    } catch (err) {
      return (err as { code?: string }).code;
    }
  };

  it('refuses a zip bomb: a sheet that expands beyond the budget', () => {
    const huge = new Uint8Array(25 * 1024 * 1024).fill(0x20); // 25 MB of spaces deflates to ~25 KB
    const bytes = zipSync({ 'xl/workbook.xml': enc('<workbook/>'), 'xl/worksheets/sheet1.xml': huge }, { level: 1 });
    expect(bytes.length).toBeLessThan(100_000);
    expect(code(bytes)).toBe('xlsx_too_large');
  });

  it('refuses a bomb that lies about its size', () => {
    const huge = new Uint8Array(30 * 1024 * 1024).fill(0x20);
    const bytes = zipSync({ 'xl/workbook.xml': enc('<workbook/>'), 'xl/worksheets/sheet1.xml': huge }, { level: 1 });
    // Patch the declared uncompressed size of every entry to 100 bytes.
    for (let i = 0; i + 4 < bytes.length; i++) {
      if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x01 && bytes[i + 3] === 0x02)
        bytes.set([100, 0, 0, 0], i + 24);
    }
    // Inflation is fed in small slices and stops as soon as the output passes the claim.
    expect(code(bytes)).toBe('xlsx_corrupt');
  });

  it('applies a custom budget', () => {
    const bytes = writeXlsx([{ name: 'S', rows: [['x'.repeat(5000)]] }]);
    expect(() => readXlsx(bytes, { maxUncompressedBytes: 4000 })).toThrowError(
      expect.objectContaining({ code: 'xlsx_too_large' }),
    );
  });

  it('gives clear codes for non-xlsx, truncated, legacy .xls and damaged XML', () => {
    expect(code(enc('姓名,手机\n'))).toBe('xlsx_corrupt');
    const good = fixture('deputies-excel.xlsx');
    expect(code(good.slice(0, good.length - 200))).toBe('xlsx_corrupt');
    expect(code(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe('xls_unsupported');
    expect(code(workbook('<row><c><v>1</v></row>'.replace('</row>', '</row')))).toBe('xlsx_corrupt');
    expect(code(zipSync({ 'a.txt': enc('hello') }))).toBe('xlsx_corrupt');
    const flipped = good.slice();
    const at = flipped.length / 2;
    flipped.fill(0xff, at, at + 64); // garbage inside compressed data
    expect(['xlsx_corrupt', 'xlsx_no_sheet']).toContain(code(flipped));
  });

  it('refuses a DOCTYPE (no entity expansion) and values beyond the column limit', () => {
    const doctype = zipSync({
      'xl/workbook.xml': enc('<!DOCTYPE x [<!ENTITY a "aaaa">]><workbook/>'),
    });
    expect(code(doctype)).toBe('xlsx_corrupt');
    expect(code(workbook('<row r="1"><c r="ZZ1"><v>1</v></c></row>'))).toBe('too_many_columns');
    expect(code(workbook('<row r="1"><c r="ZZ1" s="1"/></row>'))).toBe('ok'); // empty far cells are harmless
  });

  it('reports a workbook whose sheet part is missing', () => {
    const bytes = zipSync({ 'xl/workbook.xml': enc('<workbook/>') });
    expect(code(bytes)).toBe('xlsx_no_sheet');
  });
});
