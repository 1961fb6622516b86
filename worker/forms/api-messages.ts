/**
 * The Worker's API messages of the form builder (errors only; the builder's own words live in
 * the dashboard's catalogs). Spread into both catalogs of worker/platform/i18n.
 */
import type { Locale } from '../platform/i18n';

const MESSAGES = {
  form_definition_invalid: {
    'zh-CN': '表单有 {count} 处需要修改，请看标红的地方。',
    en: 'The form has {count} problems; see the fields marked in red.',
  },
  preview_not_found: {
    'zh-CN': '这个预览已过期或不存在，请在编辑页面重新打开预览。',
    en: 'This preview has expired or does not exist; open the preview again from the editor.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

/** The form-builder messages of one locale. */
export function formApiMessages<L extends Locale>(locale: L): { [K in keyof typeof MESSAGES]: string } {
  return Object.fromEntries(Object.entries(MESSAGES).map(([k, v]) => [k, v[locale]])) as unknown as {
    [K in keyof typeof MESSAGES]: string;
  };
}
