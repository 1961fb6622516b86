/**
 * The form definition: JSON kept as data in `form_versions.definition`, shared by the
 * residents' opinion form and the training questionnaires. Staff can add a question (say,
 * for a themed campaign) without a code change, so the schema is strict: unknown keys are
 * rejected (a typo such as `requierd` must not silently make a question optional).
 *
 * Pure module: zod only.
 */
import * as z from 'zod';
import type { LocalizedText } from './messages';

/** Version of the JSON format itself, so stored definitions can be migrated later. */
export const DEFINITION_SCHEMA_VERSION = 1;
/** Default maximum length (code points) of a short text answer. */
export const DEFAULT_TEXT_MAX = 200;
/** Default maximum length (code points) of a long text answer. */
export const DEFAULT_TEXTAREA_MAX = 2000;
/** Default maximum length (code points) of a per-course comment. */
export const DEFAULT_COMMENT_MAX = 500;
/** Hard ceiling for any length limit: D1 rows and export cells stay reasonable. */
export const LENGTH_CEILING = 10_000;

const localized = (max: number) =>
  z.strictObject({
    'zh-CN': z.string().trim().min(1).max(max),
    en: z.string().trim().max(max).optional(),
  });

/** Question ids become answer keys, HTML names and export column names: keep them boring. */
const questionId = z.string().regex(/^[a-z][a-z0-9_]{0,47}$/, 'must be snake_case: a–z, 0–9, _, starting with a letter');
/** Option codes are stored in answers and statistics; labels may change, codes never. */
const code = z.string().regex(/^[a-z0-9][a-z0-9_]{0,47}$/, 'must be snake_case: a–z, 0–9, _');

const optionSchema = z.strictObject({ code, label: localized(200) });
const fiveLabels = z.tuple([localized(50), localized(50), localized(50), localized(50), localized(50)]);

const conditionSchema = z.union([
  /** Required when any of these questions has an answer (e.g. consent once a name or phone is given). */
  z.strictObject({ anyFilled: z.array(questionId).min(1).max(20) }),
  /** Required when a choice question's answer is one of these codes (e.g. "please specify" for 其他). */
  z.strictObject({ choiceIn: z.strictObject({ field: questionId, codes: z.array(code).min(1).max(50) }) }),
]);

/**
 * When a question is shown at all ("show this question when the answer to X is / includes /
 * is at least …"). The target must come earlier in the form, so visibility is decided in one
 * pass in reading order and a page never depends on a later one. A hidden question is never
 * required and its answer is dropped, whatever was posted (see logic.ts).
 */
const showIfSchema = z.union([
  /** A choice or dropdown answer is one of these codes. */
  z.strictObject({ field: questionId, is: z.array(code).min(1).max(50) }),
  /** A multiple-choice answer includes at least one of these codes. */
  z.strictObject({ field: questionId, includes: z.array(code).min(1).max(50) }),
  /** A rating or number is at least this much. */
  z.strictObject({ field: questionId, atLeast: z.number().finite() }),
  /** A rating or number is at most this much. */
  z.strictObject({ field: questionId, atMost: z.number().finite() }),
]);

const base = {
  id: questionId,
  label: localized(500),
  help: localized(1000).optional(),
  required: z.boolean().default(false),
  requiredIf: conditionSchema.optional(),
  showIf: showIfSchema.optional(),
  /** Overrides the generic "please fill in" message with one written for this question. */
  messages: z.strictObject({ required: localized(200).optional() }).optional(),
};

const choiceOptions = {
  options: z.array(optionSchema).min(1).max(100).optional(),
  /** Options supplied at render time instead of stored: 'courses' lists the training's courses. */
  optionsFrom: z.literal('courses').optional(),
  /** Adds a last option "其他（请注明）" (code `other`) with a text box, stored as `<id>.other`. */
  other: z.boolean().optional(),
};

