/**
 * Fills a reply template's placeholders. Pure and shared: the dashboard fills the text the
 * moment a template is picked, so the person sees (and can edit) exactly what will be sent.
 *
 * @example fillTemplate('请{department}于{deadline}前办结。', { department: '区住建局', deadline: '2026-12-10' })
 * // → '请区住建局于2026年12月10日前办结。'
 */

/** The placeholders templates may use. */
export const TEMPLATE_PLACEHOLDERS = ['department', 'deadline', 'trackingCode', 'township'] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

/** 'YYYY-MM-DD' → '2026年12月10日'; anything else unchanged. */
function chineseDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : day;
}

/**
 * Replaces `{name}` for each known placeholder with a value given; unknown or missing ones
 * stay as written, so the person sees what still needs filling in.
 */
export function fillTemplate(body: string, values: Partial<Record<TemplatePlaceholder, string | null>>): string {
  return body.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = (values as Record<string, string | null | undefined>)[name];
    if (v === undefined || v === null || v === '') return whole;
    return name === 'deadline' ? chineseDay(v) : v;
  });
}
