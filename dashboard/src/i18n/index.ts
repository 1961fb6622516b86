/**
 * The dashboard's message catalog: `t(key, params)`, the current locale and Chinese-aware
 * formatting. The locale lives in the `lang` cookie, which the Worker also reads to localise
 * API error messages, so both halves always speak the same language.
 */
import type { Catalog, Locale, MessageKey, ParamArgs } from './types';
import { zhCN } from './zh-CN';

export type { Catalog, Locale, MessageKey, PlainKey } from './types';

/**
 * How each catalog is obtained. zh-CN is part of the entry: it is the default language, what
 * nearly every user reads, and the fallback for any key. en is a chunk of its own, fetched
 * only by those who read English — the entry no longer carries both (about 8 KB gzip each).
 */
export const catalogLoaders: Record<Locale, () => Promise<Catalog>> = {
  'zh-CN': () => Promise.resolve(zhCN),
  en: () => import('./en').then((m) => m.en),
};

/** Catalogs fetched so far. */
const loaded: Partial<Record<Locale, Catalog>> = { 'zh-CN': zhCN };

/** Fetches a locale's catalog once; later calls reuse it. */
async function loadCatalog(locale: Locale): Promise<void> {
  loaded[locale] ??= await catalogLoaders[locale]();
}

const COOKIE = 'lang';
/** China time: the district works in UTC+8 whatever the viewer's device says. */
const TIME_ZONE = 'Asia/Shanghai';

/**
 * Same rule as the Worker's `localeOf`: the cookie wins, else the browser's first language,
 * else Chinese. Keeping them identical means the UI and API messages never disagree.
 */
export function detectLocale(cookie: string, languages: readonly string[]): Locale {
  const match = /(?:^|;\s*)lang=([^;]*)/.exec(cookie);
  const fromCookie = match?.[1] ? decodeURIComponent(match[1]) : undefined;
  if (fromCookie === 'en' || fromCookie === 'zh-CN') return fromCookie;
  return (languages[0] ?? '').toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

let current: Locale =
  typeof document === 'undefined' ? 'zh-CN' : detectLocale(document.cookie, globalThis.navigator?.languages ?? []);

// A reader of English gets English on the first paint, not Chinese and then English: every
// module that calls t() waits for this (top-level await). If the chunk cannot be fetched,
// the page shows Chinese rather than nothing.
if (current !== 'zh-CN') await loadCatalog(current).catch(() => undefined);

/** The locale in use now. */
export function getLocale(): Locale {
  return current;
}

/**
 * Switches the locale: persists it in the `lang` cookie for a year (so the Worker sees it on
 * the next request), updates `<html lang>` for screen readers and font selection, and
 * fetches the catalog if this is its first use. `t()` speaks the new language once the
 * returned promise has resolved (at once for a catalog already here); callers re-render the
 * app then (see app.tsx).
 */
export function setLocale(locale: Locale): Promise<void> {
  if (typeof document !== 'undefined') {
    const secure = location.protocol === 'https:' ? '; Secure' : '';
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from the WebViews staff use.
    document.cookie = `${COOKIE}=${encodeURIComponent(locale)}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`;
    document.documentElement.lang = locale;
  }
  if (loaded[locale]) {
    current = locale;
    return Promise.resolve();
  }
  return loadCatalog(locale).then(
    () => {
      current = locale;
    },
    () => {
      // Offline or the chunk is gone (a new deployment): the cookie is set, and the next
      // page load will try again; until then the page keeps its language.
    },
  );
}

/**
 * Looks up a message in the current locale and fills its `{placeholders}`; numbers are
 * formatted for the locale (e.g. 1,234). The parameter object is required exactly when the
 * zh-CN string has placeholders.
 * @example t('pager.status', { page: 2, pages: 9, total: 835 })
 */
export function t<K extends MessageKey>(key: K, ...args: ParamArgs<K>): string {
  return render(key, (args[0] ?? {}) as Record<string, string | number>);
}

/** The prefixes of catalog keys that name the values of enum-like API fields. */
export type EnumPrefix = 'kind' | 'stationKind' | 'host' | 'level' | 'role' | 'action' | 'entity' | 'importField' | 'field';

/**
 * Translates a value of an enum-like field (`kind.town`, `role.staff`…). Values the catalog
 * does not know yet (a new audit action, say) show as they are instead of breaking the page.
 */
export function tEnum(prefix: EnumPrefix, value: string): string {
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? render(key, {}) : value;
}

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key);
}

function render(key: MessageKey, params: Record<string, string | number>): string {
  const template: string = loaded[current]?.[key] ?? zhCN[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

/** Formats a number for the current locale (thousands separators). */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(current).format(value);
}

/** Formats epoch milliseconds as date and time in China time, e.g. 2026年11月25日 22:15. */
export function formatDateTime(epochMs: number): string {
  return new Intl.DateTimeFormat(current, { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(epochMs),
  );
}

/** Formats epoch milliseconds or a 'YYYY-MM-DD' day as a date in China time. */
export function formatDate(value: number | string): string {
  const date = typeof value === 'number' ? new Date(value) : new Date(`${value}T00:00:00+08:00`);
  return new Intl.DateTimeFormat(current, { timeZone: TIME_ZONE, dateStyle: 'long' }).format(date);
}
