/**
 * The one exception of the import pipeline: the file as a whole cannot be read.
 * Row-level problems are never thrown; they are collected and returned (see validate.ts).
 */
import type { ImportCode } from './messages';

/** Codes that concern the whole file rather than one row. */
export type FileErrorCode = Extract<
  ImportCode,
  | 'file_empty'
  | 'file_too_large'
  | 'encoding_unknown'
  | 'csv_unterminated_quote'
  | 'xls_unsupported'
  | 'xlsx_corrupt'
  | 'xlsx_too_large'
  | 'xlsx_no_sheet'
  | 'too_many_columns'
  | 'too_many_rows'
>;

/** Thrown by the readers when a file cannot be turned into rows at all. */
export class ImportFileError extends Error {
  // Plain fields rather than parameter properties: the module stays type-strippable, which the
  // workerd check in test/unit/roster-import relies on.
  readonly code: FileErrorCode;
  readonly params: Record<string, string | number>;

  constructor(code: FileErrorCode, params: Record<string, string | number> = {}) {
    super(code);
    this.name = 'ImportFileError';
    this.code = code;
    this.params = params;
  }
}
