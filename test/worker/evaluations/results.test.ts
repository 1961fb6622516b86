/**
 * Results: per course and lecturer, overall satisfaction, the recommendation score, open
 * answers; released in batches of at least five per township (the pooled leftovers at close);
 * the township scope of results and exports; complementary suppression; and the XLSX export
 * with its codebook.
 */
import { env } from 'cloudflare:workers';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../helpers';
import { addDeputies, answers, setupTraining, submit, type TrainingSetup } from './helpers';
import { readFirstSheet } from './xlsx-read';

interface Results {
  withheld: boolean;
  n: number | null;
  minimum: number;
  townships: {
    townshipId: number;
    name: string;
    withheld: boolean;
    n: number | null;
    pending: number | null;
    overall: number | null;
    nps: number | null;
  }[];
  release: { evaluationStatus: string; pending: number; lastReleasedAt: number | null; unattributed: number | null };
  report: {
    n: number;
    headline: { overall: { mean: number }; nps: { score: number } };
    questions: {
      id: string;
      type: string;
      answers?: string[];
      courses?: {
        courseId: string;
        mean: number;
        aspects: { code: string; mean: number; distribution: { value: number; count: number }[] }[];
        comments: string[];
      }[];
      lecturers?: { lecturer: string; mean: number }[];
    }[];
  } | null;
}

let setup: TrainingSetup;
/** Deputy ids of each township, in enrolment order. */
const of = new Map<number, number[]>();

async function results(query = '', cookie = setup.fixture.users.leader, trainingId = setup.trainingId): Promise<Results> {
  const res = await call('GET', `/api/trainings/${trainingId}/results${query}`, { cookie });
  expect(res.status).toBe(200);
  return res.json<Results>();
}

async function exportRows(cookie: string, trainingId = setup.trainingId): Promise<string[][]> {
  const res = await call('GET', `/api/trainings/${trainingId}/results/export`, { cookie });
  expect(res.status).toBe(200);
  return readFirstSheet(await res.arrayBuffer()).slice(1);
}

