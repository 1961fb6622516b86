import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../../worker/platform/export/csv';
import { parseCsv, sniffDelimiter } from '../../../worker/roster/import/csv';
import { decodeText } from '../../../worker/roster/import/decode';
import { fixture } from './helpers';

const cells = (text: string) => parseCsv(text).rows.map((r) => r.cells);

describe('parseCsv', () => {
  it('parses quotes, doubled quotes, separators and newlines inside quotes', () => {
    expect(cells('a,"b,c","say ""hi""","x\r\ny"\r\n')).toEqual([['a', 'b,c', 'say "hi"', 'x\r\ny']]);
  });

  it('accepts CRLF, LF and lone CR line ends', () => {
    expect(cells('a,b\r\nc,d\ne,f\rg,h')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('does not add a record for the final line end, but keeps blank lines as empty records', () => {
    expect(cells('a\r\n')).toEqual([['a']]);
    expect(cells('a\n\nb\n\n\n')).toEqual([['a'], [''], ['b'], [''], ['']]);
    expect(cells('')).toEqual([]);
  });

  it('keeps empty fields, including trailing ones', () => {
    expect(cells(',a,,\n')).toEqual([['', 'a', '', '']]);
    expect(cells('""\n')).toEqual([['']]);
  });

  it('numbers rows as Excel does and remembers the physical line', () => {
    const rows = parseCsv('h1,h2\n"multi\nline",x\nlast,y\n').rows;
    expect(rows.map((r) => [r.row, r.line])).toEqual([
      [1, 1],
      [2, 2],
      [3, 4],
    ]);
  });

  it('is lenient like Excel with stray quotes', () => {
    expect(cells('ab"c,d\n')).toEqual([['ab"c', 'd']]);
    expect(cells('"ab"c,d\n')).toEqual([['abc', 'd']]);
  });

  it('reports an unterminated quote with the row it started on', () => {
    expect(() => parseCsv('a,b\n"open,x\nmore')).toThrowError(
      expect.objectContaining({ code: 'csv_unterminated_quote', params: { row: 2, line: 2 } }),
    );
  });

  it('sniffs semicolons and tabs, and defaults to commas', () => {
    expect(sniffDelimiter('姓名;手机;"a,b,c"\n')).toBe(';');
    expect(sniffDelimiter('姓名\t手机\n')).toBe('\t');
    expect(sniffDelimiter('姓名\n')).toBe(',');
    expect(parseCsv('a;b\n1;2\n').rows[1]?.cells).toEqual(['1', '2']);
    expect(parseCsv('a,b;c\n', { delimiter: ',' }).rows[0]?.cells).toEqual(['a', 'b;c']);
  });

  it('parses the UTF-8 fixture: embedded newline, doubled quotes, blank rows', () => {
    const rows = parseCsv(decodeText(fixture('deputies-utf8-bom.csv')).text).rows;
    expect(rows[0]?.cells).toEqual(['姓名', '级别', '街道', '联络站', '行业', '联系电话', '备注']);
    expect(rows.find((r) => r.cells[0] === '刘德明')).toMatchObject({
      row: 6,
      line: 6,
      cells: expect.arrayContaining(['备注：\n新任']),
    });
    expect(rows.find((r) => r.cells[0] === '陈晓红')).toMatchObject({ row: 7, line: 8 });
    expect(rows.find((r) => r.cells[0] === '欧阳振华')?.cells[6]).toBe('"老代表"');
    expect(rows.at(-1)?.cells).toEqual(['']); // trailing blank lines survive as empty rows
  });

  it('parses the GBK fixture', () => {
    const rows = parseCsv(decodeText(fixture('deputies-gbk.csv')).text).rows;
    expect(rows).toHaveLength(9);
    expect(rows[5]?.cells).toEqual([
      '陈晓红',
      '区人大代表',
      '城关街道',
      '城关街道人大代表联络站',
      '教育界, 科技界',
      '17701010005',
    ]);
  });
});

describe('CSV writer → parser round trip (property)', () => {
  const tricky = fc.constantFrom(',', '"', '\r', '\n', '\r\n', ' ', ';', '\t', '=', '中', 'a', '\u0000', '\ufeff');
  const cell = fc.oneof(
    fc.string(),
    fc.array(tricky, { maxLength: 8 }).map((a) => a.join('')),
    fc.string({ unit: 'grapheme' }),
  );
  const grid = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 8 });

  it('gives back every grid of strings written without neutralisation', () => {
    fc.assert(
      fc.property(grid, (g) => {
        const text = writeCsv(g, { neutralise: false });
        const decoded = decodeText(new TextEncoder().encode(text));
        expect(decoded.bom).toBe(true);
        expect(parseCsv(decoded.text, { delimiter: ',' }).rows.map((r) => r.cells)).toEqual(g);
      }),
      { numRuns: 500 },
    );
  });

  it('with neutralisation, changes only formula-like cells, by a leading quote', () => {
    fc.assert(
      fc.property(grid, (g) => {
        const back = parseCsv(writeCsv(g).slice(1), { delimiter: ',' }).rows.map((r) => r.cells);
        g.forEach((row, i) => {
          row.forEach((v, j) => {
            expect(back[i]?.[j]).toBe(/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
          });
        });
      }),
      { numRuns: 300 },
    );
  });
});
