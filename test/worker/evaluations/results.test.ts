/**
 * Results: per course and lecturer, overall satisfaction, the recommendation score, open
 * answers, the five-answer threshold for every group, and the XLSX export with its codebook.
 */
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../helpers';
import { addDeputies, answers, setupTraining, submit, type TrainingSetup } from './helpers';

interface Results {
  withheld: boolean;
  n: number | null;
  minimum: number;
  townships: { townshipId: number; withheld: boolean; n: number | null; overall: number | null; nps: number | null }[];
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

async function results(query = ''): Promise<Results> {
  const res = await call('GET', `/api/trainings/${setup.trainingId}/results${query}`, { cookie: setup.fixture.users.leader });
  expect(res.status).toBe(200);
  return res.json<Results>();
}

beforeAll(async () => {
  // Township 1: deputy 1 + 5 more = 6 answers; township 2: deputy 2 + 2 more = 3 answers.
  await addDeputies(1, 5);
  await addDeputies(2, 2);
  setup = await setupTraining();
});

describe('results', () => {
  it('withholds everything below five answers', async () => {
    const ids = [...setup.tokens.keys()];
    for (const id of ids.slice(0, 4)) expect((await submit(setup.tokens.get(id)!, answers(setup.courseIds))).status).toBe(200);
    const r = await results();
    expect(r).toMatchObject({ withheld: true, n: null, report: null, minimum: 5 });
  });

  it('shows the report at five, and withholds the township that has fewer (no zeros)', async () => {
    const pending = [...setup.tokens.entries()].slice(4);
    const [courseA, courseB] = setup.courseIds as [number, number];
    let i = 0;
    for (const [, token] of pending) {
      const res = await submit(
        token,
        answers(setup.courseIds, {
          recommend: i % 3 === 0 ? '6' : '10',
          [`courses.${courseA}.clarity`]: '5',
          [`courses.${courseB}.comment`]: i === 0 ? '讲得很实在' : '',
          improve: i === 1 ? '请提前发放讲义' : '',
        }),
      );
      expect(res.status).toBe(200);
      i++;
    }
    const r = await results();
    expect(r.withheld).toBe(false);
    expect(r.n).toBe(9);
    const t1 = r.townships.find((t) => t.townshipId === 1)!;
    const t2 = r.townships.find((t) => t.townshipId === 2)!;
    expect(t1).toMatchObject({ withheld: false, n: 6 });
    expect(t1.overall).toBeGreaterThan(0);
    expect(t2).toEqual({ townshipId: 2, name: '东湖街道', withheld: true, n: null, overall: null, nps: null });
    const filtered = await results('?townshipId=2');
    expect(filtered).toMatchObject({ withheld: true, report: null, n: null });
    expect((await results('?townshipId=1')).n).toBe(6);

    const block = r.report!.questions.find((q) => q.type === 'course_block')!;
    const a = block.courses!.find((c) => c.courseId === String(courseA))!;
    const clarity = a.aspects.find((x) => x.code === 'clarity')!;
    expect(clarity.distribution.find((d) => d.value === 5)!.count).toBe(5);
    expect(clarity.distribution.find((d) => d.value === 4)!.count).toBe(4);
    expect(block.courses!.find((c) => c.courseId === String(courseB))!.comments).toEqual(['讲得很实在']);
    expect(block.lecturers!.map((l) => l.lecturer).sort()).toEqual(['张教授', '李主任'].sort());
    expect(r.report!.questions.find((q) => q.id === 'improve')!.answers).toEqual(['请提前发放讲义']);
    expect(r.report!.headline.overall.mean).toBe(5);
    // 4 early answers recommend 9 (promoters); of the 5 later, i = 0 and 3 gave 6, the rest 10.
    expect(r.report!.headline.nps.score).toBeCloseTo(((7 - 2) / 9) * 100, 1);
  });

  it('exports answers with a codebook sheet describing every column and code', async () => {
    const res = await call('GET', `/api/trainings/${setup.trainingId}/results/export`, { cookie: setup.fixture.users.staff });
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const workbook = new TextDecoder().decode(files['xl/workbook.xml']);
    expect(workbook).toContain('name="答卷"');
    expect(workbook).toContain('name="编码表"');
    expect(workbook).toContain('name="课程"');
    const strings = new TextDecoder().decode(files['xl/sharedStrings.xml']);
    expect(strings).toContain(`courses.${setup.courseIds[0]}.clarity`);
    expect(strings).toContain('非常满意');
    expect(strings).toContain('topics_next.budget');
    expect(strings).toContain('（该乡镇少于 5 份，不显示）');
    expect(strings).not.toContain('东湖街道');
    const sheet1 = new TextDecoder().decode(files['xl/worksheets/sheet1.xml']);
    expect(sheet1.match(/<row /g)).toHaveLength(10);
  });
});
