/**
 * Bytes of an uploaded text file → string. Chinese Windows Excel saves "CSV (逗号分隔)" in the
 * system code page (GBK/CP936) with no marker, while "CSV UTF-8" and WPS add a UTF-8 BOM; Excel's
 * "Unicode text" is UTF-16LE with a BOM. So: a BOM decides; otherwise UTF-8 if the bytes are valid
 * UTF-8, else GB18030 (a superset of GBK and GB2312).
 *
 * Uses only `TextDecoder`: workerd and Node (full ICU) both ship the WHATWG `gb18030`/`gbk`
 * decoders, checked in workerd 2026-11-17 and Node 22.
 */
import { ImportFileError } from './errors';

/** The encodings the import can tell apart. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Decoded text and how it was decoded. */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** True when the file began with a byte order mark (removed from `text`). */
  bom: boolean;
}

/** Is this a valid UTF-8 byte sequence? (Pure ASCII counts as UTF-8.) */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes an uploaded CSV/text file.
 * @throws ImportFileError `file_empty`, or `encoding_unknown` when neither UTF-8 nor GB18030 fits.
 * @example decodeText(new Uint8Array([0xd5, 0xc5, 0xc8, 0xfd])) // { text: '张三', encoding: 'gb18030', bom: false }
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new ImportFileError('file_empty');
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return strict('utf-8', bytes.subarray(3), true);
  if (b0 === 0xff && b1 === 0xfe) return strict('utf-16le', bytes.subarray(2), true);
  if (b0 === 0xfe && b1 === 0xff) return strict('utf-16be', bytes.subarray(2), true);
  // Valid UTF-8 is tried first: GBK text of a real roster (many two-byte Han characters) is
  // practically never valid UTF-8, whereas UTF-8 text is always invalid GBK or mis-decoded.
  if (isValidUtf8(bytes)) return strict('utf-8', bytes, false);
  return strict('gb18030', bytes, false);
}

function strict(encoding: TextEncodingName, body: Uint8Array, bom: boolean): DecodedText {
  try {
    // ignoreBOM keeps a second BOM as text; the first one was already cut off above.
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
    return { text, encoding, bom };
  } catch {
    throw new ImportFileError('encoding_unknown');
  }
}
