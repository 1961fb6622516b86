/**
 * Types of the duty API (inferred from the Worker) and the small pure helpers the duty pages
 * share: China-time days, a rule in words, and the intake channels.
 */
import type { InferResponseType } from 'hono/client';
import type { client } from '../../api';
import { t } from '../../i18n';

export type DutyPage = InferResponseType<typeof client.api.receptions.duty.$get, 200>;
export type DutyDay = DutyPage['items'][number];
export type ScheduleList = InferResponseType<typeof client.api.receptions.schedules.$get, 200>;
export type ScheduleRow = ScheduleList['items'][number];

export const CHANNELS = ['reception', 'phone', 'letter', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];
export const RULES = ['weekly', 'monthly', 'dated'] as const;
export const PERIODS = ['am', 'pm', 'day'] as const;

const DAY_MS = 86_400_000;
const CHINA_MS = 8 * 3_600_000;

/** Today in China time, 'YYYY-MM-DD' (the district's calendar, whatever the device's zone). */
export function chinaToday(now = Date.now()): string {
  return new Date(now + CHINA_MS).toISOString().slice(0, 10);
}

/** `day` plus `n` calendar days. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function weekdayOf(day: string): number {
  const w = new Date(`${day}T00:00:00Z`).getUTCDay();
  return w === 0 ? 7 : w;
}

/** "12月18日 周五" (or "Fri 12/18"): how duty days are listed. */
export function dutyDayLabel(day: string): string {
  return t('duty.dayLabel', {
    month: Number(day.slice(5, 7)),
    day: Number(day.slice(8, 10)),
    weekday: t(`duty.weekday.${weekdayOf(day)}` as 'duty.weekday.1'),
  });
}

/** A schedule line in words: "每周三上午", "每月 15 日全天", "12 月 18 日下午". */
export function ruleWords(s: Pick<ScheduleRow, 'rule' | 'everyWeeks' | 'dayOfMonth' | 'period' | 'startsOn'>): string {
  const period = t(`duty.period.${s.period}`);
  const weekday = t(`duty.weekday.${weekdayOf(s.startsOn)}` as 'duty.weekday.1');
  if (s.rule === 'monthly') return t('duty.rule.monthlyWords', { day: s.dayOfMonth ?? 1, period });
  if (s.rule === 'dated') {
    return t('duty.rule.datedWords', { month: Number(s.startsOn.slice(5, 7)), day: Number(s.startsOn.slice(8, 10)), period });
  }
  if (s.everyWeeks <= 1) return t('duty.rule.weeklyWords', { weekday, period });
  return t('duty.rule.everyWeeksWords', { weeks: s.everyWeeks, weekday, period });
}

/** A fresh key for one logging form: a retried save is recognised as the same session. */
export function newSubmissionKey(): string {
  return crypto.randomUUID();
}

/** 'ABCD2345' → 'ABCD-2345', the one way tracking codes are written. */
export function formatTrackingCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}
