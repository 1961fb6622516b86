/**
 * Reads the first worksheet of an .xlsx (as written by Excel, WPS, LibreOffice or libraries)
 * into rows of strings. Numbers come back as plain digits (13800138000, never 1.38E+10), because
 * the roster's numbers are phone numbers and Excel/WPS store an untyped phone as a number.
 */
import { ImportFileError } from './errors';
import type { SourceRow } from './types';
import { decodeOoxmlEscapes, xmlTokens } from './xml';
import { listZip, readZipEntry, type ZipEntry } from './zip';

/** Limits of {@link readXlsx}. */
export interface XlsxReadOptions {
  /** Budget for all XML parts inflated, in bytes (default 20 MB): the zip-bomb guard. */
  maxUncompressedBytes?: number;
  /** Highest column allowed to hold a value (default 256). */
  maxColumns?: number;
  /** Most non-empty rows allowed (default 100 000). */
  maxRows?: number;
  /** Which worksheet: its name or 0-based tab index (default: the first visible one). */
  sheet?: string | number;
}

/** A worksheet, as rows that have at least one non-empty cell. */
export interface XlsxSheet {
  sheetName: string;
  rows: SourceRow[];
}

const decoder = new TextDecoder('utf-8');

/** True when the bytes start like a ZIP archive (an .xlsx). */
export const looksLikeZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** True for an OLE compound file: a legacy .xls, or an .xlsx encrypted with an open password. */
export const looksLikeOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/**
 * Reads the first visible worksheet of a workbook (or the one named in `options.sheet`).
 * @throws ImportFileError `xls_unsupported`, `xlsx_corrupt`, `xlsx_too_large`, `xlsx_no_sheet`,
 *   `too_many_columns`, `too_many_rows`.
 */
export function readXlsx(bytes: Uint8Array, options: XlsxReadOptions = {}): XlsxSheet {
  const maxBytes = options.maxUncompressedBytes ?? 20 * 1024 * 1024;
  if (looksLikeOle(bytes)) throw new ImportFileError('xls_unsupported');
  if (!looksLikeZip(bytes)) throw new ImportFileError('xlsx_corrupt');
  const entries = listZip(bytes);
  // Excel resolves part names case-insensitively; some generators rely on it.
  const folded = new Map([...entries].map(([name, e]) => [name.toLowerCase(), e]));
  let budget = maxBytes;
  const read = (path: string): string | null => {
    const entry: ZipEntry | undefined = entries.get(path) ?? folded.get(path.toLowerCase());
    if (!entry) return null;
    const out = readZipEntry(bytes, entry, budget, Math.round(maxBytes / 1024 / 1024));
    budget -= out.length;
    return decoder.decode(out);
  };

  const workbookPath =
    relTargets(read('_rels/.rels'), '').find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const workbook = read(workbookPath);
  if (workbook === null) throw new ImportFileError('xlsx_corrupt');
  const base = workbookPath.includes('/') ? workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1) : '';
  const rels = relTargets(read(`${base}_rels/${workbookPath.slice(base.length)}.rels`), base);
  const sheets = worksheets(workbook, rels);
  const sheet =
    options.sheet === undefined
      ? (sheets.find((s) => !s.hidden) ?? sheets[0] ?? { name: 'Sheet1', path: `${base}worksheets/sheet1.xml` })
      : typeof options.sheet === 'number'
        ? sheets[options.sheet]
        : sheets.find((s) => s.name === options.sheet);
  if (!sheet) throw new ImportFileError('xlsx_no_sheet');
  const sheetXml = read(sheet.path);
  if (sheetXml === null) throw new ImportFileError('xlsx_no_sheet');
  const sstPath = rels.find((r) => r.type.endsWith('/sharedStrings'))?.target ?? `${base}sharedStrings.xml`;
  const sst = read(sstPath);
  const shared = sst === null ? [] : sharedStrings(sst);
  return { sheetName: sheet.name, rows: sheetRows(sheetXml, shared, options.maxColumns ?? 256, options.maxRows ?? 100_000) };
}

interface Rel {
  id: string;
  type: string;
  target: string;
}

/** Relationships of a part; targets resolved against the part's folder (or absolute). */
function relTargets(xml: string | null, base: string): Rel[] {
  if (xml === null) return [];
  const out: Rel[] = [];
  for (const t of xmlTokens(xml)) {
    if (t.kind !== 'open' || t.name !== 'Relationship' || t.attrs.TargetMode === 'External') continue;
    const raw = (t.attrs.Target ?? '').replace(/\\/g, '/');
    out.push({
      id: t.attrs.Id ?? '',
      type: t.attrs.Type ?? '',
      target: resolvePath(raw.startsWith('/') ? raw.slice(1) : base + raw),
    });
  }
  return out;
}

