/**
 * Reads the State Council's annual notice (国务院办公厅关于20XX年部分节假日安排的通知) as an
 * admin pastes it, into the holiday periods of the working-day calendar, for review before
 * saving. Pure. It reads the styles of recent years and of older ones:
 * - "1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。" (range, same month implied);
 * - "2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）" (lunar dates in the brackets);
 * - "1月1日放假，1月2日（星期一）补休。" (a substitute day off);
 * - "5月1日放假，与周末连休。" (the adjacent weekend joins the holiday, days not named).
 * Weekdays written in brackets are checked against the dates; a mismatch is reported.
 */
import type { HolidayFile } from './calendar';

/** One holiday period as the calendar stores it (see cn-holidays.json). */
export interface HolidayPeriod {
  name: string;
  off: string[];
  work: string[];
}

/** The result: the year, its periods, and what a person should look at before saving. */
export interface ParsedNotice {
  year: number;
  periods: HolidayPeriod[];
  warnings: string[];
}

/** Why a text could not be read at all. */
export type NoticeProblem = 'notice_no_year' | 'notice_no_items';

const ITEM = /^\s*[一二三四五六七八九十]+、\s*([^：:]+)[：:]\s*(.+)$/;
const TITLE_YEAR = /(\d{4})\s*年部分节假日安排/;
/** "M月D日" or a bare "D日" (month carried over), with an optional bracket after it. */
const DATE = /(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日\s*(?:[（(]([^）)]*)[）)])?/g;
const WEEKDAYS: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function utc(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function shift(day: string, n: number): string {
  const d = utc(day);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function isWeekend(day: string): boolean {
  const w = utc(day).getUTCDay();
  return w === 0 || w === 6;
}

interface Found {
  day: string;
  /** A "至" came right before this date: it ends a range. */
  endsRange: boolean;
  weekday: number | null;
}

/** The dates of one sentence, in order, with the year worked out (元旦 make-up days in December belong to the year before). */
function datesOf(sentence: string, year: number, warnings: string[]): Found[] {
  const out: Found[] = [];
  let month: number | null = null;
  for (const m of sentence.matchAll(DATE)) {
    const mo: number | null = m[1] !== undefined ? Number(m[1]) : month;
    if (mo === null) continue;
    month = mo;
    const day = iso(mo === 12 && sentence.includes('元旦') ? year - 1 : year, mo, Number(m[2]));
    if (utc(day).toISOString().slice(0, 10) !== day) {
      warnings.push(`${m[0]}：不是有效日期`);
      continue;
    }
    const before = sentence.slice(0, m.index).trimEnd();
    const wd = /(?:周|星期)([日天一二三四五六])/.exec(m[3] ?? '');
    const weekday = wd ? WEEKDAYS[wd[1]!]! : null;
    if (weekday !== null && utc(day).getUTCDay() !== weekday) warnings.push(`${day}：通知写的是${wd![0]}，与日期不符`);
    out.push({ day, endsRange: /[至到~—-]$/.test(before), weekday });
  }
  return out;
}

/** Every day from a to b inclusive. */
function span(a: string, b: string): string[] {
  const days: string[] = [];
  for (let d = a; d <= b && days.length < 60; d = shift(d, 1)) days.push(d);
  return days;
}

function periodOf(name: string, body: string, year: number, warnings: string[]): HolidayPeriod {
  const off = new Set<string>();
  const work = new Set<string>();
  for (const raw of body.split(/[。；;]/)) {
    const sentence = raw.trim();
    if (!sentence) continue;
    // A clause that says 上班 lists make-up working days; anything else lists days off.
    for (const clause of sentence.split(/[，,]/)) {
      const found = datesOf(clause, year, warnings);
      if (found.length === 0) {
        if (/与周末连休/.test(clause) && off.size > 0) {
          const sorted = [...off].sort();
          for (let d = shift(sorted[0]!, -1); isWeekend(d); d = shift(d, -1)) off.add(d);
          for (let d = shift(sorted.at(-1)!, 1); isWeekend(d); d = shift(d, 1)) off.add(d);
        }
        continue;
      }
      const target = /上班/.test(clause) ? work : /放假|补休|休息|调休/.test(clause) ? off : null;
      if (!target) {
        warnings.push(`${name}：“${clause}”没有说明放假还是上班，未采用`);
        continue;
      }
      for (let i = 0; i < found.length; i++) {
        const next = found[i + 1];
        if (next?.endsRange) {
          for (const d of span(found[i]!.day, next.day)) target.add(d);
          i++;
        } else target.add(found[i]!.day);
      }
    }
  }
  for (const d of work) if (off.has(d)) warnings.push(`${name}：${d} 同时写成了放假和上班`);
  for (const d of work) if (!isWeekend(d)) warnings.push(`${name}：调休上班日 ${d} 不是周末`);
  return { name: name.trim(), off: [...off].sort(), work: [...work].sort() };
}

/**
 * Parses a pasted notice. The year comes from the title ("关于2026年部分节假日安排"), or
 * `fallbackYear` when the title was not pasted. Returns the problem when nothing can be read.
 */
export function parseHolidayNotice(text: string, fallbackYear?: number): ParsedNotice | { problem: NoticeProblem } {
  const title = TITLE_YEAR.exec(text);
  const year = title ? Number(title[1]) : fallbackYear;
  if (!year) return { problem: 'notice_no_year' };
  const warnings: string[] = [];
  const periods: HolidayPeriod[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = ITEM.exec(line);
    if (m) periods.push(periodOf(m[1]!, m[2]!, year, warnings));
  }
  if (periods.length === 0) return { problem: 'notice_no_items' };
  return { year, periods, warnings };
}

/** The parsed periods in the shape of cn-holidays.json, for calendarRowsFromHolidayFile. */
export function asHolidayFile(parsed: ParsedNotice): HolidayFile {
  return { years: { [String(parsed.year)]: parsed.periods } };
}
