/**
 * Masking mobile numbers inside free text (replies, site findings, notes, the opinion itself)
 * for everyone who sees masked phones: the 联系电话 row is masked for them, and a number that
 * staff typed into a reply must not undo that.
 *
 * @example
 * maskPhonesInText('请联系 13800000001') // '请联系 138****0001'
 */
import { maskPhone } from './auth/guard';

/**
 * A mainland mobile number however people write it: +86 / 86 prefix, spaces or dashes between
 * digits, full-width digits. Longer digit runs (order numbers) are left alone.
 */
const MOBILE = /(?<![0-9０-９])(?:(?:\+|＋)?(?:86|８６)[\s-]?)?[1１][3-9３-９](?:[\s-]?[0-9０-９]){9}(?![0-9０-９])/g;

/** Masks every mobile number in a text: 13800138000 → 138****8000. */
export function maskPhonesInText(text: string): string {
  return text.replace(MOBILE, (m) => {
    const digits = m.normalize('NFKC').replace(/\D/g, '').slice(-11);
    return maskPhone(digits) ?? '';
  });
}

/** The same for every string inside a JSON-like value (event data), leaving its shape alone. */
export function maskPhonesDeep<T>(value: T): T {
  if (typeof value === 'string') return maskPhonesInText(value) as T;
  if (Array.isArray(value)) return value.map(maskPhonesDeep) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskPhonesDeep(v)])) as T;
  }
  return value;
}
