/**
 * The station's opinion form: rendering, validation round trips, storing, and every kind of
 * bad request answered with a 4xx page.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedFixture } from '../helpers';
import { codeOf, form, rows, send, submit, validFields } from './support';

beforeAll(async () => {
  await seedFixture();
});

const UUID = /name="_key" value="([0-9a-f-]{36})"/;

describe('GET /s/:stationCode', () => {
  it('renders the form with the station and township, a submission key, and everything inline', async () => {
    const res = await send('GET', '/s/AAAAAA');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html><html lang="zh-CN">/);
    expect(html).toContain('城关街道人大代表联络站');
    expect(html).toContain('<p class="pg-where__town">');
    expect(html).toContain('城关街道');
    expect(html).toContain('<form class="lf-form" novalidate="" method="post" enctype="multipart/form-data" action="/s/AAAAAA"');
    expect(html).toMatch(UUID);
    // The engine's fields, from the form stored in the database.
    for (const name of ['category', 'body', 'place', 'reporter_name', 'reporter_phone', 'consent', 'photos'])
      expect(html).toContain(`name="${name}"`);
    expect(html).toContain('道路交通');
    expect(html).toContain('.lf-form{');
    // One request: no stylesheet, script, image or font from anywhere else.
    // Nothing to fetch: the only <link> is the inline empty icon that stops a /favicon.ico request.
    expect(html).toMatch(/<link rel="icon" href="data:,"\/?>/);
    expect(html.replace(/<link rel="icon" href="data:,"\/?>/, '')).not.toMatch(/<link\b|\bsrc=|url\(|@import/);
    // Residents never choose the station.
    expect(html).not.toMatch(/name="station/);
  });

  it('hands out a new submission key on every load', async () => {
    const a = UUID.exec(await (await send('GET', '/s/AAAAAA')).text())?.[1];
    const b = UUID.exec(await (await send('GET', '/s/AAAAAA')).text())?.[1];
    expect(a).toBeTruthy();
    expect(a).not.toBe(b);
  });

  it('accepts the code in any case', async () => {
    const res = await send('GET', '/s/aaaaaa');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('action="/s/AAAAAA"');
  });

  it('speaks English with ?lang=en and remembers it', async () => {
    const res = await send('GET', '/s/AAAAAA?lang=en');
    expect(res.headers.get('set-cookie')).toMatch(/lang=en/);
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('What is your opinion about?');
    const again = await (await send('GET', '/s/AAAAAA', undefined, { headers: { cookie: 'lang=en' } })).text();
    expect(again).toContain('Roads and traffic');
  });

  it('answers an unknown or inactive station with a friendly 404 page in Chinese', async () => {
    for (const path of ['/s/ZZZZZZ', '/s/%E4%BD%A0%E5%A5%BD', '/s/AAAAAA/extra', '/s/', '/s']) {
      const res = await send('GET', path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).toContain('没有找到这个联络站');
    }
    await env.DB.prepare(
      `INSERT INTO stations (id, code, name, kind, host_type, township_id, active, created_at, updated_at) VALUES (50,'CLOSED','已停用的联络室','room','household',1,0,0,0)`,
    ).run();
    expect((await send('GET', '/s/CLOSED')).status).toBe(404);
  });
});

describe('POST /s/:stationCode: validation', () => {
  it('re-renders with a summary, field messages and everything typed (422)', async () => {
    const fields = validFields({ body: '太短了', reporter_name: '张三', reporter_phone: '1380013800', place: '幸福路 <3号>' });
    const res = await submit('AAAAAA', fields);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('<title>错误：');
    expect(html).toContain('class="lf-error-summary"');
    expect(html).toContain('提交前，请先修改下面的问题');
    expect(html).toContain('<a href="#f-body">至少需要 10 个字，您写了 3 个字</a>');
    expect(html).toContain('<a href="#f-reporter_phone">请输入 11 位手机号码，例如 13800138000</a>');
    expect(html).toContain('<a href="#f-consent">');
    expect(html).toMatch(/<p class="lf-error-message" id="f-body-error">/);
    // What was typed is kept (and escaped).
    expect(html).toContain('>\n太短了</textarea>');
    expect(html).toContain('value="1380013800"');
    expect(html).toContain('value="张三"');
    expect(html).toContain('value="幸福路 &lt;3号&gt;"');
    expect(html).toMatch(/value="road_traffic" checked=""/);
    // The same submission key, so the corrected form is still the same submission.
    expect(UUID.exec(html)?.[1]).toBe(fields._key);
    expect(await rows('SELECT id FROM opinions WHERE submission_key = ?', fields._key)).toEqual([]);
  });

  it('asks for the category and the text when nothing was filled in', async () => {
    const res = await submit('AAAAAA', { _key: crypto.randomUUID() });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('请选择意见的类别，拿不准可以选“其他”');
    expect(html).toContain('请填写意见内容');
  });

  it('gives a fresh key and keeps the text when the key is missing or forged (400)', async () => {
    for (const key of [undefined, 'not-a-uuid', "'; DROP TABLE opinions; --"]) {
      const fields: Record<string, string> = { ...validFields() };
      if (key === undefined) delete fields._key;
      else fields._key = key;
      const res = await submit('AAAAAA', fields);
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('页面已过期');
      expect(html).toContain(fields.body);
      expect(html).toMatch(UUID);
    }
  });
});

describe('POST /s/:stationCode: storing', () => {
  it('stores the opinion, its first event, and redirects to the tracking page (303)', async () => {
    const fields = validFields({ reporter_name: '张三', reporter_phone: '+86 138-0013-8000', consent: 'yes' });
    const res = await submit('AAAAAA', fields);
    const code = codeOf(res);
    const [row] = await rows<Record<string, unknown>>('SELECT * FROM opinions WHERE tracking_code = ?', code);
    expect(row).toMatchObject({
      submission_key: fields._key,
      station_id: 1,
      township_id: 1,
      category: 'road_traffic',
      body: fields.body,
      place: fields.place,
      reporter_name: '张三',
      reporter_phone: '13800138000',
      state: 'pending',
      extra_answers: '{}',
    });
    expect(row?.consent_at).toEqual(expect.any(Number));
    expect(row?.due_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [version] = await rows<{ id: number }>(
      `SELECT v.id FROM form_versions v JOIN forms f ON f.id = v.form_id AND v.version = f.current_version WHERE f.slug = 'opinion'`,
    );
    expect(row?.form_version_id).toBe(version?.id);
    const events = await rows<Record<string, unknown>>('SELECT * FROM opinion_events WHERE opinion_id = ?', row?.id);
    expect(events).toEqual([
      expect.objectContaining({
        action: 'submit',
        from_state: null,
        to_state: 'pending',
        actor_label: 'resident',
        internal_note: null,
      }),
    ]);
  });

  it('keeps no name or phone without consent, and needs consent once one is given', async () => {
    const refused = await submit('AAAAAA', validFields({ reporter_phone: '13800138000' }));
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('您留下了姓名或电话，请勾选同意');
    const code = codeOf(await submit('AAAAAA', validFields()));
    const [row] = await rows<Record<string, unknown>>('SELECT * FROM opinions WHERE tracking_code = ?', code);
    expect(row).toMatchObject({ reporter_name: null, reporter_phone: null, consent_at: null });
  });

  it('uses the station of the URL, never one sent in the body', async () => {
    const code = codeOf(await submit('BBBBBB', validFields({ station_id: '1', township_id: '1' })));
    const [row] = await rows<Record<string, unknown>>(
      'SELECT station_id, township_id FROM opinions WHERE tracking_code = ?',
      code,
    );
    expect(row).toEqual({ station_id: 2, township_id: 2 });
  });
});

describe('POST /s/:stationCode: bad requests are 4xx pages', () => {
  it('malformed multipart → 400', async () => {
    const res = await send('POST', '/s/AAAAAA', '--xyz\r\nContent-Disposition: form-data; name="body"\r\n\r\nno end', {
      headers: { 'content-type': 'multipart/form-data; boundary=abc' },
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('提交的内容无法读取');
  });

  it('a body over the limit → 413', async () => {
    const res = await send('POST', '/s/AAAAAA', new Uint8Array(17 * 1024 * 1024), {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('提交的内容太大了');
  });

  it('invalid UTF-8, JSON, plain text and no body → 4xx, never 5xx', async () => {
    const key = crypto.randomUUID();
    const bodies: [BodyInit | undefined, string | undefined][] = [
      [
        new Uint8Array([...new TextEncoder().encode(`_key=${key}&category=other&body=`), 0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82]),
        'application/x-www-form-urlencoded',
      ],
      [`_key=${key}&body=%FF%FE%C3%28&category=%E0%A4`, 'application/x-www-form-urlencoded'],
      [JSON.stringify({ _key: key, category: 'other', body: 'x'.repeat(20) }), 'application/json'],
      ['hello', 'text/plain'],
      [undefined, undefined],
      ['category[]=a&category[]=b&body[x]=1', 'application/x-www-form-urlencoded'],
    ];
    for (const [body, type] of bodies) {
      const res = await send('POST', '/s/AAAAAA', body, { headers: type ? { 'content-type': type } : {} });
      expect(res.status, String(type)).toBeGreaterThanOrEqual(400);
      expect(res.status, String(type)).toBeLessThan(500);
    }
  });

  it('repeated and conflicting values are refused, not crashed on', async () => {
    const res = await submit(
      'AAAAAA',
      validFields({ category: ['road_traffic', 'housing'], body: ['第一段意见写在这里，写够十个字。', '第二段'] }),
    );
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('填写的内容无法识别');
  });

  it('unknown station on POST → 404, nothing stored', async () => {
    const fields = validFields();
    const res = await send('POST', '/s/ZZZZZZ', form(fields));
    expect(res.status).toBe(404);
    expect(await rows('SELECT id FROM opinions WHERE submission_key = ?', fields._key)).toEqual([]);
  });
});
