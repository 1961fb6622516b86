/**
 * The results of a training's evaluation, labelled for display: per question, per course and
 * per lecturer. Pure: the definition, the courses and the stored answers in, plain data out.
 * Which answers a report may cover at all is decided by the caller (disclosure.ts, release.ts).
 */
import type { FormDefinition, Question, QuestionOf } from '../forms/definition';
import { type Course, courseAspects, resolveOptions, scalePoints, usableCourses } from '../forms/fields';
import { type Locale, localize } from '../forms/messages';
import { countCodes, mean, NPS_POINTS, npsSummary, ratingSummary, round } from './stats';

/** A stored answer set, as far as the report needs it. */
export interface ReportResponse {
  id: string;
  answers: Record<string, unknown>;
}

/** How many gave one point of a scale. */
export interface Bar {
  value: number;
  label: string;
  count: number;
}

/** A rating question or aspect: answers, mean and distribution (best point first). */
export interface Rating {
  n: number;
  mean: number | null;
  distribution: Bar[];
}

/** One aspect of one course. */
export interface AspectResult extends Rating {
  code: string;
  label: string;
}

/** One course: every aspect, the mean over all its ratings, and the comments. */
export interface CourseResult {
  courseId: string;
  title: string;
  lecturer: string;
  /** Answers that rated this course at all (未参加 not included). */
  n: number;
  /** Answers that said 未参加 (did not attend): counted apart, never in a mean. */
  absent: number;
  mean: number | null;
  aspects: AspectResult[];
  comments: string[];
}

/** One lecturer over all the courses they gave. */
export interface LecturerResult {
  lecturer: string;
  courses: string[];
  mean: number | null;
  aspects: { code: string; label: string; n: number; mean: number | null }[];
}

/** The result of one question. */
export type QuestionResult =
  | ({ id: string; type: 'scale5'; label: string } & Rating)
  | ({
      id: string;
      type: 'nps';
      label: string;
      score: number | null;
      promoters: number;
      passives: number;
      detractors: number;
    } & Rating)
  | { id: string; type: 'choice' | 'multi'; label: string; n: number; options: { code: string; label: string; count: number }[] }
  | { id: string; type: 'text' | 'textarea'; label: string; answers: string[] }
  | {
      id: string;
      type: 'course_block';
      label: string;
      aspects: { code: string; label: string }[];
      courses: CourseResult[];
      lecturers: LecturerResult[];
    };

/** The whole report. */
export interface Report {
  n: number;
  /** The headline figures: overall satisfaction (mean of 1–5) and the recommendation score. */
  headline: { overall: { n: number; mean: number | null } | null; nps: { n: number; score: number | null } | null };
  questions: QuestionResult[];
}

