/**
 * Residents' photos: the type is decided by the file's magic bytes (never by the declared
 * type or the file name), and metadata that can reveal where and by whom a photo was taken
 * is removed before anything is stored: GPS coordinates, device serials, owner names and
 * thumbnails live in EXIF, XMP, IPTC, JUMBF/C2PA and vendor blocks.
 *
 * The cleaning is a whitelist: only what a decoder needs survives, so metadata in a block
 * nobody has heard of yet (an APP6 with GPS, a C2PA manifest in APP11, PNG's zxIf, caBX,
 * tIME) goes too.
 * - JPEG keeps SOI, DQT, DHT, DAC, SOFn, DRI, SOS with its entropy-coded data and restart
 *   markers, EOI, APP0 "JFIF", APP2 "ICC_PROFILE" and APP14 "Adobe" (colour transform).
 *   Anything after EOI goes (phones append "motion photo" videos there). One thing from EXIF
 *   is worth keeping: the orientation, without which every portrait phone photo shows
 *   sideways; it is written back as a 34-byte EXIF block holding that one tag and nothing else.
 * - PNG keeps IHDR, PLTE, IDAT, IEND, tRNS, gAMA, cHRM, sRGB, iCCP and pHYs.
 * - WebP keeps VP8, VP8L, VP8X, ALPH, ICCP, ANIM and ANMF, with the VP8X flags updated.
 *
 * Decompression bombs: the pixel size is read from the header (JPEG SOF, PNG IHDR, WebP
 * VP8X/VP8/VP8L) and images above {@link MAX_PIXELS} are refused, as every staff viewer's
 * browser would otherwise decode them to gigabytes.
 *
 * Pure: Uint8Array in, Uint8Array out. Every malformed input is reported as `corrupt`,
 * never thrown, so a bad upload becomes a field error rather than a 500.
 */

/** The image types residents may upload. */
export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';

/** File name extension per type, for object keys. */
export const PHOTO_EXTENSIONS: Readonly<Record<PhotoType, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

/** Most pixels a photo may have: 40 MP is above any phone camera (a 16000×16000 PNG is 256 MP). */
export const MAX_PIXELS = 40_000_000;

/** The outcome of cleaning one photo. `removed` names what was taken out (for tests and logs). */
export type CleanPhoto =
  | { ok: true; type: PhotoType; bytes: Uint8Array; removed: string[]; width: number; height: number }
  | { ok: false; reason: 'unknown_type' | 'corrupt' }
  | { ok: false; reason: 'too_many_pixels'; width: number; height: number };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const ascii = (bytes: Uint8Array, at: number, length: number): string => String.fromCharCode(...bytes.subarray(at, at + length));

/** The image type from the first bytes, or null when it is none of JPEG, PNG or WebP. */
export function sniffImage(bytes: Uint8Array): PhotoType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'image/webp';
  return null;
}

/** Removes location and other identifying metadata; see the module comment for what goes. */
export function stripMetadata(bytes: Uint8Array): CleanPhoto {
  const type = sniffImage(bytes);
  if (type === null) return { ok: false, reason: 'unknown_type' };
  const removed: string[] = [];
  const size: Size = { width: 0, height: 0 };
  const out =
    type === 'image/jpeg'
      ? cleanJpeg(bytes, removed, size)
      : type === 'image/png'
        ? cleanPng(bytes, removed, size)
        : cleanWebp(bytes, removed, size);
  if (!out || size.width <= 0 || size.height <= 0) return { ok: false, reason: 'corrupt' };
  if (size.width * size.height > MAX_PIXELS) return { ok: false, reason: 'too_many_pixels', ...size };
  return { ok: true, type, bytes: out, removed, ...size };
}

/** Pixel size read from an image header. */
interface Size {
  width: number;
  height: number;
}

