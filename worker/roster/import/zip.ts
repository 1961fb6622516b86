/**
 * Just enough ZIP reading for .xlsx: list entries from the central directory and inflate one
 * entry with fflate's streaming `Inflate`, counting output as it is produced.
 *
 * Why not `unzipSync`: it trusts the declared size and keeps decoding a lying entry to the end
 * (its output is silently truncated, the CPU is not), so a small bomb could burn a Worker's CPU
 * budget. Here inflation is fed in small slices and stops as soon as the budget is exceeded.
 */
import { Inflate } from 'fflate';
import { ImportFileError } from './errors';

/** One file inside the archive, as the central directory describes it. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
}

/** Input slice fed to the inflater at a time: DEFLATE expands at most ~1032×, so ≤ 4 MB a step. */
const SLICE = 4 * 1024;

const u16 = (b: Uint8Array, o: number) => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, o: number) => (u16(b, o) | (u16(b, o + 2) << 16)) >>> 0;

/**
 * Lists the entries of a ZIP archive.
 * @throws ImportFileError `xlsx_corrupt` when no valid central directory is found.
 */
export function listZip(bytes: Uint8Array): Map<string, ZipEntry> {
  // The end-of-central-directory record sits in the last 22 + up to 65535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ImportFileError('xlsx_corrupt');
  const count = u16(bytes, eocd + 10);
  let p = u32(bytes, eocd + 16);
  const names = new TextDecoder('utf-8');
  const entries = new Map<string, ZipEntry>();
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw new ImportFileError('xlsx_corrupt');
    const nameLength = u16(bytes, p + 28);
    const entry: ZipEntry = {
      name: names.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      method: u16(bytes, p + 10),
      compressedSize: u32(bytes, p + 20),
      declaredSize: u32(bytes, p + 24),
      localHeaderOffset: u32(bytes, p + 42),
    };
    // Some writers use backslashes; lookups are by the canonical forward-slash name.
    entries.set(entry.name.replace(/\\/g, '/').replace(/^\//, ''), entry);
    p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  return entries;
}

/**
 * Inflates one entry, refusing to produce more than `maxBytes`. The declared size is checked
 * up front (cheap refusal of an honest bomb) and enforced while inflating (a lying entry is
 * stopped within one slice of its claim).
 * @throws ImportFileError `xlsx_too_large` past the budget, `xlsx_corrupt` for bad data.
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number, maxMb: number): Uint8Array {
  if (entry.declaredSize > maxBytes) throw new ImportFileError('xlsx_too_large', { maxMb });
  const h = entry.localHeaderOffset;
  if (h + 30 > bytes.length || u32(bytes, h) !== 0x04034b50) throw new ImportFileError('xlsx_corrupt');
  const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ImportFileError('xlsx_corrupt');
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (data.length > maxBytes) throw new ImportFileError('xlsx_too_large', { maxMb });
    return data.slice();
  }
  if (entry.method !== 8) throw new ImportFileError('xlsx_corrupt');

  const chunks: Uint8Array[] = [];
  let total = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > entry.declaredSize) throw new ImportFileError('xlsx_corrupt');
    chunks.push(chunk);
    if (final) done = true;
  });
  try {
    for (let off = 0; off < data.length; off += SLICE) {
      inflater.push(data.subarray(off, Math.min(off + SLICE, data.length)), off + SLICE >= data.length);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    throw new ImportFileError('xlsx_corrupt');
  }
  if (!done) throw new ImportFileError('xlsx_corrupt');
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
