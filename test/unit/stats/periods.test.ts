import { describe, expect, it } from 'vitest';
import { DEFAULT_WEEKS, MAX_WEEKS, weekStart, wholeWeeks } from '../../../worker/stats/periods';

describe('weeks', () => {
  it('finds the Monday of any day, across month and year ends', () => {
    expect(weekStart('2026-11-23')).toBe('2026-11-23'); // Monday
    expect(weekStart('2026-11-25')).toBe('2026-11-23'); // Wednesday
    expect(weekStart('2026-11-29')).toBe('2026-11-23'); // Sunday
    expect(weekStart('2026-01-01')).toBe('2025-12-29');
    expect(weekStart('2024-03-01')).toBe('2024-02-26'); // leap year
  });

  it('widens a range to whole weeks and lists their Mondays', () => {
    const r = wholeWeeks('2026-11-04', '2026-11-25', '2026-11-25');
    expect(r).toEqual({
      ok: true,
      period: { from: '2026-11-02', to: '2026-11-29', weeks: ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'] },
    });
  });

  it('defaults to the current week and the eleven before it', () => {
    const r = wholeWeeks(undefined, undefined, '2026-11-25');
    if (!r.ok) throw new Error('expected a period');
    expect(r.period.weeks).toHaveLength(DEFAULT_WEEKS);
    expect(r.period.weeks.at(-1)).toBe('2026-11-23');
    expect(r.period.to).toBe('2026-11-29');
    expect(r.period.from).toBe('2026-09-07');
  });

  it('refuses reversed and overlong periods', () => {
    expect(wholeWeeks('2026-11-25', '2026-11-02', '2026-11-25')).toEqual({ ok: false, problem: 'dates_out_of_order' });
    // Same week, reversed days: still one whole week, so it is fine.
    expect(wholeWeeks('2026-11-27', '2026-11-24', '2026-11-25').ok).toBe(true);
    expect(wholeWeeks('2020-01-01', '2026-11-25', '2026-11-25')).toEqual({ ok: false, problem: 'period_too_long' });
    const longest = wholeWeeks('2024-11-25', undefined, '2026-11-25');
    expect(longest.ok && longest.period.weeks.length).toBeLessThanOrEqual(MAX_WEEKS);
  });
});
