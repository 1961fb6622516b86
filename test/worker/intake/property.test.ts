/**
 * Whatever is posted to a station form — any field names, any values, files of any bytes,
 * raw bodies of any content type — the answer is a page with a status below 500.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedFixture } from '../helpers';
import { ownStation, send } from './support';

let stations: string[];
beforeAll(async () => {
  await seedFixture();
  // Stations of this file only: 200 posts would use up the shared fixture stations' limits.
  stations = [await ownStation(1), await ownStation(2)];
});

const NAMES = [
  '_key',
  'category',
  'body',
  'place',
  'reporter_name',
  'reporter_phone',
  'consent',
  'photos',
  'constructor',
  '__proto__',
];

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', minLength: 5, maxLength: 2100 }),
  fc.constantFrom('road_traffic', 'other', 'yes', '13800138000', '', ' ', '\u0000', '\uD800', crypto.randomUUID()),
);

const fileValue = fc.record({
  bytes: fc.oneof(
    fc.uint8Array({ maxLength: 2000 }),
    fc.uint8Array({ maxLength: 200 }).map((b) => new Uint8Array([0xff, 0xd8, 0xff, ...b])),
    fc.uint8Array({ maxLength: 200 }).map((b) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...b])),
  ),
  // workerd's FormData cannot serialise a name ending in a backslash (a client limitation).
  name: fc.string({ maxLength: 40 }).filter((n) => !n.endsWith('\\')),
  type: fc.constantFrom('image/jpeg', 'image/png', 'application/octet-stream', '', 'text/html'),
});

const field = fc.tuple(
  fc.oneof(
    fc.constantFrom(...NAMES),
    fc.string({ maxLength: 30 }).filter((n) => !n.endsWith('\\')),
  ),
  fc.oneof(text, fileValue),
);

const request = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('multipart' as const),
      // Most runs carry a usable key, so validation, photos and storage are reached too.
      withKey: fc.boolean(),
      fields: fc.array(field, { maxLength: 12 }),
    }),
  },
  {
    // A plausible opinion with arbitrary text and extra fields.
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('multipart' as const),
      withKey: fc.constant(true),
      fields: fc
        .tuple(
          fc.constantFrom('road_traffic', 'housing', 'other'),
          fc.string({ unit: 'grapheme', minLength: 10, maxLength: 300 }),
          fc.array(field, { maxLength: 4 }),
        )
        .map(([category, body, rest]): [string, string | { bytes: Uint8Array; name: string; type: string }][] => [
          ['category', category],
          ['body', body],
          ...rest,
        ]),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('raw' as const),
      bytes: fc.uint8Array({ maxLength: 3000 }),
      type: fc.constantFrom(
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'multipart/form-data',
        'application/json',
        'text/plain;charset=gbk',
        'image/png',
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('urlencoded' as const), body: fc.string({ unit: 'binary', maxLength: 500 }) }),
  },
);

describe('POST /s/:stationCode with arbitrary input', () => {
  it('never answers with a 5xx', async () => {
    let run = 0;
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(request, fc.constantFrom(0, 1, 2, 3, 4), async (req, which) => {
        const station = [stations[0]!, stations[1]!, stations[0]!.toLowerCase(), 'ZZZZZZ', '%F0%9F%98%80'][which]!;
        run++;
        let body: BodyInit;
        const headers: Record<string, string> = {};
        if (req.kind === 'multipart') {
          const fd = new FormData();
          if (req.withKey) fd.append('_key', crypto.randomUUID());
          for (const [name, value] of req.fields) {
            if (typeof value === 'string') fd.append(name, value);
            else fd.append(name, new File([value.bytes as Uint8Array<ArrayBuffer>], value.name, { type: value.type }));
          }
          body = fd;
        } else if (req.kind === 'raw') {
          body = req.bytes as Uint8Array<ArrayBuffer>;
          headers['content-type'] = req.type;
        } else {
          body = req.body;
          headers['content-type'] = 'application/x-www-form-urlencoded';
        }
        const res = await send('POST', `/s/${station}`, body, { headers });
        const html = await res.text();
        statuses.add(res.status);
        expect(res.status, html.slice(0, 300)).toBeLessThan(500);
        expect(res.status === 303 || html.startsWith('<!doctype html>')).toBe(true);
      }),
      { numRuns: 200 },
    );
    expect(run).toBeGreaterThanOrEqual(200);
    // The runs reached storage (303), validation (422) and the refusals (400, 404).
    expect([...statuses].sort()).toEqual(expect.arrayContaining([303, 400, 404, 422]));
  }, 120_000);
});
