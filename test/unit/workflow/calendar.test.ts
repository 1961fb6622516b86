/** The working-day calendar against the official 2025/2026 schedules, plus properties. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import holidayFile from '../../../worker/workflow/cn-holidays.json';
import {
  DEFAULT_CALENDAR_ROWS,
  DEFAULT_STEP_LIMITS,
  addCalendarDays,
  addWorkingDays,
  buildCalendar,
  calendarRowsFromHolidayFile,
  chinaDay,
  deadlineStatus,
  isDay,
  isWorkingDay,
  stepLimitsFromRows,
  workingDaysBetween,
  type Calendar,
  type CalendarRow,
} from '../../../worker/workflow/calendar';
import { calendar } from './fixtures';

const working = (cal: Calendar, from: string, to: string) => {
  const days: string[] = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) if (isWorkingDay(cal, d)) days.push(d);
  return days;
};

describe('the seed data', () => {
  it('keeps every day of the holiday file, one row each', () => {
    const periods = Object.values(holidayFile.years).flat();
    const total = periods.reduce((n, p) => n + p.off.length + p.work.length, 0);
    expect(DEFAULT_CALENDAR_ROWS).toHaveLength(total);
    expect(total).toBe(72);
    expect(DEFAULT_CALENDAR_ROWS).toContainEqual({ day: '2026-02-14', kind: 'workday', name: '春节' });
    expect(DEFAULT_CALENDAR_ROWS).toContainEqual({ day: '2025-10-06', kind: 'holiday', name: '国庆节、中秋节' });
  });

  it('make-up working days all fall on weekends (otherwise they would change nothing)', () => {
    const empty = buildCalendar([]);
    for (const row of DEFAULT_CALENDAR_ROWS.filter((r) => r.kind === 'workday')) {
      expect(isWorkingDay(empty, row.day), row.day).toBe(false);
    }
  });

  it('refuses a contradictory or malformed file', () => {
    expect(() =>
      calendarRowsFromHolidayFile({ years: { 2025: [{ name: 'x', off: ['2025-10-01'], work: ['2025-10-01'] }] } }),
    ).toThrow(/listed twice/);
    expect(() => calendarRowsFromHolidayFile({ years: { 2025: [{ name: 'x', off: ['2025-13-01'], work: [] }] } })).toThrow(
      RangeError,
    );
  });
});

describe('2025 National Day + Mid-Autumn (10-01 … 10-08 off; Sun 09-28 and Sat 10-11 worked)', () => {
  it('knows which days are worked', () => {
    expect(working(calendar, '2025-09-26', '2025-10-13')).toEqual([
      '2025-09-26',
      '2025-09-28',
      '2025-09-29',
      '2025-09-30',
      '2025-10-09',
      '2025-10-10',
      '2025-10-11',
      '2025-10-13',
    ]);
  });

  it.each([
    ['2025-09-26', 1, '2025-09-28'],
    ['2025-09-27', 1, '2025-09-28'],
    ['2025-09-30', 1, '2025-10-09'],
    ['2025-09-30', 3, '2025-10-11'],
    ['2025-09-30', 4, '2025-10-13'],
    ['2025-10-01', 2, '2025-10-10'],
    ['2025-10-01', 0, '2025-10-01'],
  ])('addWorkingDays(%s, %i) = %s', (start, n, due) => {
    expect(addWorkingDays(calendar, start, n)).toBe(due);
  });

  it('counts working days across the break', () => {
    expect(workingDaysBetween(calendar, '2025-09-30', '2025-10-11')).toBe(3);
    expect(workingDaysBetween(calendar, '2025-10-11', '2025-09-30')).toBe(-3);
    expect(workingDaysBetween(calendar, '2025-10-01', '2025-10-08')).toBe(0);
  });
});

describe('2026 Mid-Autumn (09-25 … 09-27) and National Day (10-01 … 10-07; Sun 09-20 and Sat 10-10 worked)', () => {
  it('knows which days are worked', () => {
    expect(isWorkingDay(calendar, '2026-09-19')).toBe(false);
    expect(isWorkingDay(calendar, '2026-09-20')).toBe(true);
    expect(isWorkingDay(calendar, '2026-09-25')).toBe(false); // a Friday
    expect(isWorkingDay(calendar, '2026-10-10')).toBe(true);
  });

  it.each([
    ['2026-09-18', 1, '2026-09-20'],
    ['2026-09-24', 1, '2026-09-28'],
    ['2026-09-24', 4, '2026-10-08'],
    ['2026-09-30', 3, '2026-10-10'],
    ['2026-09-30', 15, '2026-10-27'],
  ])('addWorkingDays(%s, %i) = %s', (start, n, due) => {
    expect(addWorkingDays(calendar, start, n)).toBe(due);
  });
});

describe('Spring Festival (2025: 01-28 … 02-04, Sun 01-26 + Sat 02-08 worked; 2026: 02-15 … 02-23, Sat 02-14 + Sat 02-28 worked)', () => {
  it.each([
    ['2025-01-24', 1, '2025-01-26'],
    ['2025-01-27', 1, '2025-02-05'],
    ['2025-02-07', 1, '2025-02-08'],
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-13', 2, '2026-02-24'],
    ['2026-02-27', 1, '2026-02-28'],
    ['2026-02-28', 1, '2026-03-02'],
  ])('addWorkingDays(%s, %i) = %s', (start, n, due) => {
    expect(addWorkingDays(calendar, start, n)).toBe(due);
  });

  it('a 15-working-day 四办 limit starting before the 2026 festival', () => {
    // 02-13 (Fri) → 02-14 worked, 9 days off, 02-24 … 02-27, Sat 02-28 worked, then 03-02 … 03-12.
    expect(addWorkingDays(calendar, '2026-02-13', 15)).toBe('2026-03-12');
  });
});

describe('deadline colours', () => {
  it.each([
    ['2025-10-09', '2025-09-30', 'yellow'], // one working day away, ten calendar days
    ['2025-10-10', '2025-09-29', 'green'], // 09-30, 10-09, 10-10: three working days
    ['2025-10-11', '2025-09-30', 'green'], // three working days, thanks to the make-up Saturday
    ['2025-09-30', '2025-09-30', 'yellow'], // due today
    ['2025-09-30', '2025-10-01', 'red'], // overdue, even on a holiday
    ['2025-10-13', '2025-10-10', 'yellow'], // 10-11 worked, 10-13 → two
    ['2026-02-24', '2026-02-13', 'yellow'],
    ['2026-02-25', '2026-02-13', 'green'],
  ])('due %s seen on %s is %s', (due, today, colour) => {
    expect(deadlineStatus(calendar, due, today)).toBe(colour);
  });
});

describe('chinaDay', () => {
  it('switches day at 16:00 UTC', () => {
    expect(chinaDay(Date.UTC(2025, 9, 31, 15, 59, 59, 999))).toBe('2025-10-31');
    expect(chinaDay(Date.UTC(2025, 9, 31, 16))).toBe('2025-11-01');
  });

  it('agrees with the Asia/Shanghai time zone', () => {
    const shanghai = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 0, 1) }), (ms) => {
        expect(chinaDay(ms)).toBe(shanghai.format(ms));
      }),
    );
  });
});

describe('admin edits and limits', () => {
  it('a later row for a day wins, and rows can add a holiday', () => {
    const cal = buildCalendar([...DEFAULT_CALENDAR_ROWS, { day: '2025-10-11', kind: 'holiday', name: '调整' }]);
    expect(isWorkingDay(cal, '2025-10-11')).toBe(false);
    expect(addWorkingDays(cal, '2025-09-30', 3)).toBe('2025-10-13');
  });

  it('merges step_limits rows over the defaults, ignoring bad ones', () => {
    const limits = stepLimitsFromRows([
      { state: 'handling', workingDays: 20 },
      { state: 'viewing', workingDays: 0 },
      { state: 'nonsense', workingDays: 4 },
      { state: 'review', workingDays: 2.5 },
    ]);
    expect(limits).toEqual({ ...DEFAULT_STEP_LIMITS, handling: 20 });
  });

  it('refuses malformed days and negative counts', () => {
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2025-02-29')).toBe(false);
    expect(() => isWorkingDay(calendar, '2025-2-1')).toThrow(RangeError);
    expect(() => addWorkingDays(calendar, '2025-10-01', -1)).toThrow(RangeError);
    expect(() => buildCalendar([{ day: 'tomorrow', kind: 'holiday', name: '' }])).toThrow(RangeError);
  });
});

describe('properties', () => {
  const day = fc
    .integer({ min: Date.UTC(2024, 11, 1) / 86_400_000, max: Date.UTC(2027, 0, 31) / 86_400_000 })
    .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
  const row = fc.record({ day, kind: fc.constantFrom<CalendarRow['kind']>('holiday', 'workday'), name: fc.constant('') });
  /** The shipped calendar, or a random one (holidays and make-up days anywhere). */
  const cal = fc.oneof(fc.constant(calendar), fc.array(row, { maxLength: 80 }).map(buildCalendar));
  const n = fc.integer({ min: 1, max: 60 });

  it('addWorkingDays(d, n) is a working day for n ≥ 1', () => {
    fc.assert(fc.property(cal, day, n, (c, d, k) => isWorkingDay(c, addWorkingDays(c, d, k))));
  });

  it('workingDaysBetween(d, addWorkingDays(d, n)) === n', () => {
    fc.assert(fc.property(cal, day, fc.nat(60), (c, d, k) => workingDaysBetween(c, d, addWorkingDays(c, d, k)) === k));
  });

  it('the due date is the earliest day with n working days after the start', () => {
    fc.assert(
      fc.property(cal, day, n, (c, d, k) => {
        const due = addWorkingDays(c, d, k);
        return due > d && workingDaysBetween(c, d, addCalendarDays(due, -1)) === k - 1;
      }),
    );
  });

  it('workingDaysBetween is additive and antisymmetric', () => {
    fc.assert(
      fc.property(cal, day, day, day, (c, a, b, x) => {
        expect(workingDaysBetween(c, a, b)).toBe(0 - workingDaysBetween(c, b, a));
        expect(Object.is(workingDaysBetween(c, b, a), -0)).toBe(false);
        expect(workingDaysBetween(c, a, b) + workingDaysBetween(c, b, x)).toBe(workingDaysBetween(c, a, x));
      }),
      { numRuns: 50 },
    );
  });

  it('red exactly when overdue; yellow exactly within two working days', () => {
    fc.assert(
      fc.property(cal, day, day, (c, due, today) => {
        const colour = deadlineStatus(c, due, today);
        if (today > due) return colour === 'red';
        return colour === (workingDaysBetween(c, today, due) <= 2 ? 'yellow' : 'green');
      }),
    );
  });
});
