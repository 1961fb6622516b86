/**
 * CSV and XLSX exports of the filtered inbox: a BOM for Excel/WPS, formula-looking text
 * neutralised, one column per step's timestamp, the same scope and filters as the list, and
 * phone numbers only for those who may see them.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../../worker/roster/import/xlsx';
import { call, type Fixture, seedFixture } from '../helpers';
import { act, insertOpinion } from './helpers';

let users: Fixture['users'];
let formula: { id: number; trackingCode: string };

beforeAll(async () => {
  ({ users } = await seedFixture());
  formula = await insertOpinion({ body: "=cmd|' /C calc'!A0 路灯坏了", reporterName: '@张三', reporterPhone: '13977778888' });
  await act(users.staffA, formula.id, 'accept', { deputyId: 1 });
  await act(users.deputy, formula.id, 'record_visit', { findings: '属实' });
  await insertOpinion({ stationId: 2, townshipId: 2, body: '东湖小区停水了，请尽快恢复。', reporterPhone: '13966667777' });
});

/** Parses our own CSV (quoted fields, CRLF), enough for these assertions. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && ch === '"') quoted = false;
    else if (quoted) field += ch;
    else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

async function csv(cookie: string, qs = ''): Promise<{ raw: string; rows: string[][]; res: Response }> {
  const res = await call('GET', `/api/opinions/export.csv${qs}`, { cookie });
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const raw = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return { raw, rows: parseCsv(raw.replace(/^\uFEFF/, '')), res };
}

describe('CSV export', () => {
  it('starts with a BOM, is served as an attachment, and neutralises formula-looking cells', async () => {
    const { raw, rows, res } = await csv(users.staffA);
    expect(raw.charCodeAt(0)).toBe(0xfeff);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="opinions-\d{4}-\d{2}-\d{2}\.csv"/);
    const [header, ...body] = rows;
    const col = (name: string) => header!.indexOf(name);
    expect(body).toHaveLength(1); // township staff: their township only
    const row = body[0]!;
    expect(row[col('编号')]).toBe(formula.trackingCode);
    expect(row[col('意见内容')]).toBe("'=cmd|' /C calc'!A0 路灯坏了");
    expect(row[col('反映人')]).toBe("'@张三");
    expect(row[col('联系电话')]).toBe('13977778888');
    expect(row[col('状态')]).toBe('二看');
    expect(row[col('负责代表')]).toBe('王建国');
  });

  it('has a timestamp column for every step, filled for the steps reached', async () => {
    const { rows } = await csv(users.staffA);
    const header = rows[0]!;
    for (const name of [
      '收到时间',
      '一听时间',
      '二看时间',
      '三议时间',
      '四办时间',
      '已办结时间',
      '复核时间',
      '已办结并评价时间',
      '不予受理时间',
      '重复时间',
      '转办时间',
    ]) {
      expect(header, name).toContain(name);
    }
    const row = rows[1]!;
    expect(row[header.indexOf('一听时间')]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(row[header.indexOf('二看时间')]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(row[header.indexOf('三议时间')]).toBe('');
  });

  it('follows the filters and scope of the list, and leaves phones out for leaders', async () => {
    const all = await csv(users.leader);
    expect(all.rows).toHaveLength(3);
    expect(all.rows[0]).not.toContain('联系电话');
    expect(all.raw).not.toMatch(/139\d{8}/);
    const east = await csv(users.staff, '?townshipId=2');
    expect(east.rows).toHaveLength(2);
    expect(east.rows[1]).toContain('13966667777');
    expect((await call('GET', '/api/opinions/export.csv?townshipId=2', { cookie: users.staffA })).status).toBe(403);
  });

  it('speaks English when the user does', async () => {
    const res = await call('GET', '/api/opinions/export.csv', { cookie: `${users.staffA}; lang=en` });
    const text = await res.text();
    expect(text).toContain('Tracking code');
    expect(text).toContain('Look');
  });
});

describe('XLSX export', () => {
  it('is a workbook with the same table, where formula-looking text stays text', async () => {
    const res = await call('GET', '/api/opinions/export.xlsx', { cookie: users.staffA });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const bytes = new Uint8Array(await res.arrayBuffer());
    const sheet = readXlsx(bytes);
    const header = sheet.rows[0]!.cells;
    const row = sheet.rows[1]!.cells;
    expect(sheet.sheetName).toBe('意见办理');
    expect(row[header.indexOf('意见内容')]).toBe("=cmd|' /C calc'!A0 路灯坏了");
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
    // No formula cells at all; the formula-looking text cell carries Excel's quotePrefix style.
    expect(xml).not.toContain('<f>');
    expect(strFromU8(unzipSync(bytes)['xl/styles.xml']!)).toContain('quotePrefix="1"');
  });
});
