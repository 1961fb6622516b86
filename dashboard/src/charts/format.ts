/**
 * Number formats for figures and axes, in the current locale: 1,234 and 1.2万 in Chinese,
 * percentages with one decimal, working days with their unit. Null means "no data" and is
 * shown as a dash, never as 0.
 */
import { getLocale } from '../i18n';

/** The placeholder for a figure that has no data (e.g. a rate with nothing to divide by). */
export const NO_DATA = '—';

/** 1,234 */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined) return NO_DATA;
  return new Intl.NumberFormat(getLocale(), { maximumFractionDigits: 2 }).format(value);
}

/** A fraction (0.8658) as a percentage: 86.6% */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined) return NO_DATA;
  return new Intl.NumberFormat(getLocale(), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    value,
  );
}

/** Axis ticks: 12,000 → 1.2万 in Chinese, 12K in English. */
export function formatCompact(value: number): string {
  return new Intl.NumberFormat(getLocale(), { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** One decimal at most: 20, 20.5 */
export function formatDecimal(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined) return NO_DATA;
  return new Intl.NumberFormat(getLocale(), { maximumFractionDigits: digits }).format(value);
}

/** A 'YYYY-MM-DD' day as 11月23日 / Nov 23. */
export function formatShortDay(day: string): string {
  return new Intl.DateTimeFormat(getLocale(), { timeZone: 'UTC', month: 'short', day: 'numeric' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** A 'YYYY-MM-DD' day as 2026年11月23日 / Nov 23, 2026. */
export function formatLongDay(day: string): string {
  return new Intl.DateTimeFormat(getLocale(), { timeZone: 'UTC', dateStyle: 'long' }).format(new Date(`${day}T00:00:00Z`));
}