const choiceSchema = z.strictObject({ ...base, type: z.literal('choice'), ...choiceOptions });
/** A single choice shown as a drop-down list: for long lists (townships, years). */
const dropdownSchema = z.strictObject({ ...base, type: z.literal('dropdown'), ...choiceOptions });
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const numberSchema = z.strictObject({
  ...base,
  type: z.literal('number'),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  /** Whole numbers only (the default); false allows up to two decimals. */
  integer: z.boolean().optional(),
  /** Shown after the box, e.g. 人 or 元. */
  unit: localized(20).optional(),
});
const dateSchema = z.strictObject({ ...base, type: z.literal('date'), min: isoDay.optional(), max: isoDay.optional() });
/** A heading with text; `newPage` starts a new page (分页) of the form at this heading. */
const sectionSchema = z.strictObject({ ...base, type: z.literal('section'), newPage: z.boolean().optional() });
const multiSchema = z.strictObject({
  ...base,
  type: z.literal('multi'),
  ...choiceOptions,
  min: z.number().int().min(1).max(100).optional(),
  max: z.number().int().min(1).max(100).optional(),
});
const textSchema = z.strictObject({
  ...base,
  type: z.literal('text'),
  maxLength: z.number().int().min(1).max(1000).optional(),
  /** A known format: 'mobile_cn' is a mainland mobile number, normalised to 11 digits. */
  pattern: z.enum(['mobile_cn']).optional(),
  autocomplete: z.enum(['off', 'name', 'tel', 'tel-national', 'street-address', 'address-level2', 'organization']).optional(),
});
const textareaSchema = z.strictObject({
  ...base,
  type: z.literal('textarea'),
  minLength: z.number().int().min(0).max(LENGTH_CEILING).optional(),
  maxLength: z.number().int().min(1).max(LENGTH_CEILING).optional(),
  rows: z.number().int().min(2).max(20).optional(),
});
const scale5Schema = z.strictObject({
  ...base,
  type: z.literal('scale5'),
  /** Labels from best (5) to worst (1); default 非常满意 … 非常不满意. */
  labels: fiveLabels.optional(),
});
const npsSchema = z.strictObject({
  ...base,
  type: z.literal('nps'),
  lowLabel: localized(50).optional(),
  highLabel: localized(50).optional(),
});
const aspectSchema = z.strictObject({ code, label: localized(100), labels: fiveLabels.optional() });
const courseBlockSchema = z.strictObject({
  ...base,
  type: z.literal('course_block'),
  /** What each course is rated on; default relevance, clarity, practical (see fields.ts). */
  aspects: z.array(aspectSchema).min(1).max(6).optional(),
  comment: z.boolean().default(true),
  commentMaxLength: z.number().int().min(1).max(LENGTH_CEILING).optional(),
  /** Each course card offers "未参加" (the default, undefined = true); false hides it. */
  absentOption: z.boolean().optional(),
  /** One page per training day, each with that day's courses (courses need a day). */
  perDay: z.boolean().optional(),
});
const consentSchema = z.strictObject({ ...base, type: z.literal('consent') });
const photosSchema = z.strictObject({
  ...base,
  type: z.literal('photos'),
  maxCount: z.number().int().min(1).max(10).default(3),
});
const infoSchema = z.strictObject({ ...base, type: z.literal('info') });

/** One question of any type, discriminated by `type`. */
export const questionSchema = z.discriminatedUnion('type', [
  choiceSchema,
  dropdownSchema,
  multiSchema,
  textSchema,
  textareaSchema,
  scale5Schema,
  npsSchema,
  courseBlockSchema,
  consentSchema,
  photosSchema,
  infoSchema,
  numberSchema,
  dateSchema,
  sectionSchema,
]);

/** The whole definition. Cross-question rules live in `checkDefinition`. */
export const formDefinitionSchema = z
  .strictObject({
    schemaVersion: z.literal(DEFINITION_SCHEMA_VERSION),
    title: localized(200).optional(),
    intro: localized(2000).optional(),
    questions: z.array(questionSchema).min(1).max(200),
  })
  .superRefine((def, ctx) => checkDefinition(def, ctx));

