/**
 * Source rows → roster rows: finds the header row (templates often put a title such as
 * “某某区人大代表名册” above it), maps Chinese and English header names to fields, normalises cells
 * and drops empty rows while keeping every row's spreadsheet number.
 */
import type { Locale } from '../../platform/i18n';
import { fieldLabel, importMessage } from './messages';
import type { ImportIssue, RosterField, SourceRow } from './types';

/** Header spellings per field, in normalised form (see {@link normaliseHeader}). */
export const HEADER_ALIASES: Readonly<Record<RosterField, readonly string[]>> = {
  name: ['姓名', '代表姓名', '名字', 'name', 'fullname', 'deputyname'],
  level: ['层级', '级别', '代表层级', '代表级别', 'level', 'deputylevel'],
  township: [
    '乡镇',
    '街道',
    '乡镇(街道)',
    '乡镇/街道',
    '乡镇街道',
    '镇街',
    '镇(街道)',
    '所属乡镇',
    '所属街道',
    '所属乡镇(街道)',
    '所属镇街',
    'township',
    'town',
    'subdistrict',
    'township/subdistrict',
  ],
  station: [
    '联络站',
    '联络站(室)',
    '联络站/室',
    '联络站室',
    '所属联络站',
    '所属联络站(室)',
    '联络站名称',
    '代表联络站',
    'station',
    'liaisonstation',
  ],
  sector: ['界别', '行业', '界别(行业)', '所属界别', '行业界别', 'sector'],
  phone: [
    '手机',
    '手机号',
    '手机号码',
    '联系电话',
    '移动电话',
    '电话',
    '电话号码',
    '联系方式',
    'phone',
    'mobile',
    'mobilephone',
    'phonenumber',
    'cellphone',
    'tel',
  ],
};

/** Columns without which no row can be stored. */
export const REQUIRED_FIELDS: readonly RosterField[] = ['name', 'level', 'township', 'phone'];

/** Rows accepted in one import by default (the demo district has 835 deputies). */
export const DEFAULT_MAX_ROWS = 5000;

/** How many non-empty rows from the top may precede the header. */
const HEADER_SEARCH_ROWS = 10;

const aliasToField = new Map<string, RosterField>(
  (Object.entries(HEADER_ALIASES) as [RosterField, readonly string[]][]).flatMap(([f, list]) => list.map((a) => [a, f] as const)),
);

/**
 * Normalises a header for matching: NFKC (full-width brackets and letters → ASCII), lower case,
 * no spaces, without the required-marks templates add (“姓名*”, “手机号码（必填）”).
 */
export function normaliseHeader(cell: string): string {
  return cell
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/\((必填|选填|可选|required|optional)\)$/, '')
    .replace(/^[*:]+|[*:]+$/g, '');
}

/** The field a header cell names, or null. */
export function matchHeader(cell: string): RosterField | null {
  return aliasToField.get(normaliseHeader(cell)) ?? null;
}

/** Normalises a data cell: NFC, no zero-width characters, trimmed (incl. full-width spaces). */
export function normaliseCell(cell: string): string {
  return cell
    .normalize('NFC')
    .replace(/[\u200b-\u200d\u2060]/g, '')
    .trim();
}

/** A data row: the spreadsheet row number and the value of each column present in the file. */
export interface MappedRow {
  row: number;
  /** A field is absent when the file has no such column, '' when the cell is empty. */
  values: Partial<Record<RosterField, string>>;
}

/** Where the header was found and how its columns map. */
export interface TableMapping {
  headerRow: number;
  columns: Partial<Record<RosterField, number>>;
  /** Header cells that name no roster field (shown to the user as "ignored columns"). */
  ignored: string[];
}

/** Outcome of {@link mapTable}. */
export type TableResult = { ok: true; mapping: TableMapping; rows: MappedRow[] } | { ok: false; errors: ImportIssue[] };

/**
 * Finds the header, maps columns and extracts the data rows.
 * @example mapTable([{ row: 1, cells: ['姓名', '层级', '乡镇', '手机'] }, { row: 2, cells: ['张三', '区', '城关街道', '13800138000'] }], 'zh-CN')
 */
export function mapTable(rows: readonly SourceRow[], locale: Locale, options: { maxRows?: number } = {}): TableResult {
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const nonEmpty = rows
    .map((r) => ({ row: r.row, cells: r.cells.map(normaliseCell) }))
    .filter((r) => r.cells.some((c) => c !== ''));
  if (nonEmpty.length === 0) return fail(null, null, 'file_empty', locale);

  const candidates = nonEmpty.slice(0, HEADER_SEARCH_ROWS).map((r, index) => ({ index, r, fields: r.cells.map(matchHeader) }));
  const known = (c: (typeof candidates)[number]) => new Set(c.fields.filter((f) => f !== null));
  const header =
    candidates.find((c) => known(c).has('name') && known(c).has('phone')) ??
    candidates.reduce((best, c) => (known(c).size > known(best).size ? c : best));
  if (known(header).size === 0) return fail(null, null, 'no_header', locale);

  const errors: ImportIssue[] = [];
  const columns: Partial<Record<RosterField, number>> = {};
  const ignored: string[] = [];
  header.fields.forEach((field, col) => {
    const text = header.r.cells[col] ?? '';
    if (field === null) {
      if (text !== '') ignored.push(text);
      return;
    }
    const first = columns[field];
    if (first === undefined) columns[field] = col;
    else {
      const params = { first: header.r.cells[first] ?? '', second: text, column: fieldLabel(field, locale) };
      errors.push(issue(header.r.row, field, 'duplicate_column', locale, params));
    }
  });
  for (const field of REQUIRED_FIELDS) {
    if (columns[field] === undefined) {
      errors.push(issue(header.r.row, field, 'missing_column', locale, { column: fieldLabel(field, locale) }));
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  const data = nonEmpty.slice(header.index + 1);
  if (data.length === 0) return fail(header.r.row, null, 'no_rows', locale);
  if (data.length > maxRows) return fail(null, null, 'too_many_rows', locale, { max: maxRows });
  const mapped = data.map((r) => {
    const values: Partial<Record<RosterField, string>> = {};
    for (const [field, col] of Object.entries(columns) as [RosterField, number][]) values[field] = r.cells[col] ?? '';
    return { row: r.row, values };
  });
  return { ok: true, mapping: { headerRow: header.r.row, columns, ignored }, rows: mapped };
}

type Code = Parameters<typeof importMessage>[0];

function issue(row: number | null, field: RosterField | null, code: Code, locale: Locale, params = {}): ImportIssue {
  return { row, field, code, message: importMessage(code, locale, params) };
}

function fail(row: number | null, field: RosterField | null, code: Code, locale: Locale, params = {}): TableResult {
  return { ok: false, errors: [issue(row, field, code, locale, params)] };
}
