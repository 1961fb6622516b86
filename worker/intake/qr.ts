/**
 * QR codes for liaison stations and tracking pages: uqr encodes, this module draws. The SVG
 * is one path with one run per row of dark modules (a few KB instead of uqr's one rectangle
 * per module), the PNG is 1-bit (see ./png.ts). Both keep the 4-module quiet zone the
 * standard asks for, so a phone camera finds the code on a busy poster. Pure.
 */
import { encode } from 'uqr';
import { encodeMonochromePng } from './png';

/** Quiet zone around the code, in modules (ISO/IEC 18004 asks for 4). */
export const QUIET_ZONE = 4;

/**
 * The module matrix of `text` (true = dark), without quiet zone. Error correction M (15%):
 * posters get scratched, and short URLs leave room for it.
 */
export function qrMatrix(text: string): boolean[][] {
  return encode(text, { ecc: 'M', border: 0 }).data;
}

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

/**
 * An SVG of the QR code of `text`, scaling to its container. `label` becomes the accessible
 * name (role="img" + <title>); without it the image is decorative (aria-hidden). With
 * `modulePixels` the SVG also states a width and height (for a downloaded file).
 */
export function qrSvg(text: string, label?: string, opts: { modulePixels?: number } = {}): string {
  const m = qrMatrix(text);
  const side = m.length + 2 * QUIET_ZONE;
  let d = '';
  m.forEach((row, y) => {
    for (let x = 0; x < row.length; ) {
      if (!row[x]) {
        x++;
        continue;
      }
      let run = 1;
      while (row[x + run]) run++;
      d += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h${run}v1h-${run}z`;
      x += run;
    }
  });
  const name = label === undefined ? '' : escapeXml(label);
  const px = opts.modulePixels;
  const size = px ? ` width="${side * px}" height="${side * px}"` : '';
  const a11y = label === undefined ? ' aria-hidden="true"' : ` role="img" aria-label="${name}"`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg"${size} viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges"${a11y}>` +
    (label === undefined ? '' : `<title>${name}</title>`) +
    `<rect width="${side}" height="${side}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`
  );
}

/** Smallest and largest PNG sizes the API produces (pixels). */
export const PNG_SIZE_MIN = 64;
export const PNG_SIZE_MAX = 4096;

/**
 * A PNG of the QR code at most `size` pixels wide: every module gets the same whole number
 * of pixels (blurred modules scan badly), so the image may be a little smaller than asked.
 */
export function qrPng(text: string, size: number): { png: Uint8Array<ArrayBuffer>; width: number } {
  const m = qrMatrix(text);
  const modules = m.length + 2 * QUIET_ZONE;
  const scale = Math.max(1, Math.floor(size / modules));
  const width = modules * scale;
  const png = encodeMonochromePng(width, width, (x, y) => {
    const mx = Math.floor(x / scale) - QUIET_ZONE;
    const my = Math.floor(y / scale) - QUIET_ZONE;
    return m[my]?.[mx] === true;
  });
  return { png, width };
}