/** A validated form definition (defaults applied). */
export type FormDefinition = z.output<typeof formDefinitionSchema>;
/** A definition as written by hand or stored (defaults not yet applied). */
export type FormDefinitionInput = z.input<typeof formDefinitionSchema>;
/** Any question. */
export type Question = z.output<typeof questionSchema>;
/** The question type names. */
export type QuestionType = Question['type'];
/** The question of a given type. */
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;
/** An option of a choice or multi question. */
export type Option = z.output<typeof optionSchema>;
/** A rated aspect of a course block. */
export type Aspect = z.output<typeof aspectSchema>;
/** A conditional requirement. */
export type Condition = z.output<typeof conditionSchema>;
/** A display condition. */
export type ShowIf = z.output<typeof showIfSchema>;
/** The question types with a fixed list of options (choice, dropdown, multi). */
export type ChoiceQuestion = QuestionOf<'choice'> | QuestionOf<'dropdown'> | QuestionOf<'multi'>;

/** Whether a question picks from options. */
export function isChoice(q: Question): q is ChoiceQuestion {
  return q.type === 'choice' || q.type === 'dropdown' || q.type === 'multi';
}

/** The option code that "其他（请注明）" stores. */
export const OTHER_CODE = 'other';
/** Maximum length (code points) of the "please specify" text of 其他. */
export const OTHER_TEXT_MAX = 200;
export type { LocalizedText };

/** A problem found in a definition: where (a dotted path) and what, for the staff editor. */
export interface DefinitionError {
  path: string;
  message: string;
  /** The zod issue code ('custom' for the cross-question rules), for localised messages. */
  code?: string | undefined;
  /** The limit of a too_small / too_big issue. */
  limit?: number | undefined;
}

/** Result of `parseDefinition`. */
export type ParseResult = { ok: true; definition: FormDefinition } | { ok: false; errors: DefinitionError[] };

/** Questions that never carry an answer or cannot be required by the engine. */
export const NOT_REQUIRABLE: ReadonlySet<QuestionType> = new Set(['info', 'photos', 'section']);

type Ctx = z.core.$RefinementCtx<{ questions: Question[] }>;

function checkDefinition(def: { questions: Question[] }, ctx: Ctx): void {
  const byId = new Map<string, Question>();
  def.questions.forEach((q, i) => {
    const at = (...rest: (string | number)[]) => ['questions', i, ...rest];
    const fail = (message: string, ...rest: (string | number)[]) => ctx.addIssue({ code: 'custom', message, path: at(...rest) });
    if (byId.has(q.id)) fail(`duplicate question id "${q.id}"`, 'id');
    byId.set(q.id, q);

    if (NOT_REQUIRABLE.has(q.type) && (q.required || q.requiredIf)) {
      fail(`a ${q.type} question cannot be required`, 'required');
    }
    if (q.required && q.requiredIf) fail('use either required or requiredIf, not both', 'requiredIf');

    if (isChoice(q)) {
      if ((q.options === undefined) === (q.optionsFrom === undefined)) {
        fail('give exactly one of options or optionsFrom', 'options');
      }
      checkUnique(q.options?.map((o) => o.code) ?? [], 'option code', (m, j) => fail(m, 'options', j, 'code'));
      if (q.other) {
        q.options?.forEach((o, j) => {
          if (o.code === OTHER_CODE) fail('"other" is added by the 其他 switch; use another code', 'options', j, 'code');
        });
      }
    }
    if (q.type === 'number') {
      if (q.min !== undefined && q.max !== undefined && q.min > q.max) fail('min must not exceed max', 'min');
    }
    if (q.type === 'date') {
      if (q.min !== undefined && q.max !== undefined && q.min > q.max) fail('min must not exceed max', 'min');
    }
    if (q.type === 'multi') {
      const count = q.options?.length ?? Number.POSITIVE_INFINITY;
      if (q.min !== undefined && q.max !== undefined && q.min > q.max) fail('min must not exceed max', 'min');
      if (q.min !== undefined && q.min > count) fail('min exceeds the number of options', 'min');
      if (q.max !== undefined && q.max > count) fail('max exceeds the number of options', 'max');
    }
    if (q.type === 'textarea') {
      const max = q.maxLength ?? DEFAULT_TEXTAREA_MAX;
      if (q.minLength !== undefined && q.minLength > max) fail('minLength must not exceed maxLength', 'minLength');
    }
    if (q.type === 'course_block' && q.aspects) {
      checkUnique(
        q.aspects.map((a) => a.code),
        'aspect code',
        (m, j) => fail(m, 'aspects', j, 'code'),
      );
      // The comment is stored beside the ratings under the key 'comment'.
      q.aspects.forEach((a, j) => {
        if (a.code === 'comment' || a.code === 'absent') fail(`"${a.code}" is reserved`, 'aspects', j, 'code');
      });
    }
  });

  checkShowIf(def.questions, ctx);
  // Conditions may point forwards or backwards, so they are checked once all ids are known.
  def.questions.forEach((q, i) => {
    const cond = q.requiredIf;
    if (!cond) return;
    const fail = (message: string) => ctx.addIssue({ code: 'custom', message, path: ['questions', i, 'requiredIf'] });
    const refs = 'anyFilled' in cond ? cond.anyFilled : [cond.choiceIn.field];
    for (const ref of refs) {
      const target = byId.get(ref);
      if (ref === q.id) fail('a question cannot depend on itself');
      else if (!target) fail(`unknown question "${ref}"`);
      else if (NOT_REQUIRABLE.has(target.type)) fail(`"${ref}" never has an answer`);
    }
    if ('choiceIn' in cond) {
      const target = byId.get(cond.choiceIn.field);
      if (target && !isChoice(target)) fail(`"${target.id}" is not a choice`);
      else if (target && isChoice(target) && target.options) {
        const known = new Set([...target.options.map((o) => o.code), ...(target.other ? [OTHER_CODE] : [])]);
        for (const c of cond.choiceIn.codes) if (!known.has(c)) fail(`"${target.id}" has no option "${c}"`);
      }
    }
  });
}

