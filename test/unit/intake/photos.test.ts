/// <reference types="node" />
/**
 * Metadata stripping on real images made by sharp (libvips, via miniflare's dependencies):
 * EXIF with GPS and XMP go in, the cleaned image still decodes, keeps its pixels size and its
 * orientation, and carries no trace of the location.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { exifOrientation, orientationSegment, sniffImage, stripMetadata } from '../../../worker/intake/photos';

type Sharp = typeof import('sharp').default;
const sharp: Sharp | null = (() => {
  try {
    return createRequire(import.meta.url)('sharp') as Sharp;
  } catch {
    return null;
  }
})();

const SECRET = 'GPS-SECRET-Wuhan';
const exif = {
  IFD0: { ImageDescription: SECRET, Make: 'SecretPhone' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 35/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '114/1 17/1 0/1' },
};
const xmp = `<?xpacket begin=""?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${SECRET}</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="r"?>`;

async function image(format: 'jpeg' | 'png' | 'webp'): Promise<Uint8Array> {
  const s = sharp as Sharp;
  const base = s({ create: { width: 40, height: 20, channels: 3, background: '#c33' } });
  const withMeta = base.withMetadata({ orientation: 6 }).withExifMerge(exif).withXmp(xmp);
  return new Uint8Array(await withMeta[format]().toBuffer());
}

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe.skipIf(sharp === null)('stripMetadata on real images', () => {
  for (const format of ['jpeg', 'png', 'webp'] as const) {
    it(`${format}: removes EXIF (GPS) and XMP, and the image still decodes`, async () => {
      const input = await image(format);
      expect(text(input)).toContain(SECRET); // the fixture really carries it
      const out = stripMetadata(input);
      expect(out.ok).toBe(true);
      if (!out.ok) return;
      expect(out.type).toBe(`image/${format}`);
      expect(text(out.bytes)).not.toContain(SECRET);
      expect(text(out.bytes)).not.toContain('SecretPhone');
      expect(text(out.bytes)).not.toContain('xmpmeta');
      const meta = await (sharp as Sharp)(Buffer.from(out.bytes)).metadata();
      expect(meta.format).toBe(format);
      expect([meta.width, meta.height]).toEqual([40, 20]);
      expect(meta.xmp).toBeUndefined();
      if (format === 'jpeg') {
        // Only the orientation survives, so portrait phone photos do not turn sideways.
        expect(meta.orientation).toBe(6);
        expect(out.removed).toEqual(expect.arrayContaining(['exif', 'xmp']));
      } else {
        expect(meta.exif).toBeUndefined();
      }
      // Cleaning is idempotent.
      const again = stripMetadata(out.bytes);
      expect(again.ok && Buffer.from(again.bytes).equals(Buffer.from(out.bytes))).toBe(true);
    });
  }
});

describe('sniffImage', () => {
  it('goes by magic bytes, not by name or declared type', () => {
    expect(sniffImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
    expect(sniffImage(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffImage(new TextEncoder().encode('GIF89a'))).toBeNull();
    expect(sniffImage(new TextEncoder().encode('%PDF-1.7'))).toBeNull();
    expect(sniffImage(new Uint8Array())).toBeNull();
  });
});

describe('stripMetadata on broken input', () => {
  it('reports corrupt files instead of throwing', () => {
    const cases = [
      [0xff, 0xd8, 0xff], // JPEG cut after the first marker byte
      [0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff], // segment longer than the file
      [0xff, 0xd8, 0x00, 0x00], // not a marker
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 1], // PNG without IHDR
      [...new TextEncoder().encode('RIFF'), 0xff, 0xff, 0xff, 0x7f, ...new TextEncoder().encode('WEBP')],
    ];
    for (const bytes of cases) expect(stripMetadata(new Uint8Array(bytes))).toMatchObject({ ok: false });
    expect(stripMetadata(new TextEncoder().encode('hello'))).toEqual({ ok: false, reason: 'unknown_type' });
  });

  it('never throws on random bytes behind a valid signature', () => {
    for (let i = 0; i < 300; i++) {
      const head = [
        [0xff, 0xd8, 0xff],
        [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
        [...new TextEncoder().encode('RIFF\x20\0\0\0WEBP')],
      ][i % 3]!;
      const rest = Array.from({ length: (i * 7) % 64 }, (_, k) => (k * 131 + i * 17) & 0xff);
      expect(() => stripMetadata(new Uint8Array([...head, ...rest]))).not.toThrow();
    }
  });
});

describe('orientation', () => {
  it('reads back what orientationSegment writes', () => {
    for (const o of [2, 3, 6, 8]) expect(exifOrientation(orientationSegment(o).subarray(10))).toBe(o);
    expect(orientationSegment(6)).toHaveLength(36);
  });
});
