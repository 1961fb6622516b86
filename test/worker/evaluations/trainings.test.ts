/**
 * The staff API: trainings, courses, enrolment (tokens, township scope), opening and
 * closing, and the questionnaire as versioned data.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { trainingFormDefinition } from '../../../worker/forms/defaults/training';
import { renderSVG } from 'uqr';
import { call, ORIGIN, seedFixture } from '../helpers';
import { ALL_ANSWERS, answers, setupTraining, submit } from './helpers';

describe('trainings and courses', () => {
  it('creates a training with the default questionnaire from the migration', async () => {
    const { users } = await seedFixture();
    const res = await call('POST', '/api/trainings', {
      cookie: users.admin,
      json: { title: '初任培训', startsOn: '2026-03-17', endsOn: '2026-03-19' },
    });
    expect(res.status).toBe(201);
    const { training } = await res.json<{
      training: { id: number; formId: number; checkinCode: string; evaluationStatus: string };
    }>();
    expect(training.evaluationStatus).toBe('draft');
    expect(training.checkinCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    const form = await env.DB.prepare('SELECT slug FROM forms WHERE id = ?').bind(training.formId).first<{ slug: string }>();
    expect(form?.slug).toBe('training-default');
    const detail = await (await call('GET', `/api/trainings/${training.id}`, { cookie: users.leader })).json<{
      days: string[];
      questionnaire: { slug: string; version: number };
    }>();
    expect(detail.days).toEqual(['2026-03-17', '2026-03-18', '2026-03-19']);
    expect(detail.questionnaire).toMatchObject({ slug: 'training-default', version: 1 });
  });

  it('refuses bad dates, courses outside the training, and township staff organising', async () => {
    const { users } = await seedFixture();
    const bad = await call('POST', '/api/trainings', {
      cookie: users.staff,
      json: { title: '倒序', startsOn: '2026-03-19', endsOn: '2026-03-17' },
    });
    expect(bad.status).toBe(422);
    expect((await bad.json<{ error: { fields: Record<string, string> } }>()).error.fields.endsOn).toMatch(/结束日期/);
    expect(
      (
        await call('POST', '/api/trainings', {
          cookie: users.staffA,
          json: { title: 'x', startsOn: '2026-03-17', endsOn: '2026-03-17' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call('POST', '/api/trainings', {
          cookie: users.leader,
          json: { title: 'x', startsOn: '2026-03-17', endsOn: '2026-03-17' },
        })
      ).status,
    ).toBe(403);
    const { training } = await (
      await call('POST', '/api/trainings', {
        cookie: users.staff,
        json: { title: '一日', startsOn: '2026-03-17', endsOn: '2026-03-17' },
      })
    ).json<{ training: { id: number } }>();
    const course = await call('POST', `/api/trainings/${training.id}/courses`, {
      cookie: users.staff,
      json: { title: '宪法', day: '2026-03-18', kind: 'lecture' },
    });
    expect(course.status).toBe(422);
    expect((await course.json<{ error: { fields: Record<string, string> } }>()).error.fields.day).toMatch(/培训日期之内/);
  });

  it('edits and deletes courses until they have been rated', async () => {
    const setup = await setupTraining();
    const { users } = setup.fixture;
    const [first] = setup.courseIds;
    const patch = await call('PATCH', `/api/trainings/${setup.trainingId}/courses/${first}`, {
      cookie: users.staff,
      json: { lecturer: '张建华（市委党校教授）', startsAt: '08:30' },
    });
    expect(patch.status).toBe(200);
    expect((await patch.json<{ course: { lecturer: string } }>()).course.lecturer).toBe('张建华（市委党校教授）');
    expect((await submit(setup.tokens.get(1)!, answers(setup.courseIds))).status).toBe(200);
    const del = await call('DELETE', `/api/trainings/${setup.trainingId}/courses/${first}`, { cookie: users.staff });
    expect(del.status).toBe(409);
    const extra = await call('POST', `/api/trainings/${setup.trainingId}/courses`, {
      cookie: users.staff,
      json: {
        title: '分组讨论',
        day: (await env.DB.prepare('SELECT starts_on AS d FROM trainings WHERE id = ?')
          .bind(setup.trainingId)
          .first<{ d: string }>())!.d,
        kind: 'discussion',
      },
    });
    const extraId = (await extra.json<{ course: { id: number } }>()).course.id;
    expect((await call('DELETE', `/api/trainings/${setup.trainingId}/courses/${extraId}`, { cookie: users.staff })).status).toBe(
      204,
    );
    // A training with answers stays.
    expect((await call('DELETE', `/api/trainings/${setup.trainingId}`, { cookie: users.staff })).status).toBe(409);
  });
});

describe('enrolment', () => {
  it('enrols by township and one by one, with long random tokens, never twice', async () => {
    const { users } = await seedFixture();
    const { training } = await (
      await call('POST', '/api/trainings', {
        cookie: users.staff,
        json: { title: '报名', startsOn: '2026-04-01', endsOn: '2026-04-01' },
      })
    ).json<{ training: { id: number } }>();
    const byTownship = await call('POST', `/api/trainings/${training.id}/enrolments`, {
      cookie: users.staff,
      json: { townshipId: 1 },
    });
    expect(await byTownship.json()).toEqual({ added: 1, alreadyEnrolled: 0 });
    const again = await call('POST', `/api/trainings/${training.id}/enrolments`, {
      cookie: users.staff,
      json: { deputyIds: [1, 2] },
    });
    expect(await again.json()).toEqual({ added: 1, alreadyEnrolled: 1 });
    const list = await (await call('GET', `/api/trainings/${training.id}/enrolments`, { cookie: users.staff })).json<{
      items: { deputyId: number; token: string; phone: string }[];
    }>();
    expect(list.items.map((i) => i.deputyId).sort()).toEqual([1, 2]);
    for (const item of list.items) expect(item.token).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(new Set(list.items.map((i) => i.token)).size).toBe(2);
    const empty = await call('POST', `/api/trainings/${training.id}/enrolments`, { cookie: users.staff, json: {} });
    expect(empty.status).toBe(422);
  });

  it('township staff see and enrol only their own township; leaders see masked phones and no links', async () => {
    const setup = await setupTraining();
    const { users } = setup.fixture;
    const asA = await (await call('GET', `/api/trainings/${setup.trainingId}/enrolments`, { cookie: users.staffA })).json<{
      items: { townshipId: number; token: string | null }[];
    }>();
    expect(asA.items.length).toBeGreaterThan(0);
    expect(asA.items.every((i) => i.townshipId === 1 && i.token !== null)).toBe(true);
    expect(
      (await call('GET', `/api/trainings/${setup.trainingId}/enrolments?townshipId=2`, { cookie: users.staffA })).status,
    ).toBe(403);
    const other = await call('POST', `/api/trainings/${setup.trainingId}/enrolments`, {
      cookie: users.staffA,
      json: { deputyIds: [2] },
    });
    expect(other.status).toBe(422);
    const asLeader = await (await call('GET', `/api/trainings/${setup.trainingId}/enrolments`, { cookie: users.leader })).json<{
      items: { phone: string; token: string | null }[];
    }>();
    expect(asLeader.items.every((i) => /^\d{3}\*{4}\d{4}$/.test(i.phone) && i.token === null)).toBe(true);
    const progress = await (await call('GET', `/api/trainings/${setup.trainingId}/progress`, { cookie: users.staffA })).json<{
      townships: { townshipId: number }[];
    }>();
    expect(progress.townships.map((t) => t.townshipId)).toEqual([1]);
  });

  it('unenrols only deputies who have not submitted', async () => {
    const setup = await setupTraining();
    const { users } = setup.fixture;
    const list = await (await call('GET', `/api/trainings/${setup.trainingId}/enrolments`, { cookie: users.staff })).json<{
      items: { id: number; deputyId: number }[];
    }>();
    const one = list.items.find((i) => i.deputyId === 1)!;
    const two = list.items.find((i) => i.deputyId === 2)!;
    expect((await submit(setup.tokens.get(1)!, answers(setup.courseIds))).status).toBe(200);
    expect(
      (await call('DELETE', `/api/trainings/${setup.trainingId}/enrolments/${one.id}`, { cookie: users.staff })).status,
    ).toBe(409);
    expect(
      (await call('DELETE', `/api/trainings/${setup.trainingId}/enrolments/${two.id}`, { cookie: users.staffA })).status,
    ).toBe(403);
    expect(
      (await call('DELETE', `/api/trainings/${setup.trainingId}/enrolments/${two.id}`, { cookie: users.staffB })).status,
    ).toBe(204);
  });

  it('exports the not-submitted list as CSV and XLSX with phone numbers as text', async () => {
    const setup = await setupTraining();
    const { users } = setup.fixture;
    expect((await submit(setup.tokens.get(1)!, answers(setup.courseIds))).status).toBe(200);
    const csv = await call('GET', `/api/trainings/${setup.trainingId}/enrolments/export?format=csv`, { cookie: users.staff });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFF乡镇（街道）,姓名')).toBe(true);
    expect(text).toContain('李秀英');
    expect(text).toContain('13800000002');
    expect(text).not.toContain('王建国');
    const xlsx = await call('GET', `/api/trainings/${setup.trainingId}/enrolments/export`, { cookie: users.staff });
    expect(xlsx.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''/);
    expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
  });
});

describe('questionnaire as versioned data', () => {
  const edited = () => {
    const def = structuredClone(trainingFormDefinition) as unknown as { questions: { id: string; label: { 'zh-CN': string } }[] };
    def.questions.find((q) => q.id === 'improve')!.label['zh-CN'] = '您对今后的培训有什么建议？';
    return def;
  };

  it('rejects a bad definition with the path of each problem', async () => {
    const setup = await setupTraining();
    const bad = structuredClone(trainingFormDefinition) as unknown as { questions: Record<string, unknown>[] };
    bad.questions[1]!.requierd = true;
    bad.questions.push({ id: 'content', type: 'text', label: { 'zh-CN': '重复' } });
    const res = await call('PUT', `/api/trainings/${setup.trainingId}/questionnaire`, {
      cookie: setup.fixture.users.staff,
      json: { definition: bad },
    });
    expect(res.status).toBe(422);
    const body = await res.json<{ error: { code: string; message: string; fields: Record<string, string> } }>();
    expect(body.error.code).toBe('questionnaire_invalid');
    expect(Object.keys(body.error.fields).some((k) => k.startsWith('definition.questions.1'))).toBe(true);
    expect(Object.values(body.error.fields).join(' ')).toMatch(/duplicate question id/);
    expect(
      (
        await call('PUT', `/api/trainings/${setup.trainingId}/questionnaire`, {
          cookie: setup.fixture.users.staff,
          json: { definition: 'nope' },
        })
      ).status,
    ).toBe(422);
  });

  it('copies the shared default on first edit, edits in place while unanswered, then versions', async () => {
    const setup = await setupTraining();
    const { users } = setup.fixture;
    const path = `/api/trainings/${setup.trainingId}/questionnaire`;
    const put = async (definition: unknown) => {
      const res = await call('PUT', path, { cookie: users.staff, json: { definition } });
      expect(res.status).toBe(200);
      return res.json<{ slug: string; shared: boolean; version: number; versions: { version: number; responses: number }[] }>();
    };
    const before = await (await call('GET', path, { cookie: users.leader })).json<{ slug: string; shared: boolean }>();
    expect(before).toMatchObject({ slug: 'training-default', shared: true });

    const first = await put(edited());
    expect(first).toMatchObject({ slug: `training-${setup.trainingId}`, shared: false, version: 1 });
    // The default is untouched for every other training.
    const def = await env.DB.prepare(
      "SELECT v.definition FROM forms f JOIN form_versions v ON v.form_id = f.id AND v.version = f.current_version WHERE f.slug = 'training-default'",
    ).first<{ definition: string }>();
    expect(def?.definition).not.toContain('今后的培训');

    const second = edited();
    second.questions.find((q) => q.id === 'improve')!.label['zh-CN'] = '还有哪些地方需要改进？';
    expect(await put(second)).toMatchObject({ version: 1 });

    expect((await submit(setup.tokens.get(1)!, answers(setup.courseIds))).status).toBe(200);
    const third = edited();
    third.questions.find((q) => q.id === 'improve')!.label['zh-CN'] = '第三版';
    const after = await put(third);
    expect(after.version).toBe(2);
    expect(after.versions).toEqual([
      expect.objectContaining({ version: 1, responses: 1 }),
      expect.objectContaining({ version: 2, responses: 0 }),
    ]);
    // The stored answer still points at version 1.
    const row = await env.DB.prepare(
      `SELECT v.version FROM ${ALL_ANSWERS} r JOIN form_versions v ON v.id = r.form_version_id WHERE r.training_id = ?`,
    )
      .bind(setup.trainingId)
      .first<{ version: number }>();
    expect(row?.version).toBe(1);
    // The next deputy answers version 2, and the form shows its new wording.
    const toLast = answers(setup.courseIds, { _page: '1', _go: 'next' });
    const page = await (await submit(setup.tokens.get(2)!, toLast)).text();
    expect(page).toContain('第三版');
    expect((await submit(setup.tokens.get(2)!, answers(setup.courseIds))).status).toBe(200);
    const versions = await env.DB.prepare(
      `SELECT v.version FROM ${ALL_ANSWERS} r JOIN form_versions v ON v.id = r.form_version_id WHERE r.training_id = ? ORDER BY v.version`,
    )
      .bind(setup.trainingId)
      .all<{ version: number }>();
    expect(versions.results.map((r) => r.version)).toEqual([1, 2]);
    // Saving the same definition again changes nothing.
    expect((await put(third)).version).toBe(2);
  });

  it('will not swap the questionnaire of a training that has answers', async () => {
    const setup = await setupTraining();
    expect((await submit(setup.tokens.get(1)!, answers(setup.courseIds))).status).toBe(200);
    const { users } = setup.fixture;
    const opinion = await env.DB.prepare("SELECT id FROM forms WHERE slug = 'opinion'").first<{ id: number }>();
    if (opinion) {
      const res = await call('PATCH', `/api/trainings/${setup.trainingId}`, {
        cookie: users.staff,
        json: { formId: opinion.id },
      });
      expect(res.status).toBe(422);
    }
    const second = await setupTraining({ title: '第二期' });
    const copy = await (
      await call('PUT', `/api/trainings/${second.trainingId}/questionnaire`, {
        cookie: users.staff,
        json: { definition: edited() },
      })
    ).json<{ formId: number }>();
    const swap = await call('PATCH', `/api/trainings/${setup.trainingId}`, {
      cookie: users.staff,
      json: { formId: copy.formId },
    });
    expect(swap.status).toBe(409);
    expect(
      (await call('PATCH', `/api/trainings/${second.trainingId}`, { cookie: users.staff, json: { title: '第二期（改）' } }))
        .status,
    ).toBe(200);
  });
});

describe('QR slips and the check-in poster', () => {
  it('prints one slip per enrolled deputy of a township, with the QR of the personal link', async () => {
    const setup = await setupTraining();
    const { users } = setup.fixture;
    const base = `/api/trainings/${setup.trainingId}/slips`;
    const index = await call('GET', base, { cookie: users.staff });
    expect(index.status).toBe(200);
    expect(await index.text()).toContain(`${base}?townshipId=1`);

    const page = await call('GET', `${base}?townshipId=1`, { cookie: users.staff });
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('@page{size:A4');
    expect(html).toContain('王建国');
    expect(html).not.toContain('李秀英');
    expect(html.match(/class="slip"/g)).toHaveLength(1);
    expect(html).toContain(renderSVG(`${ORIGIN}/e/${setup.tokens.get(1)!}`, { ecc: 'M', border: 2 }));

    // Township staff always get their own township, whatever they ask for.
    expect((await call('GET', `${base}?townshipId=2`, { cookie: users.staffA })).status).toBe(403);
    expect(await (await call('GET', base, { cookie: users.staffA })).text()).toContain('王建国');

    const poster = await (await call('GET', `${base}?part=checkin`, { cookie: users.staffB })).text();
    const code = await env.DB.prepare('SELECT checkin_code AS c FROM trainings WHERE id = ?')
      .bind(setup.trainingId)
      .first<{ c: string }>();
    expect(poster).toContain(`${ORIGIN}/c/${code!.c}`);
    expect(poster).toContain(renderSVG(`${ORIGIN}/c/${code!.c}`, { ecc: 'M', border: 2 }));
  });
});
