/**
 * Formula-injection defence for exported spreadsheets (OWASP "CSV injection"): a cell that
 * Excel or WPS would read as a formula must not start with a formula trigger.
 */

/** Characters that make a spreadsheet treat a typed/imported value as a formula (or hide its start). */
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** True when a text value would be taken for a formula if typed or opened as CSV. */
export function isFormulaLike(value: string): boolean {
  return value.length > 0 && TRIGGERS.has(value[0] as string);
}

/**
 * Prefixes a single quote to formula-like text, so "=1+2" shows as the text =1+2. Only text is
 * touched: real numbers (also negative ones) are exported as numbers by the callers.
 * @example neutraliseText('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 */
export function neutraliseText(value: string): string {
  return isFormulaLike(value) ? `'${value}` : value;
}
