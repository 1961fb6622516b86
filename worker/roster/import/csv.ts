/**
 * RFC 4180 CSV parser, lenient where Excel and WPS are: quoted fields with doubled quotes,
 * CRLF, LF or lone CR line ends, newlines inside quotes, a stray quote inside an unquoted field
 * kept as text. Each record keeps the row number Excel would show (one record = one row, even
 * when a cell holds a newline) and the physical line it starts on.
 */
import { ImportFileError } from './errors';
import type { SourceRow } from './types';

/** A parsed CSV record. */
export interface CsvRow extends SourceRow {
  /** 1-based physical line where the record starts (differs from `row` after embedded newlines). */
  line: number;
}

/** Field separators the parser accepts. */
export type CsvDelimiter = ',' | ';' | '\t';

/** Options of {@link parseCsv}. */
export interface CsvParseOptions {
  /** `'auto'` (default) sniffs the first record; Chinese-locale Excel writes commas. */
  delimiter?: CsvDelimiter | 'auto';
}

/** Result of {@link parseCsv}. */
export interface CsvParseResult {
  delimiter: CsvDelimiter;
  rows: CsvRow[];
}

/**
 * Guesses the separator from the first record: the candidate seen most often outside quotes.
 * Ties and no candidate at all fall back to a comma.
 */
export function sniffDelimiter(text: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  let best: CsvDelimiter = ',';
  for (const d of [';', '\t'] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

/**
 * Parses CSV text (already decoded, BOM removed) into records.
 * A final line end does not start an empty record; other empty lines come back as `['']`
 * so row numbers stay those of the spreadsheet (the table layer skips empty rows).
 * @throws ImportFileError `csv_unterminated_quote` when a quoted field never closes.
 * @example parseCsv('姓名,手机\r\n"张三",13800138000\r\n').rows[1] // { row: 2, line: 2, cells: ['张三', '13800138000'] }
 */
export function parseCsv(text: string, options: CsvParseOptions = {}): CsvParseResult {
  const delimiter = !options.delimiter || options.delimiter === 'auto' ? sniffDelimiter(text) : options.delimiter;
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let field = '';
  let line = 1; // current physical line
  let recordLine = 1; // line where the current record started
  let i = 0;
  const n = text.length;

  const endRecord = () => {
    cells.push(field);
    rows.push({ row: rows.length + 1, line: recordLine, cells });
    cells = [];
    field = '';
  };

  while (i < n) {
    const ch = text[i];
    if (ch === '"' && field === '') {
      // Quoted field: runs to the next quote not followed by another quote.
      const openedOnLine = recordLine;
      i++;
      let closed = false;
      while (i < n) {
        const q = text[i];
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        if (q === '\n' || (q === '\r' && text[i + 1] !== '\n')) line++;
        field += q;
        i++;
      }
      if (!closed) throw new ImportFileError('csv_unterminated_quote', { row: rows.length + 1, line: openedOnLine });
      // Anything between the closing quote and the separator is kept, as Excel does.
      continue;
    }
    if (ch === delimiter) {
      cells.push(field);
      field = '';
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      endRecord();
      line++;
      recordLine = line;
      continue;
    }
    field += ch;
    i++;
  }
  // The last record has no line end after it, unless the text ended with one.
  if (field !== '' || cells.length > 0 || (n > 0 && text[n - 1] !== '\n' && text[n - 1] !== '\r')) endRecord();
  return { delimiter, rows };
}