function at(value: unknown, ...path: string[]): unknown {
  let v = value;
  for (const key of path)
    v = typeof v === 'object' && v !== null && Object.hasOwn(v, key) ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

function rating(values: unknown[], labels: { value: number; label: string }[]): Rating {
  const s = ratingSummary(
    values,
    labels.map((l) => l.value),
  );
  return { n: s.n, mean: s.mean, distribution: labels.map((l, i) => ({ ...l, count: s.counts[i] ?? 0 })) };
}

function texts(values: unknown[]): string[] {
  return values.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}

function courseBlock(
  q: QuestionOf<'course_block'>,
  courses: readonly Course[],
  rows: readonly ReportResponse[],
  locale: Locale,
): QuestionResult {
  const aspects = courseAspects(q).map((a) => ({
    code: a.code,
    label: localize(a.label, locale),
    points: scalePoints(a.labels).map((p) => ({ value: p.value, label: localize(p.label, locale) })),
  }));
  const results: CourseResult[] = usableCourses(courses).map(({ id, course }) => {
    const answered = rows.map((r) => at(r.answers, q.id, id)).filter((v) => typeof v === 'object' && v !== null);
    // 未参加 is counted apart: n, the means and the distributions are over those who attended.
    const given = answered.filter((g) => at(g, 'absent') !== true);
    const absent = answered.length - given.length;
    const perAspect = aspects.map((a) => ({
      code: a.code,
      label: a.label,
      ...rating(
        given.map((g) => at(g, a.code)),
        a.points,
      ),
    }));
    const all = given
      .flatMap((g) => aspects.map((a) => at(g, a.code)))
      .filter((v): v is number => typeof v === 'number' && v >= 1 && v <= 5);
    const m = mean(all);
    return {
      courseId: id,
      title: course.title,
      lecturer: course.lecturer ?? '',
      n: given.length,
      absent,
      mean: m === null ? null : round(m),
      aspects: perAspect,
      comments: texts(given.map((g) => at(g, 'comment'))),
    };
  });
  // A lecturer who gave several courses is judged on all of them together.
  const byLecturer = new Map<string, CourseResult[]>();
  for (const r of results) {
    if (!r.lecturer) continue;
    byLecturer.set(r.lecturer, [...(byLecturer.get(r.lecturer) ?? []), r]);
  }
  const lecturers: LecturerResult[] = [...byLecturer].map(([lecturer, list]) => {
    const ids = new Set(list.map((r) => r.courseId));
    const given = rows
      .flatMap((r) => [...ids].map((id) => at(r.answers, q.id, id)))
      .filter((v) => typeof v === 'object' && v !== null);
    const perAspect = aspects.map((a) => {
      const s = ratingSummary(
        given.map((g) => at(g, a.code)),
        [5, 4, 3, 2, 1],
      );
      return { code: a.code, label: a.label, n: s.n, mean: s.mean };
    });
    const all = given
      .flatMap((g) => aspects.map((a) => at(g, a.code)))
      .filter((v): v is number => typeof v === 'number' && v >= 1 && v <= 5);
    const m = mean(all);
    return { lecturer, courses: list.map((r) => r.title), mean: m === null ? null : round(m), aspects: perAspect };
  });
  return {
    id: q.id,
    type: 'course_block',
    label: localize(q.label, locale),
    aspects: aspects.map(({ code, label }) => ({ code, label })),
    courses: results,
    lecturers,
  };
}

function questionResult(
  q: Question,
  courses: readonly Course[],
  rows: readonly ReportResponse[],
  locale: Locale,
): QuestionResult | null {
  const label = localize(q.label, locale);
  const values = rows.map((r) => at(r.answers, q.id));
  switch (q.type) {
    case 'scale5':
      return {
        id: q.id,
        type: 'scale5',
        label,
        ...rating(
          values,
          scalePoints(q.labels).map((p) => ({ value: p.value, label: localize(p.label, locale) })),
        ),
      };
    case 'nps': {
      const s = npsSummary(values);
      return {
        id: q.id,
        type: 'nps',
        label,
        n: s.n,
        mean: s.mean,
        distribution: NPS_POINTS.map((value, i) => ({ value, label: String(value), count: s.counts[i] ?? 0 })),
        score: s.score,
        promoters: s.promoters,
        passives: s.passives,
        detractors: s.detractors,
      };
    }
    case 'choice':
    case 'dropdown':
    case 'multi': {
      const options = resolveOptions(q, courses);
      const s = countCodes(
        values,
        options.map((o) => o.code),
      );
      return {
        id: q.id,
        // A drop-down list is a single choice shown differently; its results read the same.
        type: q.type === 'dropdown' ? 'choice' : q.type,
        label,
        n: s.n,
        options: options.map((o, i) => ({ code: o.code, label: localize(o.label, locale), count: s.counts[i] ?? 0 })),
      };
    }
    case 'text':
    case 'textarea':
      return { id: q.id, type: q.type, label, answers: texts(values) };
    case 'date':
      return { id: q.id, type: 'text', label, answers: texts(values) };
    case 'course_block':
      return courseBlock(q, courses, rows, locale);
    case 'consent':
    case 'photos':
    case 'info':
    case 'section':
    case 'number':
      return null;
  }
}

/**
 * Builds the report. `definitions` holds the current version first, then any older versions
 * that have answers: a question only an older version asked is still reported.
 * Rows are read in random-id order, so open answers carry no hint of who wrote first.
 */
export function buildReport(
  definitions: readonly FormDefinition[],
  courses: readonly Course[],
  responses: readonly ReportResponse[],
  locale: Locale,
): Report {
  const rows = [...responses].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const seen = new Set<string>();
  const questions: QuestionResult[] = [];
  for (const def of definitions) {
    for (const q of def.questions) {
      if (seen.has(q.id)) continue;
      seen.add(q.id);
      const r = questionResult(q, courses, rows, locale);
      if (r) questions.push(r);
    }
  }
  const scales = questions.filter((q) => q.type === 'scale5');
  const overall = scales.find((q) => q.id === 'overall') ?? scales.at(-1);
  const nps = questions.find((q) => q.type === 'nps');
  return {
    n: rows.length,
    headline: {
      overall: overall ? { n: overall.n, mean: overall.mean } : null,
      nps: nps && nps.type === 'nps' ? { n: nps.n, score: nps.score } : null,
    },
    questions,
  };
}
