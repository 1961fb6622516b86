/**
 * Spreadsheet contents of the training exports: the not-yet-submitted list for reminder calls,
 * and the anonymous answers with a codebook that explains every column and code. Pure: rows
 * in, rows out; the routes write them with worker/platform/export.
 */
import type { FormDefinition, Question, QuestionOf } from '../forms/definition';
import { type Course, courseAspects, courseFieldName, resolveOptions, scalePoints, usableCourses } from '../forms/fields';
import { type Locale, localize, msg } from '../forms/messages';
import type { XlsxSheetInput, XlsxValue } from '../platform/export/xlsx';
import { type PageKey, pt } from './messages';
import { NPS_POINTS } from './stats';

/** One participant of the chase list (what the enrolment list shows). */
export interface PendingRow {
  townshipName: string;
  name: string;
  level: 'district' | 'township';
  phone: string | null;
  openedOn: string | null;
  attendedDays: readonly string[];
}

/** The not-yet-submitted list: header + one row per deputy. Phones are text, never numbers. */
export function pendingRows(rows: readonly PendingRow[], locale: Locale): XlsxValue[][] {
  const header = (['p_township', 'p_name', 'p_level', 'p_phone', 'p_opened', 'p_attended'] as const).map((k) => pt(locale, k));
  return [
    header,
    ...rows.map((r) => [
      r.townshipName,
      r.name,
      pt(locale, r.level === 'district' ? 'level_district' : 'level_township'),
      r.phone ?? '',
      pt(locale, r.openedOn ? 'yes' : 'no'),
      r.attendedDays.length,
    ]),
  ];
}

/** A course as the exports describe it. */
export interface ExportCourse extends Course {
  id: number;
  title: string;
  lecturer?: string | undefined;
  day: string;
  startsAt: string;
  kind: 'lecture' | 'experience' | 'discussion';
}

/** One stored answer set. */
export interface ExportResponse {
  /** The random response id: rows are sorted by it, so their order says nothing about time. */
  id: string;
  version: number;
  townshipId: number | null;
  answers: Record<string, unknown>;
}

/** One column of the answers sheet and its codebook entries. */
interface Column {
  code: string;
  question: string;
  type: string;
  /** Codebook rows: value and meaning. */
  values: [string | number, string][];
  read: (answers: Record<string, unknown>) => XlsxValue;
}

