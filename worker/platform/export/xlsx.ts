/**
 * Minimal XLSX writer (fflate for the ZIP): several sheets, a bold frozen header row, text as
 * shared or inline strings, numbers as numbers. No cell is ever a formula: text is always a
 * string cell, and formula-like text also gets Excel's own `quotePrefix` style (what typing
 * '=1+2 produces), so editing the cell in Excel/WPS keeps it text. The value is not altered.
 */
import { zipSync } from 'fflate';
import { isFormulaLike } from './neutralise';
import { contentTypes, escapeText, rootRels, STYLE, stylesXml, workbookRels, workbookXml } from './xlsx-parts';

/** A value of an exported cell. null/undefined leave the cell empty. */
export type XlsxValue = string | number | boolean | null | undefined;

/** One sheet: `rows[0]` is the header row (bold, frozen) unless `header: false`. */
export interface XlsxSheetInput {
  name: string;
  rows: readonly (readonly XlsxValue[])[];
  /** Column widths in characters; computed from the content when omitted. */
  widths?: readonly number[];
  /** Treat the first row as a header (default true). */
  header?: boolean;
}

/** Options of {@link writeXlsx}. */
export interface XlsxWriteOptions {
  /** 'shared' (default, what Excel writes) or 'inline' strings. */
  strings?: 'shared' | 'inline';
}

/** MIME type to serve the output with. */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel's hard limit per cell; longer text makes Excel "repair" the file. */
const MAX_CELL_CHARS = 32767;
/** Excel's rows per sheet, the header included. */
export const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
/** Fixed entry times keep the output byte-for-byte reproducible. */
export const MTIME = new Date('2000-01-01T00:00:00Z');

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * Makes names Excel accepts: at most 31 characters, none of []:*?/\, no leading/trailing
 * apostrophe, not "History" (reserved), unique ignoring case.
 */
export function sheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((raw, i) => {
    let base = [
      ...raw
        .replace(/[[\]:*?/\\]/g, '_')
        .replace(/^'+|'+$/g, '')
        .trim(),
    ]
      .slice(0, 31)
      .join('');
    if (base === '' || base.toLowerCase() === 'history') base = base === '' ? `Sheet${i + 1}` : `${base}_`;
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) {
      const suffix = `(${k})`;
      name = [...base].slice(0, 31 - suffix.length).join('') + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

/** Display width of text: CJK and full-width characters count double (a column-width estimate). */
function textWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // low surrogate: counted with its high half
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0xd840 && c <= 0xd8bf)
        ? 2
        : 1;
  }
  return w;
}

/** How a text cell is written: shared (an index into the string table) or inline. */
export type TextCellWriter = (text: string, ref: string, styleAttr: string) => string;

/** An inline string cell: no string table, so rows can be written (and streamed) one by one. */
export const inlineText: TextCellWriter = (text, ref, s) =>
  `<c r="${ref}" t="inlineStr"${s}><is><t xml:space="preserve">${escapeText(text)}</t></is></c>`;

/**
 * One `<row>` element; `widths` collects each column's widest content as a side effect.
 * Shared by {@link writeXlsx} and the streaming writer (./stream.ts).
 * @throws RangeError when the row exceeds Excel's 16,384 columns.
 */
export function rowXml(row: readonly XlsxValue[], r: number, bold: boolean, widths: number[], textCell: TextCellWriter): string {
  if (row.length > MAX_COLS) throw new RangeError('writeXlsx: too many columns for Excel');
  const cells: string[] = [];
  row.forEach((value, c) => {
    if (value === null || value === undefined || value === '') return;
    const ref = `${columnName(c)}${r + 1}`;
    if (typeof value === 'number' && Number.isFinite(value)) {
      cells.push(`<c r="${ref}"${bold ? ` s="${STYLE.header}"` : ''}><v>${value}</v></c>`);
      widths[c] = Math.max(widths[c] ?? 0, String(value).length);
      return;
    }
    if (typeof value === 'boolean') {
      cells.push(`<c r="${ref}" t="b"${bold ? ` s="${STYLE.header}"` : ''}><v>${value ? 1 : 0}</v></c>`);
      return;
    }
    const text = String(value).slice(0, MAX_CELL_CHARS);
    const style = isFormulaLike(text) ? (bold ? STYLE.headerQuoted : STYLE.quoted) : bold ? STYLE.header : 0;
    widths[c] = Math.max(widths[c] ?? 0, text.length > 200 ? 60 : textWidth(text));
    cells.push(textCell(text, ref, style ? ` s="${style}"` : ''));
  });
  return `<row r="${r + 1}">${cells.join('')}</row>`;
}

