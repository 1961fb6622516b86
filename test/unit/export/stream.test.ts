/**
 * The streaming writers: the same bytes as the whole-file writers (CSV) or the same cells
 * (XLSX), read by our own reader, by `unzip -t` and by Python's zipfile; and pull-driven — the
 * next page is read only when the consumer asks for more, which is what bounds memory.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { type CsvValue, writeCsv } from '../../../worker/platform/export/csv';
import { csvStream, xlsxStream } from '../../../worker/platform/export/stream';
import type { XlsxValue } from '../../../worker/platform/export/xlsx';
import { readXlsx } from '../../../worker/roster/import/xlsx';

const dir = mkdtempSync(join(tmpdir(), 'xlsx-stream-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const has = (cmd: string) => !spawnSync(cmd, ['-h']).error;

/** Pages of `rows`, `size` at a time, counting how many pages were taken. */
function paged<T>(rows: readonly (readonly T[])[], size: number) {
  const state = { taken: 0, returned: false };
  async function* pages() {
    try {
      for (let i = 0; i < rows.length; i += size) {
        state.taken++;
        yield rows.slice(i, i + size);
      }
    } finally {
      state.returned = true;
    }
  }
  return { pages: pages(), state };
}

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<{ bytes: Uint8Array; chunks: number }> {
  const parts: Uint8Array[] = [];
  for await (const c of stream) parts.push(c);
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return { bytes, chunks: parts.length };
}

const header = ['编号', '意见内容', '数量', '已办结'];
const body: XlsxValue[][] = Array.from({ length: 2500 }, (_, i) => [
  `TC${i}`,
  i % 7 === 0 ? `=HYPERLINK("x${i}")` : `第${i}条：路灯不亮，"晚上"出行\n不便 & <难>`,
  i,
  i % 2 === 0,
]);

describe('csvStream', () => {
  it('writes exactly what writeCsv writes, in one chunk per page', async () => {
    const rows: CsvValue[][] = [header, ...body];
    const { pages } = paged(rows, 400);
    const { bytes, chunks } = await bytesOf(csvStream(pages));
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(writeCsv(rows));
    expect(chunks).toBe(Math.ceil(rows.length / 400));
  });

  it('reads the next page only when asked, and stops reading when cancelled', async () => {
    const { pages, state } = paged<CsvValue>([header, ...body], 100);
    const reader = csvStream(pages).getReader();
    await reader.read();
    // One page sent, at most one more queued ahead (highWaterMark 1): never the whole source.
    expect(state.taken).toBeLessThanOrEqual(2);
    await reader.cancel();
    expect(state.returned).toBe(true);
    expect(state.taken).toBeLessThanOrEqual(3);
  });

  it('writes only the BOM for no rows', async () => {
    const { bytes } = await bytesOf(csvStream(paged<CsvValue>([], 10).pages));
    expect([...bytes]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('xlsxStream', () => {
  it('is a workbook with the header and every row, formula-like text as quoted strings', async () => {
    const { pages } = paged(body, 300);
    const { bytes, chunks } = await bytesOf(xlsxStream({ name: '意见办理', header, pages }));
    expect(chunks).toBeGreaterThan(2);
    const sheet = readXlsx(bytes);
    expect(sheet.sheetName).toBe('意见办理');
    expect(sheet.rows).toHaveLength(body.length + 1);
    expect(sheet.rows[0]!.cells).toEqual(header);
    expect(sheet.rows[8]!.cells).toEqual(['TC7', '=HYPERLINK("x7")', '7', 'FALSE']);
    expect(sheet.rows[2499]!.cells[1]).toBe('第2498条：路灯不亮，"晚上"出行\n不便 & <难>');
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
    expect(xml).not.toMatch(/<f[ >]/);
    expect(xml).toContain('<c r="B9" t="inlineStr" s="2">');
    expect(xml).toContain('state="frozen"');
    expect(Object.keys(unzipSync(bytes))).not.toContain('xl/sharedStrings.xml');
  });

  it('is a valid workbook with only the header when there are no rows', async () => {
    const { bytes } = await bytesOf(xlsxStream({ name: 'S', header, pages: paged<XlsxValue>([], 10).pages }));
    expect(readXlsx(bytes).rows).toEqual([{ row: 1, cells: header }]);
  });

  it('reads the next page only when asked', async () => {
    const { pages, state } = paged(body, 100);
    const reader = xlsxStream({ name: 'S', header, pages }).getReader();
    await reader.read();
    expect(state.taken).toBeLessThanOrEqual(2);
    await reader.cancel();
    expect(state.returned).toBe(true);
  });

  it.skipIf(!has('unzip') || !has('python3'))('passes unzip -t and Python zipfile + ElementTree', async () => {
    const { bytes } = await bytesOf(xlsxStream({ name: '意见办理', header, pages: paged(body, 500).pages }));
    const path = join(dir, 'stream.xlsx');
    writeFileSync(path, bytes);
    const test = spawnSync('unzip', ['-t', path], { encoding: 'utf8' });
    expect(test.stdout).toContain('No errors detected');
    const py = spawnSync(
      'python3',
      [
        '-c',
        `import sys, zipfile, xml.etree.ElementTree as ET
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist(): ET.fromstring(z.read(n))
print(len(ET.fromstring(z.read('xl/worksheets/sheet1.xml')).find('{http://schemas.openxmlformats.org/spreadsheetml/2006/main}sheetData')))`,
        path,
      ],
      { encoding: 'utf8' },
    );
    expect(py.stderr).toBe('');
    expect(py.stdout.trim()).toBe(String(body.length + 1));
  });
});
