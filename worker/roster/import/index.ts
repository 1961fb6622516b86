/**
 * The roster import pipeline in one call, for the route: bytes → rows → mapped rows → plan.
 * Format is sniffed from the bytes, not the file name, because browsers and WeChat rename files.
 */
import type { Locale } from '../../platform/i18n';
import { parseCsv } from './csv';
import { decodeText, type TextEncodingName } from './decode';
import { ImportFileError } from './errors';
import { importMessage } from './messages';
import { mapTable, type TableMapping } from './table';
import type { ImportIssue, SourceRow } from './types';
import { type RosterLookups, type RosterValidation, validateRoster } from './validate';
import { looksLikeOle, looksLikeZip, readXlsx } from './xlsx';

/** Largest upload accepted (a 5,000-row roster is well under 1 MB). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** What was read from the file before any mapping. */
export interface RosterFile {
  format: 'csv' | 'xlsx';
  encoding?: TextEncodingName;
  sheetName?: string;
  rows: SourceRow[];
}

/**
 * Reads an uploaded CSV or XLSX into source rows.
 * @throws ImportFileError for an empty, oversized, undecodable or corrupt file.
 */
export function readRosterFile(bytes: Uint8Array): RosterFile {
  if (bytes.length === 0) throw new ImportFileError('file_empty');
  if (bytes.length > MAX_IMPORT_BYTES) throw new ImportFileError('file_too_large', { maxMb: MAX_IMPORT_BYTES / 1024 / 1024 });
  if (looksLikeZip(bytes) || looksLikeOle(bytes)) {
    const sheet = readXlsx(bytes);
    return { format: 'xlsx', sheetName: sheet.sheetName, rows: sheet.rows };
  }
  const decoded = decodeText(bytes);
  return { format: 'csv', encoding: decoded.encoding, rows: parseCsv(decoded.text).rows };
}

/** Outcome of {@link prepareRosterImport}: the plan (or every problem) plus what was read. */
export type RosterImportPlan = RosterValidation & {
  file?: Omit<RosterFile, 'rows'> & { dataRows: number };
  mapping?: TableMapping;
};

/**
 * Runs the whole pure part of an import. Never throws for bad input: file-level problems come
 * back as a single issue with `row: null`.
 */
export function prepareRosterImport(bytes: Uint8Array, lookups: RosterLookups, locale: Locale): RosterImportPlan {
  let file: RosterFile;
  try {
    file = readRosterFile(bytes);
  } catch (err) {
    if (!(err instanceof ImportFileError)) throw err;
    const issue: ImportIssue = { row: null, field: null, code: err.code, message: importMessage(err.code, locale, err.params) };
    return { ok: false, errors: [issue] };
  }
  const { rows, ...meta } = file;
  const table = mapTable(rows, locale);
  if (!table.ok) return { ok: false, errors: table.errors, file: { ...meta, dataRows: 0 } };
  const plan = validateRoster(table.rows, lookups, locale);
  return { ...plan, file: { ...meta, dataRows: table.rows.length }, mapping: table.mapping };
}

export { ImportFileError } from './errors';
export type { ImportIssue, RosterField, SourceRow } from './types';
export type { DeputyImportRecord, DeputyRef, RosterLookups, StationRef, TownshipRef } from './validate';
export { buildLookups, validateRoster } from './validate';
