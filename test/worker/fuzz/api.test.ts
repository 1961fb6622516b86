/**
 * Property: no input makes a JSON endpoint answer 5xx. Every 4xx carries a stable error code
 * and a message. Runs FUZZ_RUNS cases per endpoint (1,000 in `npm test`).
 */
import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { call, type Fixture, seedFixture } from '../helpers';
import { bodyFor, rawBody } from './arbitraries';

const RUNS = Number(env.FUZZ_RUNS) || 1000;

interface Endpoint {
  method: string;
  path: string;
  as: keyof Fixture['users'] | null;
  fields: string[];
}

const ENDPOINTS: Endpoint[] = [
  { method: 'POST', path: '/api/auth/login', as: null, fields: ['username', 'password'] },
  { method: 'POST', path: '/api/townships', as: 'admin', fields: ['code', 'name', 'kind', 'sortOrder'] },
  { method: 'PATCH', path: '/api/townships/2', as: 'admin', fields: ['code', 'name', 'kind', 'sortOrder', 'active'] },
  { method: 'POST', path: '/api/stations', as: 'staffA', fields: ['name', 'kind', 'hostType', 'townshipId', 'address'] },
  {
    method: 'PATCH',
    path: '/api/stations/1',
    as: 'staff',
    fields: ['name', 'kind', 'hostType', 'townshipId', 'address', 'active'],
  },
  { method: 'POST', path: '/api/deputies', as: 'staff', fields: ['name', 'level', 'townshipId', 'stationId', 'sector', 'phone'] },
  {
    method: 'PATCH',
    path: '/api/deputies/2',
    as: 'staffB',
    fields: ['name', 'level', 'townshipId', 'stationId', 'sector', 'phone', 'active'],
  },
  {
    method: 'POST',
    path: '/api/users',
    as: 'admin',
    fields: ['username', 'displayName', 'role', 'townshipId', 'deputyId', 'password'],
  },
];

async function expectClientError(res: Response, label: string) {
  expect(res.status, label).toBeLessThan(500);
  if (res.status >= 400) {
    const body = await res.json<{ error?: { code?: unknown; message?: unknown } }>();
    expect(typeof body.error?.code, label).toBe('string');
    expect(typeof body.error?.message, label).toBe('string');
  } else {
    await res.body?.cancel();
  }
}

describe('hostile JSON never causes a 5xx', () => {
  for (const endpoint of ENDPOINTS) {
    it(`${endpoint.method} ${endpoint.path}`, async () => {
      const { users } = await seedFixture();
      const cookie = endpoint.as ? users[endpoint.as] : undefined;
      // Login failures are throttled per account: use many distinct usernames, as an attacker would.
      await fc.assert(
        fc.asyncProperty(bodyFor(endpoint.fields), async (body) => {
          const res = await call(endpoint.method, endpoint.path, { cookie, json: body });
          await expectClientError(res, String(JSON.stringify(body)).slice(0, 200));
        }),
        { numRuns: Math.ceil(RUNS / 2) },
      );
      await fc.assert(
        fc.asyncProperty(rawBody, async (raw) => {
          const res = await call(endpoint.method, endpoint.path, {
            cookie,
            body: 'bytes' in raw ? raw.bytes : raw.text,
            headers: { 'content-type': raw.contentType },
          });
          await expectClientError(res, raw.contentType);
        }),
        { numRuns: Math.ceil(RUNS / 2) },
      );
    }, 300_000);
  }

  it('query strings of list endpoints', async () => {
    const { users } = await seedFixture();
    const key = fc.constantFrom('townshipId', 'stationId', 'level', 'q', 'active', 'page', 'pageSize', 'entity', 'x');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/api/deputies', '/api/stations', '/api/townships', '/api/audit'),
        fc.array(fc.tuple(key, fc.string({ maxLength: 30 })), { maxLength: 5 }),
        async (path, pairs) => {
          const qs = new URLSearchParams(pairs).toString();
          const res = await call('GET', `${path}?${qs}`, { cookie: users.admin });
          await expectClientError(res, `${path}?${qs}`);
        },
      ),
      { numRuns: RUNS },
    );
  }, 300_000);
});
