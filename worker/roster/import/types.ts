/**
 * Shapes shared by the roster import pipeline:
 * bytes → text or workbook → source rows → mapped rows → validated records.
 */

/** One row of the source file, with the row number a person sees in Excel/WPS (1-based). */
export interface SourceRow {
  row: number;
  cells: string[];
}

/** The columns the roster import understands. */
export type RosterField = 'name' | 'level' | 'township' | 'station' | 'sector' | 'phone';

/** Every roster field, in the order a template lists them. */
export const ROSTER_FIELDS: readonly RosterField[] = ['name', 'level', 'township', 'station', 'sector', 'phone'];

/**
 * One problem found in an import. `row` is the spreadsheet row number (null when the problem
 * concerns the whole file); `field` is null when no single column is at fault.
 */
export interface ImportIssue {
  row: number | null;
  field: RosterField | null;
  code: string;
  message: string;
}
