import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call, seedFixture } from '../helpers';

function fixture(name: string): Uint8Array<ArrayBuffer> {
  const b64 = env.TEST_FIXTURES[name];
  if (!b64) throw new Error(`no fixture ${name}`);
  return Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
}

function upload(cookie: string, name: string, bytes: Uint8Array<ArrayBuffer>, dryRun = false) {
  const form = new FormData();
  form.append('file', new File([bytes], name));
  return call('POST', `/api/roster/import${dryRun ? '?dryRun=1' : ''}`, { cookie, body: form });
}

async function deputyCount(): Promise<number> {
  return (await env.DB.prepare('SELECT count(*) AS n FROM deputies').first<{ n: number }>())?.n ?? 0;
}

type Summary = { created: number; updated: number; unchanged: number; dryRun: boolean };
type Rows = { error: { code: string; message: string; rows: { row: number; field: string; message: string }[] } };

describe('roster import', () => {
  it('plans a GBK CSV in a dry run without writing anything', async () => {
    const { users } = await seedFixture();
    const before = await deputyCount();
    const res = await upload(users.staff, 'deputies-gbk.csv', fixture('deputies-gbk.csv'), true);
    expect(res.status).toBe(200);
    expect(await res.json<Summary>()).toEqual({ created: 8, updated: 0, unchanged: 0, dryRun: true });
    expect(await deputyCount()).toBe(before);
  });

  it('imports a GBK CSV, decodes the names, and a second import changes nothing', async () => {
    const { users } = await seedFixture();
    const before = await deputyCount();
    const first = await upload(users.staff, 'deputies-gbk.csv', fixture('deputies-gbk.csv'));
    expect(await first.json<Summary>()).toMatchObject({ created: 8, updated: 0 });
    expect(await deputyCount()).toBe(before + 8);
    const names = await env.DB.prepare("SELECT name FROM deputies WHERE phone LIKE '177010%' ORDER BY phone").all<{
      name: string;
    }>();
    expect(names.results.map((r) => r.name)).toContain('张建国');
    const auditRows = await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'import'").first<{ n: number }>();
    expect(auditRows?.n).toBe(8);

    const again = await upload(users.staff, 'deputies-utf8-bom.csv', fixture('deputies-utf8-bom.csv'));
    expect(await again.json<Summary>()).toMatchObject({ created: 0, updated: 0, unchanged: 8 });
    expect(await deputyCount()).toBe(before + 8);
  });

  it('reads XLSX files from Excel and from WPS the same way', async () => {
    const { users } = await seedFixture();
    for (const name of ['deputies-excel.xlsx', 'deputies-wps.xlsx']) {
      const res = await upload(users.staff, name, fixture(name), true);
      expect(res.status, name).toBe(200);
      const body = await res.json<Summary>();
      expect(body.created + body.updated + body.unchanged, name).toBeGreaterThan(0);
    }
  });

  it('refuses a bad file whole, listing every bad row with its number and reason', async () => {
    const { users } = await seedFixture();
    const before = await deputyCount();
    const res = await upload(users.staff, 'deputies-bad.csv', fixture('deputies-bad.csv'));
    expect(res.status).toBe(422);
    const body = await res.json<Rows>();
    expect(body.error.code).toBe('import_invalid');
    expect(body.error.message).toMatch(/未导入任何数据/);
    expect(body.error.rows.length).toBeGreaterThanOrEqual(8);
    for (const row of body.error.rows) {
      expect(row.row).toBeGreaterThan(1);
      expect(row.message.length).toBeGreaterThan(2);
    }
    expect(await deputyCount()).toBe(before);
  });

  it("refuses a township staff member's rows for another township", async () => {
    const { users } = await seedFixture();
    const res = await upload(users.staffA, 'deputies-utf8-bom.csv', fixture('deputies-utf8-bom.csv'), true);
    expect(res.status).toBe(422);
    const body = await res.json<Rows>();
    expect(body.error.rows.some((r) => r.field === 'township' && /本乡镇/.test(r.message))).toBe(true);
  });

  it('answers a missing or unreadable file with a clear 4xx', async () => {
    const { users } = await seedFixture();
    const none = await call('POST', '/api/roster/import', { cookie: users.staff, body: new FormData() });
    expect(none.status).toBe(400);
    expect((await none.json<Rows>()).error.message).toMatch(/请选择/);
    const junk = await upload(users.staff, 'x.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3, 4, 5]));
    expect(junk.status).toBe(422);
    const notForm = await call('POST', '/api/roster/import', { cookie: users.staff, json: { file: 'x' } });
    expect(notForm.status).toBe(400);
  });
});
