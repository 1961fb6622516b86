/**
 * What a question turns into at render/validation time: its options (static or from the
 * courses context), its scale labels, the HTML field names of course blocks, and the DOM ids
 * the error summary links to. Shared by validate.ts and render.tsx so the two never disagree.
 * Pure module.
 */
import {
  type Aspect,
  type ChoiceQuestion,
  type FormDefinition,
  isChoice,
  type LocalizedText,
  OTHER_CODE,
  type Option,
  type Question,
  type QuestionOf,
} from './definition';
import { catalogText, type MessageKey } from './messages';

/** A course supplied at render/validation time (from the `courses` table). */
export interface Course {
  /** The course id; its string form is the stored code. */
  id: string | number;
  title: string;
  lecturer?: string | undefined;
  /** The calendar day 'YYYY-MM-DD' it is held on: pages per day, 未参加 for days not checked in. */
  day?: string | undefined;
}

/** A question type whose answer is a single 1–5 rating. */
type ScaleKey = 'scale5' | 'relevance' | 'clarity' | 'practical';

/** The five labels of a scale, best (5) first, from the catalog. */
export function defaultScaleLabels(key: ScaleKey): LocalizedText[] {
  return [5, 4, 3, 2, 1].map((n) => catalogText(`${key}_${n}` as MessageKey));
}

/** The default aspects of a course block: relevance to duties, clarity, practical use. */
export const DEFAULT_ASPECTS: readonly Aspect[] = (['relevance', 'clarity', 'practical'] as const).map((key) => {
  const [l5, l4, l3, l2, l1] = defaultScaleLabels(key) as [
    LocalizedText,
    LocalizedText,
    LocalizedText,
    LocalizedText,
    LocalizedText,
  ];
  return { code: key, label: catalogText(`aspect_${key}`), labels: [l5, l4, l3, l2, l1] };
});

/** A rating point: the stored number (5 best … 1 worst) and its label. */
export interface ScalePoint {
  value: number;
  label: LocalizedText;
}

/** The labelled points of a scale5 question or an aspect, best first (the order shown). */
export function scalePoints(labels: readonly LocalizedText[] | undefined, fallback: ScaleKey = 'scale5'): ScalePoint[] {
  const source = labels ?? defaultScaleLabels(fallback);
  return source.map((label, i) => ({ value: 5 - i, label }));
}

/** The aspects a course block rates, with their labels resolved. */
export function courseAspects(q: QuestionOf<'course_block'>): readonly Aspect[] {
  return q.aspects ?? DEFAULT_ASPECTS;
}

/** Courses usable as codes and in HTML names: ids stringified, empty ids dropped. */
export function usableCourses(courses: readonly Course[] | undefined): { id: string; course: Course }[] {
  const seen = new Set<string>();
  const out: { id: string; course: Course }[] = [];
  for (const course of courses ?? []) {
    const id = String(course.id);
    // A duplicate id would make two cards share one set of answers; keep the first.
    if (id === '' || seen.has(id)) continue;
    seen.add(id);
    out.push({ id, course });
  }
  return out;
}

/**
 * The options of a choice or multi question. With `optionsFrom: 'courses'` each course is an
 * option whose code is the course id and whose label is its title (and lecturer), the same
 * in both locales because courses are entered once, in Chinese.
 */
export function resolveOptions(q: ChoiceQuestion, courses: readonly Course[] | undefined): Option[] {
  const listed =
    q.options ??
    usableCourses(courses).map(({ id, course }) => {
      const text = course.lecturer ? `${course.title}（${course.lecturer}）` : course.title;
      return { code: id, label: { 'zh-CN': text } };
    });
  return q.other ? [...listed, { code: OTHER_CODE, label: catalogText('other_option') }] : listed;
}

/** The HTML name (and answer key) of the "please specify" text of 其他: `<question>.other`. */
export function otherFieldName(questionId: string): string {
  return `${questionId}.${OTHER_CODE}`;
}

/**
 * Whether a question is shown and validated at all. A question whose options come from the
 * courses, or a course block, has nothing to ask when the training has no courses; it is
 * skipped rather than left impossible to answer.
 */
export function isActive(q: Question, courses: readonly Course[] | undefined): boolean {
  if (q.type === 'course_block') return usableCourses(courses).length > 0;
  if (isChoice(q) && q.optionsFrom) return usableCourses(courses).length > 0;
  return true;
}

/** The HTML field name of one course rating or comment: `<question>.<course>.<aspect|comment>`. */
export function courseFieldName(questionId: string, courseId: string, part: string): string {
  return `${questionId}.${courseId}.${part}`;
}

/**
 * The DOM id of a field's first input, the target of the error summary's link. Field names
 * may contain course ids (any text), so anything outside [A-Za-z0-9_-] is replaced; a
 * fixed prefix keeps ids from starting with a digit and from clashing with page ids.
 */
export function fieldDomId(field: string): string {
  return `f-${field.replace(/[^A-Za-z0-9_-]/g, (ch) => (ch === '.' ? '--' : `_${ch.codePointAt(0)?.toString(16)}_`))}`;
}

/** The file inputs of a definition, for the intake code that handles the uploads. */
export function fileFields(def: FormDefinition): { id: string; maxCount: number }[] {
  return def.questions.flatMap((q) => (q.type === 'photos' ? [{ id: q.id, maxCount: q.maxCount }] : []));
}

/** Whether the form must be sent as multipart/form-data (it has a file input). */
export function needsMultipart(def: FormDefinition): boolean {
  return def.questions.some((q) => q.type === 'photos');
}
