/**
 * 代表码: a deputy's QR code opens their station's form with the deputy named; what is
 * submitted through it is offered to that deputy at 受理. The PNG is decoded with jsQR, not
 * with the library that drew it.
 */
import { env } from 'cloudflare:workers';
import { unzlibSync } from 'fflate';
import jsQR from 'jsqr';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, type Fixture, seedFixture } from '../helpers';
import { codeOf, submit, validFields } from '../intake/support';

let fx: Fixture;
beforeAll(async () => {
  fx = await seedFixture();
});

/** Our 1-bit greyscale PNGs (IHDR, IDAT, IEND; filter 0) as RGBA pixels for jsQR. */
function pixels(png: Uint8Array): { data: Uint8ClampedArray; width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: number[] = [];
  while (at < png.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    if (type === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
    }
    if (type === 'IDAT') idat.push(...png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = unzlibSync(new Uint8Array(idat));
  const stride = Math.ceil(width / 8) + 1;
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const white = (raw[y * stride + 1 + (x >> 3)]! >> (7 - (x & 7))) & 1;
      rgba.fill(white ? 255 : 0, (y * width + x) * 4, (y * width + x) * 4 + 3);
      rgba[(y * width + x) * 4 + 3] = 255;
    }
  }
  return { data: rgba, width, height };
}

describe('代表码', () => {
  it('encodes the station form with the deputy, and the form names them', async () => {
    const res = await call('GET', '/api/deputies/1/qr.png?size=300', { cookie: fx.users.deputy });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const image = pixels(new Uint8Array(await res.arrayBuffer()));
    const url = jsQR(image.data, image.width, image.height)?.data;
    expect(url).toBe('http://lianluo.test/s/AAAAAA?d=1');
    const form = await (await call('GET', '/s/AAAAAA?d=1')).text();
    expect(form).toContain('您的意见将交给 王建国 代表');
    expect(form).toContain('name="_deputy" value="1"');
  });

  it('names nobody for a deputy of another township or a made-up id', async () => {
    for (const d of ['2', '999', 'abc', '-1']) {
      const html = await (await call('GET', `/s/AAAAAA?d=${d}`)).text();
      expect(html, d).not.toContain('pg-recipient');
    }
  });

  it('offers the deputy at 受理, while staff may still choose another', async () => {
    const code = codeOf(await submit('AAAAAA', validFields({ _deputy: '1' })));
    const row = await env.DB.prepare(
      'SELECT o.id, i.channel, i.recipient_deputy_id AS recipient FROM opinions o JOIN opinion_intake i ON i.opinion_id = o.id WHERE o.tracking_code = ?1',
    )
      .bind(code)
      .first<{ id: number; channel: string | null; recipient: number }>();
    expect(row).toMatchObject({ channel: null, recipient: 1 });
    const detail = await (await call('GET', `/api/opinions/${row!.id}`, { cookie: fx.users.staffA })).json<{
      intake: { recipientDeputyId: number; recipientDeputyName: string } | null;
    }>();
    expect(detail.intake).toMatchObject({ recipientDeputyId: 1, recipientDeputyName: '王建国' });
    // A forged recipient from another township is dropped; the opinion is still stored.
    const forged = codeOf(await submit('AAAAAA', validFields({ _deputy: '2' })));
    const none = await env.DB.prepare(
      'SELECT count(*) AS n FROM opinions o JOIN opinion_intake i ON i.opinion_id = o.id WHERE o.tracking_code = ?1',
    )
      .bind(forged)
      .first<{ n: number }>();
    expect(none!.n).toBe(0);
  });

  it('prints a poster and a card, for the deputy and their township only', async () => {
    const poster = await call('GET', '/api/deputies/1/poster', { cookie: fx.users.staffA });
    expect(poster.status).toBe(200);
    const html = await poster.text();
    expect(html).toContain('区人大代表 王建国');
    expect(html).toContain('<svg');
    expect((await call('GET', '/api/deputies/2/poster', { cookie: fx.users.deputy })).status).toBe(403);
    expect((await call('GET', '/api/deputies/1/qr.svg', { cookie: fx.users.staffB })).status).toBe(403);
    expect((await call('GET', '/api/deputies/1/qr.svg', { cookie: fx.users.leader })).status).toBe(200);
  });
});
