import { describe, expect, it } from 'vitest';
import {
  apiQuery,
  chinaToday,
  filtersFromParams,
  mondayOf,
  paramsFromFilters,
  periodRange,
} from '../../../dashboard/src/pages/overview/filters';

describe('overview filters in the URL', () => {
  it('round-trips through the URL and leaves defaults out', () => {
    const f = filtersFromParams({ period: '4w', townshipId: '3', level: 'district', category: 'housing', trainingId: '2' });
    expect(paramsFromFilters(f)).toBe('period=4w&townshipId=3&level=district&category=housing&trainingId=2');
    expect(paramsFromFilters(filtersFromParams({}))).toBe('');
    const custom = filtersFromParams({ period: 'custom', from: '2026-03-01', to: '2026-05-31' });
    expect(paramsFromFilters(custom)).toBe('period=custom&from=2026-03-01&to=2026-05-31');
  });

  it('ignores what it does not know instead of sending it to the API', () => {
    const f = filtersFromParams({
      period: 'forever',
      townshipId: '1 OR 1=1',
      level: 'province',
      category: 'DROP TABLE',
      from: '2026-03-01',
    });
    expect(f).toEqual({ period: '12w', from: '', to: '', townshipId: '', level: '', category: '', trainingId: '' });
    expect(apiQuery(f, '2026-11-25')).toEqual({});
  });

  it('turns presets into days relative to today, in whole weeks', () => {
    const today = '2026-11-25'; // a Wednesday
    expect(mondayOf(today)).toBe('2026-11-23');
    expect(periodRange('week', '', '', today)).toEqual({ from: '2026-11-23', to: today });
    expect(periodRange('lastweek', '', '', today)).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(periodRange('4w', '', '', today)).toEqual({ from: '2026-11-02', to: today });
    expect(periodRange('52w', '', '', today)).toEqual({ from: '2025-12-01', to: today });
    expect(periodRange('12w', '', '', today)).toEqual({});
    expect(apiQuery(filtersFromParams({ period: 'lastweek', townshipId: '2' }), today)).toEqual({
      from: '2026-11-16',
      to: '2026-11-22',
      townshipId: '2',
    });
  });

  it('knows today in China time whatever the device’s time zone', () => {
    expect(chinaToday(new Date('2026-11-25T16:30:00Z'))).toBe('2026-11-26');
    expect(chinaToday(new Date('2026-11-25T15:59:00Z'))).toBe('2026-11-25');
  });
});
