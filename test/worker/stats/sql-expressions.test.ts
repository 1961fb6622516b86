/**
 * The date arithmetic the triggers do in SQL agrees with the app's own (worker/workflow/
 * calendar.ts): China-time days and weeks of timestamps, and working days between two days
 * across holidays and make-up working days (调休), on the calendar the database holds.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../scripts/seed/random';
import { weekStart } from '../../../worker/stats/periods';
import { addCalendarDays, chinaDay, workingDaysBetween } from '../../../worker/workflow/calendar';
import { daySql, weekOfDaySql, weekSql, workingDaysSql } from '../../unit/stats/rollup-sql';
import { loadCalendar } from './district';

describe('SQL date expressions of the rollups', () => {
  it('count working days like the calendar module, across 2025–2026 holidays and 调休', async () => {
    const calendar = await loadCalendar(env.DB);
    expect(calendar.overrides.size).toBeGreaterThan(50);
    const rng = createRng(2026);
    const pairs: [string, string][] = [
      ['2025-09-30', '2025-10-09'], // National Day week, make-up Saturday 10-11 after it
      ['2025-09-27', '2025-10-11'], // make-up Sunday 09-28 and Saturday 10-11 inside
      ['2026-02-13', '2026-02-25'], // Spring Festival
      ['2026-01-01', '2026-01-01'],
      ['2026-11-20', '2026-12-04'],
    ];
    for (let i = 0; i < 200; i++) {
      const a = addCalendarDays('2025-01-01', rng.int(0, 700));
      pairs.push([a, addCalendarDays(a, rng.int(0, 90))]);
    }
    const stmt = env.DB.prepare(`SELECT ${workingDaysSql('?1', '?2')} AS n`);
    const results = await env.DB.batch(pairs.map(([a, b]) => stmt.bind(a, b)));
    pairs.forEach(([a, b], i) => {
      expect((results[i]!.results[0] as { n: number }).n, `${a} → ${b}`).toBe(workingDaysBetween(calendar, a, b));
    });
  });

  it('never counts a negative duration', async () => {
    const row = await env.DB.prepare(`SELECT ${workingDaysSql("'2026-03-10'", "'2026-03-02'")} AS n`).first<{ n: number }>();
    expect(row!.n).toBe(0);
  });

  it('puts timestamps on the China-time day and week, around midnight and on Sundays', async () => {
    const rng = createRng(8);
    const stamps = [
      Date.UTC(2026, 10, 22, 15, 59, 59), // Sunday 23:59:59 in China
      Date.UTC(2026, 10, 22, 16, 0, 0), // Monday 00:00 in China
      Date.UTC(2025, 11, 31, 16, 30), // New Year's Day 00:30 in China
      ...Array.from({ length: 100 }, () => Date.UTC(2025, 0, 1) + rng.int(0, 700 * 24) * 3_600_000 + rng.int(0, 3_599_999)),
    ];
    const stmt = env.DB.prepare(
      `SELECT ${daySql('?1')} AS day, ${weekSql('?1')} AS week, ${weekOfDaySql(daySql('?1'))} AS week2`,
    );
    const results = await env.DB.batch(stamps.map((ms) => stmt.bind(ms)));
    stamps.forEach((ms, i) => {
      const r = results[i]!.results[0] as { day: string; week: string; week2: string };
      expect(r.day, String(ms)).toBe(chinaDay(ms));
      expect(r.week, String(ms)).toBe(weekStart(chinaDay(ms)));
      expect(r.week2).toBe(r.week);
    });
  });
});
