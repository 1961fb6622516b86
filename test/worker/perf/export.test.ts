/**
 * A 100,000-opinion export completes inside workerd, over real HTTP through the Worker, with
 * memory bounded by a page: the body arrives as a stream of page-sized chunks (never one
 * buffer), every row is there exactly once, and the CSV and XLSX both end well-formed. The
 * old whole-file export refused anything over 20,000 rows (and needed 310–370 MB at 100k).
 * Memory in MB is measured from outside, on the workerd process, by `npm run bench`
 * (`export_100k_peak_mb`); here what bounds it is proved: chunk sizes and the pull-driven page
 * reads (test/unit/export/stream.test.ts).
 */
import { env } from 'cloudflare:workers';
import { Unzip, UnzipInflate } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_PAGE_ROWS } from '../../../worker/opinions/export-pages';
import { call, type Fixture, seedFixture } from '../helpers';

const TOTAL = 100_000;
/** Long enough texts that the export is big (about 47 MB of CSV), as real opinions are. */
const BODY_CHARS = 200;
const CHUNK = 25_000;

let users: Fixture['users'];

beforeAll(async () => {
  ({ users } = await seedFixture());
  const now = Date.now();
  for (let from = 1; from <= TOTAL; from += CHUNK) {
    const to = Math.min(TOTAL, from + CHUNK - 1);
    // Generated inside D1 (one statement per chunk): no row crosses into the test. Received
    // times are distinct-ish and not in id order, so the keyset cursor is really exercised.
    await env.DB.prepare(
      `INSERT INTO opinions (tracking_code, submission_key, station_id, township_id, category, body, place, reporter_name,
         reporter_phone, state, due_on, received_at, updated_at)
       WITH RECURSIVE g(i) AS (SELECT ?1 UNION ALL SELECT i + 1 FROM g WHERE i < ?2)
       SELECT 'PF' || i, 'perf-' || i, 1 + i % 2, 1 + i % 2, 'road_traffic',
         '第' || i || '条：' || replace(hex(zeroblob(?3)), '00', '路'), '城关路', '张三', '13912345678', 'pending', NULL,
         ?4 - ((i * 2654435761) % 31536000000) / 1000 * 1000, ?4
       FROM g`,
    )
      .bind(from, to, BODY_CHARS / 2, now)
      .run();
  }
}, 180_000);

/** Reads a response body chunk by chunk, keeping only counts (never the whole body). */
async function drain(res: Response, onChunk: (c: Uint8Array) => void) {
  const started = Date.now();
  let firstAt = 0;
  let chunks = 0;
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    if (chunks === 0) firstAt = Date.now() - started;
    chunks++;
    bytes += chunk.length;
    onChunk(chunk);
  }
  return { chunks, bytes, firstMs: firstAt, totalMs: Date.now() - started };
}

describe('export of 100,000 opinions', () => {
  it('streams the whole CSV in page-sized chunks, every row once', async () => {
    const started = Date.now();
    const res = await call('GET', '/api/opinions/export.csv', { cookie: users.staff });
    expect(res.status).toBe(200);
    const decoder = new TextDecoder();
    let lines = 0;
    let tail = '';
    const seen = new Set<string>();
    const stats = await drain(res, (chunk) => {
      const text = tail + decoder.decode(chunk, { stream: true });
      const parts = text.split('\r\n');
      tail = parts.pop()!;
      for (const line of parts) {
        lines++;
        const code = line.slice(0, line.indexOf(','));
        if (code.startsWith('PF')) seen.add(code);
      }
    });
    expect(tail).toBe('');
    expect(lines).toBe(TOTAL + 1);
    expect(seen.size).toBe(TOTAL);
    // Streamed, not built and then sent: the first bytes arrive while most pages are unread
    // (a whole-file export sends its first byte only after the last row was written).
    expect(stats.chunks).toBeGreaterThanOrEqual(TOTAL / EXPORT_PAGE_ROWS);
    expect(stats.bytes).toBeGreaterThan(40_000_000);
    expect(stats.firstMs).toBeLessThan(stats.totalMs / 10);
    console.log(
      `csv: ${stats.bytes} bytes, ${stats.chunks} chunks, first after ${stats.firstMs} ms of ${stats.totalMs} ms (${Date.now() - started} ms with the request)`,
    );
  }, 300_000);

  it('streams the whole XLSX: a zip whose sheet holds the header and every row', async () => {
    const res = await call('GET', '/api/opinions/export.xlsx', { cookie: users.staff });
    expect(res.status).toBe(200);
    let rows = 0;
    let sheetEnded = false;
    let carry = '';
    const decoder = new TextDecoder();
    const unzip = new Unzip((file) => {
      if (file.name !== 'xl/worksheets/sheet1.xml') return;
      file.ondata = (err, data, final) => {
        if (err) throw err;
        const text = carry + decoder.decode(data, { stream: !final });
        rows += text.split('<row ').length - 1;
        // Keep the last few characters: a "<row " may straddle two chunks.
        carry = text.slice(-4).replace(/<row $/, '');
        if (final) sheetEnded = text.endsWith('</worksheet>');
      };
      file.start();
    });
    unzip.register(UnzipInflate);
    const stats = await drain(res, (chunk) => unzip.push(chunk));
    unzip.push(new Uint8Array(0), true);
    expect(sheetEnded).toBe(true);
    expect(rows).toBe(TOTAL + 1);
    expect(stats.chunks).toBeGreaterThanOrEqual(TOTAL / EXPORT_PAGE_ROWS);
    expect(stats.firstMs).toBeLessThan(stats.totalMs / 10);
  }, 300_000);
});
