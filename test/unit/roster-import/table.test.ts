import { describe, expect, it } from 'vitest';
import { mapTable, matchHeader, normaliseCell, normaliseHeader } from '../../../worker/roster/import/table';

const rows = (...r: string[][]) => r.map((cells, i) => ({ row: i + 1, cells }));

describe('header aliases', () => {
  it.each([
    ['姓名', 'name'],
    ['Name', 'name'],
    ['层级', 'level'],
    ['级别', 'level'],
    ['代表层级', 'level'],
    ['level', 'level'],
    ['乡镇', 'township'],
    ['街道', 'township'],
    ['乡镇（街道）', 'township'],
    ['乡镇(街道)', 'township'],
    ['Township', 'township'],
    ['联络站', 'station'],
    ['联络站（室）', 'station'],
    ['station', 'station'],
    ['界别', 'sector'],
    ['行业', 'sector'],
    ['sector', 'sector'],
    ['手机', 'phone'],
    ['手机号', 'phone'],
    ['手机号码', 'phone'],
    ['联系电话', 'phone'],
    ['Phone', 'phone'],
    [' 姓 名 ', 'name'],
    ['姓名*', 'name'],
    ['手机号码（必填）', 'phone'],
    ['ＮＡＭＥ', 'name'],
  ])('%s → %s', (header, field) => expect(matchHeader(header)).toBe(field));

  it('ignores unknown headers', () => {
    expect(matchHeader('备注')).toBeNull();
    expect(normaliseHeader('乡镇（街道）')).toBe('乡镇(街道)');
  });
});

describe('normaliseCell', () => {
  it('trims ASCII, full-width and zero-width spaces and composes to NFC', () => {
    expect(normaliseCell('\u3000张三\u200b ')).toBe('张三');
    expect(normaliseCell('Jose\u0301')).toBe('José');
  });
});

describe('mapTable', () => {
  const header = ['姓名', '层级', '乡镇', '联络站', '界别', '手机', '备注'];

  it('maps columns, keeps row numbers, skips empty rows and reports ignored headers', () => {
    const result = mapTable(
      rows(header, ['张三', '区', '城关街道', '', '工人', '13800138000', 'x'], ['', ' ', ''], ['李四', '乡镇', '东湖街道']),
      'zh-CN',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.mapping).toEqual({
      headerRow: 1,
      columns: { name: 0, level: 1, township: 2, station: 3, sector: 4, phone: 5 },
      ignored: ['备注'],
    });
    expect(result.rows).toEqual([
      { row: 2, values: { name: '张三', level: '区', township: '城关街道', station: '', sector: '工人', phone: '13800138000' } },
      { row: 4, values: { name: '李四', level: '乡镇', township: '东湖街道', station: '', sector: '', phone: '' } },
    ]);
  });

  it('finds the header under a title row', () => {
    const result = mapTable(
      [
        { row: 1, cells: ['某区人大代表名册'] },
        { row: 3, cells: header },
        { row: 4, cells: ['张三', '区', '城关街道', '', '', '13800138000'] },
      ],
      'zh-CN',
    );
    expect(result.ok && result.mapping.headerRow).toBe(3);
    expect(result.ok && result.rows[0]?.row).toBe(4);
  });

  it('leaves optional columns absent when the file lacks them', () => {
    const result = mapTable(rows(['姓名', '级别', '街道', '手机号码'], ['张三', '区', '城关街道', '13800138000']), 'zh-CN');
    expect(result.ok && result.rows[0]?.values).toEqual({
      name: '张三',
      level: '区',
      township: '城关街道',
      phone: '13800138000',
    });
  });

  it('reports every missing required column on the header row', () => {
    const result = mapTable(rows(['姓名', '手机'], ['张三', '13800138000']), 'zh-CN');
    expect(result).toEqual({
      ok: false,
      errors: [
        { row: 1, field: 'level', code: 'missing_column', message: '缺少“代表层级”列。' },
        { row: 1, field: 'township', code: 'missing_column', message: '缺少“乡镇（街道）”列。' },
      ],
    });
  });

  it('reports two columns meaning the same field', () => {
    const result = mapTable(rows(['姓名', '层级', '乡镇', '手机', '联系电话'], ['a', '区', 'b', '1', '2']), 'en');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toEqual({
      row: 1,
      field: 'phone',
      code: 'duplicate_column',
      message: 'The columns "手机" and "联系电话" both mean "mobile phone"; keep only one.',
    });
  });

  it('reports no header, no data rows, an empty file and too many rows', () => {
    const code = (r: ReturnType<typeof mapTable>) => (r.ok ? 'ok' : r.errors.map((e) => e.code).join());
    expect(code(mapTable(rows(['a', 'b'], ['c', 'd']), 'zh-CN'))).toBe('no_header');
    expect(code(mapTable(rows(header), 'zh-CN'))).toBe('no_rows');
    expect(code(mapTable(rows([''], ['']), 'zh-CN'))).toBe('file_empty');
    expect(code(mapTable(rows(header, ['a'], ['b'], ['c']), 'zh-CN', { maxRows: 2 }))).toBe('too_many_rows');
  });
});