/** Collects byte ranges and joins them once at the end. */
class Output {
  private parts: Uint8Array[] = [];
  private length = 0;
  push(part: Uint8Array): void {
    this.parts.push(part);
    this.length += part.length;
  }
  join(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// JPEG

const SOS = 0xda;
const EOI = 0xd9;
const APP0 = 0xe0;
const APP1 = 0xe1;
const APP2 = 0xe2;
const APP14 = 0xee;

/** Start-of-frame markers (C0–CF except DHT C4, JPG C8 and DAC CC): they carry the size. */
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/** Segments a decoder needs: DQT, DHT, DAC, DRI, DNL and the frame headers. */
const isDecodingSegment = (m: number) => m === 0xdb || m === 0xc4 || m === 0xcc || m === 0xdd || m === 0xdc || isSof(m);

/** Readable names of dropped segments, for `removed`. */
function jpegSegmentName(marker: number, payload: Uint8Array): string {
  if (marker === APP1) return ascii(payload, 0, 6) === 'Exif\0\0' ? 'exif' : 'xmp';
  if (marker === 0xed) return 'iptc';
  if (marker === 0xfe) return 'comment';
  if (marker === APP2 && ascii(payload, 0, 4) === 'MPF\0') return 'mpf';
  if (marker >= APP0 && marker <= 0xef) return `app${marker - APP0}`;
  return `marker-${marker.toString(16)}`;
}

/** The application segments worth keeping: JFIF, the ICC colour profile, Adobe's colour transform. */
function keepApp(marker: number, payload: Uint8Array): boolean {
  if (marker === APP0) return ascii(payload, 0, 5) === 'JFIF\0';
  if (marker === APP2) return ascii(payload, 0, 12) === 'ICC_PROFILE\0';
  if (marker === APP14) return ascii(payload, 0, 5) === 'Adobe';
  return false;
}

/** Markers without a length field: TEM and the restart markers. */
const standalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);

function cleanJpeg(b: Uint8Array, removed: string[], size: Size): Uint8Array | null {
  const out = new Output();
  out.push(b.subarray(0, 2)); // SOI
  let i = 2;
  let orientationWritten = false;
  while (i < b.length) {
    if (b[i] !== 0xff) return null;
    // Any number of 0xFF fill bytes may precede a marker.
    while (i + 1 < b.length && b[i + 1] === 0xff) i++;
    if (i + 1 >= b.length) return null;
    const marker = b[i + 1]!;
    if (marker === EOI) {
      out.push(b.subarray(i, i + 2));
      if (i + 2 < b.length) removed.push('trailer');
      return out.join();
    }
    if (standalone(marker)) {
      out.push(b.subarray(i, i + 2));
      i += 2;
      continue;
    }
    if (i + 4 > b.length) return null;
    const length = (b[i + 2]! << 8) | b[i + 3]!;
    const end = i + 2 + length;
    if (length < 2 || end > b.length) return null;
    const segment = b.subarray(i, end);
    const payload = b.subarray(i + 4, end);
    if (isSof(marker) && payload.length >= 5 && size.width === 0) {
      size.height = (payload[1]! << 8) | payload[2]!;
      size.width = (payload[3]! << 8) | payload[4]!;
    }
    if (marker === SOS || isDecodingSegment(marker) || keepApp(marker, payload)) {
      out.push(segment);
    } else {
      removed.push(jpegSegmentName(marker, payload));
      const orientation = marker === APP1 && ascii(payload, 0, 6) === 'Exif\0\0' ? exifOrientation(payload.subarray(6)) : null;
      if (orientation !== null && !orientationWritten) {
        out.push(orientationSegment(orientation));
        orientationWritten = true;
      }
    }
    i = end;
    if (marker === SOS) {
      // Entropy-coded data runs until the next marker that is not a stuffed 0xFF00 or a restart.
      let j = i;
      while (j < b.length) {
        if (b[j] === 0xff && j + 1 < b.length) {
          const next = b[j + 1]!;
          if (next !== 0x00 && next !== 0xff && !(next >= 0xd0 && next <= 0xd7)) break;
        }
        j++;
      }
      out.push(b.subarray(i, j));
      if (j >= b.length) {
        // Some cheap phones and editors cut the end-of-image marker; the picture is still whole.
        out.push(new Uint8Array([0xff, EOI]));
        return out.join();
      }
      i = j;
    }
  }
  return null;
}

/** The EXIF orientation (2–8) from a TIFF block, or null when absent, normal (1) or unreadable. */
export function exifOrientation(tiff: Uint8Array): number | null {
  if (tiff.length < 8) return null;
  const order = ascii(tiff, 0, 2);
  if (order !== 'II' && order !== 'MM') return null;
  const little = order === 'II';
  const u16 = (at: number) =>
    at + 2 > tiff.length ? -1 : little ? tiff[at]! | (tiff[at + 1]! << 8) : (tiff[at]! << 8) | tiff[at + 1]!;
  const u32 = (at: number) =>
    at + 4 > tiff.length
      ? -1
      : little
        ? (tiff[at]! | (tiff[at + 1]! << 8) | (tiff[at + 2]! << 16) | (tiff[at + 3]! << 24)) >>> 0
        : ((tiff[at]! << 24) | (tiff[at + 1]! << 16) | (tiff[at + 2]! << 8) | tiff[at + 3]!) >>> 0;
  if (u16(2) !== 42) return null;
  const ifd = u32(4);
  const count = u16(ifd);
  if (ifd < 8 || count < 0) return null;
  for (let k = 0; k < count; k++) {
    const entry = ifd + 2 + k * 12;
    if (entry + 12 > tiff.length) return null;
    if (u16(entry) === 0x0112 && u16(entry + 2) === 3) {
      const value = u16(entry + 8);
      return value >= 2 && value <= 8 ? value : null;
    }
  }
  return null;
}

/** An APP1 segment whose EXIF holds only the orientation tag (big-endian TIFF, one IFD entry). */
export function orientationSegment(orientation: number): Uint8Array {
  // prettier-ignore
  return new Uint8Array([
    0xff,
    APP1,
    0x00,
    0x22, // marker, length 34
    0x45,
    0x78,
    0x69,
    0x66,
    0x00,
    0x00, // "Exif\0\0"
    0x4d,
    0x4d,
    0x00,
    0x2a,
    0x00,
    0x00,
    0x00,
    0x08, // "MM", 42, IFD0 at 8
    0x00,
    0x01, // one entry
    0x01,
    0x12,
    0x00,
    0x03,
    0x00,
    0x00,
    0x00,
    0x01,
    0x00,
    orientation,
    0x00,
    0x00, // Orientation, SHORT, 1
    0x00,
    0x00,
    0x00,
    0x00, // no next IFD
  ]);
}

// ---------------------------------------------------------------------------------------------
// PNG

const PNG_KEEP = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'pHYs']);