/** Collapses `./` and `../` segments. */
function resolvePath(path: string): string {
  const parts: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** The worksheets in tab order (chart sheets left out). */
function worksheets(workbookXml: string, rels: Rel[]): { name: string; path: string; hidden: boolean }[] {
  const sheets: { name: string; path: string; hidden: boolean }[] = [];
  for (const t of xmlTokens(workbookXml)) {
    if (t.kind !== 'open' || t.name !== 'sheet') continue;
    const rel = rels.find((r) => r.id === t.attrs.id);
    // Chart sheets have no cells; only worksheet relationships count.
    if (!rel?.type.endsWith('/worksheet')) continue;
    sheets.push({ name: t.attrs.name ?? '', path: rel.target, hidden: (t.attrs.state ?? 'visible') !== 'visible' });
  }
  return sheets;
}

/** Reads the shared-string table: plain `<t>` and rich-text runs, skipping phonetic (`rPh`) hints. */
export function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  for (const t of xmlTokens(xml)) {
    if (t.kind === 'open') {
      if (t.name === 'si' && t.selfClosing) out.push('');
      else if (t.name === 'si') current = '';
      else if (t.name === 'rPh') phonetic += t.selfClosing ? 0 : 1;
      else if (t.name === 't') inText = !t.selfClosing;
    } else if (t.kind === 'close') {
      if (t.name === 'si' && current !== null) {
        out.push(decodeOoxmlEscapes(current));
        current = null;
      } else if (t.name === 'rPh') phonetic--;
      else if (t.name === 't') inText = false;
    } else if (inText && current !== null && phonetic === 0) current += t.text;
  }
  return out;
}

/** "AB12" → { col: 27 (0-based), row: 12 }; null when it is not an A1 reference. */
export function parseCellRef(ref: string): { col: number; row: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of (m[1] ?? '').toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col: col - 1, row: Number(m[2]) };
}

/**
 * The text of a numeric cell. Integers print in full (JavaScript only switches to exponent
 * notation at 1e21), so a phone stored as 13800138000 or 1.3800138E10 both give "13800138000".
 */
export function numberText(raw: string): string {
  const n = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(n)) return raw.trim();
  return Object.is(n, -0) ? '0' : String(n);
}

function cellText(type: string, raw: string, inline: string, shared: readonly string[]): string {
  switch (type) {
    case 's':
      return raw.trim() === '' ? '' : (shared[Number(raw)] ?? '');
    case 'inlineStr':
      return decodeOoxmlEscapes(inline);
    case 'str':
      return decodeOoxmlEscapes(raw);
    case 'b':
      return raw.trim() === '1' ? 'TRUE' : 'FALSE';
    case 'e':
    case 'd':
      return raw;
    default:
      return numberText(raw);
  }
}

/** Walks `<sheetData>`: rows and cells with or without `r` references, gaps filled with ''. */
function sheetRows(xml: string, shared: readonly string[], maxColumns: number, maxRows: number): SourceRow[] {
  const rows: SourceRow[] = [];
  let rowNumber = 0;
  let cells: string[] = [];
  let col = -1;
  let cell: { type: string; raw: string; inline: string } | null = null;
  let into: 'v' | 'is' | null = null;
  let inT = false;
  const endRow = () => {
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (cells.length === 0) return;
    if (rows.length >= maxRows) throw new ImportFileError('too_many_rows', { max: maxRows });
    rows.push({ row: rowNumber, cells });
  };
  for (const t of xmlTokens(xml)) {
    if (t.kind === 'open') {
      if (t.name === 'row') {
        rowNumber = Number(t.attrs.r) || rowNumber + 1;
        cells = [];
        col = -1;
        if (t.selfClosing) endRow();
      } else if (t.name === 'c') {
        col = t.attrs.r ? (parseCellRef(t.attrs.r)?.col ?? col + 1) : col + 1;
        cell = { type: t.attrs.t ?? 'n', raw: '', inline: '' };
        if (t.selfClosing) cell = null;
      } else if (cell && (t.name === 'v' || t.name === 'is')) into = t.name;
      else if (cell && into === 'is' && t.name === 't') inT = !t.selfClosing;
      else if (t.name === 'rPh') into = null; // phonetic hints inside inline strings are not text
    } else if (t.kind === 'close') {
      if (t.name === 'c' && cell) {
        const text = cellText(cell.type, cell.raw, cell.inline, shared);
        if (text !== '') {
          if (col >= maxColumns) throw new ImportFileError('too_many_columns', { max: maxColumns });
          while (cells.length < col) cells.push('');
          cells[col] = text;
        }
        cell = null;
      } else if (t.name === 'row') endRow();
      else if (t.name === 'v' || t.name === 'is') into = null;
      else if (t.name === 't') inT = false;
      else if (t.name === 'rPh' && cell) into = 'is';
    } else if (cell && into === 'v') cell.raw += t.text;
    else if (cell && into === 'is' && inT) cell.inline += t.text;
  }
  return rows;
}