/** Display conditions: an earlier question of a type the operator can compare. */
function checkShowIf(questions: readonly Question[], ctx: Ctx): void {
  const seen = new Map<string, Question>();
  questions.forEach((q, i) => {
    const cond = q.showIf;
    const fail = (message: string) => ctx.addIssue({ code: 'custom', message, path: ['questions', i, 'showIf'] });
    if (cond) {
      const target = seen.get(cond.field);
      if (cond.field === q.id) fail('a question cannot depend on itself');
      else if (!target) fail(`"${cond.field}" must be a question before this one`);
      else if ('is' in cond || 'includes' in cond) {
        const single = target.type === 'choice' || target.type === 'dropdown';
        if ('is' in cond ? !single : target.type !== 'multi') {
          fail(`"${target.id}" is not a ${'is' in cond ? 'single' : 'multiple'} choice`);
        } else if (isChoice(target) && target.options) {
          const known = new Set([...target.options.map((o) => o.code), ...(target.other ? [OTHER_CODE] : [])]);
          for (const c of 'is' in cond ? cond.is : cond.includes) if (!known.has(c)) fail(`"${target.id}" has no option "${c}"`);
        }
      } else if (target.type !== 'scale5' && target.type !== 'nps' && target.type !== 'number') {
        fail(`"${target.id}" has no number to compare`);
      }
    }
    seen.set(q.id, q);
  });
}

function checkUnique(codes: string[], what: string, fail: (message: string, index: number) => void): void {
  const seen = new Set<string>();
  codes.forEach((c, j) => {
    if (seen.has(c)) fail(`duplicate ${what} "${c}"`, j);
    seen.add(c);
  });
}

/**
 * Validates a definition: the JSON text from `form_versions.definition`, or an already
 * parsed object. Never throws; errors carry a dotted path (e.g. `questions.3.options`).
 */
export function parseDefinition(json: unknown): ParseResult {
  let data = json;
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json);
    } catch (e) {
      return { ok: false, errors: [{ path: '', message: `not valid JSON: ${(e as Error).message}` }] };
    }
  }
  const result = formDefinitionSchema.safeParse(data);
  if (result.success) return { ok: true, definition: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
      code: issue.code,
      limit: issue.code === 'too_small' ? Number(issue.minimum) : issue.code === 'too_big' ? Number(issue.maximum) : undefined,
    })),
  };
}

/**
 * Like `parseDefinition` but throws: for definitions shipped in code (the defaults), where
 * an invalid definition is a programming error that tests must catch.
 */
export function defineForm(input: FormDefinitionInput): FormDefinition {
  const result = parseDefinition(input);
  if (!result.ok) {
    throw new Error(`invalid form definition: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  }
  return result.definition;
}
