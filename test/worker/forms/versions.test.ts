/**
 * Versions stay honest: a questionnaire with an answer is frozen, the next save is version 2,
 * the answer stays on version 1, and the history says in words what changed.
 */
import { describe, expect, it } from 'vitest';
import { call } from '../helpers';
import { setupTraining, submit } from '../evaluations/helpers';

const v1 = {
  schemaVersion: 1,
  title: { 'zh-CN': '会后小调查' },
  questions: [
    { id: 'q1', type: 'scale5', label: { 'zh-CN': '您满意吗？' }, required: true },
    { id: 'q2', type: 'choice', label: { 'zh-CN': '您从哪里知道？' }, options: [{ code: 'o1', label: { 'zh-CN': '短信' } }] },
  ],
};

describe('questionnaire versions', () => {
  it('freezes an answered version and describes the next one in words', async () => {
    const setup = await setupTraining({ title: '版本测试培训' });
    const path = `/api/trainings/${setup.trainingId}/questionnaire`;
    const put = async (definition: unknown) => {
      const res = await call('PUT', path, { cookie: setup.fixture.users.staff, json: { definition } });
      expect(res.status).toBe(200);
      return res.json<{ version: number; versions: { version: number; responses: number; changes: string[] }[] }>();
    };
    expect((await put(v1)).version).toBe(1);
    const answer = await submit(setup.tokens.get(1)!, new URLSearchParams({ q1: '4', q2: 'o1' }));
    expect(answer.status).toBe(200);

    const v2 = structuredClone(v1) as typeof v1 & { questions: Record<string, unknown>[] };
    v2.questions[1]!.other = true;
    v2.questions[0]!.label = { 'zh-CN': '您对培训满意吗？' };
    const after = await put(v2);
    expect(after.version).toBe(2);
    expect(after.versions).toEqual([
      { version: 1, responses: 1, changes: [], id: expect.any(Number), createdAt: expect.any(Number) },
      {
        version: 2,
        responses: 0,
        changes: ['第 1 题的题目改为“您对培训满意吗？”', '第 2 题新增选项“其他（请注明）”'],
        id: expect.any(Number),
        createdAt: expect.any(Number),
      },
    ]);
    const en = await call('GET', path, { cookie: setup.fixture.users.staff, headers: { 'accept-language': 'en' } });
    const body = await en.json<{ versions: { changes: string[] }[] }>();
    expect(body.versions[1]?.changes[1]).toBe('Question 2: added option “Other (please specify)”');
  });
});
