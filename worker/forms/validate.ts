/**
 * Validation of submitted answers against a form definition. Pure: the input is whatever a
 * urlencoded/multipart body or a JSON body parsed into, so nothing about its shape is
 * trusted; wrong types become `invalid_value` errors, never exceptions. Unknown fields are
 * ignored (a stale page, a browser extension or an extra hidden input must not block a
 * resident's opinion).
 */
import {
  type ChoiceQuestion,
  DEFAULT_COMMENT_MAX,
  DEFAULT_TEXT_MAX,
  DEFAULT_TEXTAREA_MAX,
  type FormDefinition,
  isChoice,
  OTHER_CODE,
  OTHER_TEXT_MAX,
  type Question,
  type QuestionOf,
} from './definition';
import { type Course, courseAspects, courseFieldName, otherFieldName, resolveOptions, usableCourses } from './fields';
import { hiddenQuestions } from './logic';
import { DEFAULT_LOCALE, labelForSentence, type Locale, localize, type MessageKey, msg } from './messages';
import { INVALID, own, parseRating, scalar } from './input';
import { cleanText, countChars, normaliseMobileCN } from './normalise';
import { type FormPage, formPages, itemOwnsField, type PageItem } from './pages';

/**
 * Ratings of one course: aspect code → 1–5, plus an optional `comment`; or `{ absent: true }`
 * when the person did not attend it (未参加), counted apart from the ratings.
 */
export type CourseAnswer = Record<string, number | string | boolean>;
/** A normalised answer: code, codes, text, number, consent flag, or course id → ratings. */
export type AnswerValue = string | string[] | number | boolean | Record<string, CourseAnswer>;
/** Normalised answers keyed by question id; unanswered optional questions are absent. */
export type Answers = Record<string, AnswerValue>;

/** Stable error codes (the API's `fields` and tests rely on them). */
export type ErrorCode =
  | 'required'
  | 'too_short'
  | 'too_long'
  | 'invalid_mobile'
  | 'invalid_option'
  | 'too_few'
  | 'too_many'
  | 'invalid_value'
  | 'not_a_number'
  | 'too_small'
  | 'too_large'
  | 'invalid_date'
  | 'absent_and_rated';

/** One problem with one field. `field` is the HTML name (course ratings: `q.course.aspect`). */
export interface FieldError {
  field: string;
  code: ErrorCode;
  message: string;
}

/** What the caller knows besides the answers. */
export interface ValidationContext {
  locale?: Locale | undefined;
  /** The training's courses, for course blocks and `optionsFrom: 'courses'`. */
  courses?: readonly Course[] | undefined;
  /**
   * The days the person checked in at the training. When given, courses on other days are
   * optional (and the form presets 未参加 for them); when absent nobody is exempted.
   */
  attendedDays?: readonly string[] | undefined;
}

/** Result of `validateAnswers`. */
export type ValidationResult = { ok: true; values: Answers } | { ok: false; errors: FieldError[] };

interface Outcome {
  value?: AnswerValue;
  errors: FieldError[];
}

