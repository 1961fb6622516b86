import { describe, expect, it } from 'vitest';
import { normaliseMobile, normaliseName, parseLevel } from '../../../worker/roster/import/fields';
import { IMPORT_CODES, importMessage } from '../../../worker/roster/import/messages';
import type { MappedRow } from '../../../worker/roster/import/table';
import { type DeputyRef, validateRoster } from '../../../worker/roster/import/validate';
import { lookups } from './helpers';

const good = {
  name: '张建国',
  level: '区',
  township: '城关街道',
  station: '城关街道人大代表联络站',
  sector: '工人',
  phone: '13800138000',
};
const row = (n: number, values: MappedRow['values']): MappedRow => ({ row: n, values });
const errorsOf = (rows: MappedRow[], deputies: DeputyRef[] = []) => {
  const r = validateRoster(rows, lookups(deputies), 'zh-CN');
  return r.ok ? [] : r.errors.map((e) => [e.row, e.field, e.code]);
};

describe('field normalisers', () => {
  it('normalises mainland mobiles', () => {
    expect(normaliseMobile('138 0013 8000')).toEqual({ ok: true, phone: '13800138000' });
    expect(normaliseMobile('138-0013-8000')).toEqual({ ok: true, phone: '13800138000' });
    expect(normaliseMobile('+86 13800138000')).toEqual({ ok: true, phone: '13800138000' });
    expect(normaliseMobile('008613800138000')).toEqual({ ok: true, phone: '13800138000' });
    expect(normaliseMobile('１３８００１３８０００')).toEqual({ ok: true, phone: '13800138000' });
    expect(normaliseMobile('13800138000.0')).toEqual({ ok: true, phone: '13800138000' });
    expect(normaliseMobile('1.38001E+10')).toEqual({ ok: false, code: 'phone_scientific' });
    expect(normaliseMobile('12800138000')).toEqual({ ok: false, code: 'phone_invalid' });
    expect(normaliseMobile('0571-88888888')).toEqual({ ok: false, code: 'phone_invalid' });
  });

  it('removes alignment spaces from Chinese names only', () => {
    expect(normaliseName('王　芳')).toBe('王芳');
    expect(normaliseName('热依拉·买买提')).toBe('热依拉·买买提');
    expect(normaliseName(' John   Smith ')).toBe('John Smith');
  });

  it('recognises level spellings', () => {
    for (const v of ['区', '区级', '区人大代表', 'district', 'District']) expect(parseLevel(v)).toBe('district');
    for (const v of ['乡镇', '乡镇级', '镇', 'township']) expect(parseLevel(v)).toBe('township');
    expect(parseLevel('省级')).toBeNull();
  });
});

