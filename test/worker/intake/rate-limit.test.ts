/**
 * Per-IP and per-station limits answer with a 429 page in plain Chinese that keeps what the
 * person typed. (Miniflare enforces the [[ratelimits]] bindings of wrangler.toml: 10 per
 * minute per IP, 120 per minute per station.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { seedFixture } from '../helpers';
import { codeOf, form, freshIp, ownStation, rows, send, submit, validFields } from './support';

let station: string;

beforeAll(async () => {
  await seedFixture();
  station = await ownStation();
});

const MESSAGE = '提交太频繁了，请稍等一分钟再试。您填写的内容已保留。';

/**
 * The limiters count in windows aligned to the wall clock's minutes: a test that crosses a
 * minute boundary starts counting again halfway. Wait for a fresh minute when the test would
 * not fit into what is left of this one.
 */
async function freshWindow(needMs: number): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < needMs) await new Promise((r) => setTimeout(r, left + 50));
}

describe('per client address', () => {
  it('the 11th submission within a minute gets 429, with the form and its text kept', async () => {
    await freshWindow(15_000);
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await submit(station, validFields({ body: '太短' }), { ip })).status);
    expect(statuses.every((s) => s === 422)).toBe(true);
    const fields = validFields({ body: '第十一次提交的意见内容，应当被限流，但内容要保留。', reporter_name: '李四' });
    const res = await submit(station, fields, { ip });
    expect(res.status).toBe(429);
    const html = await res.text();
    expect(html).toContain(MESSAGE);
    expect(html).toContain(fields.body);
    expect(html).toContain('value="李四"');
    expect(html).toContain(`value="${fields._key}"`);
    expect(await rows('SELECT id FROM opinions WHERE submission_key = ?', fields._key)).toEqual([]);
    // Someone else is not affected.
    expect((await submit(station, validFields())).status).toBe(303);
  }, 90_000);

  it('a retry of an opinion already stored still gets its tracking code, even when limited', async () => {
    await freshWindow(15_000);
    const ip = freshIp();
    const fields = validFields();
    const code = codeOf(await submit(station, fields, { ip }));
    for (let i = 0; i < 10; i++) await submit(station, validFields({ body: '' }), { ip });
    expect(codeOf(await submit(station, fields, { ip }))).toBe(code);
  }, 90_000);
});

describe('per station', () => {
  it('130 empty posts from 13 addresses do not block the station for a real resident', async () => {
    const code = await ownStation(2);
    await freshWindow(40_000);
    const statuses: number[] = [];
    for (let a = 0; a < 13; a++) {
      const ip = freshIp();
      for (let i = 0; i < 10; i++)
        statuses.push((await send('POST', `/s/${code}`, form({ _key: crypto.randomUUID() }), { ip })).status);
    }
    expect(statuses.every((s) => s === 422)).toBe(true);
    expect((await submit(code, validFields())).status).toBe(303);
  }, 120_000);

  it('after 120 valid submissions to one station in a minute, the next one gets 429 (nothing stored)', async () => {
    const code = await ownStation(2);
    await freshWindow(50_000);
    const statuses: number[] = [];
    for (let i = 0; i < 120; i++) statuses.push((await submit(code, validFields())).status);
    expect(statuses.every((s) => s === 303)).toBe(true);
    const last = validFields();
    const res = await submit(code, last);
    expect(res.status).toBe(429);
    expect(await res.text()).toContain(MESSAGE);
    expect(await rows('SELECT id FROM opinions WHERE submission_key = ?', last._key)).toEqual([]);
    // Other stations are not affected.
    expect((await submit(station, validFields({ body: '短' }))).status).toBe(422);
  }, 120_000);
});

describe('tracking lookups', () => {
  it('are limited per client address with a clear page, for both /t/<code> and /t/?code=', async () => {
    const code = codeOf(await submit(station, validFields()));
    await freshWindow(20_000);
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const path =
        i % 2 === 0
          ? `/t/${code}`
          : `/t/?code=ZZZZ-${String(2345 + i)
              .slice(-4)
              .replace(/[01]/g, '9')}`;
      statuses.push((await send('GET', path, undefined, { ip })).status);
    }
    expect(statuses.every((s) => s !== 429)).toBe(true);
    for (const path of [`/t/${code}`, '/t/?code=ABCD-2345']) {
      const res = await send('GET', path, undefined, { ip });
      expect(res.status, path).toBe(429);
      expect(res.headers.get('retry-after')).toBe('60');
      const html = await res.text();
      expect(html).toContain('查询太频繁了');
      expect(html).toContain('请稍等一分钟再查');
    }
    // Another address still reads its page.
    expect((await send('GET', `/t/${code}`)).status).toBe(200);
  }, 90_000);
});

describe('rating posts', () => {
  it('are limited per client address too', async () => {
    const code = codeOf(await submit(station, validFields()));
    await freshWindow(15_000);
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await send('POST', `/t/${code}/rate`, form({ rating: 'bogus' }), { ip })).status);
    // Not resolved yet: a polite 409 each time, until the limit.
    expect(statuses.slice(0, 10).every((s) => s === 409)).toBe(true);
    expect(statuses[10]).toBe(429);
    const res = await send('POST', `/t/${code}/rate`, form({ rating: 'satisfied' }), { ip });
    expect(await res.text()).toContain('操作太频繁了，请稍等一分钟再试。');
  }, 90_000);
});
