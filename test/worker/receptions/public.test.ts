/**
 * What residents see of a station: its address, the reception days from its 排班 (rota
 * groups read as the station's rhythm) and a tap-to-call phone, on the form, the poster and
 * the tracking page. Station phones are validated like any roster field.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, chinaDay } from '../../../worker/workflow/calendar';
import { call, type Fixture, seedFixture } from '../helpers';
import { codeOf, submit, validFields } from '../intake/support';

let fx: Fixture;
const today = chinaDay(Date.now());
/** The next Wednesday on or after today. */
const wednesday = (() => {
  let d = today;
  while (new Date(`${d}T00:00:00Z`).getUTCDay() !== 3) d = addCalendarDays(d, 1);
  return d;
})();

beforeAll(async () => {
  fx = await seedFixture();
  const patch = await call('PATCH', '/api/stations/1', {
    cookie: fx.users.staffA,
    json: { address: '城关大街 369 号', phone: '0730-8123 4567' },
  });
  expect(patch.status).toBe(200);
  // Two rota groups taking turns every other Wednesday morning: the station receives weekly.
  for (const startsOn of [wednesday, addCalendarDays(wednesday, 7)]) {
    const res = await call('POST', '/api/receptions/schedules', {
      cookie: fx.users.staffA,
      json: { stationId: 1, rule: 'weekly', everyWeeks: 2, startsOn, period: 'am', deputyIds: [1] },
    });
    expect(res.status).toBe(201);
  }
  const monthly = await call('POST', '/api/receptions/schedules', {
    cookie: fx.users.staffA,
    json: { stationId: 1, rule: 'monthly', dayOfMonth: 15, startsOn: today, period: 'pm', deputyIds: [1] },
  });
  expect(monthly.status).toBe(201);
});

function expectContact(html: string, where: string) {
  expect(html, where).toContain('城关大街 369 号');
  expect(html, where).toContain('每周三上午');
  expect(html, where).toContain('每月 15 日下午');
  expect(html, where).not.toContain('每两周');
}

describe('station contact on residents’ pages', () => {
  it('shows address, reception days and a tel: link on the form', async () => {
    const res = await call('GET', '/s/AAAAAA');
    expect(res.status).toBe(200);
    const html = await res.text();
    expectContact(html, 'form');
    expect(html).toContain('href="tel:0730-81234567"'.replace('-', ''));
  });

  it('shows them on the tracking page and the poster too', async () => {
    const code = codeOf(await submit('AAAAAA', validFields()));
    const tracking = await (await call('GET', `/t/${code}`)).text();
    expectContact(tracking, 'tracking');
    expect(tracking).toContain('tel:07308');
    const poster = await call('GET', '/api/stations/1/poster', { cookie: fx.users.staffA });
    expect(poster.status).toBe(200);
    const text = await poster.text();
    expect(text).toContain('每周三上午');
    expect(text).toContain('0730-8123 4567');
  });

  it('shows no empty block for a station without any of it, and refuses a phone with letters', async () => {
    const html = await (await call('GET', '/s/BBBBBB')).text();
    expect(html).not.toContain('<dl class="pg-contact"');
    const ok = await call('PATCH', '/api/stations/2', { cookie: fx.users.staffB, json: { phone: '13800138000' } });
    expect(ok.status).toBe(200);
    const withPhone = await (await call('GET', '/s/BBBBBB')).text();
    expect(withPhone).toContain('接待日请电话咨询');
    expect(withPhone).toContain('href="tel:13800138000"');
    const bad = await call('PATCH', '/api/stations/2', { cookie: fx.users.staffB, json: { phone: '电话 0730' } });
    expect(bad.status).toBe(422);
    expect((await bad.json<{ error: { fields: Record<string, string> } }>()).error.fields.phone).toBeTruthy();
  });
});
