/** Types shared by the catalogs and `t()`: the key set comes from zh-CN, the default locale. */
import type { zhCN } from './zh-CN';

/** The locales the dashboard and the Worker both understand (the `lang` cookie's values). */
export type Locale = 'zh-CN' | 'en';

/** Every message key; en must define exactly these. */
export type MessageKey = keyof typeof zhCN;

/** A complete catalog: every key, no extra ones (object literals typed with it reject extras). */
export type Catalog = { readonly [K in MessageKey]: string };

/** The `{name}` placeholders of a message string, as a union of names. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

/** The parameters a key needs: nothing for plain messages, an object for templated ones. */
export type ParamArgs<K extends MessageKey> = [Placeholders<(typeof zhCN)[K]>] extends [never]
  ? []
  : [params: Record<Placeholders<(typeof zhCN)[K]>, string | number>];

/** Keys whose message has no placeholders: safe to pass around as data (menus, enums). */
export type PlainKey = { [K in MessageKey]: ParamArgs<K> extends [] ? K : never }[MessageKey];
