/**
 * CSV writer for exports that Chinese Excel and WPS open correctly by double-click: UTF-8 with a
 * BOM (without it Excel assumes GBK and shows mojibake), CRLF line ends, RFC 4180 quoting, and
 * formula-like text neutralised.
 */
import { neutraliseText } from './neutralise';

/** A value of an exported cell. null/undefined export as an empty cell. */
export type CsvValue = string | number | boolean | null | undefined;

/** Options of {@link writeCsv}. */
export interface CsvWriteOptions {
  /** Prefix "\uFEFF" (default true). */
  bom?: boolean;
  /** Prefix ' to text starting with = + - @ tab or CR (default true). Off only for round-trip tests. */
  neutralise?: boolean;
  /** Field separator (default ","). */
  delimiter?: ',' | ';' | '\t';
}

/** MIME type to serve the output with. */
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** Quotes a field when it holds the separator, a quote, a line break, or surrounding spaces. */
export function csvField(text: string, delimiter = ','): string {
  const needsQuotes = text.includes(delimiter) || /["\r\n]/.test(text) || text !== text.trim();
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

function cellText(value: CsvValue, neutralise: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return neutralise ? neutraliseText(value) : value;
}

/**
 * Writes rows (the first is usually the header) as CSV text; every row ends with CRLF.
 * Serve it with {@link CSV_CONTENT_TYPE}; the string's UTF-8 encoding carries the BOM.
 * @example writeCsv([['姓名', '手机'], ['张三', '13800138000']]) // "\uFEFF姓名,手机\r\n张三,13800138000\r\n"
 */
export function writeCsv(rows: readonly (readonly CsvValue[])[], options: CsvWriteOptions = {}): string {
  return ((options.bom ?? true) ? '\uFEFF' : '') + rows.map((row) => csvLine(row, options)).join('');
}

/**
 * One row as a CSV line, CRLF included: the unit both {@link writeCsv} and the streaming
 * writer (./stream.ts) write, so a streamed file is byte-for-byte the same as a written one.
 */
export function csvLine(row: readonly CsvValue[], options: CsvWriteOptions = {}): string {
  const { neutralise = true, delimiter = ',' } = options;
  // A row that is one empty cell is written as "" so it survives as a row, not a blank line.
  if (row.length === 1 && cellText(row[0], neutralise) === '') return '""\r\n';
  return `${row.map((v) => csvField(cellText(v, neutralise), delimiter)).join(delimiter)}\r\n`;
}
