/**
 * The builder's model: a form definition edited as plain data, and the pure operations on it
 * (add, duplicate, delete, move, change type, options). Ids and option codes are made here,
 * never typed by staff: `q3`, `o2`. Whatever the builder does not edit (aspects, custom
 * messages, labels of scales) is carried through untouched. No Preact, no fetch.
 */

/** Text in both languages; the English is optional. */
export interface Loc {
  'zh-CN': string;
  en?: string | undefined;
}

/** A display condition, as worker/forms/definition.ts defines it. */
export type ShowIf =
  | { field: string; is: string[] }
  | { field: string; includes: string[] }
  | { field: string; atLeast: number }
  | { field: string; atMost: number };

/** One question as the builder sees it; unknown keys are kept as they are. */
export interface Question {
  id: string;
  type: string;
  label: Loc;
  help?: Loc | undefined;
  required?: boolean | undefined;
  options?: { code: string; label: Loc }[] | undefined;
  optionsFrom?: 'courses' | undefined;
  other?: boolean | undefined;
  min?: number | undefined;
  max?: number | undefined;
  minLength?: number | undefined;
  maxLength?: number | undefined;
  pattern?: 'mobile_cn' | undefined;
  newPage?: boolean | undefined;
  showIf?: ShowIf | undefined;
  [key: string]: unknown;
}

/** A whole definition. */
export interface Definition {
  schemaVersion: 1;
  title?: Loc | undefined;
  intro?: Loc | undefined;
  questions: Question[];
  [key: string]: unknown;
}

/** The kinds offered in the "add a question" menu, in the order shown. `mobile` is text with a pattern. */
export const KINDS = [
  'scale5',
  'nps',
  'choice',
  'multi',
  'dropdown',
  'text',
  'textarea',
  'number',
  'date',
  'mobile',
  'course_block',
  'section',
  'info',
] as const;
export type Kind = (typeof KINDS)[number];

/** The builder kind of a stored question. */
export function kindOf(q: Question): Kind {
  if (q.type === 'text' && q.pattern === 'mobile_cn') return 'mobile';
  return (KINDS as readonly string[]).includes(q.type) ? (q.type as Kind) : 'text';
}

/** Kinds that pick from options. */
export function hasOptions(kind: Kind): boolean {
  return kind === 'choice' || kind === 'multi' || kind === 'dropdown';
}

/** Kinds that hold no answer (never required, never a condition's target). */
export function isContent(kind: Kind): boolean {
  return kind === 'section' || kind === 'info';
}

function nextNumber(taken: readonly string[], prefix: string): number {
  let n = 0;
  for (const id of taken) {
    const m = new RegExp(`^${prefix}(\\d+)$`).exec(id);
    if (m) n = Math.max(n, Number(m[1]));
  }
  return n + 1;
}

/** A fresh question id for this definition (`q1`, `q2`, …). */
export function newQuestionId(def: Definition): string {
  return `q${nextNumber(
    def.questions.map((q) => q.id),
    'q',
  )}`;
}

/** A fresh option code for a question (`o1`, `o2`, …). */
export function newOptionCode(q: Question): string {
  return `o${nextNumber(
    (q.options ?? []).map((o) => o.code),
    'o',
  )}`;
}

/** Builds a question of a kind, keeping the label, help and requiredness of `from` if given. */
export function questionOf(
  kind: Kind,
  id: string,
  defaults: { label: string; option: (n: number) => string },
  from?: Question,
): Question {
  const base: Question = {
    id,
    type: kind === 'mobile' ? 'text' : kind,
    label: from?.label ?? { 'zh-CN': defaults.label },
    ...(from?.help ? { help: from.help } : {}),
    ...(from?.showIf ? { showIf: from.showIf } : {}),
  };
  if (!isContent(kind)) base.required = from?.required ?? false;
  if (kind === 'mobile') base.pattern = 'mobile_cn';
  if (hasOptions(kind)) {
    base.options = from?.options?.length
      ? from.options
      : [1, 2].map((n) => ({ code: `o${n}`, label: { 'zh-CN': defaults.option(n) } }));
    if (from?.other) base.other = true;
  }
  if (kind === 'course_block') {
    base.comment = true;
    base.perDay = true;
  }
  return base;
}

/** Moves an item from one index to another (clamped); returns a new array. */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  const target = Math.max(0, Math.min(out.length - 1, to));
  const [item] = out.splice(from, 1);
  if (item !== undefined) out.splice(target, 0, item);
  return out;
}

/**
 * Removes a question and every condition that pointed at it: a condition on a deleted
 * question would make the definition invalid, and silently showing the question is the
 * behaviour staff expect.
 */
export function withoutQuestion(def: Definition, index: number): Definition {
  const gone = def.questions[index]?.id;
  const questions = def.questions
    .filter((_, i) => i !== index)
    .map((q) => (q.showIf && q.showIf.field === gone ? { ...q, showIf: undefined } : q));
  return { ...def, questions };
}

/** A copy of a question right after it, with a new id (its conditions kept). */
export function withDuplicate(def: Definition, index: number, copySuffix: string): Definition {
  const q = def.questions[index];
  if (!q) return def;
  const copy: Question = structuredClone(q);
  copy.id = newQuestionId(def);
  copy.label = { ...copy.label, 'zh-CN': `${copy.label['zh-CN']}${copySuffix}` };
  const questions = [...def.questions];
  questions.splice(index + 1, 0, copy);
  return { ...def, questions };
}

/** Replaces the question at `index`. */
export function withQuestion(def: Definition, index: number, q: Question): Definition {
  return { ...def, questions: def.questions.map((old, i) => (i === index ? q : old)) };
}

/** The questions before `index` a condition may point at (they have answers to compare). */
export function conditionTargets(def: Definition, index: number): Question[] {
  return def.questions.slice(0, index).filter((q) => {
    const k = kindOf(q);
    return k === 'choice' || k === 'dropdown' || k === 'multi' || k === 'scale5' || k === 'nps' || k === 'number';
  });
}

/** Drops `undefined` keys so the JSON sent is what the schema expects (strict objects). */
export function cleaned(def: Definition): Definition {
  return JSON.parse(JSON.stringify(def)) as Definition;
}

/**
 * The problems the Worker reported (`questions.3.options.1.label.zh-CN` → message), for
 * one question: the key after the index ('label', 'options', 'showIf', …) → message.
 */
export function problemsOf(fields: Readonly<Record<string, string>>, index: number): Map<string, string> {
  const out = new Map<string, string>();
  const prefix = `questions.${index}.`;
  for (const [path, message] of Object.entries(fields)) {
    if (!path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length);
    // options.1.label.zh-CN → options.1; label.zh-CN → label; showIf.field → showIf
    const key = rest.startsWith('options.') ? rest.split('.').slice(0, 2).join('.') : (rest.split('.')[0] ?? '');
    if (!out.has(key)) out.set(key, message);
  }
  return out;
}