/** Validates one question's raw input, ignoring requiredness (checked once all values are known). */
function check(q: Question, input: unknown, locale: Locale, courses: readonly Course[] | undefined): Outcome {
  const err = (code: ErrorCode, key: MessageKey, params: Record<string, string | number> = {}, field = q.id): Outcome => ({
    errors: [{ field, code, message: msg(locale, key, params) }],
  });
  const raw = own(input, q.id);
  switch (q.type) {
    case 'text':
    case 'textarea': {
      const s = scalar(raw);
      if (s === INVALID) return err('invalid_value', 'invalid_value');
      const text = cleanText(s ?? '', q.type === 'textarea');
      if (text === '') return { errors: [] };
      if (q.type === 'text' && q.pattern === 'mobile_cn') {
        const mobile = normaliseMobileCN(text);
        return mobile ? { value: mobile, errors: [] } : err('invalid_mobile', 'invalid_mobile');
      }
      const count = countChars(text);
      const max = q.maxLength ?? (q.type === 'text' ? DEFAULT_TEXT_MAX : DEFAULT_TEXTAREA_MAX);
      if (count > max) return err('too_long', 'too_long', { max, count, over: count - max });
      if (q.type === 'textarea' && q.minLength && count < q.minLength) {
        return err('too_short', 'too_short', { min: q.minLength, count });
      }
      return { value: text, errors: [] };
    }
    case 'choice':
    case 'dropdown': {
      const s = scalar(raw);
      if (s === INVALID) return err('invalid_value', 'invalid_value');
      if (s === undefined || s.trim() === '') return { errors: [] };
      const code = s.trim();
      const known = resolveOptions(q, courses).some((o) => o.code === code);
      return known ? { value: code, errors: [] } : err('invalid_option', 'invalid_option');
    }
    case 'multi':
      return checkMulti(q, raw, locale, courses);
    case 'number':
      return checkNumber(q, raw, locale);
    case 'date': {
      const s = scalar(raw);
      if (s === INVALID) return err('invalid_value', 'invalid_value');
      const text = (s ?? '')
        .normalize('NFKC')
        .trim()
        .replace(/[/.年月]/g, '-')
        .replace(/日$/, '');
      if (text === '') return { errors: [] };
      const day = isoDay(text);
      if (!day) return err('invalid_date', 'invalid_date');
      if (q.min && day < q.min) return err('invalid_date', 'date_too_early', { min: q.min });
      if (q.max && day > q.max) return err('invalid_date', 'date_too_late', { max: q.max });
      return { value: day, errors: [] };
    }
    case 'scale5':
    case 'nps': {
      const s = scalar(raw);
      if (s === INVALID) return err('invalid_value', 'invalid_value');
      if (s === undefined || s.trim() === '') return { errors: [] };
      const n = parseRating(s, q.type === 'nps' ? 10 : 5);
      if (n === null || (q.type === 'scale5' && n < 1)) return err('invalid_option', 'invalid_option');
      return { value: n, errors: [] };
    }
    case 'consent': {
      if (raw === true || raw === false) return { value: raw, errors: [] };
      const s = scalar(raw);
      if (s === INVALID) return err('invalid_value', 'invalid_value');
      const flag = (s ?? '').trim().toLowerCase();
      if (['yes', 'on', 'true', '1'].includes(flag)) return { value: true, errors: [] };
      if (['', 'no', 'off', 'false', '0'].includes(flag)) return { value: false, errors: [] };
      return err('invalid_value', 'invalid_value');
    }
    case 'course_block':
      return checkCourses(q, input, locale, courses);
    case 'photos':
    case 'info':
    case 'section':
      // Files are handled by the intake code; info and headings have nothing to answer.
      return { errors: [] };
  }
}

/** A calendar day typed as 2026-12-4 or 2026/12/04, as 'YYYY-MM-DD' if it exists. */
function isoDay(text: string): string | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function checkNumber(q: QuestionOf<'number'>, raw: unknown, locale: Locale): Outcome {
  const err = (code: ErrorCode, key: MessageKey, params: Record<string, string | number> = {}): Outcome => ({
    errors: [{ field: q.id, code, message: msg(locale, key, params) }],
  });
  const s = scalar(raw);
  if (s === INVALID) return err('invalid_value', 'invalid_value');
  // NFKC: a Chinese IME types full-width digits; thousands separators are dropped.
  const text = (s ?? '').normalize('NFKC').trim().replace(/[,\s]/g, '');
  if (text === '') return { errors: [] };
  const integer = q.integer !== false;
  if (!(integer ? /^-?\d{1,15}$/ : /^-?\d{1,15}(\.\d{1,2})?$/).test(text)) {
    return err('not_a_number', integer && /^-?\d+\.\d+$/.test(text) ? 'not_integer' : 'not_a_number');
  }
  const n = Number(text);
  if (q.min !== undefined && n < q.min) return err('too_small', 'too_small', { min: q.min, value: n });
  if (q.max !== undefined && n > q.max) return err('too_large', 'too_large', { max: q.max, value: n });
  return { value: n, errors: [] };
}

/**
 * The "please specify" text of 其他: kept only when 其他 is among the answers, and then
 * required whether or not the question itself is (an unexplained 其他 tells staff nothing).
 */
