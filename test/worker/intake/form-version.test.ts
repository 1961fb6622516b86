/**
 * The form residents see is data: staff add a question (say, for the 乡村振兴，代表在行动
 * campaign) as a new version of the `opinion` form, and the page and the stored opinion
 * follow without a code change.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { opinionFormDefinition } from '../../../worker/forms/defaults/opinion';
import { seedFixture } from '../helpers';
import { codeOf, rows, send, submit, validFields } from './support';

beforeAll(async () => {
  await seedFixture();
});

describe('a new version of the opinion form', () => {
  it('is what residents get, and its extra answers are stored with the opinion', async () => {
    const campaign = {
      id: 'campaign',
      type: 'choice',
      label: { 'zh-CN': '是否属于“乡村振兴，代表在行动”活动？', en: 'Part of the rural revitalisation campaign?' },
      options: [
        { code: 'yes', label: { 'zh-CN': '是' } },
        { code: 'no', label: { 'zh-CN': '否' } },
      ],
      required: true,
    };
    const definition = { ...opinionFormDefinition, questions: [...opinionFormDefinition.questions, campaign] };
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO form_versions (form_id, version, definition, created_at) SELECT id, 2, ?, 0 FROM forms WHERE slug = 'opinion'`,
      ).bind(JSON.stringify(definition)),
      env.DB.prepare(`UPDATE forms SET current_version = 2 WHERE slug = 'opinion'`),
    ]);

    const html = await (await send('GET', '/s/AAAAAA')).text();
    expect(html).toContain('是否属于“乡村振兴，代表在行动”活动？');

    const missing = await submit('AAAAAA', validFields());
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('请选择“是否属于“乡村振兴，代表在行动”活动”');

    const code = codeOf(await submit('AAAAAA', validFields({ campaign: 'yes' })));
    const [row] = await rows<{ extra_answers: string; form_version_id: number }>(
      'SELECT extra_answers, form_version_id FROM opinions WHERE tracking_code = ?',
      code,
    );
    expect(JSON.parse(row!.extra_answers)).toEqual({ campaign: 'yes' });
    const [v2] = await rows<{ id: number }>(`SELECT id FROM form_versions WHERE version = 2`);
    expect(row?.form_version_id).toBe(v2?.id);
  });

  it('a version that does not parse falls back to the built-in form rather than failing residents', async () => {
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO form_versions (form_id, version, definition, created_at) SELECT id, 3, '{"broken":', 0 FROM forms WHERE slug = 'opinion'`,
      ),
      env.DB.prepare(`UPDATE forms SET current_version = 3 WHERE slug = 'opinion'`),
    ]);
    const res = await send('GET', '/s/AAAAAA');
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain('乡村振兴，代表在行动');
    const code = codeOf(await submit('AAAAAA', validFields()));
    const [row] = await rows<{ form_version_id: number | null }>(
      'SELECT form_version_id FROM opinions WHERE tracking_code = ?',
      code,
    );
    expect(row?.form_version_id).toBeNull();
  });
});
