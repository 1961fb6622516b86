/**
 * Streaming CSV and XLSX: rows arrive in pages (an async iterable, e.g. key-ordered D1 pages)
 * and leave as a `ReadableStream` of bytes, so an export's memory is bounded by a page or two
 * whatever its size. The stream is pull-based: the next page is read only when the client has
 * taken what was sent, so a slow download also slows the database reads instead of piling up
 * bytes in the isolate (Workers allow 128 MB per isolate; a 100,000-row export written whole
 * needed 310–370 MB).
 *
 * The bytes are the same as the whole-file writers' (./csv.ts, ./xlsx.ts with inline strings),
 * except that XLSX column widths are measured on the header and the first page only (a
 * worksheet names its widths before its rows).
 */
import { Zip, ZipDeflate } from 'fflate';
import { type CsvValue, type CsvWriteOptions, csvLine } from './csv';
import {
  columnWidths,
  inlineText,
  MAX_ROWS,
  MTIME,
  packageParts,
  rowXml,
  SHEET_TAIL,
  sheetHead,
  sheetNames,
  type XlsxValue,
} from './xlsx';

/** Pages of rows; an empty page is skipped, the end of the iteration ends the file. */
export type RowPages<T> = AsyncIterable<readonly (readonly T[])[]>;

const encoder = new TextEncoder();

/** `rows` (e.g. a header) as a page of their own, then `pages`. */
export async function* prependRows<T>(
  rows: readonly (readonly T[])[],
  pages: RowPages<T>,
): AsyncGenerator<readonly (readonly T[])[]> {
  yield rows;
  yield* pages;
}

/**
 * A pull-driven byte stream: `next()` is called each time the consumer wants more and returns
 * the bytes to send (possibly none) or `null` at the end.
 */
function pullStream(next: () => Promise<Uint8Array[] | null>, onCancel: () => Promise<void>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        // Loop until something is sent or the end is reached: a pull that enqueues nothing is
        // not called again by the stream.
        for (;;) {
          const chunks = await next();
          if (chunks === null) {
            controller.close();
            return;
          }
          const nonEmpty = chunks.filter((c) => c.length > 0);
          for (const c of nonEmpty) controller.enqueue(c);
          if (nonEmpty.length > 0) return;
        }
      },
      cancel: onCancel,
    },
    // One queued chunk at most ahead of the consumer: the memory bound is this plus one page.
    { highWaterMark: 1 },
  );
}

/**
 * CSV of `pages` as a byte stream (UTF-8 with the BOM by default, CRLF, quoting and formula
 * neutralising exactly as {@link import('./csv').writeCsv}).
 * @example new Response(csvStream(pages), { headers: { 'content-type': CSV_CONTENT_TYPE } })
 */
export function csvStream(pages: RowPages<CsvValue>, options: CsvWriteOptions = {}): ReadableStream<Uint8Array> {
  const it = pages[Symbol.asyncIterator]();
  let first = options.bom ?? true;
  return pullStream(
    async () => {
      const page = await it.next();
      if (page.done) {
        if (!first) return null;
        // No rows at all: still a file, the BOM alone.
        first = false;
        return [encoder.encode('\uFEFF')];
      }
      const text = (first ? '\uFEFF' : '') + page.value.map((row) => csvLine(row, options)).join('');
      first = false;
      return [encoder.encode(text)];
    },
    async () => {
      await it.return?.();
    },
  );
}

/** A one-sheet workbook to stream. */
export interface XlsxStreamSheet {
  name: string;
  /** The header row: bold and frozen. */
  header: readonly XlsxValue[];
  /** The body rows, in pages. */
  pages: RowPages<XlsxValue>;
}

/**
 * A one-sheet XLSX workbook as a byte stream: inline strings (a shared-string table would
 * have to be complete before the zip could end, i.e. held in memory), fflate's streaming zip
 * (entries with data descriptors, which Excel, WPS and LibreOffice read). Rows beyond Excel's
 * 1,048,576 make the stream fail; callers check the size first (a capped count).
 */
export function xlsxStream(sheet: XlsxStreamSheet): ReadableStream<Uint8Array> {
  const it = sheet.pages[Symbol.asyncIterator]();
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  let finished = false;
  const zip = new Zip((err, chunk, final) => {
    if (err) failure = err;
    else out.push(chunk);
    if (final) finished = true;
  });
  const [name] = sheetNames([sheet.name]);
  for (const [path, xml] of Object.entries(packageParts([name!], false))) {
    const part = new ZipDeflate(path, { level: 6 });
    part.mtime = MTIME;
    zip.add(part);
    part.push(encoder.encode(xml), true);
  }
  const rows = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 });
  rows.mtime = MTIME;
  zip.add(rows);
  let r = 0;
  let started = false;
  let ended = false;

  /** Hands over what the zip has produced so far (it calls back synchronously on push). */
  const drain = (): Uint8Array[] => {
    if (failure) throw failure;
    return out.splice(0, out.length);
  };

  return pullStream(
    async () => {
      if (ended) return null;
      const page = await it.next();
      if (page.done) {
        if (!started) rows.push(encoder.encode(sheetHead(true, columnWidths(measure([]))) + headerRow()));
        rows.push(encoder.encode(SHEET_TAIL), true);
        zip.end();
        ended = true;
        const last = drain();
        // fflate's sync deflate calls back before end() returns; anything else is a bug here.
        if (!finished) throw new Error('xlsxStream: the zip did not finish');
        return last;
      }
      let xml = '';
      if (!started) {
        // Widths from the header and the first page: the sheet declares them before any row.
        xml = sheetHead(true, columnWidths(measure(page.value))) + headerRow();
        started = true;
      }
      if (r + page.value.length > MAX_ROWS) throw new RangeError('xlsxStream: too many rows for Excel');
      const scratch: number[] = [];
      xml += page.value.map((row) => rowXml(row, r++, false, scratch, inlineText)).join('');
      rows.push(encoder.encode(xml));
      return drain();
    },
    async () => {
      await it.return?.();
    },
  );

  function headerRow(): string {
    return rowXml(sheet.header, r++, true, [], inlineText);
  }

  function measure(firstPage: readonly (readonly XlsxValue[])[]): number[] {
    const widths: number[] = [];
    rowXml(sheet.header, 0, true, widths, inlineText);
    for (const row of firstPage) rowXml(row, 1, false, widths, inlineText);
    return widths;
  }
}
