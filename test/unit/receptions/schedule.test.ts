/** The duty schedule's calendar: which days a rule falls on, and its words. */
import { describe, expect, it } from 'vitest';
import {
  type DutyRuleSpec,
  describeRule,
  dutyDays,
  stationRules,
  upcomingDuty,
  weekdayOf,
} from '../../../worker/receptions/schedule';

const rule = (over: Partial<DutyRuleSpec>): DutyRuleSpec => ({
  rule: 'weekly',
  everyWeeks: 1,
  dayOfMonth: null,
  period: 'am',
  startsOn: '2026-12-02',
  endsOn: null,
  ...over,
});

describe('dutyDays', () => {
  it('steps weekly and fortnightly from the first day, never before it', () => {
    expect(dutyDays(rule({}), '2026-11-01', '2026-12-20')).toEqual(['2026-12-02', '2026-12-09', '2026-12-16']);
    expect(dutyDays(rule({ everyWeeks: 2 }), '2026-12-10', '2027-01-15')).toEqual(['2026-12-16', '2026-12-30', '2027-01-13']);
  });

  it('puts the 31st of a monthly rule on the last day of short months, across a year end', () => {
    const days = dutyDays(rule({ rule: 'monthly', dayOfMonth: 31, startsOn: '2026-01-01' }), '2026-11-15', '2027-03-01');
    expect(days).toEqual(['2026-11-30', '2026-12-31', '2027-01-31', '2027-02-28']);
  });

  it('gives a dated rule its one day, and respects the end of a rota', () => {
    expect(dutyDays(rule({ rule: 'dated', startsOn: '2026-12-18' }), '2026-12-01', '2026-12-31')).toEqual(['2026-12-18']);
    expect(dutyDays(rule({ rule: 'dated', startsOn: '2026-12-18' }), '2026-12-19', '2026-12-31')).toEqual([]);
    expect(dutyDays(rule({ endsOn: '2026-12-09' }), '2026-12-01', '2026-12-31')).toEqual(['2026-12-02', '2026-12-09']);
  });
});

describe('describeRule', () => {
  it('names the weekday of the first day and the period', () => {
    expect(weekdayOf('2026-12-02')).toBe(3);
    expect(weekdayOf('2026-12-06')).toBe(7);
    expect(describeRule(rule({}))).toEqual({ key: 'duty_rule_weekly', params: { weekday: 3 }, periodKey: 'duty_period_am' });
    expect(describeRule(rule({ everyWeeks: 2, period: 'pm' })).key).toBe('duty_rule_biweekly');
    expect(describeRule(rule({ rule: 'monthly', dayOfMonth: 15 })).params).toEqual({ day: 15 });
  });
});

describe('upcomingDuty', () => {
  it('orders days across schedules, mornings first, and stops at the limit', () => {
    const a = { ...rule({ period: 'pm' }), id: 1, stationId: 1, deputyIds: [1] };
    const b = { ...rule({ rule: 'monthly', dayOfMonth: 2 }), id: 2, stationId: 2, deputyIds: [2] };
    const got = upcomingDuty([a, b], '2026-12-01', '2026-12-31', 3);
    expect(got.map((g) => [g.day, g.period, g.stationId])).toEqual([
      ['2026-12-02', 'am', 2],
      ['2026-12-02', 'pm', 1],
      ['2026-12-09', 'pm', 1],
    ]);
  });
});

describe('stationRules', () => {
  it('reads rota groups taking turns on one weekday as the station’s own rhythm', () => {
    const groups = [0, 7, 14].map((offset) =>
      rule({ everyWeeks: 3, startsOn: `2026-12-${String(2 + offset).padStart(2, '0')}` }),
    );
    const monthly = rule({ rule: 'monthly', dayOfMonth: 15, period: 'pm' });
    const got = stationRules([...groups, monthly]);
    expect(got).toHaveLength(2);
    expect(got[0]).toMatchObject({ rule: 'weekly', everyWeeks: 1, startsOn: '2026-12-02' });
    expect(got[1]).toEqual(monthly);
    // Uneven rotas keep their shortest interval rather than inventing a weekly one.
    expect(stationRules([rule({ everyWeeks: 4 }), rule({ everyWeeks: 2, startsOn: '2026-12-09' })])[0]!.everyWeeks).toBe(2);
  });
});
