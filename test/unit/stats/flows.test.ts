import { describe, expect, it } from 'vitest';
import { backlog, bucketed, onTime, timeliness, workingDaysTo } from '../../../worker/stats/flows';
import { changedCalendarDays, recomputeWorkingDaysSql } from '../../../worker/stats/recompute';
import { buildCalendar, workingDaysBetween } from '../../../worker/workflow/calendar';

const cal = buildCalendar([
  { day: '2026-10-01', kind: 'holiday', name: '国庆节' },
  { day: '2026-10-02', kind: 'holiday', name: '国庆节' },
  { day: '2026-10-10', kind: 'workday', name: '调休' },
]);

describe('workingDaysTo', () => {
  it('equals workingDaysBetween for every day, with holidays and 调休', () => {
    const days = ['2026-09-20', '2026-09-30', '2026-10-01', '2026-10-09', '2026-10-10', '2026-10-12'];
    const got = workingDaysTo(cal, days, '2026-10-12');
    for (const d of days) expect(got.get(d), d).toBe(workingDaysBetween(cal, d, '2026-10-12'));
  });
  it('gives 0 for today and for days after it', () => {
    const got = workingDaysTo(cal, ['2026-10-12', '2026-10-20'], '2026-10-12');
    expect(got.get('2026-10-12')).toBe(0);
    expect(got.get('2026-10-20')).toBe(0);
  });
});

describe('bucketed and backlog', () => {
  it('puts each age in its bucket, edges included', () => {
    expect(
      bucketed([
        [0, 1],
        [5, 1],
        [6, 2],
        [15, 1],
        [16, 1],
        [30, 1],
        [31, 4],
      ]),
    ).toEqual({ '0-5': 2, '6-15': 3, '16-30': 2, '>30': 4 });
  });
  it('counts open opinions by age and the overdue ones by lateness, as of today', () => {
    const b = backlog(
      [
        { day: '2026-10-09', n: 2 },
        { day: '2026-09-01', n: 1 },
      ],
      [
        { day: '2026-10-12', n: 5 }, // due today: not overdue
        { day: '2026-10-09', n: 1 },
      ],
      cal,
      '2026-10-12',
    );
    expect(b).toEqual({
      asOf: '2026-10-12',
      open: 3,
      byAge: { '0-5': 2, '6-15': 0, '16-30': 1, '>30': 0 },
      overdue: 1,
      overdueBy: { '0-5': 1, '6-15': 0, '16-30': 0, '>30': 0 },
    });
  });
});

describe('timeliness', () => {
  it('counts open opinions at least at their age: a slow open case raises the median', () => {
    const resolved = new Map([
      [3, 2],
      [10, 1],
    ]);
    expect(timeliness(resolved, new Map(), 25).median).toBe(3);
    const t = timeliness(resolved, new Map([[40, 3]]), 25);
    expect(t.median).toBe(25); // (10 + 40) / 2 of 3, 3, 10, 40, 40, 40
    expect(t.atLeast).toBe(true);
    expect(t.n).toBe(6);
    // Within the 25-day limit: the three resolved, of the three resolved and three open past it.
    expect(t.withinLimit).toBe(0.5);
    expect(t.withinLimitN).toBe(6);
  });
  it('leaves young open opinions out of the within-limit share (their outcome is not known)', () => {
    const t = timeliness(new Map([[30, 1]]), new Map([[2, 9]]), 25);
    expect(t.withinLimit).toBe(0);
    expect(t.withinLimitN).toBe(1);
  });
  it('is null when there is nothing', () => {
    expect(timeliness(new Map(), new Map(), 25)).toEqual({
      limitDays: 25,
      withinLimit: null,
      withinLimitN: 0,
      median: null,
      atLeast: false,
      n: 0,
    });
  });
});

describe('onTime', () => {
  it('adds the open missed deadlines to the recorded ones', () => {
    expect(onTime(6, 1, 1)).toEqual({ met: 6, missed: 2, rate: 0.75 });
    expect(onTime(0, 0, 0).rate).toBeNull();
  });
});

describe('calendar corrections', () => {
  it('finds the days added, removed or changed', () => {
    expect(
      changedCalendarDays(
        [
          { day: '2026-10-01', kind: 'holiday' },
          { day: '2026-10-10', kind: 'workday' },
        ],
        [
          { day: '2026-10-01', kind: 'holiday' },
          { day: '2026-10-10', kind: 'holiday' },
          { day: '2026-11-02', kind: 'holiday' },
        ],
      ),
    ).toEqual(['2026-10-10', '2026-11-02']);
    expect(changedCalendarDays([{ day: '2026-10-01', kind: 'holiday' }], [])).toEqual(['2026-10-01']);
  });
  it('builds no statement when nothing changed, and only inlines real days', () => {
    expect(recomputeWorkingDaysSql([])).toBeNull();
    expect(recomputeWorkingDaysSql(["2026-10-01' OR 1=1 --"])).toBeNull();
    const sql = recomputeWorkingDaysSql(['2026-10-10', '2026-10-01'])!;
    expect(sql).toContain("resolved_day >= '2026-10-01'");
    expect(sql).toContain("< '2026-10-10'");
  });
});
