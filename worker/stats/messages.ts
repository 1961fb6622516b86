/**
 * The Worker's messages for the statistics API (errors only: the figures' words live in the
 * dashboard's catalogs). Spread into both catalogs of worker/platform/i18n.
 */
import type { Locale } from '../platform/i18n';

const MESSAGES = {
  week_in_future: {
    'zh-CN': '这一周还没有开始，请选择本周或以前的一周。',
    en: 'That week has not started yet; choose this week or an earlier one.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

/** The statistics messages of one locale. */
export function statsMessages<L extends Locale>(locale: L): { [K in keyof typeof MESSAGES]: string } {
  return Object.fromEntries(Object.entries(MESSAGES).map(([k, v]) => [k, v[locale]])) as unknown as {
    [K in keyof typeof MESSAGES]: string;
  };
}
