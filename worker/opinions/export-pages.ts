/**
 * The opinion export as pages of rows, read from D1 in key order (received time, then id —
 * the `opinions_received` index, which carries the rowid) with a keyset cursor: each page is
 * one indexed range read that starts where the last one stopped, so page 200 costs what page
 * 1 costs (an OFFSET would re-read every earlier row) and the Worker holds one page at a time.
 * The writers in worker/platform/export/stream.ts turn the pages into a byte stream.
 */
import { and, asc, desc, type SQL, sql } from 'drizzle-orm';
import { type Database, schema } from '../db/client';
import { MAX_ROWS } from '../platform/export/xlsx';
import { type ExportContext, exportRow } from './export';
import { listAll, stepTimes } from './queries';

const o = schema.opinions;

/**
 * Rows per D1 read. 500 opinions with 500-character texts are about 1 MB of result: large
 * enough that a 100,000-row export is 200 reads, small enough to keep the isolate's memory flat.
 */
export const EXPORT_PAGE_ROWS = 500;

/** Most data rows an XLSX export may hold: one sheet of Excel (1,048,576 rows) minus the header. */
export const MAX_XLSX_EXPORT_ROWS = MAX_ROWS - 1;

/** Export order: the list's default (newest first) or, with `sort=received`, oldest first. */
export type ExportOrder = 'newest' | 'oldest';

/**
 * The export's order for a list sort option. `sort=due` exports newest first: the due-date
 * order has no key a cursor can follow cheaply (it mixes states), and the spreadsheet can sort.
 */
export function exportOrder(sort: string | undefined): ExportOrder {
  return sort === 'received' ? 'oldest' : 'newest';
}

/**
 * Pages of export rows (cells, without the header) for the opinions matching `where`.
 * @example for await (const page of opinionPages(db, where, 'newest', ctx)) write(page)
 */
export async function* opinionPages(
  db: Database,
  where: SQL | undefined,
  order: ExportOrder,
  ctx: Omit<ExportContext, 'steps'>,
  pageRows = EXPORT_PAGE_ROWS,
): AsyncGenerator<ReturnType<typeof exportRow>[]> {
  const newest = order === 'newest';
  const orderBy = newest ? [desc(o.receivedAt), desc(o.id)] : [asc(o.receivedAt), asc(o.id)];
  let cursor: { receivedAt: number; id: number } | null = null;
  for (;;) {
    // A row value comparison: SQLite turns it into one range on (received_at, rowid).
    const after: SQL | undefined = cursor
      ? newest
        ? sql`(${o.receivedAt}, ${o.id}) < (${cursor.receivedAt}, ${cursor.id})`
        : sql`(${o.receivedAt}, ${o.id}) > (${cursor.receivedAt}, ${cursor.id})`
      : undefined;
    const rows = await listAll(db, and(where, after), orderBy, pageRows);
    if (rows.length === 0) return;
    // The step timestamps of this page's opinions only; json_each keeps it one bound parameter
    // (D1 allows 100 per statement) however large the page.
    const ids = JSON.stringify(rows.map((r) => r.id));
    const steps = await stepTimes(db, sql`${o.id} IN (SELECT value FROM json_each(${ids}))`);
    yield rows.map((r) => exportRow(r, { ...ctx, steps }));
    if (rows.length < pageRows) return;
    const last = rows[rows.length - 1]!;
    cursor = { receivedAt: last.receivedAt, id: last.id };
  }
}

/**
 * How many opinions match, counting no further than `cap` (so asking "more than Excel's
 * rows?" never reads more than that many index entries).
 */
export async function cappedCount(db: Database, where: SQL | undefined, cap: number): Promise<number> {
  const row = await db.get<{ n: number }>(
    sql`SELECT count(*) AS n FROM (SELECT 1 FROM ${o} WHERE ${where ?? sql`1`} LIMIT ${cap})`,
  );
  return Number(row?.n ?? 0);
}

/**
 * Reads the first page before anything is sent, so that a failing query becomes an error
 * answer (status and message) rather than a download cut short; the rest streams.
 */
export async function primed<T>(pages: AsyncGenerator<T>): Promise<AsyncGenerator<T>> {
  const first = await pages.next();
  return (async function* () {
    try {
      if (first.done) return;
      yield first.value;
      yield* pages;
    } finally {
      await pages.return(undefined);
    }
  })();
}
