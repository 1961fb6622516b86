/// <reference types="node" />
/**
 * The QR codes are read back by independent software: the PNG is decoded by pngjs (not by
 * our writer) and the code by jsQR (not by uqr, which made it).
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { crc32, encodeMonochromePng } from '../../../worker/intake/png';
import { QUIET_ZONE, qrMatrix, qrPng, qrSvg } from '../../../worker/intake/qr';

function decodePng(bytes: Uint8Array) {
  return PNG.sync.read(Buffer.from(bytes));
}

describe('qrPng', () => {
  for (const url of ['https://lianluo.example.gov.cn/s/ABC234', 'http://127.0.0.1:8787/t/ABCD2345']) {
    it(`decodes back to ${url}`, () => {
      const { png, width } = qrPng(url, 600);
      const image = decodePng(png);
      expect(image.width).toBe(width);
      expect(width).toBeLessThanOrEqual(600);
      const code = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
      expect(code?.data).toBe(url);
    });
  }

  it('keeps every module the same whole number of pixels, with a 4-module quiet zone', () => {
    const url = 'https://lianluo.example.gov.cn/s/ABC234';
    const modules = qrMatrix(url).length + 2 * QUIET_ZONE;
    const { width } = qrPng(url, 1024);
    expect(width % modules).toBe(0);
    const image = decodePng(qrPng(url, 1024).png);
    const scale = width / modules;
    // The quiet zone is white: the first 4 modules' worth of the first row.
    for (let x = 0; x < QUIET_ZONE * scale; x++) expect(image.data[x * 4]).toBe(255);
    // The top-left finder pattern starts right after it, black.
    expect(image.data[(QUIET_ZONE * scale * width + QUIET_ZONE * scale) * 4]).toBe(0);
  });

  it('never goes below one pixel per module', () => {
    const { width } = qrPng('https://x.test/s/ABCDEF', 10);
    expect(width).toBe(qrMatrix('https://x.test/s/ABCDEF').length + 2 * QUIET_ZONE);
  });
});

describe('encodeMonochromePng', () => {
  it('writes a valid PNG pngjs reads pixel for pixel', () => {
    const image = decodePng(encodeMonochromePng(13, 3, (x, y) => (x + y) % 2 === 0));
    expect([image.width, image.height]).toEqual([13, 3]);
    for (let y = 0; y < 3; y++)
      for (let x = 0; x < 13; x++) expect(image.data[(y * 13 + x) * 4]).toBe((x + y) % 2 === 0 ? 0 : 255);
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});

describe('qrSvg', () => {
  it('is one path, labelled, with the quiet zone in the viewBox', () => {
    const svg = qrSvg('https://x.test/s/ABCDEF', '城关站 <二维码>');
    const side = qrMatrix('https://x.test/s/ABCDEF').length + 2 * QUIET_ZONE;
    expect(svg).toContain(`viewBox="0 0 ${side} ${side}"`);
    expect(svg.match(/<path/g)).toHaveLength(1);
    expect(svg).toContain('role="img" aria-label="城关站 &lt;二维码&gt;"');
    expect(svg).toContain('<title>城关站 &lt;二维码&gt;</title>');
    expect(qrSvg('x')).toContain('aria-hidden="true"');
    expect(svg.length).toBeLessThan(4000);
  });
});
