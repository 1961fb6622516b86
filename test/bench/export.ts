/**
 * The 100,000-opinion export, as staff download it (GET /api/opinions/export.csv and .xlsx,
 * signed in as the demo admin, every opinion), timed to the last byte, while the resident
 * memory of the server's workerd process is sampled: its growth over the download is what
 * the export cost in memory (the isolate, the HTTP stack and D1's SQLite together; the Workers
 * limit is 128 MB per isolate).
 */
import { peakRss } from './proc';

const MB = 1024 * 1024;

export interface ExportRun {
  rows: number;
  bytes: number;
  ms: number;
  /** Resident memory growth (peak − before), MB. */
  peakMb: number;
  beforeMb: number;
  peakAbsMb: number;
}

async function download(url: string, cookie: string): Promise<{ rows: number; bytes: number }> {
  const res = await fetch(url, { headers: { cookie } });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
  let bytes = 0;
  let newlines = 0;
  // Counted as it arrives, never held whole (CSV rows end in CRLF; XLSX counts bytes only).
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 0x0a) newlines++;
  }
  return { rows: newlines, bytes };
}

async function measured(url: string, cookie: string, workerd: number): Promise<ExportRun> {
  const started = performance.now();
  const { result, before, peak } = await peakRss(workerd, () => download(url, cookie));
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    rows: Math.max(0, result.rows - 1),
    bytes: result.bytes,
    ms: performance.now() - started,
    peakMb: round((peak - before) / MB),
    beforeMb: round(before / MB),
    peakAbsMb: round(peak / MB),
  };
}

/** CSV then XLSX of every opinion. */
export async function exportBench(
  baseURL: string,
  cookie: string,
  workerd: number,
): Promise<{ csv: ExportRun; xlsx: ExportRun }> {
  const csv = await measured(`${baseURL}/api/opinions/export.csv`, cookie, workerd);
  const xlsx = await measured(`${baseURL}/api/opinions/export.xlsx`, cookie, workerd);
  xlsx.rows = csv.rows; // the zip is compressed: its rows are not countable on the wire
  return { csv, xlsx };
}
