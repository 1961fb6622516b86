/**
 * A resident's submission with D1 metering on (the bench's `submit_round_trips` and
 * `submit_rows_read`): metering changes nothing about the answer — the same 303, the row
 * stored once — and it reports the submission's round trips to D1.
 */
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, seedFixture } from '../helpers';
import { form, freshIp, ownStation, rows, validFields } from '../intake/support';

let station: string;

beforeAll(async () => {
  await seedFixture();
  station = await ownStation();
});

/** The Worker with BENCH_METRICS on, as `npm run bench` runs it. */
async function post(fields: Record<string, string>, metered: boolean): Promise<Response> {
  const worker = exports.default as unknown as { fetch(r: Request, e: unknown, c: unknown): Promise<Response> };
  const headers: Record<string, string> = { 'cf-connecting-ip': freshIp() };
  if (metered) headers['x-bench-metrics'] = '1';
  const req = new Request(`${ORIGIN}/s/${station}`, { method: 'POST', headers, body: form(fields), redirect: 'manual' });
  return metered
    ? (await import('../../../worker/index')).default.fetch(
        req,
        { ...env, BENCH_METRICS: '1' } as never,
        {
          waitUntil: () => undefined,
          passThroughOnException: () => undefined,
        } as never,
      )
    : worker.fetch(req, undefined, undefined);
}

describe('a metered submission', () => {
  it('is answered and stored exactly as an unmetered one, and reports its D1 round trips', async () => {
    const fields = validFields();
    const res = await post(fields, true);
    expect(res.status, await res.clone().text()).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/t\/[A-Z0-9]{8}\?new=1$/);
    const trips = Number(res.headers.get('x-d1-round-trips'));
    expect(trips).toBeGreaterThanOrEqual(1);
    expect(Number(res.headers.get('x-d1-rows-written'))).toBeGreaterThanOrEqual(1);
    console.log(
      `submission: ${trips} round trips, ${res.headers.get('x-d1-rows-read')} rows read, ${res.headers.get('x-d1-rows-written')} written, ${res.headers.get('x-d1-uncounted')} uncounted`,
    );
    const stored = await rows<{ n: number }>('SELECT count(*) AS n FROM opinions WHERE submission_key = ?', fields._key);
    expect(stored[0]!.n).toBe(1);
    // The same key again: the idempotent answer, still one row.
    const again = await post(fields, false);
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(res.headers.get('location'));
    expect((await rows<{ n: number }>('SELECT count(*) AS n FROM opinions WHERE submission_key = ?', fields._key))[0]!.n).toBe(1);
  });
});
