/** The labelled report and the export workbook built from a few answers. */
import { describe, expect, it } from 'vitest';
import { answerWorkbook, pendingRows } from '../../../worker/evaluations/export';
import { buildReport } from '../../../worker/evaluations/report';
import { trainingFormDefinition } from '../../../worker/forms/defaults/training';

const courses = [
  { id: 11, title: '人民代表大会制度', lecturer: '张教授', day: '2026-03-17', startsAt: '09:00', kind: 'lecture' as const },
  { id: 12, title: '代表法解读', lecturer: '张教授', day: '2026-03-17', startsAt: '14:30', kind: 'lecture' as const },
  { id: 13, title: '分组讨论', lecturer: '', day: '2026-03-18', startsAt: '09:00', kind: 'discussion' as const },
];

function answer(overall: number, recommend: number, extra: Record<string, unknown> = {}) {
  return {
    content: 4,
    organisation: 4,
    overall,
    recommend,
    courses: {
      '11': { relevance: 5, clarity: 4, practical: 5 },
      '12': { relevance: 3, clarity: 3, practical: 3, comment: '内容偏多' },
      '13': { relevance: 4, clarity: 4, practical: 4 },
    },
    ...extra,
  };
}

const responses = [
  { id: 'b', answers: answer(5, 10, { improve: '多些案例', topics_next: ['budget', 'proposals'], most_useful_course: '11' }) },
  { id: 'a', answers: answer(4, 6, { topics_next: ['budget'] }) },
  { id: 'c', answers: answer(3, 9) },
];

describe('buildReport', () => {
  const report = buildReport([trainingFormDefinition], courses, responses, 'zh-CN');

  it('gives the headline figures', () => {
    expect(report.n).toBe(3);
    expect(report.headline.overall).toEqual({ n: 3, mean: 4 });
    expect(report.headline.nps).toEqual({ n: 3, score: 33.3 });
  });

  it('rates each course by aspect and each lecturer over all their courses', () => {
    const block = report.questions.find((q) => q.type === 'course_block');
    if (block?.type !== 'course_block') throw new Error('no course block');
    const first = block.courses.find((c) => c.courseId === '11')!;
    expect(first.aspects.map((a) => [a.code, a.mean])).toEqual([
      ['relevance', 5],
      ['clarity', 4],
      ['practical', 5],
    ]);
    expect(first.aspects[0]!.distribution.map((d) => d.label)).toEqual(['非常相关', '比较相关', '一般', '不太相关', '很不相关']);
    expect(block.courses.find((c) => c.courseId === '12')!.comments).toEqual(['内容偏多', '内容偏多', '内容偏多']);
    // 张教授 gave two courses: (5+4+5+3+3+3)/6 = 3.83; the discussion has no lecturer.
    expect(block.lecturers).toEqual([
      expect.objectContaining({ lecturer: '张教授', courses: ['人民代表大会制度', '代表法解读'], mean: 3.83 }),
    ]);
  });

  it('counts choices and lists open answers', () => {
    const topics = report.questions.find((q) => q.id === 'topics_next');
    expect(topics?.type === 'multi' && topics.options.find((o) => o.code === 'budget')?.count).toBe(2);
    const useful = report.questions.find((q) => q.id === 'most_useful_course');
    expect(useful?.type === 'choice' && useful.options.map((o) => o.count)).toEqual([1, 0, 0]);
    const improve = report.questions.find((q) => q.id === 'improve');
    expect(improve?.type === 'textarea' && improve.answers).toEqual(['多些案例']);
    expect(report.questions.some((q) => q.id === 'anonymity_note')).toBe(false);
  });

  it('keeps questions only an older version asked', () => {
    const older = {
      ...trainingFormDefinition,
      questions: [
        ...trainingFormDefinition.questions,
        { id: 'venue', type: 'text' as const, label: { 'zh-CN': '场地' }, required: false },
      ],
    };
    const r = buildReport([trainingFormDefinition, older], courses, [{ id: 'x', answers: { venue: '太远' } }], 'en');
    expect(r.questions.at(-1)).toEqual({ id: 'venue', type: 'text', label: '场地', answers: ['太远'] });
  });
});

describe('answerWorkbook', () => {
  const sheets = answerWorkbook({
    definitions: [trainingFormDefinition],
    courses,
    responses: responses.map((r, i) => ({ id: r.id, version: 1, townshipId: i === 0 ? 1 : 2, answers: r.answers })),
    reportableTownships: new Map([[1, '城关街道']]),
    locale: 'zh-CN',
  });
  const [answers, codebook, courseSheet] = sheets;

  it('has one row per answer in random-id order, withheld townships left blank (no marker)', () => {
    expect(answers!.rows).toHaveLength(4);
    const header = answers!.rows[0]!;
    expect(header.slice(0, 4)).toEqual(['no', 'version', 'township', 'content']);
    expect(answers!.rows.slice(1).map((r) => r[0])).toEqual([1, 2, 3]);
    // Sorted by id: 'a' (township 2, withheld), 'b' (township 1), 'c' (township 2).
    expect(answers!.rows.slice(1).map((r) => r[2])).toEqual(['', '城关街道', '']);
    const budget = header.indexOf('topics_next.budget');
    expect(answers!.rows.slice(1).map((r) => r[budget])).toEqual([1, 1, null]);
    const clarity = header.indexOf('courses.11.clarity');
    expect(answers!.rows[1]![clarity]).toBe(4);
  });

  it('explains every column and code in the codebook', () => {
    const columns = answers!.rows[0]!.filter((c) => typeof c === 'string');
    const described = new Set(
      codebook!.rows
        .slice(1)
        .map((r) => r[0])
        .filter(Boolean),
    );
    for (const col of columns) expect(described.has(col), String(col)).toBe(true);
    const overall = codebook!.rows.findIndex((r) => r[0] === 'overall');
    expect(codebook!.rows.slice(overall, overall + 5).map((r) => [r[3], r[4]])).toEqual([
      [5, '非常满意'],
      [4, '满意'],
      [3, '一般'],
      [2, '不满意'],
      [1, '非常不满意'],
    ]);
    expect(courseSheet!.rows[1]).toEqual(['11', '人民代表大会制度', '张教授', '2026-03-17', '09:00', '专题讲座']);
  });
});

describe('pendingRows', () => {
  it('lists who to call, phones as text', () => {
    const rows = pendingRows(
      [
        {
          townshipName: '城关街道',
          name: '王建国',
          level: 'district',
          phone: '13800000001',
          openedOn: null,
          attendedDays: ['2026-03-17'],
        },
      ],
      'zh-CN',
    );
    expect(rows).toEqual([
      ['乡镇（街道）', '姓名', '级别', '手机号码', '已开始填写', '签到天数'],
      ['城关街道', '王建国', '区人大代表', '13800000001', '否', 1],
    ]);
  });
});
