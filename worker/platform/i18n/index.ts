/**
 * The Worker's message catalog. zh-CN is the default; English is the second locale.
 * The locale comes from the `lang` cookie (shared with the dashboard), then Accept-Language.
 */
import { en } from './en';
import { zhCN } from './zh-CN';

export type Locale = 'zh-CN' | 'en';
export type MessageKey = keyof typeof zhCN;

const catalogs: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** Looks a message up and fills `{name}` placeholders. */
export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogs[locale][key] ?? zhCN[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Picks the locale of a request: explicit cookie first, else the browser's languages, else Chinese. */
export function localeOf(cookieLang: string | undefined, acceptLanguage: string | undefined): Locale {
  if (cookieLang === 'en' || cookieLang === 'zh-CN') return cookieLang;
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
