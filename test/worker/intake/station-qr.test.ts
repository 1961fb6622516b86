/**
 * Staff downloads of a station's QR code (SVG, PNG) and its A4 poster. The PNG is decoded
 * here with jsQR over pixels inflated by a reader written for this test; the end-to-end test
 * decodes the served PNG with pngjs and opens the URL in a browser.
 */
import { unzlibSync } from 'fflate';
import jsQR from 'jsqr';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, type Fixture, seedFixture } from '../helpers';

let users: Fixture['users'];
beforeAll(async () => {
  ({ users } = await seedFixture());
});

/** Reads our 1-bit greyscale PNGs (IHDR, IDAT, IEND; filter 0) into RGBA for jsQR. */
function readMonochromePng(png: Uint8Array): { data: Uint8ClampedArray; width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Uint8Array[] = [];
  while (at < png.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      expect([...data.subarray(8, 13)]).toEqual([1, 0, 0, 0, 0]);
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = unzlibSync(new Uint8Array(idat.flatMap((d) => [...d])));
  const stride = Math.ceil(width / 8) + 1;
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * stride]).toBe(0);
    for (let x = 0; x < width; x++) {
      const white = (raw[y * stride + 1 + (x >> 3)]! >> (7 - (x & 7))) & 1;
      rgba.fill(white ? 255 : 0, (y * width + x) * 4, (y * width + x) * 4 + 3);
      rgba[(y * width + x) * 4 + 3] = 255;
    }
  }
  return { data: rgba, width, height };
}

describe('GET /api/stations/:id/qr.png', () => {
  it('encodes the absolute URL of the station form, at most ?size= pixels wide', async () => {
    const res = await call('GET', '/api/stations/1/qr.png?size=300', { cookie: users.staffA });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toBe('inline; filename="station-AAAAAA.png"');
    const image = readMonochromePng(new Uint8Array(await res.arrayBuffer()));
    expect(image.width).toBeLessThanOrEqual(300);
    const url = jsQR(image.data, image.width, image.height)?.data;
    expect(url).toBe('http://lianluo.test/s/AAAAAA');
    // And that URL opens the right form.
    const form = await call('GET', new URL(url!).pathname);
    expect(await form.text()).toContain('城关街道人大代表联络站');
  });

  it('refuses a size out of range with a field error', async () => {
    for (const size of ['0', '10', '99999', 'big', '']) {
      const res = await call('GET', `/api/stations/1/qr.png?size=${size}`, { cookie: users.admin });
      expect(res.status, size).toBe(422);
      expect((await res.json<{ error: { fields: Record<string, string> } }>()).error.fields.size).toBeTruthy();
    }
  });

  it('404 for an unknown station; 403 for another township', async () => {
    expect((await call('GET', '/api/stations/999/qr.png', { cookie: users.admin })).status).toBe(404);
    const res = await call('GET', '/api/stations/2/qr.svg', { cookie: users.staffA });
    expect(res.status).toBe(403);
    expect((await res.json<{ error: { message: string } }>()).error.message).toMatch(/本乡镇/);
  });
});

describe('GET /api/stations/:id/qr.svg', () => {
  it('is an SVG naming the station, with a size for printing programs', async () => {
    const res = await call('GET', '/api/stations/2/qr.svg', { cookie: users.staffB });
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    const svg = await res.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="(\d+)" height="\1" viewBox/);
    expect(svg).toContain('<title>东湖街道人大代表联络站</title>');
  });
});

describe('GET /api/stations/:id/poster', () => {
  it('is an A4 page with the station, township, deputies by name, the QR code and the two instructions', async () => {
    const res = await call('GET', '/api/stations/1/poster', { cookie: users.leader });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('@page{size:A4');
    expect(html).toContain('<p class="station">城关街道人大代表联络站</p>');
    expect(html).toContain('<p class="town">城关街道</p>');
    expect(html).toContain('王建国');
    expect(html).not.toContain('13800000001');
    expect(html).toContain('微信或手机相机扫一扫，提出您的意见建议');
    expect(html).toContain('提交后保存查询码，随时查看办理进度');
    expect(html).toContain('<svg');
    expect(html).toContain('http://lianluo.test/s/AAAAAA');
  });
});
