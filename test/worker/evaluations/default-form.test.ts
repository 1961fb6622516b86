/** A database that lost the default questionnaire (a hand edit, an old backup) gets it back from the code. */
import { env } from 'cloudflare:workers';
import { expect, it } from 'vitest';
import { trainingFormDefinition } from '../../../worker/forms/defaults/training';
import { call, seedFixture } from '../helpers';

it('recreates training-default when a training is created without it', async () => {
  const { users } = await seedFixture();
  await env.DB.prepare("UPDATE forms SET slug = 'training-default-old' WHERE slug = 'training-default'").run();
  const res = await call('POST', '/api/trainings', {
    cookie: users.staff,
    json: { title: '补建问卷', startsOn: '2026-05-06', endsOn: '2026-05-06' },
  });
  expect(res.status).toBe(201);
  const row = await env.DB.prepare(
    "SELECT v.version, v.definition FROM forms f JOIN form_versions v ON v.form_id = f.id WHERE f.slug = 'training-default'",
  ).first<{ version: number; definition: string }>();
  expect(row?.version).toBe(1);
  expect(JSON.parse(row!.definition)).toEqual(JSON.parse(JSON.stringify(trainingFormDefinition)));
  const list = await (await call('GET', '/api/trainings/questionnaires', { cookie: users.leader })).json<{
    items: { slug: string }[];
  }>();
  expect(list.items.map((i) => i.slug)).toContain('training-default');
});
