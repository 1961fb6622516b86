/**
 * Photos: typed by magic bytes, at most 3 of at most 5 MB, and stored in R2 without their
 * location metadata. Bad photos are field errors, never 500s.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedFixture } from '../helpers';
import {
  codeOf,
  file,
  jpegWithGps,
  jpegWithHiddenGps,
  pngWithHiddenChunks,
  pngWithText,
  rows,
  submit,
  validFields,
} from './support';

beforeAll(async () => {
  await seedFixture();
});

const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes);

async function storedPhotos(code: string) {
  const photos = await rows<{ object_key: string; content_type: string; bytes: number; public: number }>(
    'SELECT p.object_key, p.content_type, p.bytes, p.public FROM opinion_photos p JOIN opinions o ON o.id = p.opinion_id WHERE o.tracking_code = ? ORDER BY p.id',
    code,
  );
  return Promise.all(
    photos.map(async (p) => {
      const object = await env.PHOTOS.get(p.object_key);
      return { ...p, data: new Uint8Array(await object!.arrayBuffer()), type: object!.httpMetadata?.contentType };
    }),
  );
}

describe('photo metadata: only what a decoder needs survives', () => {
  it('drops a JPEG APP6 with GPS and an APP11 JUMBF/C2PA block, keeping JFIF, tables, frame and scan', async () => {
    const code = codeOf(await submit('AAAAAA', validFields({ photos: file(jpegWithHiddenGps(), 'a.jpg', 'image/jpeg') })));
    const [photo] = await storedPhotos(code);
    const stored = latin1(photo!.data);
    expect(stored).not.toContain('GPS-SECRET');
    expect(stored).not.toContain('GPSLatitude');
    expect(stored).not.toContain('jumb');
    expect(stored).toContain('JFIF');
    const markers = [...photo!.data.keys()].filter((i) => photo!.data[i] === 0xff).map((i) => photo!.data[i + 1]);
    for (const kept of [0xd8, 0xe0, 0xdb, 0xc0, 0xc4, 0xda, 0xd9]) expect(markers).toContain(kept);
    expect(markers).not.toContain(0xe6);
    expect(markers).not.toContain(0xeb);
  });

  it('drops PNG zxIf, caBX and tIME chunks, keeping IHDR, pHYs, IDAT and IEND', async () => {
    const code = codeOf(await submit('AAAAAA', validFields({ photos: file(pngWithHiddenChunks(), 'b.png', 'image/png') })));
    const [photo] = await storedPhotos(code);
    const stored = latin1(photo!.data);
    for (const gone of ['GPS-SECRET', 'zxIf', 'caBX', 'tIME']) expect(stored).not.toContain(gone);
    for (const kept of ['IHDR', 'pHYs', 'IDAT', 'IEND']) expect(stored).toContain(kept);
  });
});

describe('decompression bombs', () => {
  it('refuses a 16000×16000 PNG from its header, with a clear message, storing nothing', async () => {
    const fields = validFields({ photos: file(pngWithHiddenChunks(16_000, 16_000), 'bomb.png', 'image/png') });
    const res = await submit('AAAAAA', fields);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('第 1 张照片的尺寸太大（16000×16000），最多 4000 万像素');
    expect(await rows('SELECT id FROM opinions WHERE submission_key = ?', fields._key)).toEqual([]);
  });

  it('refuses a JPEG whose frame header claims 8000×6000, accepts one of 6000×6000', async () => {
    const big = await submit('AAAAAA', validFields({ photos: file(jpegWithHiddenGps(8000, 6000), 'big.jpg', 'image/jpeg') }));
    expect(big.status).toBe(422);
    expect(await big.text()).toContain('（8000×6000）');
    const ok = await submit('AAAAAA', validFields({ photos: file(jpegWithHiddenGps(6000, 6000), 'ok.jpg', 'image/jpeg') }));
    expect(ok.status).toBe(303);
  });
});

describe('photo metadata', () => {
  it('strips EXIF GPS, XMP, IPTC, comments and trailers from a JPEG but keeps its orientation', async () => {
    const original = jpegWithGps(6);
    expect(latin1(original)).toContain('GPS-SECRET');
    const code = codeOf(await submit('AAAAAA', validFields({ photos: file(original, 'IMG_0001.jpg', 'image/jpeg') })));
    const [photo] = await storedPhotos(code);
    expect(photo).toMatchObject({ content_type: 'image/jpeg', type: 'image/jpeg', public: 0 });
    expect(photo?.object_key).toMatch(/^opinions\/\d{4}-\d{2}\/[0-9a-f-]{36}\.jpg$/);
    const stored = latin1(photo!.data);
    expect(stored).not.toContain('GPS-SECRET');
    expect(stored).not.toContain('xmpmeta');
    expect(stored).not.toContain('Photoshop');
    // What remains: JFIF, a 34-byte EXIF holding only Orientation = 6, the tables and the scan.
    expect(stored).toContain('JFIF');
    expect([...photo!.data.subarray(20, 56)]).toEqual([
      0xff, 0xe1, 0x00, 0x22, 0x45, 0x78, 0x69, 0x66, 0, 0, 0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1,
      0, 6, 0, 0, 0, 0, 0, 0,
    ]);
    expect([...photo!.data.subarray(-2)]).toEqual([0xff, 0xd9]);
    expect(photo?.bytes).toBe(photo?.data.length);
  });

  it('strips text chunks from a PNG, whatever type the browser declared', async () => {
    const code = codeOf(await submit('AAAAAA', validFields({ photos: file(pngWithText(), 'x.jpg', 'image/jpeg') })));
    const [photo] = await storedPhotos(code);
    expect(photo?.content_type).toBe('image/png');
    expect(latin1(photo!.data)).not.toContain('GPS-SECRET');
    expect(latin1(photo!.data)).toContain('IDAT');
  });

  it('stores up to three photos', async () => {
    const three = [1, 2, 3].map((n) => file(pngWithText(), `${n}.png`, 'image/png'));
    const code = codeOf(await submit('AAAAAA', validFields({ photos: three })));
    expect(await storedPhotos(code)).toHaveLength(3);
  });
});

describe('photos that are refused (422 with a field error)', () => {
  async function refused(photos: File | File[]) {
    const fields = validFields({ photos });
    const res = await submit('AAAAAA', fields);
    expect(res.status).toBe(422);
    expect(await rows('SELECT id FROM opinions WHERE submission_key = ?', fields._key)).toEqual([]);
    return res.text();
  }

  it('a file that is not an image, even if it says it is', async () => {
    const html = await refused(file(new TextEncoder().encode('%PDF-1.7 not a photo'), 'photo.jpg', 'image/jpeg'));
    expect(html).toContain('<a href="#f-photos">第 1 张照片不是 JPG、PNG 或 WebP 格式的图片，请换一张</a>');
    expect(html).toContain('出错后照片不会保留，请重新选择要上传的照片。');
  });

  it('a GIF (an image, but not an accepted type)', async () => {
    const html = await refused([
      file(pngWithText(), 'a.png', 'image/png'),
      file(new TextEncoder().encode('GIF89a......'), 'b.gif', 'image/gif'),
    ]);
    expect(html).toContain('第 2 张照片不是 JPG、PNG 或 WebP 格式的图片');
  });

  it('a truncated image', async () => {
    const html = await refused(file(new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0x40, 0x00, 1, 2, 3]), 'cut.jpg', 'image/jpeg'));
    expect(html).toContain('第 1 张照片无法读取，请换一张');
  });

  it('more than three', async () => {
    const four = [1, 2, 3, 4].map((n) => file(pngWithText(), `${n}.png`, 'image/png'));
    const html = await refused(four);
    expect(html).toContain('最多可以上传 3 张照片，您选了 4 张，请去掉 1 张');
  });

  it('one over 5 MB', async () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set([0xff, 0xd8, 0xff]);
    const html = await refused(file(big, 'big.jpg', 'image/jpeg'));
    expect(html).toContain('第 1 张照片超过 5 MB，请换一张小一点的');
  });

  it('photo errors come after the text errors, in question order', async () => {
    const res = await submit('AAAAAA', {
      _key: crypto.randomUUID(),
      photos: file(new Uint8Array([1, 2, 3]), 'x.jpg', 'image/jpeg'),
    });
    const html = await res.text();
    const order = ['#f-category', '#f-body', '#f-photos'].map((id) => html.indexOf(`<a href="${id}">`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('an empty file part (no photo chosen) is no photo at all', async () => {
    const code = codeOf(await submit('AAAAAA', validFields({ photos: file(new Uint8Array(), '', 'application/octet-stream') })));
    expect(await storedPhotos(code)).toEqual([]);
  });
});