describe('validateRoster', () => {
  it('plans creates with records normalised for the deputies table', () => {
    const result = validateRoster(
      [
        row(2, good),
        row(3, { ...good, name: '王　芳', level: '乡镇', township: 'dh', station: '', sector: '', phone: '139 0000 0001' }),
      ],
      lookups(),
      'zh-CN',
    );
    expect(result).toEqual({
      ok: true,
      creates: [
        {
          row: 2,
          record: {
            name: '张建国',
            level: 'district',
            townshipId: 1,
            stationId: 11,
            sector: '工人',
            phone: '13800138000',
            active: true,
          },
        },
        {
          row: 3,
          record: {
            name: '王芳',
            level: 'township',
            townshipId: 2,
            stationId: null,
            sector: '',
            phone: '13900000001',
            active: true,
          },
        },
      ],
      updates: [],
      unchanged: [],
    });
  });

  it('reports every error of every row, with row numbers', () => {
    const rows = [
      row(2, good),
      row(3, { ...good, name: '', phone: '13800138001' }),
      row(4, { ...good, name: 'x'.repeat(41), phone: '13800138002' }),
      row(5, { ...good, level: '', phone: '13800138003' }),
      row(6, { ...good, level: '省级', phone: '13800138004' }),
      row(7, { ...good, township: '', phone: '13800138005' }),
      row(8, { ...good, township: '西山镇', phone: '13800138006' }),
      row(9, { ...good, township: '旧山乡', phone: '13800138007' }),
      row(10, { ...good, station: '不存在的站', phone: '13800138008' }),
      row(11, { ...good, station: '东湖街道人大代表联络站', phone: '13800138009' }),
      row(12, { ...good, township: '东湖街道', station: '东湖码头代表联络室', phone: '13800138010' }),
      row(13, { ...good, sector: '界'.repeat(41), phone: '13800138011' }),
      row(14, { ...good, phone: '' }),
      row(15, { ...good, phone: '1380013800' }),
      row(16, { ...good, phone: '1.38001E+10' }),
      row(17, { ...good, phone: '138 0013 8000' }),
      row(18, { name: '', level: '', township: '', phone: '' }),
    ];
    expect(errorsOf(rows)).toEqual([
      [3, 'name', 'name_required'],
      [4, 'name', 'name_too_long'],
      [5, 'level', 'level_required'],
      [6, 'level', 'level_unknown'],
      [7, 'township', 'township_required'],
      [8, 'township', 'township_unknown'],
      [9, 'township', 'township_inactive'],
      [10, 'station', 'station_unknown'],
      [11, 'station', 'station_wrong_township'],
      [12, 'station', 'station_inactive'],
      [13, 'sector', 'sector_too_long'],
      [14, 'phone', 'phone_required'],
      [15, 'phone', 'phone_invalid'],
      [16, 'phone', 'phone_scientific'],
      [17, 'phone', 'phone_duplicate'],
      [18, 'name', 'name_required'],
      [18, 'level', 'level_required'],
      [18, 'township', 'township_required'],
      [18, 'phone', 'phone_required'],
    ]);
  });

  it('writes messages in the requested locale with the values filled in', () => {
    const rows = [
      row(2, good),
      row(3, { ...good, phone: '13800138000' }),
      row(4, { ...good, township: '西山镇', phone: '13800138009' }),
    ];
    const zh = validateRoster(rows, lookups(), 'zh-CN');
    const en = validateRoster(rows, lookups(), 'en');
    expect(!zh.ok && zh.errors.map((e) => e.message)).toEqual([
      '手机号码 13800138000 与第 2 行重复。',
      '没有名为“西山镇”的乡镇（街道）。',
    ]);
    expect(!en.ok && en.errors.map((e) => e.message)).toEqual([
      'The mobile number 13800138000 repeats row 2.',
      'There is no township named "西山镇".',
    ]);
  });

  it('is idempotent: rows equal to stored deputies are unchanged', () => {
    const first = validateRoster([row(2, good)], lookups(), 'zh-CN');
    if (!first.ok) throw new Error('unexpected');
    const stored: DeputyRef[] = first.creates.map((c, i) => ({ id: 100 + i, ...c.record }));
    const again = validateRoster([row(2, { ...good, phone: '138-0013-8000', name: ' 张建国 ' })], lookups(stored), 'zh-CN');
    expect(again).toEqual({ ok: true, creates: [], updates: [], unchanged: [{ row: 2, id: 100 }] });
  });

  it('plans updates with what changed, keeping values of absent columns', () => {
    const stored: DeputyRef = {
      id: 7,
      name: '张建国',
      level: 'township',
      townshipId: 1,
      stationId: 11,
      sector: '农民',
      phone: '13800138000',
      active: false,
    };
    const result = validateRoster(
      [row(5, { name: '张建国', level: '区', township: '城关街道', phone: '13800138000' })],
      lookups([stored]),
      'zh-CN',
    );
    expect(result).toEqual({
      ok: true,
      creates: [],
      unchanged: [],
      updates: [
        {
          row: 5,
          id: 7,
          before: stored,
          record: {
            name: '张建国',
            level: 'district',
            townshipId: 1,
            stationId: 11,
            sector: '农民',
            phone: '13800138000',
            active: true,
          },
          changed: ['level', 'active'],
        },
      ],
    });
  });

  it('clears station and sector when their cells are present but empty', () => {
    const stored: DeputyRef = {
      id: 7,
      name: '张建国',
      level: 'district',
      townshipId: 1,
      stationId: 11,
      sector: '工人',
      phone: '13800138000',
      active: true,
    };
    const result = validateRoster([row(2, { ...good, station: '', sector: '' })], lookups([stored]), 'zh-CN');
    expect(result.ok && result.updates[0]?.changed).toEqual(['stationId', 'sector']);
  });

  it('has an English message for every code', () => {
    for (const code of IMPORT_CODES) {
      expect(importMessage(code, 'en')).not.toBe(importMessage(code, 'zh-CN'));
      expect(importMessage(code, 'en')).toMatch(/^[\x20-\x7e“”]+$/);
    }
  });
});
