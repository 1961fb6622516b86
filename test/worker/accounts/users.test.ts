import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call, seedFixture, signIn } from '../helpers';

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

interface ListedUser {
  id: number;
  username: string;
  role: string;
  townshipId: number | null;
  townshipName: string | null;
  deputyId: number | null;
  deputyName: string | null;
  active: boolean;
  lastLoginAt: number | null;
}

const base = { displayName: '测试账号', password: 'good-pass-1' };

async function list(cookie: string): Promise<ListedUser[]> {
  return (await (await call('GET', '/api/users', { cookie })).json<{ items: ListedUser[] }>()).items;
}

async function create(cookie: string, json: Record<string, unknown>) {
  return call('POST', '/api/users', { cookie, json: { ...base, ...json } });
}

describe('/api/users', () => {
  it('lists accounts with township, linked deputy and last sign-in, never password fields', async () => {
    const { users } = await seedFixture();
    const items = await list(users.admin);
    const staffB = items.find((x) => x.username === 'staffB')!;
    expect(staffB).toMatchObject({ role: 'staff', townshipId: 2, townshipName: '东湖街道', deputyName: null });
    expect(staffB.lastLoginAt).toBeTypeOf('number');
    expect(items.find((x) => x.username === 'deputy')).toMatchObject({ deputyId: 1, deputyName: '王建国' });
    expect(JSON.stringify(items)).not.toMatch(/password(Hash|Salt|Iterations)|usualAddress/i);
  });

  it('creates a township staff account that can sign in', async () => {
    const { users } = await seedFixture();
    const res = await create(users.admin, { username: 'dh.staff', role: 'staff', townshipId: 2 });
    expect(res.status).toBe(201);
    await signIn('dh.staff', 'good-pass-1');
  });

  it('answers a taken username (any letter case) with 409 and a field message', async () => {
    const { users } = await seedFixture();
    const res = await create(users.admin, { username: 'StaffA', role: 'leader' });
    expect(res.status).toBe(409);
    const body = await res.json<ErrorBody>();
    expect(body.error.code).toBe('duplicate_username');
    expect(body.error.fields?.username).toBe('用户名「StaffA」已被使用。');
  });

  it('explains the password rule', async () => {
    const { users } = await seedFixture();
    const cases: [string, RegExp][] = [
      ['short1', /至少需要 10 个字符/],
      ['1234567890', /不能全是数字/],
      ['password2026', /常见密码/],
      ['aaaaaaaaaaaa', /太简单/],
      ['weakpw-secret-1', /不能包含用户名/],
    ];
    for (const [password, message] of cases) {
      const res = await create(users.admin, { username: 'weakpw', role: 'leader', password });
      expect(res.status, password).toBe(422);
      expect((await res.json<ErrorBody>()).error.fields?.password, password).toMatch(message);
    }
  });

  it('checks that role, township and deputy agree, all field problems at once', async () => {
    const { users } = await seedFixture();
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ role: 'staff', townshipId: 99 }, { townshipId: '所选乡镇（街道）不存在。' }],
      [{ role: 'deputy' }, { deputyId: '代表账号必须关联一位代表。' }],
      [{ role: 'deputy', deputyId: 99 }, { deputyId: '所选代表不存在或已停用。' }],
      [{ role: 'staff', deputyId: 1 }, { deputyId: '只有代表账号可以关联代表。' }],
      [{ role: 'leader', townshipId: 1 }, { townshipId: '只有工作人员账号可以指定乡镇（街道）。' }],
      [
        { role: 'deputy', townshipId: 1, password: '12345678' },
        {
          townshipId: '只有工作人员账号可以指定乡镇（街道）。',
          deputyId: '代表账号必须关联一位代表。',
          password: '密码至少需要 10 个字符。',
        },
      ],
    ];
    for (const [json, fields] of cases) {
      const res = await create(users.admin, { username: 'combo', ...json });
      expect(res.status, JSON.stringify(json)).toBe(422);
      expect((await res.json<ErrorBody>()).error.fields).toEqual(fields);
    }
    expect((await list(users.admin)).some((x) => x.username === 'combo')).toBe(false);
    const ok = await create(users.admin, { username: 'deputy2', role: 'deputy', deputyId: 2 });
    expect(ok.status).toBe(201);
  });

  it('keeps township and deputy when a PATCH changes something else', async () => {
    const { users } = await seedFixture();
    const staffB = (await list(users.admin)).find((x) => x.username === 'staffB')!;
    const res = await call('PATCH', `/api/users/${staffB.id}`, { cookie: users.admin, json: { displayName: '东湖工委' } });
    expect(res.status).toBe(200);
    expect((await res.json<{ user: ListedUser }>()).user).toMatchObject({ townshipId: 2, deputyId: null });
  });

  it('checks role changes against the links the account keeps', async () => {
    const { users } = await seedFixture();
    const deputy = (await list(users.admin)).find((x) => x.username === 'deputy')!;
    const bad = await call('PATCH', `/api/users/${deputy.id}`, { cookie: users.admin, json: { role: 'leader' } });
    expect(bad.status).toBe(422);
    expect((await bad.json<ErrorBody>()).error.fields?.deputyId).toBe('只有代表账号可以关联代表。');
    const good = await call('PATCH', `/api/users/${deputy.id}`, {
      cookie: users.admin,
      json: { role: 'staff', townshipId: 1, deputyId: null },
    });
    expect(good.status).toBe(200);
    expect((await good.json<{ user: ListedUser }>()).user).toMatchObject({ role: 'staff', townshipId: 1, deputyId: null });
  });

  it('resets a password: old sessions end, the new password works, a weak one is refused', async () => {
    const { users } = await seedFixture();
    const target = (await list(users.admin)).find((x) => x.username === 'staffA')!;
    const session = await signIn('staffA');
    const weak = await call('PATCH', `/api/users/${target.id}`, { cookie: users.admin, json: { password: '1234' } });
    expect(weak.status).toBe(422);
    const res = await call('PATCH', `/api/users/${target.id}`, { cookie: users.admin, json: { password: 'new-pass-2026' } });
    expect(res.status).toBe(200);
    expect((await call('GET', '/api/auth/me', { cookie: session })).status).toBe(401);
    await signIn('staffA', 'new-pass-2026');
    const audit = await env.DB.prepare("SELECT after FROM audit_log WHERE entity = 'user' ORDER BY id DESC LIMIT 1").first<{
      after: string;
    }>();
    expect(audit?.after).not.toContain('new-pass-2026');
  });

  it('does not let an admin lock themselves out', async () => {
    const { users } = await seedFixture();
    const me = (await list(users.admin)).find((x) => x.username === 'admin')!;
    for (const json of [{ active: false }, { role: 'leader' }]) {
      const res = await call('PATCH', `/api/users/${me.id}`, { cookie: users.admin, json });
      expect(res.status).toBe(422);
      expect((await res.json<ErrorBody>()).error.code).toBe('account_self_lockout');
    }
    expect((await call('GET', '/api/auth/me', { cookie: users.admin })).status).toBe(200);
  });

  it('deactivates and reactivates an account, keeping its township', async () => {
    const { users } = await seedFixture();
    await create(users.admin, { username: 'toggle', role: 'staff', townshipId: 2 });
    const target = (await list(users.admin)).find((x) => x.username === 'toggle')!;
    const session = await signIn('toggle', 'good-pass-1');
    const off = await call('PATCH', `/api/users/${target.id}`, { cookie: users.admin, json: { active: false } });
    expect((await off.json<{ user: ListedUser }>()).user).toMatchObject({ active: false, townshipId: 2 });
    expect((await call('GET', '/api/auth/me', { cookie: session })).status).toBe(401);
    const on = await call('PATCH', `/api/users/${target.id}`, { cookie: users.admin, json: { active: true } });
    expect(on.status).toBe(200);
    await signIn('toggle', 'good-pass-1');
  });
});
