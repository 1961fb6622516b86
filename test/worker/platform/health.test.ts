import { describe, expect, it } from 'vitest';
import { call } from '../helpers';

describe('GET /api/health', () => {
  it('reports the database reachable and the latest migration', async () => {
    const res = await call('GET', '/api/health');
    expect(res.status).toBe(200);
    const body = await res.json<{ ok: boolean; database: string; migration: string }>();
    expect(body).toMatchObject({ ok: true, database: 'reachable' });
    expect(body.migration).toMatch(/^\d{4}_/);
  });

  it('answers unknown API paths with a JSON 404 in Chinese', async () => {
    const res = await call('GET', '/api/nope');
    expect(res.status).toBe(404);
    const body = await res.json<{ error: { code: string; message: string } }>();
    expect(body.error.code).toBe('not_found');
    expect(body.error.message).toMatch(/没有找到/);
  });

  it('answers in English when the lang cookie says so', async () => {
    const res = await call('GET', '/api/nope', { headers: { cookie: 'lang=en' } });
    expect((await res.json<{ error: { message: string } }>()).error.message).toBe('Not found.');
  });
});
