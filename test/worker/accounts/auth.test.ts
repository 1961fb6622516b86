import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call, ORIGIN, PASSWORD, seedFixture, signIn } from '../helpers';

describe('sign-in and sessions', () => {
  it('signs in, reports the user, and sets a hardened cookie', async () => {
    await seedFixture();
    const res = await call('POST', '/api/auth/login', { json: { username: 'staffA', password: PASSWORD } });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await call('GET', '/api/auth/me', { cookie: cookie.split(';')[0] });
    const body = await me.json<{ user: { username: string; role: string; townshipName: string } }>();
    expect(body.user).toMatchObject({ username: 'staffA', role: 'staff', townshipName: '城关街道' });
  });

  it('stores only a hash of the session token', async () => {
    const cookie = await signIn('leader');
    const token = cookie.split('=')[1]!;
    const rows = await env.DB.prepare('SELECT id FROM sessions').all<{ id: string }>();
    expect(rows.results.length).toBeGreaterThan(0);
    expect(rows.results.some((r) => r.id === token)).toBe(false);
  });

  it('refuses a wrong password with a Chinese message and no cookie', async () => {
    const res = await call('POST', '/api/auth/login', { json: { username: 'admin', password: 'wrong-password' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).toBeNull();
    const body = await res.json<{ error: { code: string; message: string } }>();
    expect(body.error).toEqual({ code: 'invalid_credentials', message: '用户名或密码不正确。' });
  });

  it('answers a malformed body with 400/422, never 500', async () => {
    const bad = await call('POST', '/api/auth/login', { body: '{not json', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    const missing = await call('POST', '/api/auth/login', { json: { username: 'x' } });
    expect(missing.status).toBe(422);
    expect((await missing.json<{ error: { fields: Record<string, string> } }>()).error.fields.password).toBe('此项必填。');
  });

  it('throttles an account after 5 failures, even with the right password, and says for how long', async () => {
    await seedFixture();
    for (let i = 0; i < 5; i++) {
      const r = await call('POST', '/api/auth/login', { json: { username: 'staffB', password: `nope-${i}` } });
      expect(r.status).toBe(401);
    }
    const res = await call('POST', '/api/auth/login', { json: { username: 'staffB', password: PASSWORD } });
    expect(res.status).toBe(429);
    const body = await res.json<{ error: { code: string; message: string } }>();
    expect(body.error.code).toBe('too_many_attempts');
    expect(body.error.message).toMatch(/15 分钟后再试/);
  });

  it('logs out: the old cookie no longer works', async () => {
    const cookie = await signIn('admin');
    expect((await call('GET', '/api/auth/me', { cookie })).status).toBe(200);
    expect((await call('POST', '/api/auth/logout', { cookie })).status).toBe(204);
    expect((await call('GET', '/api/auth/me', { cookie })).status).toBe(401);
  });

  it('expires sessions', async () => {
    const cookie = await signIn('admin');
    // The newest session is the one just created.
    await env.DB.prepare('UPDATE sessions SET expires_at = 1 WHERE rowid = (SELECT max(rowid) FROM sessions)').run();
    expect((await call('GET', '/api/auth/me', { cookie })).status).toBe(401);
  });

  it('renews the cookie when it renews a session that is half used up', async () => {
    const cookie = await signIn('admin');
    await env.DB.prepare('UPDATE sessions SET expires_at = ? WHERE rowid = (SELECT max(rowid) FROM sessions)')
      .bind(Date.now() + 3_600_000)
      .run();
    const res = await call('GET', '/api/auth/me', { cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/lianluo_session=.*Max-Age=43200/);
  });

  it('answers an empty account PATCH without error', async () => {
    const admin = await signIn('admin');
    const res = await call('PATCH', '/api/users/1', { cookie: admin, json: {} });
    expect(res.status).toBe(200);
  });

  it('ends the sessions of a disabled account', async () => {
    const { users } = await seedFixture();
    const admin = await signIn('admin');
    const list = await (await call('GET', '/api/users', { cookie: admin })).json<{ items: { id: number; username: string }[] }>();
    const leader = list.items.find((u) => u.username === 'leader')!;
    const leaderCookie = await signIn('leader');
    const res = await call('PATCH', `/api/users/${leader.id}`, { cookie: admin, json: { active: false } });
    expect(res.status).toBe(200);
    expect((await call('GET', '/api/auth/me', { cookie: leaderCookie })).status).toBe(401);
    const again = await call('POST', '/api/auth/login', { json: { username: 'leader', password: PASSWORD } });
    expect(again.status).toBe(403);
    expect(users.admin).toBeTruthy();
  });
});

describe('CSRF protection on cookie-authenticated writes', () => {
  it('refuses a write from a foreign origin', async () => {
    const { users } = await seedFixture();
    const res = await call('POST', '/api/townships', {
      cookie: users.admin,
      headers: { origin: 'https://evil.example' },
      json: { code: 'T99', name: '恶意镇', kind: 'town' },
    });
    expect(res.status).toBe(403);
    expect((await res.json<{ error: { code: string } }>()).error.code).toBe('bad_origin');
  });

  it('refuses a cross-site fetch that hides its Origin', async () => {
    const { users } = await seedFixture();
    const res = await call('POST', '/api/townships', {
      cookie: users.admin,
      noOrigin: true,
      headers: { 'sec-fetch-site': 'cross-site' },
      json: { code: 'T98', name: '恶意乡', kind: 'township' },
    });
    expect(res.status).toBe(403);
  });

  it('accepts the same write from our own origin', async () => {
    const { users } = await seedFixture();
    const res = await call('POST', '/api/townships', {
      cookie: users.admin,
      headers: { origin: ORIGIN },
      json: { code: 'T97', name: '新设镇', kind: 'town' },
    });
    expect(res.status).toBe(201);
  });
});
