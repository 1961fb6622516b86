/**
 * Text normalisation used by validation: what residents type on phones (full-width digits
 * from a Chinese IME, pasted text with stray control characters, "+86 138-0013-8000") is
 * turned into clean, comparable values before anything is stored. Pure module.
 */

// C0/C1 controls except \n, plus bidi overrides and the BOM: invisible, and able to make a
// stored opinion display differently to staff than it reads. ZWJ (U+200D) is kept because
// emoji sequences need it.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const STRIPPED = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
// Lone surrogates cannot be encoded as UTF-8, so D1 would store replacement characters.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Cleans user text: NFC, line breaks unified to \n (or folded to spaces for single-line
 * fields), tabs to spaces, control characters removed, surrounding whitespace (including
 * the ideographic space U+3000) trimmed.
 */
export function cleanText(raw: string, multiline: boolean): string {
  let text = raw
    .replace(LONE_SURROGATE, '')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/\t/g, ' ');
  // Strip before NFC: removing a control character between a letter and its accent must
  // still leave the pair composed, so cleaning twice gives the same result.
  text = text.replace(STRIPPED, '').normalize('NFC');
  if (!multiline) text = text.replace(/\n+/g, ' ');
  return text.trim();
}

/**
 * Counts characters as Unicode code points, the way a person counts Chinese characters:
 * "意见" is 2, not 2 UTF-16 units by luck; "👍" is 1, not 2.
 */
export function countChars(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * Normalises a mainland China mobile number to its 11 digits, or returns null.
 * Tolerates what people type or what autofill inserts: spaces, dashes, dots, brackets,
 * full-width digits, and a +86 / 0086 / 86 country prefix.
 */
export function normaliseMobileCN(raw: string): string | null {
  // NFKC turns full-width "１３８" and "＋" into ASCII; a Chinese IME often produces them.
  const compact = raw.normalize('NFKC').replace(/[\s\-\u2010-\u2015.()（）]/g, '');
  const match = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/.exec(compact);
  return match ? (match[1] ?? null) : null;
}