function checkOther(q: ChoiceQuestion, answer: AnswerValue | undefined, input: unknown, locale: Locale): Outcome {
  const chosen = answer === OTHER_CODE || (Array.isArray(answer) && answer.includes(OTHER_CODE));
  if (!q.other || !chosen) return { errors: [] };
  const field = otherFieldName(q.id);
  const s = scalar(own(input, field));
  if (s === INVALID) return { errors: [{ field, code: 'invalid_value', message: msg(locale, 'invalid_value') }] };
  const text = cleanText(s ?? '', false);
  const count = countChars(text);
  if (text === '') {
    const label = labelForSentence(localize(q.label, locale));
    return { errors: [{ field, code: 'required', message: msg(locale, 'required_other', { label }) }] };
  }
  if (count > OTHER_TEXT_MAX) {
    const params = { max: OTHER_TEXT_MAX, count, over: count - OTHER_TEXT_MAX };
    return { errors: [{ field, code: 'too_long', message: msg(locale, 'too_long', params) }] };
  }
  return { value: text, errors: [] };
}

function checkMulti(q: QuestionOf<'multi'>, raw: unknown, locale: Locale, courses: readonly Course[] | undefined): Outcome {
  const items = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  const picked = new Set<string>();
  for (const item of items) {
    const s = scalar(item);
    if (s === INVALID || Array.isArray(item))
      return { errors: [{ field: q.id, code: 'invalid_value', message: msg(locale, 'invalid_value') }] };
    if (s !== undefined && s.trim() !== '') picked.add(s.trim());
  }
  if (picked.size === 0) return { errors: [] };
  const options = resolveOptions(q, courses);
  if ([...picked].some((c) => !options.some((o) => o.code === c))) {
    return { errors: [{ field: q.id, code: 'invalid_option', message: msg(locale, 'invalid_option') }] };
  }
  const count = picked.size;
  if (q.min !== undefined && count < q.min) {
    return { errors: [{ field: q.id, code: 'too_few', message: msg(locale, 'too_few', { min: q.min, count }) }] };
  }
  if (q.max !== undefined && count > q.max) {
    return { errors: [{ field: q.id, code: 'too_many', message: msg(locale, 'too_many', { max: q.max, count }) }] };
  }
  // Option order, not click order: the same choices always store the same value.
  return { value: options.filter((o) => picked.has(o.code)).map((o) => o.code), errors: [] };
}

/** Reads a course rating from the flat HTML name, or from a nested JSON object. */
function coursePart(input: unknown, qid: string, cid: string, part: string): unknown {
  const flat = own(input, courseFieldName(qid, cid, part));
  return flat !== undefined ? flat : own(own(own(input, qid), cid), part);
}

function checkCourses(
  q: QuestionOf<'course_block'>,
  input: unknown,
  locale: Locale,
  courses: readonly Course[] | undefined,
): Outcome {
  const errors: FieldError[] = [];
  const value: Record<string, CourseAnswer> = {};
  const maxComment = q.commentMaxLength ?? DEFAULT_COMMENT_MAX;
  for (const { id, course } of usableCourses(courses)) {
    const answer: CourseAnswer = {};
    const absentRaw = coursePart(input, q.id, id, 'absent');
    const absent =
      q.absentOption !== false &&
      (absentRaw === true ||
        ['yes', 'on', 'true', '1'].includes(
          String(scalar(absentRaw) ?? '')
            .trim()
            .toLowerCase(),
        ));
    for (const aspect of courseAspects(q)) {
      const field = courseFieldName(q.id, id, aspect.code);
      const s = scalar(coursePart(input, q.id, id, aspect.code));
      if (s === undefined || (s !== INVALID && s.trim() === '')) continue;
      const n = s === INVALID ? null : parseRating(s, 5);
      if (n === null || n < 1) errors.push({ field, code: 'invalid_option', message: msg(locale, 'invalid_option') });
      else answer[aspect.code] = n;
    }
    if (q.comment) {
      const field = courseFieldName(q.id, id, 'comment');
      const s = scalar(coursePart(input, q.id, id, 'comment'));
      const text = s === INVALID ? null : cleanText(s ?? '', true);
      const count = text === null ? 0 : countChars(text);
      if (text === null) errors.push({ field, code: 'invalid_value', message: msg(locale, 'invalid_value') });
      else if (count > maxComment) {
        errors.push({
          field,
          code: 'too_long',
          message: msg(locale, 'too_long', { max: maxComment, count, over: count - maxComment }),
        });
      } else if (text !== '') answer.comment = text;
    }
    const rated = courseAspects(q).some((a) => answer[a.code] !== undefined);
    if (absent && rated) {
      errors.push({
        field: courseFieldName(q.id, id, 'absent'),
        code: 'absent_and_rated',
        message: msg(locale, 'absent_and_rated', { course: course.title }),
      });
    } else if (absent) {
      // Whoever was not there has no ratings or comments on it: only the fact is kept.
      value[id] = { absent: true };
      continue;
    }
    if (Object.keys(answer).length > 0) value[id] = answer;
  }
  return Object.keys(value).length > 0 ? { value, errors } : { errors };
}