function get(value: unknown, ...path: string[]): unknown {
  let v = value;
  for (const key of path)
    v = typeof v === 'object' && v !== null && Object.hasOwn(v, key) ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

function scalar(v: unknown): XlsxValue {
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return null;
}

function typeLabel(locale: Locale, key: PageKey): string {
  return pt(locale, key);
}

function columnsOf(q: Question, courses: readonly Course[], locale: Locale): Column[] {
  const label = localize(q.label, locale);
  switch (q.type) {
    case 'scale5':
      return [
        {
          code: q.id,
          question: label,
          type: typeLabel(locale, 'type_scale5'),
          values: scalePoints(q.labels).map((p) => [p.value, localize(p.label, locale)]),
          read: (a) => scalar(get(a, q.id)),
        },
      ];
    case 'nps':
      return [
        {
          code: q.id,
          question: label,
          type: typeLabel(locale, 'type_nps'),
          values: NPS_POINTS.map((n) => [n, String(n)]),
          read: (a) => scalar(get(a, q.id)),
        },
      ];
    case 'choice':
    case 'dropdown':
      return [
        {
          code: q.id,
          question: label,
          type: typeLabel(locale, 'type_choice'),
          values: resolveOptions(q, courses).map((o) => [o.code, localize(o.label, locale)]),
          read: (a) => scalar(get(a, q.id)),
        },
      ];
    case 'multi':
      return resolveOptions(q, courses).map((o) => ({
        code: `${q.id}.${o.code}`,
        question: `${label}：${localize(o.label, locale)}`,
        type: typeLabel(locale, 'type_multi'),
        values: [[1, pt(locale, 'cb_selected')]],
        read: (a) => {
          const v = get(a, q.id);
          return Array.isArray(v) ? (v.includes(o.code) ? 1 : 0) : null;
        },
      }));
    case 'text':
    case 'textarea':
    case 'number':
    case 'date':
      return [
        {
          code: q.id,
          question: label,
          type: typeLabel(locale, q.type === 'textarea' ? 'type_textarea' : 'type_text'),
          values: [['', pt(locale, 'cb_free_text')]],
          read: (a) => scalar(get(a, q.id)),
        },
      ];
    case 'consent':
      return [
        {
          code: q.id,
          question: label,
          type: typeLabel(locale, 'type_consent'),
          values: [[1, pt(locale, 'yes')]],
          read: (a) => scalar(get(a, q.id)),
        },
      ];
    case 'course_block':
      return courseColumns(q, courses, locale);
    case 'photos':
    case 'info':
    case 'section':
      return [];
  }
}

function courseColumns(q: QuestionOf<'course_block'>, courses: readonly Course[], locale: Locale): Column[] {
  const out: Column[] = [];
  for (const { id, course } of usableCourses(courses)) {
    const title = course.lecturer ? `${course.title}（${course.lecturer}）` : course.title;
    if (q.absentOption !== false) {
      // 未参加 is its own column: a blank rating then reads as "not there", not "skipped".
      out.push({
        code: courseFieldName(q.id, id, 'absent'),
        question: `${title}：${msg(locale, 'absent')}`,
        type: typeLabel(locale, 'type_course'),
        values: [[1, msg(locale, 'absent')]],
        read: (a) => (get(a, q.id, id, 'absent') === true ? 1 : null),
      });
    }
    for (const aspect of courseAspects(q)) {
      out.push({
        code: courseFieldName(q.id, id, aspect.code),
        question: `${title}：${localize(aspect.label, locale)}`,
        type: typeLabel(locale, 'type_course'),
        values: scalePoints(aspect.labels).map((p) => [p.value, localize(p.label, locale)]),
        read: (a) => scalar(get(a, q.id, id, aspect.code)),
      });
    }
    if (q.comment) {
      out.push({
        code: courseFieldName(q.id, id, 'comment'),
        question: `${title}：${msg(locale, 'course_comment')}`,
        type: typeLabel(locale, 'type_comment'),
        values: [['', pt(locale, 'cb_free_text')]],
        read: (a) => scalar(get(a, q.id, id, 'comment')),
      });
    }
  }
  return out;
}

/**
 * The columns of every questionnaire version that has answers: the current version's
 * questions first, then questions only older versions asked, so no answer is dropped.
 */
function allColumns(definitions: readonly FormDefinition[], courses: readonly Course[], locale: Locale): Column[] {
  const seen = new Set<string>();
  const out: Column[] = [];
  for (const def of definitions) {
    for (const q of def.questions) {
      for (const col of columnsOf(q, courses, locale)) {
        if (seen.has(col.code)) continue;
        seen.add(col.code);
        out.push(col);
      }
    }
  }
  return out;
}

/** Input of {@link answerWorkbook}. */
export interface AnswerWorkbookInput {
  /** The current definition first, then older versions that have answers. */
  definitions: readonly FormDefinition[];
  courses: readonly ExportCourse[];
  responses: readonly ExportResponse[];
  /** Township id → name, only for townships whose breakdown is shown (disclosure.ts); others are left blank. */
  reportableTownships: ReadonlyMap<number, string>;
  locale: Locale;
}

/**
 * The answers workbook: 答卷 (one row per answer, one column per coded item), 编码表 (every
 * column, its question, and each code's meaning) and 课程 (the course ids used in the codes).
 */
export function answerWorkbook(input: AnswerWorkbookInput): XlsxSheetInput[] {
  const { locale } = input;
  const columns = allColumns(input.definitions, input.courses, locale);
  const sorted = [...input.responses].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const answers: XlsxValue[][] = [
    ['no', 'version', 'township', ...columns.map((c) => c.code)],
    ...sorted.map((r, i) => [
      i + 1,
      r.version,
      // A withheld township is left blank, not marked: a marker would single out the rows of a small group.
      r.townshipId === null ? '' : (input.reportableTownships.get(r.townshipId) ?? ''),
      ...columns.map((c) => c.read(r.answers)),
    ]),
  ];
  const codebook: XlsxValue[][] = [
    (['cb_column', 'cb_question', 'cb_type', 'cb_value', 'cb_meaning'] as const).map((k) => pt(locale, k)),
    ['no', pt(locale, 'col_no'), '', '', pt(locale, 'cb_row_no')],
    ['version', pt(locale, 'col_version'), '', '', pt(locale, 'cb_version')],
    ['township', pt(locale, 'col_township'), '', '', pt(locale, 'cb_township')],
  ];
  for (const col of columns) {
    col.values.forEach(([value, meaning], i) => {
      codebook.push(i === 0 ? [col.code, col.question, col.type, value, meaning] : ['', '', '', value, meaning]);
    });
  }
  const kinds = { lecture: 'kind_lecture', experience: 'kind_experience', discussion: 'kind_discussion' } as const;
  const courseSheet: XlsxValue[][] = [
    (['course_id', 'course_title', 'course_lecturer', 'course_day', 'course_time', 'course_kind'] as const).map((k) =>
      pt(locale, k),
    ),
    ...input.courses.map((c) => [String(c.id), c.title, c.lecturer ?? '', c.day, c.startsAt, pt(locale, kinds[c.kind])]),
  ];
  return [
    { name: pt(locale, 'sheet_answers'), rows: answers },
    { name: pt(locale, 'sheet_codebook'), rows: codebook, widths: [28, 60, 16, 10, 40] },
    { name: pt(locale, 'sheet_courses'), rows: courseSheet },
  ];
}
