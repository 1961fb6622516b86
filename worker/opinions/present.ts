/**
 * Shapes rows into what the API returns: names instead of codes, the deadline colour, and
 * personal data masked for everyone but the handler.
 */
import { OPINION_CATEGORIES } from '../forms/defaults/opinion';
import { maskPhone } from '../platform/auth/guard';
import { maskPhonesInText } from '../platform/phones';
import type { Locale } from '../platform/i18n';
import type { Calendar } from '../workflow/calendar';
import { deadlineOf } from './deadlines';
import type { ListRow } from './queries';

const DEFAULT_NAMES = new Map(OPINION_CATEGORIES.map((c) => [c.code, c]));

/**
 * A category's name in the locale: the `categories` table first (staff may rename), the
 * shipped list when the table lacks it, the bare code as a last resort.
 */
export function categoryName(code: string, zh: string | null, en: string | null, locale: Locale): string {
  const fallback = DEFAULT_NAMES.get(code);
  if (locale === 'en') return en ?? fallback?.nameEn ?? code;
  return zh ?? fallback?.nameZh ?? code;
}

/** What every listing needs to colour a row. */
export interface ListContext {
  calendar: Calendar;
  today: string;
  locale: Locale;
}

/**
 * One inbox row. Lists always mask the phone: the full number is on the item page, for the
 * handler only, so a glance over someone's shoulder at a list never shows one.
 */
export function listItem(row: ListRow, ctx: ListContext) {
  const { categoryZh, categoryEn, excerpt, bodyLength, reporterPhone, ...rest } = row;
  return {
    ...rest,
    categoryName: categoryName(row.category, categoryZh, categoryEn, ctx.locale),
    excerpt: maskPhonesInText(bodyLength > excerpt.length ? `${excerpt}…` : excerpt),
    reporterPhone: maskPhone(reporterPhone),
    deadline: deadlineOf(ctx.calendar, row.state, row.dueOn, ctx.today),
  };
}

/** Parses a JSON column that should hold an object; anything else reads as {}. */
export function jsonObject(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Parses the `departments` column (a JSON array of names). */
export function jsonStrings(text: string | null): string[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
