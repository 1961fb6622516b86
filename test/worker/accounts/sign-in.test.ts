import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { BACKSTOP_DELAY_MS, LIMITS } from '../../../worker/platform/auth/throttle';
import { call, PASSWORD, seedFixture, signIn } from '../helpers';

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

/** One sign-in from a given client address. */
function login(username: string, password: string, ip: string) {
  return call('POST', '/api/auth/login', { json: { username, password }, headers: { 'cf-connecting-ip': ip } });
}

describe('sign-in cannot be used to lock the owner out', () => {
  it('a guesser at one address locks only that address out; the owner elsewhere gets in', async () => {
    await seedFixture();
    for (let i = 0; i < LIMITS.pair.max; i++) expect((await login('admin', `guess-${i}`, '203.0.113.66')).status).toBe(401);
    const blocked = await login('admin', PASSWORD, '203.0.113.66');
    expect(blocked.status).toBe(429);
    expect((await blocked.json<ErrorBody>()).error.message).toBe('登录失败次数过多，请 15 分钟后再试。');
    // The attacker keeps hammering: refused attempts do not count against the account.
    for (let i = 0; i < 30; i++) expect((await login('admin', `more-${i}`, '203.0.113.66')).status).toBe(429);
    const owner = await login('admin', PASSWORD, '198.51.100.20');
    expect(owner.status).toBe(200);
  }, 60_000);

  it('many addresses: past the backstop, the usual address gets in (slowed), a new one is told why', async () => {
    await seedFixture();
    // The owner signed in before from the office.
    expect((await login('leader', PASSWORD, '192.0.2.10')).status).toBe(200);
    const addresses = Math.ceil((LIMITS.account.max + 1) / LIMITS.pair.max);
    for (let a = 0; a < addresses; a++) {
      for (let i = 0; i < LIMITS.pair.max; i++) await login('leader', `spray-${a}-${i}`, `203.0.113.${100 + a}`);
    }
    const stranger = await login('leader', PASSWORD, '198.51.100.99');
    expect(stranger.status).toBe(429);
    const body = await stranger.json<ErrorBody>();
    expect(body.error.code).toBe('account_backstop');
    expect(body.error.message).toMatch(/常用网络/);
    expect(body.error.message).toMatch(/\d+ 分钟后再试/);
    const started = Date.now();
    const usual = await login('leader', PASSWORD, '192.0.2.10');
    expect(usual.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(BACKSTOP_DELAY_MS - 50);
  }, 60_000);

  it('one address spraying many accounts is stopped by the address limit', async () => {
    await seedFixture();
    let last: Response | null = null;
    for (let i = 0; i <= LIMITS.address.max; i++) last = await login(`nobody${i}`, 'whatever-pass', '203.0.113.200');
    expect(last?.status).toBe(429);
    expect((await last!.json<ErrorBody>()).error.code).toBe('too_many_attempts_address');
  }, 120_000);

  it('stores client addresses only as hashes', async () => {
    await seedFixture();
    await login('staff', 'not-the-password', '203.0.113.77');
    await login('staff', PASSWORD, '203.0.113.77');
    const keys = await env.DB.prepare('SELECT key FROM login_failures').all<{ key: string }>();
    const users = await env.DB.prepare('SELECT usual_address_hash AS h FROM users').all<{ h: string | null }>();
    const stored = JSON.stringify([keys.results, users.results]);
    expect(stored).not.toContain('203.0.113.77');
    expect(users.results.some((u) => u.h && /^[0-9a-f]{64}$/.test(u.h))).toBe(true);
  });
});

describe('changing one’s own password', () => {
  it('needs the current password and a good new one, and ends the other sessions', async () => {
    await seedFixture();
    const here = await signIn('staffB');
    const elsewhere = await signIn('staffB');
    const change = (json: unknown) => call('POST', '/api/auth/password', { cookie: here, json });

    const wrong = await change({ currentPassword: 'not-it-at-all', newPassword: 'donghu-river-77' });
    expect(wrong.status).toBe(422);
    expect((await wrong.json<ErrorBody>()).error.fields).toEqual({ currentPassword: '当前密码不正确。' });

    const weak = await change({ currentPassword: PASSWORD, newPassword: 'qwertyuiop' });
    expect(weak.status).toBe(422);
    expect((await weak.json<ErrorBody>()).error.fields?.newPassword).toMatch(/太简单/);

    const same = await change({ currentPassword: PASSWORD, newPassword: PASSWORD });
    expect((await same.json<ErrorBody>()).error.fields?.newPassword).toBe('新密码不能与当前密码相同。');

    const ok = await change({ currentPassword: PASSWORD, newPassword: 'donghu-river-77' });
    expect(ok.status).toBe(200);
    expect((await call('GET', '/api/auth/me', { cookie: here })).status).toBe(200);
    expect((await call('GET', '/api/auth/me', { cookie: elsewhere })).status).toBe(401);
    expect((await call('POST', '/api/auth/login', { json: { username: 'staffB', password: PASSWORD } })).status).toBe(401);
    await signIn('staffB', 'donghu-river-77');
    const audit = await env.DB.prepare("SELECT after FROM audit_log WHERE action = 'change_password'").first<{ after: string }>();
    expect(audit?.after).not.toContain('donghu-river-77');
  });

  it('refuses without a session', async () => {
    const res = await call('POST', '/api/auth/password', { json: { currentPassword: 'a', newPassword: 'b' } });
    expect(res.status).toBe(401);
  });
});

describe('an admin reset forces a new password at the next sign-in', () => {
  it('lets the reset account do nothing but change its password', async () => {
    const { users } = await seedFixture();
    const target = await env.DB.prepare("SELECT id FROM users WHERE username = 'deputy'").first<{ id: number }>();
    const reset = await call('PATCH', `/api/users/${target!.id}`, { cookie: users.admin, json: { password: 'temporary-2026' } });
    expect(reset.status).toBe(200);
    expect((await reset.json<{ user: { mustChangePassword: boolean } }>()).user.mustChangePassword).toBe(true);

    const res = await call('POST', '/api/auth/login', { json: { username: 'deputy', password: 'temporary-2026' } });
    expect(res.status).toBe(200);
    expect((await res.json<{ user: { mustChangePassword: boolean } }>()).user.mustChangePassword).toBe(true);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const me = await call('GET', '/api/auth/me', { cookie });
    expect((await me.json<{ user: { mustChangePassword: boolean } }>()).user.mustChangePassword).toBe(true);
    const blocked = await call('GET', '/api/opinions', { cookie });
    expect(blocked.status).toBe(403);
    expect((await blocked.json<ErrorBody>()).error.code).toBe('password_change_required');

    const changed = await call('POST', '/api/auth/password', {
      cookie,
      json: { currentPassword: 'temporary-2026', newPassword: 'my-own-secret-9' },
    });
    expect(changed.status).toBe(200);
    expect((await call('GET', '/api/opinions', { cookie })).status).toBe(200);
  });
});

describe('absolute session lifetime', () => {
  it('ends a session 7 days after sign-in however actively it is used', async () => {
    await seedFixture();
    const cookie = await signIn('staff');
    const now = Date.now();
    // Used a minute ago (so its sliding expiry is fresh), but signed in over a week ago.
    await env.DB.prepare('UPDATE sessions SET created_at = ?, expires_at = ? WHERE rowid = (SELECT max(rowid) FROM sessions)')
      .bind(now - 7 * 86_400_000 - 1000, now + 11 * 3_600_000)
      .run();
    expect((await call('GET', '/api/auth/me', { cookie })).status).toBe(401);
  });

  it('does not slide a session past its absolute end', async () => {
    await seedFixture();
    const cookie = await signIn('staff');
    const now = Date.now();
    const created = now - 7 * 86_400_000 + 2 * 3_600_000; // two hours of its week left
    await env.DB.prepare('UPDATE sessions SET created_at = ?, expires_at = ? WHERE rowid = (SELECT max(rowid) FROM sessions)')
      .bind(created, now + 3_600_000)
      .run();
    const res = await call('GET', '/api/auth/me', { cookie });
    expect(res.status).toBe(200);
    const row = await env.DB.prepare(
      'SELECT expires_at AS e FROM sessions WHERE rowid = (SELECT max(rowid) FROM sessions)',
    ).first<{
      e: number;
    }>();
    expect(row!.e).toBeLessThanOrEqual(created + 7 * 86_400_000);
    const maxAge = Number(/Max-Age=(\d+)/.exec(res.headers.get('set-cookie') ?? '')?.[1]);
    expect(maxAge).toBeLessThanOrEqual(2 * 3600);
  });
});
