/**
 * Normalisers of single roster values, shared by the import's validation and usable elsewhere
 * (e.g. the seed) so that what the import compares is exactly what it stores.
 */

/** Longest name and sector accepted, matching the roster API's schemas. */
export const MAX_NAME_LENGTH = 40;
export const MAX_SECTOR_LENGTH = 40;

/** Key for matching names of townships and stations: NFKC, no spaces, lower case. */
export function lookupKey(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/**
 * Tidies a person's name. Chinese rosters pad two-character names with (full-width) spaces to
 * align them (“王　五”), so spaces between Han characters go; other runs of spaces become one.
 */
export function normaliseName(raw: string): string {
  const s = raw.normalize('NFC').trim();
  if (/^[\p{Script=Han}\s·・•]+$/u.test(s)) return s.replace(/\s+/g, '');
  return s.replace(/\s+/g, ' ');
}

const DISTRICT = new Set(['区', '区级', '区人大代表', '区代表', '区人大', '区级代表', '区级人大代表', 'district']);
const TOWNSHIP = new Set([
  '乡镇',
  '乡镇级',
  '镇',
  '乡',
  '镇级',
  '乡级',
  '乡镇人大代表',
  '镇人大代表',
  '乡人大代表',
  '乡镇代表',
  '乡镇级代表',
  'township',
  'town',
]);

/** “区”/“区级”/“区人大代表”/district → 'district'; “乡镇”/“镇”/township → 'township'; else null. */
export function parseLevel(raw: string): 'district' | 'township' | null {
  const key = lookupKey(raw);
  if (DISTRICT.has(key)) return 'district';
  if (TOWNSHIP.has(key)) return 'township';
  return null;
}

/** Outcome of {@link normaliseMobile}. */
export type MobileResult = { ok: true; phone: string } | { ok: false; code: 'phone_invalid' | 'phone_scientific' };

/**
 * Normalises a mainland mobile number to its 11 digits. Accepts spaces, hyphens, brackets,
 * full-width digits, a +86/0086/86 prefix and a spurious “.0” left by number-typed columns.
 * Scientific notation (“1.38E+10”) is refused with its own code: Excel has already rounded it.
 */
export function normaliseMobile(raw: string): MobileResult {
  const s = raw.normalize('NFKC').replace(/[\s\-()（）]/g, '');
  if (/^\d+(\.\d+)?e\+?\d+$/i.test(s)) return { ok: false, code: 'phone_scientific' };
  const digits = s.replace(/\.0+$/, '').replace(/^(?:\+|00)?86(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? { ok: true, phone: digits } : { ok: false, code: 'phone_invalid' };
}
