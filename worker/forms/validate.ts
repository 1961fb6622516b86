/**
 * Validation of submitted answers against a form definition. Pure: the input is whatever a
 * urlencoded/multipart body or a JSON body parsed into, so nothing about its shape is
 * trusted; wrong types become `invalid_value` errors, never exceptions. Unknown fields are
 * ignored (a stale page, a browser extension or an extra hidden input must not block a
 * resident's opinion).
 */
import {
  DEFAULT_COMMENT_MAX,
  DEFAULT_TEXT_MAX,
  DEFAULT_TEXTAREA_MAX,
  type FormDefinition,
  type Question,
  type QuestionOf,
} from './definition';
import { type Course, courseAspects, courseFieldName, isActive, resolveOptions, usableCourses } from './fields';
import { DEFAULT_LOCALE, labelForSentence, type Locale, localize, type MessageKey, msg } from './messages';
import { INVALID, own, parseRating, scalar } from './input';
import { cleanText, countChars, normaliseMobileCN } from './normalise';

/** Ratings of one course: aspect code → 1–5, plus an optional `comment`. */
export type CourseAnswer = Record<string, number | string>;
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
  | 'invalid_value';

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
    case 'choice': {
      const s = scalar(raw);
      if (s === INVALID) return err('invalid_value', 'invalid_value');
      if (s === undefined || s.trim() === '') return { errors: [] };
      const code = s.trim();
      const known = resolveOptions(q, courses).some((o) => o.code === code);
      return known ? { value: code, errors: [] } : err('invalid_option', 'invalid_option');
    }
    case 'multi':
      return checkMulti(q, raw, locale, courses);
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
      // Files are handled by the intake code; info has nothing to answer.
      return { errors: [] };
  }
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
  for (const { id } of usableCourses(courses)) {
    const answer: CourseAnswer = {};
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
    case 'scale5':
    case 'nps':
      return filled(value) ? [] : one('required_choice');
    case 'multi':
      return filled(value) ? [] : one('required_multi');
    case 'consent':
      return value === true ? [] : one('required_consent');
    case 'course_block': {
      // Every aspect of every course must be rated; each gap is its own error so that the
      // summary links straight to the card and the row that still needs an answer.
      const rated = (typeof value === 'object' && !Array.isArray(value) ? value : {}) as Record<string, CourseAnswer>;
      return usableCourses(courses).flatMap(({ id, course }) =>
        courseAspects(q)
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
      return [];
  }
}

/** Course-block errors in reading order (course by course, row by row), not by kind. */
function inFieldOrder(q: QuestionOf<'course_block'>, errors: FieldError[], courses: readonly Course[] | undefined): FieldError[] {
  const parts = [...courseAspects(q).map((a) => a.code), 'comment'];
  const order = new Map<string, number>();
  for (const { id } of usableCourses(courses)) for (const p of parts) order.set(courseFieldName(q.id, id, p), order.size);
  return [...errors].sort((a, b) => (order.get(a.field) ?? 0) - (order.get(b.field) ?? 0));
}

/**
 * Validates and normalises answers. Returns the normalised values, or every error in
 * question order with messages in the requested locale. Never throws on any input.
 */
export function validateAnswers(definition: FormDefinition, input: unknown, ctx: ValidationContext = {}): ValidationResult {
  const locale = ctx.locale ?? DEFAULT_LOCALE;
  const active = definition.questions.filter((q) => isActive(q, ctx.courses));
  const outcomes = active.map((q) => check(q, input, locale, ctx.courses));
  const values: Answers = {};
  const given = new Set<string>();
  active.forEach((q, i) => {
    const value = outcomes[i]?.value;
    if (value !== undefined) values[q.id] = value;
    if (filled(value) || (outcomes[i]?.errors.length ?? 0) > 0) given.add(q.id);
  });
  const errors: FieldError[] = [];
  active.forEach((q, i) => {
    const found = outcomes[i]?.errors ?? [];
    const problems = isRequired(q, values, given)
      ? [...found, ...requiredErrors(q, answerOf(values, q.id), locale, ctx.courses)]
      : found;
    // A field that failed a format check is not also reported as missing.
    const seen = new Set<string>();
    const unique = problems.filter((e) => !seen.has(e.field) && seen.add(e.field));
    errors.push(...(q.type === 'course_block' ? inFieldOrder(q, unique, ctx.courses) : unique));
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, values };
}