/** Column widths in characters from the widest content seen (8–60). */
export function columnWidths(widths: readonly number[]): number[] {
  // map() keeps holes (columns with no measured content), which then get no <col> of their own.
  return widths.map((w) => Math.min(60, Math.max(8, (w ?? 0) + 2)));
}

/** A worksheet up to and including `<sheetData>`: views (frozen header), widths. */
export function sheetHead(frozenHeader: boolean, colWidths: readonly (number | undefined)[]): string {
  const cols = colWidths.length
    ? `<cols>${colWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w ?? 10}" customWidth="1"/>`).join('')}</cols>`
    : '';
  const pane = frozenHeader
    ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
    : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>`
  );
}

/** Everything after the last row of a worksheet. */
export const SHEET_TAIL =
  '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';

/** The fixed parts of a package (all but worksheets and shared strings), by path. */
export function packageParts(names: readonly string[], shared: boolean): Record<string, string> {
  return {
    '[Content_Types].xml': contentTypes(names.length, shared),
    '_rels/.rels': rootRels(),
    'xl/workbook.xml': workbookXml(names),
    'xl/_rels/workbook.xml.rels': workbookRels(names.length, shared),
    'xl/styles.xml': stylesXml(),
  };
}

/**
 * Writes a workbook. Pass phone numbers and codes as strings (so Excel never shows 1.38E+10);
 * numbers are for quantities. For exports of unbounded size use `xlsxStream` (./stream.ts).
 * @throws RangeError when a sheet exceeds Excel's 1,048,576 rows or 16,384 columns.
 */
export function writeXlsx(sheets: readonly XlsxSheetInput[], options: XlsxWriteOptions = {}): Uint8Array {
  if (sheets.length === 0) throw new RangeError('writeXlsx: at least one sheet is required');
  const useShared = (options.strings ?? 'shared') === 'shared';
  const shared = new Map<string, number>();
  let sharedRefs = 0;
  const sharedText: TextCellWriter = (text, ref, s) => {
    let index = shared.get(text);
    if (index === undefined) {
      index = shared.size;
      shared.set(text, index);
    }
    sharedRefs++;
    return `<c r="${ref}" t="s"${s}><v>${index}</v></c>`;
  };
  const names = sheetNames(sheets.map((s) => s.name));
  const enc = new TextEncoder();
  const files: Record<string, Uint8Array> = {};

  const sheetXml = sheets.map((sheet) => {
    const header = sheet.header ?? true;
    if (sheet.rows.length > MAX_ROWS) throw new RangeError('writeXlsx: too many rows for Excel');
    const widths: number[] = [];
    const rows = sheet.rows.map((row, r) => rowXml(row, r, header && r === 0, widths, useShared ? sharedText : inlineText));
    const colWidths = sheet.widths ?? columnWidths(widths);
    return sheetHead(header && sheet.rows.length > 0, colWidths) + rows.join('') + SHEET_TAIL;
  });

  for (const [path, xml] of Object.entries(packageParts(names, useShared))) files[path] = enc.encode(xml);
  sheetXml.forEach((xml, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = enc.encode(xml);
  });
  if (useShared) {
    const items = [...shared.keys()].map((t) => `<si><t xml:space="preserve">${escapeText(t)}</t></si>`).join('');
    files['xl/sharedStrings.xml'] = enc.encode(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${sharedRefs}" uniqueCount="${shared.size}">${items}</sst>`,
    );
  }
  return zipSync(files, { level: 6, mtime: MTIME });
}
