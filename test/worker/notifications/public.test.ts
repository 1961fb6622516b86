/** Residents' pages: 忘记查询码 (neutral answer, one SMS a day, own codes only) and 退订 on the tracking page. */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedFixture } from '../helpers';
import { form, send } from '../intake/support';
import { consentedOpinion, outbox } from './support';

beforeAll(async () => {
  await seedFixture();
});

describe('忘记查询码 (/t/codes)', () => {
  it('texts a number its own codes once a day, and answers an unknown number exactly the same way', async () => {
    const a = await consentedOpinion({ phone: '13711110000' });
    const b = await consentedOpinion({ phone: '13711110000' });
    await consentedOpinion({ phone: '13722220000' });
    const page = await send('GET', '/t/codes');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('忘记查询码');

    const known = await send('POST', '/t/codes', form({ phone: '137 1111 0000' }));
    const unknown = await send('POST', '/t/codes', form({ phone: '13799990000' }));
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    const strip = (html: string) => html.replace(/<input[^>]*>/g, '');
    expect(strip(await known.text())).toBe(strip(await unknown.text()));
    const again = await send('POST', '/t/codes', form({ phone: '13711110000' }));
    expect(again.status).toBe(200);

    const rows = await outbox("template_id = 'tracking_codes' AND phone = '13711110000'");
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.variables).codes.split('、').sort()).toEqual([a.code, b.code].sort());
    expect(await outbox("template_id = 'tracking_codes' AND phone = '13799990000'")).toHaveLength(0);
  });

  it('refuses a malformed number with a message in Chinese (422)', async () => {
    const res = await send('POST', '/t/codes', form({ phone: '12345' }));
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(/手机号码/);
  });

  it('is rate-limited per client address', async () => {
    const ip = '2001:db8:ffff::77';
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await send('POST', '/t/codes', form({ phone: `1370000${String(i).padStart(4, '0')}` }), { ip })).status);
    expect(statuses).toContain(429);
  });
});

describe('退订 on the tracking page', () => {
  it('shows the form, records the opt-out (delivery then suppresses, see outbox.test.ts); an unknown code is 404', async () => {
    const o = await consentedOpinion({ phone: '13733330000' });
    const got = await send('GET', `/t/${o.code}`);
    const page = await got.text();
    expect(got.status, page.slice(0, 400)).toBe(200);
    expect(page).toContain(`action="/t/${o.code}/unsubscribe"`);
    const res = await send('POST', `/t/${o.code}/unsubscribe`, form({}));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('已退订');
    const row = await env.DB.prepare(`SELECT source FROM sms_opt_outs WHERE phone = '13733330000'`).first<{ source: string }>();
    expect(row?.source).toBe('tracking_page');
    expect((await send('POST', '/t/NOPE2345/unsubscribe', form({}))).status).toBe(404);
  });
});