const u32be = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;

function cleanPng(b: Uint8Array, removed: string[], size: Size): Uint8Array | null {
  const out = new Output();
  out.push(b.subarray(0, 8));
  let i = 8;
  let first = true;
  while (i + 12 <= b.length) {
    const length = ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
    const type = ascii(b, i + 4, 4);
    const end = i + 12 + length;
    if (end > b.length || !/^[A-Za-z]{4}$/.test(type)) return null;
    if (first) {
      if (type !== 'IHDR' || length < 8) return null;
      size.width = u32be(b, i + 8);
      size.height = u32be(b, i + 12);
    }
    first = false;
    if (PNG_KEEP.has(type)) out.push(b.subarray(i, end));
    else removed.push(type);
    i = end;
    if (type === 'IEND') {
      if (i < b.length) removed.push('trailer');
      return out.join();
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// WebP

const WEBP_KEEP = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ICCP', 'ANIM', 'ANMF']);

/** The canvas size from the first VP8X, VP8 or VP8L chunk (its payload starts at `at`). */
function webpSize(fourcc: string, b: Uint8Array, at: number, chunkSize: number, size: Size): void {
  if (size.width !== 0) return;
  const u24 = (k: number) => b[k]! | (b[k + 1]! << 8) | (b[k + 2]! << 16);
  if (fourcc === 'VP8X' && chunkSize >= 10) {
    size.width = u24(at + 4) + 1;
    size.height = u24(at + 7) + 1;
  } else if (fourcc === 'VP8 ' && chunkSize >= 10) {
    size.width = (b[at + 6]! | (b[at + 7]! << 8)) & 0x3fff;
    size.height = (b[at + 8]! | (b[at + 9]! << 8)) & 0x3fff;
  } else if (fourcc === 'VP8L' && chunkSize >= 5 && b[at] === 0x2f) {
    const bits = (b[at + 1]! | (b[at + 2]! << 8) | (b[at + 3]! << 16) | (b[at + 4]! << 24)) >>> 0;
    size.width = (bits & 0x3fff) + 1;
    size.height = ((bits >>> 14) & 0x3fff) + 1;
  }
}

function cleanWebp(b: Uint8Array, removed: string[], dims: Size): Uint8Array | null {
  const riffEnd = 8 + (b[4]! | (b[5]! << 8) | (b[6]! << 16) | (b[7]! << 24));
  if (riffEnd > b.length || riffEnd < 12) return null;
  const chunks: Uint8Array[] = [];
  let i = 12;
  while (i < riffEnd) {
    if (i + 8 > riffEnd) return null;
    const fourcc = ascii(b, i, 4);
    const size = (b[i + 4]! | (b[i + 5]! << 8) | (b[i + 6]! << 16) | (b[i + 7]! << 24)) >>> 0;
    const end = i + 8 + size + (size & 1);
    if (i + 8 + size > riffEnd) return null;
    if (!WEBP_KEEP.has(fourcc)) removed.push(fourcc.trim());
    else {
      webpSize(fourcc, b, i + 8, size, dims);
      const chunk = b.slice(i, Math.min(end, riffEnd));
      // VP8X announces EXIF (bit 3) and XMP (bit 2) in its flags; they are gone now.
      if (fourcc === 'VP8X' && size >= 1) chunk[8] = chunk[8]! & ~0x0c;
      chunks.push(chunk);
    }
    i = end;
  }
  if (chunks.length === 0) return null;
  if (riffEnd < b.length) removed.push('trailer');
  const bodyLength = 4 + chunks.reduce((n, c) => n + c.length, 0);
  const out = new Output();
  out.push(
    new Uint8Array([
      0x52,
      0x49,
      0x46,
      0x46,
      bodyLength & 0xff,
      (bodyLength >> 8) & 0xff,
      (bodyLength >> 16) & 0xff,
      (bodyLength >>> 24) & 0xff,
    ]),
  );
  out.push(b.subarray(8, 12));
  for (const c of chunks) out.push(c);
  return out.join();
}
