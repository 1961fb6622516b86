/**
 * The State Council notice parser on the two published notices (copied from the shared
 * context into test/fixtures/holiday-notices): 2026 must equal the official schedule shipped
 * in cn-holidays.json; 2017 (another style: 星期, 补休, 与周末连休) the days its README lists.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import holidays from '../../../worker/workflow/cn-holidays.json';
import { calendarRowsFromHolidayFile, missingHolidayYear } from '../../../worker/workflow/calendar';
import { asHolidayFile, type ParsedNotice, parseHolidayNotice } from '../../../worker/workflow/holiday-notice';

const notice = (year: number) => readFileSync(new URL(`../../fixtures/holiday-notices/${year}.txt`, import.meta.url), 'utf8');

function parsed(text: string): ParsedNotice {
  const r = parseHolidayNotice(text);
  if ('problem' in r) throw new Error(r.problem);
  return r;
}

const range = (a: string, b: string) => {
  const out: string[] = [];
  for (let d = new Date(`${a}T00:00:00Z`); d.toISOString().slice(0, 10) <= b; d.setUTCDate(d.getUTCDate() + 1))
    out.push(d.toISOString().slice(0, 10));
  return out;
};

describe('parseHolidayNotice', () => {
  it('reads the 2026 notice exactly as the official schedule in cn-holidays.json, without warnings', () => {
    const r = parsed(notice(2026));
    expect(r.year).toBe(2026);
    expect(r.warnings).toEqual([]);
    expect(r.periods).toEqual(holidays.years['2026']);
    expect(calendarRowsFromHolidayFile(asHolidayFile(r))).toEqual(
      calendarRowsFromHolidayFile({ years: { 2026: holidays.years['2026'] } }),
    );
  });

  it('reads the 2017 notice: 补休, 与周末连休, 星期 and ranges across months', () => {
    const r = parsed(notice(2017));
    expect(r.year).toBe(2017);
    expect(r.warnings).toEqual([]);
    expect(r.periods).toEqual([
      { name: '元旦', off: ['2017-01-01', '2017-01-02'], work: [] },
      { name: '春节', off: range('2017-01-27', '2017-02-02'), work: ['2017-01-22', '2017-02-04'] },
      { name: '清明节', off: range('2017-04-02', '2017-04-04'), work: ['2017-04-01'] },
      { name: '劳动节', off: ['2017-04-29', '2017-04-30', '2017-05-01'], work: [] },
      { name: '端午节', off: range('2017-05-28', '2017-05-30'), work: ['2017-05-27'] },
      { name: '中秋节、国庆节', off: range('2017-10-01', '2017-10-08'), work: ['2017-09-30'] },
    ]);
  });

  it('warns when a written weekday does not match the date, and refuses text without items or year', () => {
    const r = parsed('国务院办公厅关于2026年部分节假日安排的通知\n一、元旦：1月1日（周五）放假，共1天。');
    expect(r.warnings).toEqual(['2026-01-01：通知写的是周五，与日期不符']);
    expect(parseHolidayNotice('随便一段文字')).toEqual({ problem: 'notice_no_year' });
    expect(parseHolidayNotice('随便一段文字', 2027)).toEqual({ problem: 'notice_no_items' });
  });

  it('takes the year from the caller when only the items were pasted', () => {
    const again = parseHolidayNotice('一、元旦：1月1日（周五）至3日（周日）放假，共3天。', 2027);
    expect(again).toEqual({
      year: 2027,
      periods: [{ name: '元旦', off: ['2027-01-01', '2027-01-02', '2027-01-03'], work: [] }],
      warnings: [],
    });
  });
});

describe('missingHolidayYear (calendar upkeep)', () => {
  it('warns from 1 November while next year has no listed days, and stops once one is entered', () => {
    expect(missingHolidayYear('2026-10-31', [])).toBeNull();
    expect(missingHolidayYear('2026-11-01', ['2026-10-01'])).toBe(2027);
    expect(missingHolidayYear('2026-12-04', ['2027-01-01'])).toBeNull();
  });
});
