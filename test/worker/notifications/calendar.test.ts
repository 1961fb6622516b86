/** The calendar admin API: the State Council notice read for review, saved with the existing PUT, and the upkeep warning. */
import { beforeAll, describe, expect, it } from 'vitest';
import { chinaDay, missingHolidayYear } from '../../../worker/workflow/calendar';
import { call, type Fixture, seedFixture } from '../helpers';

let users: Fixture['users'];
beforeAll(async () => {
  ({ users } = await seedFixture());
});

const NOTICE_2027 = `国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月6日（周六）至12日（周五）放假调休，共7天。2月20日（周六）上班。`;

describe('POST /api/calendar/parse and the upkeep warning', () => {
  it('reads a pasted notice into days, which the admin saves; the warning for next year then goes away', async () => {
    const today = chinaDay(Date.now());
    const next = Number(today.slice(0, 4)) + 1;
    const before = await (await call('GET', '/api/calendar/upkeep', { cookie: users.staff })).json<{
      missingYear: number | null;
    }>();
    expect(before.missingYear).toBe(missingHolidayYear(today, []));

    const res = await call('POST', '/api/calendar/parse', { cookie: users.admin, json: { text: NOTICE_2027 } });
    expect(res.status).toBe(200);
    const parsed = await res.json<{ year: number; days: { day: string; kind: string; name: string }[]; warnings: string[] }>();
    expect(parsed.year).toBe(2027);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.days.filter((d) => d.kind === 'holiday').map((d) => d.day)).toEqual([
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
      '2027-02-12',
    ]);
    expect(parsed.days.filter((d) => d.kind === 'workday')).toEqual([{ day: '2027-02-20', kind: 'workday', name: '春节' }]);

    const saved = await call('PUT', '/api/calendar', { cookie: users.admin, json: { year: 2027, days: parsed.days } });
    expect(saved.status).toBe(200);
    const after = await (await call('GET', '/api/calendar/upkeep', { cookie: users.staff })).json<{
      missingYear: number | null;
    }>();
    expect(after.missingYear).toBe(next === 2027 ? null : missingHolidayYear(today, []));
  });

  it('explains in Chinese what to paste when the text is not a notice (422, never 500)', async () => {
    const res = await call('POST', '/api/calendar/parse', { cookie: users.admin, json: { text: '你好' } });
    expect(res.status).toBe(422);
    expect((await res.json<{ error: { message: string } }>()).error.message).toMatch(/没有找到年份/);
    const items = await call('POST', '/api/calendar/parse', { cookie: users.admin, json: { text: '你好', year: 2027 } });
    expect((await items.json<{ error: { code: string } }>()).error.code).toBe('notice_no_items');
    expect((await call('POST', '/api/calendar/parse', { cookie: users.admin, json: {} })).status).toBe(422);
  });
});
