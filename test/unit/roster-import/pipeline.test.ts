import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../../worker/platform/export/csv';
import { writeXlsx } from '../../../worker/platform/export/xlsx';
import { type DeputyRef, prepareRosterImport, readRosterFile } from '../../../worker/roster/import';
import { fixture, lookups } from './helpers';

/** Stores a successful plan's records as if the D1 batch had run. */
function apply(plan: ReturnType<typeof prepareRosterImport>, stored: DeputyRef[] = []): DeputyRef[] {
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  const byId = new Map(stored.map((d) => [d.id, d]));
  for (const u of plan.updates) byId.set(u.id, { id: u.id, ...u.record });
  let nextId = 1000 + stored.length;
  for (const c of plan.creates) {
    const id = nextId++;
    byId.set(id, { id, ...c.record });
  }
  return [...byId.values()];
}

const records = (plan: ReturnType<typeof prepareRosterImport>) => (plan.ok ? plan.creates.map((c) => c.record) : plan.errors);

describe('roster import of the fixtures', () => {
  it('imports the GBK CSV', () => {
    const plan = prepareRosterImport(fixture('deputies-gbk.csv'), lookups(), 'zh-CN');
    expect(plan.file).toEqual({ format: 'csv', encoding: 'gb18030', dataRows: 8 });
    expect(plan.ok && plan.creates.map((c) => c.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(records(plan)).toContainEqual({
      name: '王芳',
      level: 'district',
      townshipId: 2,
      stationId: 21,
      sector: '专业技术人员',
      phone: '17701010003',
      active: true,
    });
    expect(records(plan)).toContainEqual({
      name: '刘德明',
      level: 'township',
      townshipId: 2,
      stationId: null,
      sector: '企业负责人',
      phone: '17701010004',
      active: true,
    });
  });

  it('reads the same deputies from the UTF-8 BOM CSV as from the GBK CSV', () => {
    const utf8 = prepareRosterImport(fixture('deputies-utf8-bom.csv'), lookups(), 'zh-CN');
    expect(utf8.file).toMatchObject({ format: 'csv', encoding: 'utf-8' });
    expect(utf8.mapping?.ignored).toEqual(['备注']);
    expect(records(utf8)).toEqual(records(prepareRosterImport(fixture('deputies-gbk.csv'), lookups(), 'zh-CN')));
  });

  it('reads the same deputies from the Excel- and WPS-style XLSX', () => {
    const excel = prepareRosterImport(fixture('deputies-excel.xlsx'), lookups(), 'zh-CN');
    const wps = prepareRosterImport(fixture('deputies-wps.xlsx'), lookups(), 'zh-CN');
    expect(excel.file).toEqual({ format: 'xlsx', sheetName: '代表名册', dataRows: 5 });
    expect(excel.ok && excel.creates.map((c) => c.row)).toEqual([3, 4, 5, 6, 7]);
    expect(records(excel)).toHaveLength(5);
    expect(records(wps)).toEqual(records(excel));
  });

  it('changes nothing when the same file is imported again', () => {
    for (const name of ['deputies-gbk.csv', 'deputies-utf8-bom.csv', 'deputies-excel.xlsx', 'deputies-wps.xlsx']) {
      const stored = apply(prepareRosterImport(fixture(name), lookups(), 'zh-CN'));
      const again = prepareRosterImport(fixture(name), lookups(stored), 'zh-CN');
      expect(again.ok && { c: again.creates.length, u: again.updates.length, n: again.unchanged.length }).toEqual({
        c: 0,
        u: 0,
        n: stored.length,
      });
    }
  });

  it('lists every bad row of the bad file and imports nothing', () => {
    const plan = prepareRosterImport(fixture('deputies-bad.csv'), lookups(), 'zh-CN');
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.errors.map((e) => `${e.row} ${e.field} ${e.code}`)).toEqual([
      '3 name name_required',
      '4 township township_unknown',
      '5 station station_wrong_township',
      '6 phone phone_invalid',
      '7 phone phone_duplicate',
      '8 level level_unknown',
      '9 phone phone_scientific',
      '10 level level_required',
      '10 township township_required',
      '10 phone phone_required',
    ]);
    expect(!plan.ok && plan.errors[2]?.message).toBe('联络站“东湖街道人大代表联络站”不属于“城关街道”。');
  });

  it('answers unreadable files with one issue and no row', () => {
    const plan = prepareRosterImport(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), lookups(), 'en');
    expect(plan).toEqual({
      ok: false,
      errors: [{ row: null, field: null, code: 'xls_unsupported', message: expect.stringContaining('.xlsx') }],
    });
    expect(prepareRosterImport(new Uint8Array(), lookups(), 'zh-CN')).toMatchObject({
      ok: false,
      errors: [{ code: 'file_empty' }],
    });
    expect(prepareRosterImport(new Uint8Array(6 * 1024 * 1024), lookups(), 'zh-CN')).toMatchObject({
      ok: false,
      errors: [{ code: 'file_too_large' }],
    });
  });

  it('takes files written by our own exporters (CSV and XLSX) back in', () => {
    const rows = [
      ['姓名', '代表层级', '乡镇（街道）', '联络站（室）', '界别', '手机号码'],
      ['张建国', '区', '城关街道', '城关街道人大代表联络站', '工人', '13800138000'],
      ['李秀英', '乡镇', '东湖街道', '', '-', '13800138001'],
    ];
    const fromCsv = prepareRosterImport(new TextEncoder().encode(writeCsv(rows)), lookups(), 'zh-CN');
    const fromXlsx = prepareRosterImport(writeXlsx([{ name: '名册', rows }]), lookups(), 'zh-CN');
    expect(records(fromXlsx)).toHaveLength(2);
    // The CSV neutralised the "-" sector to "'-"; the XLSX kept it (styled as text instead).
    expect(records(fromCsv).map((r) => ('sector' in r ? r.sector : ''))).toEqual(['工人', "'-"]);
    expect(records(fromXlsx).map((r) => ('sector' in r ? r.sector : ''))).toEqual(['工人', '-']);
  });

  // Speed is measured by `npm run bench`, not asserted here (a loaded CI machine is not a benchmark).
  it('handles a 5,000-row workbook', () => {
    const rows: string[][] = [['姓名', '层级', '乡镇', '联络站', '界别', '手机']];
    for (let i = 0; i < 5000; i++)
      rows.push([`代表${i}`, i % 3 ? '乡镇' : '区', i % 2 ? '城关街道' : '东湖街道', '', '工人', String(13900000000 + i)]);
    const bytes = writeXlsx([{ name: 'S', rows }]);
    const plan = prepareRosterImport(bytes, lookups(), 'zh-CN');
    expect(plan.ok && plan.creates).toHaveLength(5000);
    expect(readRosterFile(bytes).rows).toHaveLength(5001);
  });
});
