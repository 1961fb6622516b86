/**
 * The 承办单位 roster through the API: search, create, edit, deactivate, the all-or-nothing
 * import, department accounts, reply templates and the handling settings — with the refusals
 * a person can understand.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { call, type Fixture, seedFixture, signIn } from '../helpers';

// Whole journeys of a dozen requests each; the shared machine can be slow.
vi.setConfig({ testTimeout: 30_000 });

let fx: Fixture;
beforeAll(async () => {
  fx = await seedFixture();
});

type Dept = { id: number; name: string; shortName: string; kind: string; active: boolean; contactPhone: string };

function csvFile(text: string, name = 'departments.csv') {
  const fd = new FormData();
  fd.append('file', new File([new TextEncoder().encode(text)], name, { type: 'text/csv' }));
  return fd;
}

describe('the roster', () => {
  it('creates, finds, edits and deactivates a department; names are unique', async () => {
    const created = await call('POST', '/api/departments', {
      cookie: fx.users.staff,
      json: {
        name: '区水务局',
        shortName: '水务局',
        kind: 'district_agency',
        contactName: '陈工',
        contactPhone: '0571-8888 0003',
      },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const { department } = await created.json<{ department: Dept }>();

    const again = await call('POST', '/api/departments', { cookie: fx.users.staff, json: { name: '区水务局', kind: 'other' } });
    expect(again.status).toBe(409);
    expect((await again.json<{ error: { message: string } }>()).error.message).toContain('区水务局');

    // Township staff read but may not change the district's roster.
    expect(
      (await call('POST', '/api/departments', { cookie: fx.users.staffA, json: { name: '某单位', kind: 'other' } })).status,
    ).toBe(403);

    const found = await (await call('GET', '/api/departments?q=%E6%B0%B4%E5%8A%A1', { cookie: fx.users.staffA })).json<{
      items: Dept[];
    }>();
    expect(found.items.map((d) => d.name)).toEqual(['区水务局']);

    const patched = await call('PATCH', `/api/departments/${department.id}`, { cookie: fx.users.admin, json: { active: false } });
    expect(patched.status).toBe(200);
    // Deputies pick from active departments only, and see no contacts.
    const forDeputy = await (await call('GET', '/api/departments', { cookie: fx.users.deputy })).json<{ items: Dept[] }>();
    expect(forDeputy.items.map((d) => d.name)).not.toContain('区水务局');
    expect(forDeputy.items.every((d) => d.contactPhone === '')).toBe(true);
    // A bad phone is a field error, not a 500.
    const bad = await call('PATCH', `/api/departments/${department.id}`, {
      cookie: fx.users.admin,
      json: { contactPhone: 'call me' },
    });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ error: { fields: { contactPhone: expect.any(String) } } });
  });

  it('imports all or nothing, and a second import of the same file changes nothing', async () => {
    const bad = await call('POST', '/api/departments/import', {
      cookie: fx.users.staff,
      body: csvFile(
        '名称,类型,所属乡镇,联系电话\n区卫生健康局,区直部门,,0571-1234567\n城关街道办事处,乡镇（街道）,不存在的镇,\n,企业,,\n',
      ),
    });
    expect(bad.status).toBe(422);
    const problems = await bad.json<{ error: { rows: { row: number; code: string; message: string }[] } }>();
    expect(problems.error.rows.map((r) => [r.row, r.code])).toEqual([
      [3, 'township_unknown'],
      [4, 'name_required'],
    ]);
    expect(problems.error.rows[0]!.message).toMatch(/乡镇/);
    const none = await env.DB.prepare("SELECT count(*) AS n FROM departments WHERE name = '区卫生健康局'").first<{ n: number }>();
    expect(none?.n).toBe(0);

    const file =
      '名称,简称,类型,所属乡镇,联系人,联系电话\n区卫生健康局,区卫健局,区直部门,,王主任,0571-1234567\n城关街道办事处,,乡镇（街道）,城关街道,,\n供电公司,,公用事业单位,,,95598\n';
    const okRes = await call('POST', '/api/departments/import', { cookie: fx.users.staff, body: csvFile(file) });
    expect(okRes.status, await okRes.clone().text()).toBe(200);
    expect(await okRes.json()).toEqual({ created: 3, updated: 0, unchanged: 0, dryRun: false });
    const row = await env.DB.prepare("SELECT kind, township_id FROM departments WHERE name = '城关街道办事处'").first();
    expect(row).toEqual({ kind: 'township_government', township_id: 1 });
    const twice = await call('POST', '/api/departments/import', { cookie: fx.users.staff, body: csvFile(file) });
    expect(await twice.json()).toEqual({ created: 0, updated: 0, unchanged: 3, dryRun: false });
  });

  it('creates department accounts that sign in; a weak password or taken username is refused', async () => {
    const weak = await call('POST', '/api/departments/1/members', {
      cookie: fx.users.admin,
      json: { username: 'zhujian-2', displayName: '住建局李科员', password: '12345678' },
    });
    expect(weak.status).toBe(422);
    const made = await call('POST', '/api/departments/1/members', {
      cookie: fx.users.admin,
      json: { username: 'zhujian-2', displayName: '住建局李科员', password: 'Housing-Desk-77' },
    });
    expect(made.status, await made.clone().text()).toBe(201);
    const taken = await call('POST', '/api/departments/1/members', {
      cookie: fx.users.admin,
      json: { username: 'zhujian-2', displayName: '重复', password: 'Housing-Desk-77' },
    });
    expect(taken.status).toBe(409);
    const cookie = await signIn('zhujian-2', 'Housing-Desk-77');
    const me = await (await call('GET', '/api/auth/me', { cookie })).json<{ user: { departmentId: number } }>();
    expect(me.user.departmentId).toBe(1);
    const members = await (await call('GET', '/api/departments/1/members', { cookie: fx.users.admin })).json<{
      items: { username: string }[];
    }>();
    expect(members.items.map((m) => m.username)).toEqual(['department', 'zhujian-2']);
  });
});

describe('reply templates and settings', () => {
  it('admins keep templates; others read the active ones', async () => {
    const made = await call('POST', '/api/reply-templates', {
      cookie: fx.users.admin,
      json: {
        purpose: 'return',
        title: '不属于本单位职责',
        body: '经核实，该事项不属于{department}职责范围，建议交由相关部门办理。',
      },
    });
    expect(made.status).toBe(201);
    const { template } = await made.json<{ template: { id: number } }>();
    expect((await call('POST', '/api/reply-templates', { cookie: fx.users.staff, json: {} })).status).toBe(403);
    const dup = await call('POST', '/api/reply-templates', {
      cookie: fx.users.admin,
      json: { purpose: 'return', title: '不属于本单位职责', body: 'x' },
    });
    expect(dup.status).toBe(409);
    const read = await (await call('GET', '/api/reply-templates?purpose=return', { cookie: fx.users.department })).json<{
      items: { id: number }[];
    }>();
    expect(read.items.map((t) => t.id)).toContain(template.id);
    await call('PATCH', `/api/reply-templates/${template.id}`, { cookie: fx.users.admin, json: { active: false } });
    const after = await (await call('GET', '/api/reply-templates?purpose=return', { cookie: fx.users.department })).json<{
      items: { id: number }[];
    }>();
    expect(after.items.map((t) => t.id)).not.toContain(template.id);
  });

  it('settings are read by staff and changed by admins within bounds', async () => {
    const read = await (await call('GET', '/api/handling-settings', { cookie: fx.users.staffA })).json<{
      settings: Record<string, unknown>;
    }>();
    expect(read.settings).toEqual({ signWorkingDays: 2, answerNeedsAcceptance: true, escalateAfterWorkingDays: 5 });
    expect((await call('PUT', '/api/handling-settings', { cookie: fx.users.admin, json: { signWorkingDays: 0 } })).status).toBe(
      422,
    );
    const put = await call('PUT', '/api/handling-settings', { cookie: fx.users.admin, json: { signWorkingDays: 3 } });
    expect(await put.json()).toEqual({
      settings: { signWorkingDays: 3, answerNeedsAcceptance: true, escalateAfterWorkingDays: 5 },
    });
    await call('PUT', '/api/handling-settings', { cookie: fx.users.admin, json: { signWorkingDays: 2 } });
  });
});
