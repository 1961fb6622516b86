/**
 * Helpers of the evaluation tests: a training with courses and enrolled deputies built through
 * the real API, tokens read back as staff, and complete answers for the default questionnaire.
 */
import { env } from 'cloudflare:workers';
import { chinaDay } from '../../../worker/workflow/calendar';
import { call, type Fixture, seedFixture } from '../helpers';

export interface TrainingSetup {
  fixture: Fixture;
  trainingId: number;
  courseIds: number[];
  /** Tokens by deputy id. */
  tokens: Map<number, string>;
}

let extraDeputies = 0;

/** Adds active deputies to a township straight in D1 (ids from 100 up), for group-size tests. */
export async function addDeputies(townshipId: number, count: number): Promise<number[]> {
  await seedFixture();
  const now = Date.now();
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    extraDeputies++;
    const id = 100 + extraDeputies;
    ids.push(id);
    await env.DB.prepare(
      `INSERT INTO deputies (id, name, level, township_id, station_id, sector, phone, active, created_at, updated_at) VALUES (?1, ?2, 'township', ?3, NULL, '', ?4, 1, ?5, ?5)`,
    )
      .bind(id, `测试代表${id}`, townshipId, `139${String(10_000_000 + id).slice(-8)}`, now)
      .run();
  }
  return ids;
}

/** Creates a training (today ± days so check-in works), two courses, opens it and enrols everyone. */
export async function setupTraining(opts: { open?: boolean; title?: string } = {}): Promise<TrainingSetup> {
  const fixture = await seedFixture();
  const today = chinaDay(Date.now());
  const created = await call('POST', '/api/trainings', {
    cookie: fixture.users.staff,
    json: {
      title: opts.title ?? '新任代表初任培训',
      startsOn: today,
      endsOn: today,
      place: '区委党校',
      organiser: '区人大常委会',
    },
  });
  if (created.status !== 201) throw new Error(`create training: ${created.status} ${await created.text()}`);
  const { training } = await created.json<{ training: { id: number } }>();
  const courseIds: number[] = [];
  for (const [title, lecturer, kind] of [
    ['人民代表大会制度', '张教授', 'lecture'],
    ['代表法解读', '李主任', 'lecture'],
  ] as const) {
    const res = await call('POST', `/api/trainings/${training.id}/courses`, {
      cookie: fixture.users.staff,
      json: { title, lecturer, day: today, startsAt: '09:00', kind },
    });
    if (res.status !== 201) throw new Error(`create course: ${res.status} ${await res.text()}`);
    courseIds.push((await res.json<{ course: { id: number } }>()).course.id);
  }
  const enrol = await call('POST', `/api/trainings/${training.id}/enrolments`, {
    cookie: fixture.users.staff,
    json: { all: true },
  });
  if (enrol.status !== 201) throw new Error(`enrol: ${enrol.status} ${await enrol.text()}`);
  if (opts.open !== false) {
    const open = await call('POST', `/api/trainings/${training.id}/evaluation`, {
      cookie: fixture.users.staff,
      json: { status: 'open' },
    });
    if (open.status !== 200) throw new Error(`open: ${open.status}`);
  }
  return { fixture, trainingId: training.id, courseIds, tokens: await tokensOf(fixture, training.id) };
}

/** Every enrolled deputy's token, read through the API as district staff. */
export async function tokensOf(fixture: Fixture, trainingId: number): Promise<Map<number, string>> {
  const res = await call('GET', `/api/trainings/${trainingId}/enrolments?pageSize=2000`, { cookie: fixture.users.staff });
  const { items } = await res.json<{ items: { deputyId: number; token: string }[] }>();
  return new Map(items.map((i) => [i.deputyId, i.token]));
}

/** A complete, valid answer set for the default questionnaire as a form body. */
export function answers(courseIds: readonly number[], overrides: Record<string, string | string[]> = {}): URLSearchParams {
  const body = new URLSearchParams({ content: '5', organisation: '4', overall: '5', recommend: '9' });
  for (const id of courseIds) for (const a of ['relevance', 'clarity', 'practical']) body.set(`courses.${id}.${a}`, '4');
  for (const [k, v] of Object.entries(overrides)) {
    body.delete(k);
    for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
  }
  return body;
}

/** Posts the evaluation form as a browser would. */
export function submit(token: string, body: URLSearchParams, ip = '203.0.113.1'): Promise<Response> {
  return call('POST', `/e/${token}`, {
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'cf-connecting-ip': ip },
  });
}

/**
 * Every stored answer, released or still pending (worker/evaluations/release.ts), as a SQL
 * table expression: for tests about what was stored rather than what is shown.
 */
export const ALL_ANSWERS =
  '(SELECT id, training_id, form_version_id, township_id, answers FROM evaluation_responses UNION ALL SELECT id, training_id, form_version_id, township_id, answers FROM evaluation_pending)';
