/**
 * Never lose, never duplicate: a submission key stores at most one opinion, whether the same
 * request comes again later (a retry after a lost response) or several race each other.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { database } from '../../../worker/db/client';
import { planContext, stationByCode } from '../../../worker/intake/db';
import { storeOpinion } from '../../../worker/intake/submit';
import { seedFixture } from '../helpers';
import { codeOf, file, jpegWithGps, rows, submit, validFields } from './support';

beforeAll(async () => {
  await seedFixture();
});

async function countFor(key: string) {
  const [o] = await rows<{ n: number }>('SELECT count(*) AS n FROM opinions WHERE submission_key = ?', key);
  const [e] = await rows<{ n: number }>(
    'SELECT count(*) AS n FROM opinion_events e JOIN opinions o ON o.id = e.opinion_id WHERE o.submission_key = ?',
    key,
  );
  const [p] = await rows<{ n: number }>(
    'SELECT count(*) AS n FROM opinion_photos p JOIN opinions o ON o.id = p.opinion_id WHERE o.submission_key = ?',
    key,
  );
  return { opinions: o?.n, events: e?.n, photos: p?.n };
}

async function objectCount(): Promise<number> {
  return (await env.PHOTOS.list({ prefix: 'opinions/' })).objects.length;
}

describe('the same submission key', () => {
  it('sent twice, one after the other: the same tracking code, one row', async () => {
    const fields = validFields();
    const first = codeOf(await submit('AAAAAA', fields));
    const second = codeOf(await submit('AAAAAA', fields));
    expect(second).toBe(first);
    expect(await countFor(fields._key)).toEqual({ opinions: 1, events: 1, photos: 0 });
  });

  it('reused for a different opinion (Back after submitting): stored as a second opinion, once', async () => {
    // Losing the second opinion while showing the first one's code would tell the resident a lie;
    // a near-duplicate is merely merged by staff.
    const fields = validFields();
    const first = codeOf(await submit('AAAAAA', fields));
    const other = { ...fields, body: '另外一件事：小区门口的垃圾桶三天没有人清运了，气味很大。' };
    const second = codeOf(await submit('AAAAAA', other));
    expect(second).not.toBe(first);
    // That second opinion, retried with the same reused key, is not stored again.
    expect(codeOf(await submit('AAAAAA', other))).toBe(second);
    const stored = await rows<{ body: string }>(
      'SELECT body FROM opinions WHERE tracking_code IN (?, ?) ORDER BY id',
      first,
      second,
    );
    expect(stored.map((r) => r.body)).toEqual([fields.body, other.body]);
  });

  it('two identical requests racing: one row, both get its tracking code', async () => {
    const fields = validFields();
    const [a, b] = await Promise.all([submit('AAAAAA', fields), submit('AAAAAA', fields)]);
    expect(codeOf(a)).toBe(codeOf(b));
    expect(await countFor(fields._key)).toEqual({ opinions: 1, events: 1, photos: 0 });
  });

  it('five racing with a photo: one opinion, one photo row, no orphaned objects', async () => {
    const before = await objectCount();
    const fields = validFields({ photos: file(jpegWithGps(), 'p.jpg', 'image/jpeg') });
    const responses = await Promise.all(Array.from({ length: 5 }, () => submit('AAAAAA', fields)));
    const codes = new Set(responses.map(codeOf));
    expect(codes.size).toBe(1);
    expect(await countFor(fields._key as string)).toEqual({ opinions: 1, events: 1, photos: 1 });
    expect(await objectCount()).toBe(before + 1);
  });
});

describe('storeOpinion relies on the UNIQUE index, not on looking first', () => {
  it('two stores of one key at once: one creates, the other returns its code and removes its photo', async () => {
    const db = database(env.DB);
    const station = (await stationByCode(db, 'AAAAAA'))!;
    const key = crypto.randomUUID();
    const before = await objectCount();
    const input = {
      station,
      formVersionId: null,
      answers: { category: 'other', body: '同时到达的两个相同请求，只能存下一条。' },
      submissionKey: key,
      photos: [{ type: 'image/png' as const, bytes: new Uint8Array([1, 2, 3]) }],
    };
    const ctx = await planContext(db, Date.now());
    const results = await Promise.all([
      storeOpinion(env.DB, env.PHOTOS, input, ctx),
      storeOpinion(env.DB, env.PHOTOS, input, ctx),
    ]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(results[0]?.trackingCode).toBe(results[1]?.trackingCode);
    expect(await countFor(key)).toEqual({ opinions: 1, events: 1, photos: 1 });
    expect(await objectCount()).toBe(before + 1);
  });
});
