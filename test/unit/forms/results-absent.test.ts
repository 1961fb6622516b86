/** Results follow the definition: 未参加 is counted apart and never enters a course's n or mean. */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../worker/evaluations/report';
import { defineForm } from '../../../worker/forms/definition';

const def = defineForm({
  schemaVersion: 1,
  questions: [{ id: 'courses', type: 'course_block', label: { 'zh-CN': '课程' }, required: true, comment: false }],
});
const courses = [{ id: 1, title: '宪法', day: '2026-11-02' }];
const rated = (n: number) => ({ relevance: n, clarity: n, practical: n });

describe('course results with 未参加', () => {
  it('averages only over those who attended and shows n and 未参加 apart', () => {
    const report = buildReport(
      [def],
      courses,
      [
        { id: 'a', answers: { courses: { '1': rated(5) } } },
        { id: 'b', answers: { courses: { '1': rated(3) } } },
        { id: 'c', answers: { courses: { '1': { absent: true } } } },
        { id: 'd', answers: { courses: { '1': { absent: true } } } },
      ],
      'zh-CN',
    );
    const block = report.questions.find((q) => q.type === 'course_block');
    if (block?.type !== 'course_block') throw new Error('no course block');
    expect(block.courses[0]).toMatchObject({ n: 2, absent: 2, mean: 4 });
    expect(block.courses[0]!.aspects[0]).toMatchObject({ n: 2, mean: 4 });
  });
});