async function close(trainingId: number): Promise<void> {
  const res = await call('POST', `/api/trainings/${trainingId}/evaluation`, {
    cookie: setup.fixture.users.staff,
    json: { status: 'closed' },
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  // 城关街道: deputy 1 + 6 more = 7; 东湖街道: deputy 2 + 3 more = 4 (never five on its own).
  await addDeputies(1, 6);
  await addDeputies(2, 3);
  setup = await setupTraining();
  const rows = await env.DB.prepare(
    'SELECT deputy_id AS d, township_id AS t FROM enrolments WHERE training_id = ?1 ORDER BY deputy_id',
  )
    .bind(setup.trainingId)
    .all<{ d: number; t: number }>();
  for (const r of rows.results) of.set(r.t, [...(of.get(r.t) ?? []), r.d]);
});

const [courseA, courseB] = [0, 1];
/** The answers of the i-th submission of the training (0-based), varied so every figure is checkable. */
function answersOf(i: number) {
  const ids = setup.courseIds as [number, number];
  return answers(ids, {
    recommend: i % 3 === 0 ? '6' : '10',
    [`courses.${ids[courseA]}.clarity`]: i % 2 === 0 ? '5' : '4',
    [`courses.${ids[courseB]}.comment`]: i === 0 ? '讲得很实在' : '',
    improve: i === 1 ? '请提前发放讲义' : '',
  });
}

let submitted = 0;
async function submitAs(deputy: number): Promise<void> {
  expect((await submit(setup.tokens.get(deputy)!, answersOf(submitted))).status).toBe(200);
  submitted++;
}

describe('results are released in batches of five per township', () => {
  it('shows nothing while a township has fewer than five, and says how many wait', async () => {
    for (const d of of.get(1)!.slice(0, 4)) await submitAs(d);
    const r = await results();
    expect(r).toMatchObject({ withheld: true, n: null, report: null, minimum: 5 });
    expect(r.release).toMatchObject({ evaluationStatus: 'open', pending: 4, lastReleasedAt: null });
    expect(r.townships).toEqual([expect.objectContaining({ townshipId: 1, withheld: true, n: null, pending: 4 })]);
  });

  it('releases the township at its fifth answer', async () => {
    await submitAs(of.get(1)![4]!);
    const r = await results();
    expect(r.withheld).toBe(false);
    expect(r.n).toBe(5);
    expect(r.release.pending).toBe(0);
    expect(r.release.lastReleasedAt).toBeGreaterThan(Date.now() - 60_000);
    expect(r.townships.find((t) => t.townshipId === 1)).toMatchObject({ withheld: false, n: 5, pending: 0 });
  });

  it('one more submission changes no figure: the before/after comparison learns nothing', async () => {
    const before = await results();
    const beforeExport = await exportRows(setup.fixture.users.staff);
    await submitAs(of.get(1)![5]!);
    const after = await results();
    expect(after.report).toEqual(before.report);
    expect(after.n).toBe(5);
    expect(after.release.pending).toBe(1);
    expect(await exportRows(setup.fixture.users.staff)).toEqual(beforeExport);
    // Completion, which organisers need to chase, is live.
    const progress = await call('GET', `/api/trainings/${setup.trainingId}/progress`, { cookie: setup.fixture.users.staff });
    expect((await progress.json<{ total: { submitted: number } }>()).total.submitted).toBe(6);
  });

  it('township staff see the district totals and their own township, never another', async () => {
    const { staffA, staffB } = setup.fixture.users;
    const other = await call('GET', `/api/trainings/${setup.trainingId}/results?townshipId=2`, { cookie: staffA });
    expect(other.status).toBe(403);
    expect((await other.json<{ error: { message: string } }>()).error.message).toMatch(/[\u4e00-\u9fff]/);
    const a = await results('', staffA);
    expect(a.n).toBe(5);
    expect(a.townships.map((t) => t.townshipId)).toEqual([1]);
    expect((await results('?townshipId=1', staffA)).n).toBe(5);
    const b = await results('', staffB);
    expect(b.n).toBe(5);
    expect(b.townships).toEqual([]);
    // Raw rows: their own township's only.
    const rowsA = await exportRows(staffA);
    expect(rowsA).toHaveLength(5);
    for (const row of rowsA) expect(row[2]).toBe('城关街道');
    expect(await exportRows(staffB)).toEqual([]);
  });

  it('at close, the leftovers of every township are pooled without a township', async () => {
    await submitAs(of.get(1)![6]!);
    for (const d of of.get(2)!) await submitAs(d);
    expect((await results()).n).toBe(5);
    await close(setup.trainingId);
    const r = await results();
    expect(r.n).toBe(11);
    expect(r.release).toMatchObject({ evaluationStatus: 'closed', pending: 0, unattributed: 6 });
    expect(r.townships.find((t) => t.townshipId === 1)).toMatchObject({ withheld: false, n: 5 });
    // 东湖街道's answers count in the district totals only: no row of its own to subtract.
    expect(r.townships.map((t) => t.townshipId)).toEqual([1]);
    expect((await results('?townshipId=2')).report).toBeNull();

    const block = r.report!.questions.find((q) => q.type === 'course_block')!;
    const a = block.courses!.find((c) => c.courseId === String(setup.courseIds[courseA]))!;
    const clarity = a.aspects.find((x) => x.code === 'clarity')!;
    // Submissions 0, 2, 4, 6, 8, 10 rated clarity 5; the other five 4.
    expect(clarity.distribution.find((d) => d.value === 5)!.count).toBe(6);
    expect(clarity.distribution.find((d) => d.value === 4)!.count).toBe(5);
    expect(block.courses!.find((c) => c.courseId === String(setup.courseIds[courseB]))!.comments).toEqual(['讲得很实在']);
    expect(block.lecturers!.map((l) => l.lecturer).sort()).toEqual(['张教授', '李主任'].sort());
    expect(r.report!.questions.find((q) => q.id === 'improve')!.answers).toEqual(['请提前发放讲义']);
    expect(r.report!.headline.overall.mean).toBe(5);
    // Submissions 0, 3, 6, 9 recommend 6 (detractors), the other seven 10 (promoters).
    expect(r.report!.headline.nps.score).toBeCloseTo(((7 - 4) / 11) * 100, 1);
  });

  it('exports answers with a codebook; pooled rows carry no township and no marker', async () => {
    const res = await call('GET', `/api/trainings/${setup.trainingId}/results/export`, { cookie: setup.fixture.users.staff });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const workbook = new TextDecoder().decode(files['xl/workbook.xml']);
    expect(workbook).toContain('name="答卷"');
    expect(workbook).toContain('name="编码表"');
    expect(workbook).toContain('name="课程"');
    const strings = new TextDecoder().decode(files['xl/sharedStrings.xml']);
    expect(strings).toContain(`courses.${setup.courseIds[0]}.clarity`);
    expect(strings).toContain('非常满意');
    expect(strings).toContain('topics_next.budget');
    expect(strings).not.toContain('东湖街道');
    expect(strings).not.toContain('少于 5 份');
    const rows = await exportRows(setup.fixture.users.staff);
    expect(rows).toHaveLength(11);
    expect(rows.filter((r) => r[2] === '城关街道')).toHaveLength(5);
    expect(rows.filter((r) => (r[2] ?? '') === '')).toHaveLength(6);
  });
});

describe('what can never reach five stays unshown', () => {
  it('a pool below five at close is kept but not shown, and the page can say so', async () => {
    const small = await setupTraining({ title: '小范围座谈' });
    for (const d of of.get(2)!.slice(0, 3)) {
      expect((await submit(small.tokens.get(d)!, answers(small.courseIds))).status).toBe(200);
    }
    await close(small.trainingId);
    const r = await results('', setup.fixture.users.leader, small.trainingId);
    expect(r).toMatchObject({ withheld: true, n: null, report: null });
    expect(r.release.pending).toBe(3);
    expect(await exportRows(setup.fixture.users.staff, small.trainingId)).toEqual([]);
    const stored = await env.DB.prepare('SELECT count(*) AS n FROM evaluation_pending WHERE training_id = ?1')
      .bind(small.trainingId)
      .first<{ n: number }>();
    expect(stored?.n).toBe(3);
  });
});

describe('complementary suppression of answers released before batching', () => {
  it('withholds the next-smallest township too, so the small one cannot be subtracted', async () => {
    const legacy = await setupTraining({ title: '往期培训', open: false });
    const version = await env.DB.prepare('SELECT id FROM form_versions ORDER BY id LIMIT 1').first<{ id: number }>();
    // As an older database holds them: 6 answers of 城关街道 and 2 of 东湖街道, all released.
    for (const [township, n] of [
      [1, 6],
      [2, 2],
    ] as const) {
      for (let i = 0; i < n; i++) {
        await env.DB.prepare(
          'INSERT INTO evaluation_responses (id, training_id, form_version_id, township_id, answers) VALUES (?1, ?2, ?3, ?4, ?5)',
        )
          .bind(
            crypto.randomUUID(),
            legacy.trainingId,
            version!.id,
            township,
            JSON.stringify({ overall: township === 2 ? 1 : 5, improve: `旧答卷${township}-${i}` }),
          )
          .run();
      }
    }
    const r = await results('', setup.fixture.users.leader, legacy.trainingId);
    // The district total (8) is shown; neither township is: 8 − 6 would give 东湖街道's two away.
    expect(r.n).toBe(8);
    expect(r.townships.map((t) => [t.townshipId, t.withheld])).toEqual([
      [1, true],
      [2, true],
    ]);
    expect((await results('?townshipId=1', setup.fixture.users.leader, legacy.trainingId)).report).toBeNull();
    expect((await results('?townshipId=1', setup.fixture.users.staffA, legacy.trainingId)).report).toBeNull();
    const rows = await exportRows(setup.fixture.users.staff, legacy.trainingId);
    expect(rows).toHaveLength(8);
    for (const row of rows) expect(row[2] ?? '').toBe('');
    expect(await exportRows(setup.fixture.users.staffA, legacy.trainingId)).toEqual([]);
  });
});