/** Whether a normalised value counts as an answer (for `required` and `anyFilled`). */
function filled(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === false || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

function answerOf(values: Answers, id: string): AnswerValue | undefined {
  return own(values, id) as AnswerValue | undefined;
}

/**
 * Whether a question must be answered. `given` holds the ids that received something, even
 * something invalid: a mistyped phone number still means the person meant to leave one, so
 * the consent error is shown in the same round instead of after the phone is fixed.
 */
function isRequired(q: Question, values: Answers, given: ReadonlySet<string>): boolean {
  if (q.required) return true;
  const cond = q.requiredIf;
  if (!cond) return false;
  if ('anyFilled' in cond) return cond.anyFilled.some((id) => given.has(id));
  const answer = answerOf(values, cond.choiceIn.field);
  const codes = Array.isArray(answer) ? answer : [answer];
  return codes.some((c) => typeof c === 'string' && cond.choiceIn.codes.includes(c));
}

function requiredErrors(
  q: Question,
  value: AnswerValue | undefined,
  locale: Locale,
  courses: readonly Course[] | undefined,
  attendedDays: readonly string[] | undefined,
): FieldError[] {
  const label = labelForSentence(localize(q.label, locale));
  const custom = q.messages?.required;
  const one = (key: MessageKey): FieldError[] => [
    { field: q.id, code: 'required', message: custom ? localize(custom, locale) : msg(locale, key, { label }) },
  ];
  switch (q.type) {
    case 'text':
    case 'textarea':
      return filled(value) ? [] : one('required_text');
    case 'choice':
    case 'dropdown':
    case 'scale5':
    case 'nps':
    case 'date':
      return filled(value) ? [] : one(q.type === 'date' ? 'required_text' : 'required_choice');
    case 'number':
      return value !== undefined ? [] : one('required_text');
    case 'multi':
      return filled(value) ? [] : one('required_multi');
    case 'consent':
      return value === true ? [] : one('required_consent');
    case 'course_block': {
      // Every aspect of every course must be rated; each gap is its own error so that the
      // summary links straight to the card and the row that still needs an answer.
      const rated = (typeof value === 'object' && !Array.isArray(value) ? value : {}) as Record<string, CourseAnswer>;
      // A course the person did not attend, or on a day they did not check in, asks nothing.
      const missed = (course: Course) =>
        attendedDays !== undefined && course.day !== undefined && !attendedDays.includes(course.day);
      return usableCourses(courses).flatMap(({ id, course }) =>
        courseAspects(q)
          .filter(() => own(own(rated, id), 'absent') !== true && !missed(course))
          .filter((a) => own(own(rated, id), a.code) === undefined)
          .map((a) => ({
            field: courseFieldName(q.id, id, a.code),
            code: 'required' as const,
            message: msg(locale, 'required_course_aspect', { course: course.title, aspect: localize(a.label, locale) }),
          })),
      );
    }
    case 'photos':
    case 'info':
    case 'section':
      return [];
  }
}

/** Course-block errors in reading order (course by course, row by row), not by kind. */
function inFieldOrder(q: QuestionOf<'course_block'>, errors: FieldError[], courses: readonly Course[] | undefined): FieldError[] {
  const parts = ['absent', ...courseAspects(q).map((a) => a.code), 'comment'];
  const order = new Map<string, number>();
  for (const { id } of usableCourses(courses)) for (const p of parts) order.set(courseFieldName(q.id, id, p), order.size);
  return [...errors].sort((a, b) => (order.get(a.field) ?? 0) - (order.get(b.field) ?? 0));
}

/** What the engine reads from a body before deciding what is required. */
export interface Reading {
  /** Normalised values of the shown questions that passed their format checks. */
  values: Answers;
  /** Questions not shown (inactive, or their condition fails): never required, never stored. */
  hidden: Set<string>;
  /** Format errors of the shown questions, by question id. */
  formatErrors: Map<string, FieldError[]>;
  /** Ids that received something, even something invalid (for `anyFilled`). */
  given: Set<string>;
}

/**
 * Reads a body against the definition: every question's format check, then the display
 * conditions on the values that passed, then hidden questions' values dropped (a tampered
 * post that answers a hidden question stores nothing for it). Never throws.
 */
export function readAnswers(definition: FormDefinition, input: unknown, ctx: ValidationContext = {}): Reading {
  const locale = ctx.locale ?? DEFAULT_LOCALE;
  const values: Answers = {};
  const formatErrors = new Map<string, FieldError[]>();
  const given = new Set<string>();
  for (const q of definition.questions) {
    const outcome = check(q, input, locale, ctx.courses);
    const errors = [...outcome.errors];
    if (outcome.value !== undefined) values[q.id] = outcome.value;
    if (isChoice(q)) {
      const other = checkOther(q, outcome.value, input, locale);
      if (typeof other.value === 'string') values[otherFieldName(q.id)] = other.value;
      errors.push(...other.errors);
    }
    if (filled(outcome.value) || errors.length > 0) given.add(q.id);
    formatErrors.set(q.id, errors);
  }
  const hidden = hiddenQuestions(definition, values, ctx.courses);
  for (const id of hidden) {
    delete values[id];
    delete values[otherFieldName(id)];
    formatErrors.delete(id);
    given.delete(id);
  }
  return { values, hidden, formatErrors, given };
}

/** Every error of the shown questions in `scope` (a page), or of the whole form, in reading order. */
function scopedErrors(
  definition: FormDefinition,
  reading: Reading,
  ctx: ValidationContext,
  scope: FormPage | undefined,
): FieldError[] {
  const locale = ctx.locale ?? DEFAULT_LOCALE;
  const items: readonly PageItem[] =
    scope?.items ?? definition.questions.filter((q) => !reading.hidden.has(q.id)).map((question) => ({ question }));
  const errors: FieldError[] = [];
  for (const item of items) {
    const q = item.question;
    if (reading.hidden.has(q.id)) continue;
    const courses = item.courses ?? ctx.courses;
    const found = reading.formatErrors.get(q.id) ?? [];
    const problems = isRequired(q, reading.values, reading.given)
      ? [...found, ...requiredErrors(q, answerOf(reading.values, q.id), locale, courses, ctx.attendedDays)]
      : found;
    // A field that failed a format check is not also reported as missing.
    const seen = new Set<string>();
    const unique = problems.filter((e) => !seen.has(e.field) && seen.add(e.field) && (!scope || itemOwnsField(item, e.field)));
    errors.push(...(q.type === 'course_block' ? inFieldOrder(q, unique, courses) : unique));
  }
  return errors;
}

/**
 * Validates and normalises answers. Returns the normalised values of the shown questions, or
 * every error in question order with messages in the requested locale. Never throws on any
 * input. Other-texts are stored beside their question as `<id>.other`.
 */
export function validateAnswers(definition: FormDefinition, input: unknown, ctx: ValidationContext = {}): ValidationResult {
  const reading = readAnswers(definition, input, ctx);
  const errors = scopedErrors(definition, reading, ctx, undefined);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, values: reading.values };
}

/**
 * Validates one page alone (its shown questions, and for a course block split by day only
 * that day's courses), with conditions decided on everything posted so far. Returns the
 * page's errors; an empty list means the person may go on.
 */
export function validatePage(
  definition: FormDefinition,
  input: unknown,
  pageIndex: number,
  ctx: ValidationContext = {},
): FieldError[] {
  const page = formPages(definition, ctx.courses)[pageIndex];
  if (!page) return [];
  return scopedErrors(definition, readAnswers(definition, input, ctx), ctx, page);
}
