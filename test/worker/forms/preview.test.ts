/**
 * The builder's preview over real HTTP: a definition is checked (problems in Chinese, keyed
 * by the path of the field at fault), stored under a token, rendered by the deputies' page at
 * /p/<token> with pages and logic, framable by the dashboard only, and never stores answers.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, type Fixture, seedFixture } from '../helpers';

let fixture: Fixture;
beforeAll(async () => {
  fixture = await seedFixture();
});

const definition = {
  schemaVersion: 1,
  title: { 'zh-CN': '满意度回访' },
  questions: [
    { id: 'q1', type: 'scale5', label: { 'zh-CN': '您对办理结果满意吗？' }, required: true },
    {
      id: 'q2',
      type: 'choice',
      label: { 'zh-CN': '您是怎么知道联络站的？' },
      other: true,
      options: [{ code: 'o1', label: { 'zh-CN': '邻居介绍' } }],
    },
    { id: 'q3', type: 'section', label: { 'zh-CN': '第二页' }, newPage: true },
    { id: 'q4', type: 'textarea', label: { 'zh-CN': '还有什么建议？' } },
  ],
};

async function create(def: unknown, cookie = fixture.users.staff) {
  return call('POST', '/api/forms/previews', { cookie, json: { kind: 'questionnaire', definition: def } });
}

describe('form previews', () => {
  it('renders the posted definition with the deputies’ page, paged, and lets the dashboard frame it', async () => {
    const res = await create(definition);
    expect(res.status).toBe(201);
    const { token, url, pages } = await res.json<{ token: string; url: string; pages: number }>();
    expect(pages).toBe(2);
    expect(url).toMatch(new RegExp(`/p/${token}$`));
    const page = await call('GET', `/p/${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(page.headers.get('content-security-policy')).toContain('script-src');
    const html = await page.text();
    expect(html).toContain('这是预览');
    expect(html).toContain('第 1 页，共 2 页');
    expect(html).toContain('您对办理结果满意吗？');
    expect(html).toContain('name="q2.other"');
    // Other pages keep the strict policy.
    const other = await call('GET', '/t/');
    expect(other.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('walks the pages on post and stores nothing', async () => {
    const { token } = await (await create(definition)).json<{ token: string }>();
    const post = (fields: Record<string, string>) =>
      call('POST', `/p/${token}`, {
        body: new URLSearchParams(fields),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    const missing = await post({ _page: '0', _go: 'next' });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('请选择“您对办理结果满意吗”');
    const next = await post({ _page: '0', _go: 'next', q1: '5' });
    expect(await next.text()).toContain('第 2 页，共 2 页');
    const before = await env.DB.prepare(
      'SELECT (SELECT count(*) FROM evaluation_responses) + (SELECT count(*) FROM evaluation_pending) AS n',
    ).first<{ n: number }>();
    const done = await post({ _page: '1', _go: 'submit', q1: '5', q4: '很好' });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('回答没有保存');
    const after = await env.DB.prepare(
      'SELECT (SELECT count(*) FROM evaluation_responses) + (SELECT count(*) FROM evaluation_pending) AS n',
    ).first<{ n: number }>();
    expect(after?.n).toBe(before?.n);
  });

  it('names each problem in Chinese beside its path, as a 422', async () => {
    const bad = structuredClone(definition) as { questions: Record<string, unknown>[] };
    bad.questions[0]!.label = { 'zh-CN': '' };
    bad.questions[1]!.options = [];
    bad.questions[3]!.showIf = { field: 'q9', is: ['x'] };
    const res = await create(bad);
    expect(res.status).toBe(422);
    const body = await res.json<{ error: { code: string; message: string; fields: Record<string, string> } }>();
    expect(body.error.code).toBe('form_definition_invalid');
    expect(body.error.message).toBe('表单有 3 处需要修改，请看标红的地方。');
    expect(body.error.fields).toEqual({
      'questions.0.label.zh-CN': '请填写这一项',
      'questions.1.options': '请至少添加一个选项',
      'questions.3.showIf': '显示条件只能引用这道题前面的题目',
    });
  });

  it('updates in place for its author only; an unknown or expired token is a polite 404', async () => {
    const { token } = await (await create(definition)).json<{ token: string }>();
    const changed = structuredClone(definition);
    changed.questions[0]!.label = { 'zh-CN': '改过的题目' };
    const put = await call('PUT', `/api/forms/previews/${token}`, { cookie: fixture.users.staff, json: { definition: changed } });
    expect(put.status).toBe(200);
    expect(await (await call('GET', `/p/${token}`)).text()).toContain('改过的题目');
    const stranger = await call('PUT', `/api/forms/previews/${token}`, { cookie: fixture.users.admin, json: { definition } });
    expect(stranger.status).toBe(404);
    await env.DB.prepare('UPDATE form_previews SET expires_at = 1 WHERE token = ?').bind(token).run();
    const gone = await call('GET', `/p/${token}`);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toContain('预览已过期');
    expect((await call('GET', '/p/not-a-token')).status).toBe(404);
  });

  it('draws a QR code of the preview link for the phone', async () => {
    const { token } = await (await create(definition)).json<{ token: string }>();
    const qr = await call('GET', `/api/forms/previews/${token}/qr.svg`, { cookie: fixture.users.staff });
    expect(qr.status).toBe(200);
    expect(qr.headers.get('content-type')).toContain('image/svg+xml');
    expect(await qr.text()).toContain('<svg');
  });
});
