/** @jsxImportSource hono/jsx */
/**
 * How a display condition appears in the page: data attributes the optional logic script
 * reads, and a sentence ("如果“…”选了“其他”，请回答这一题") so that with JavaScript off the
 * person still knows when a question applies. The server decides either way.
 */
import { type FormDefinition, isChoice, type Question, type ShowIf } from './definition';
import { type Course, resolveOptions } from './fields';
import { labelForSentence, type Locale, localize, msg } from './messages';

/** The data attributes of a conditional question's wrapper (`data-if`, `data-op`, `data-v`). */
export function conditionAttrs(cond: ShowIf): Record<string, string> {
  if ('is' in cond) return { 'data-if': cond.field, 'data-op': 'is', 'data-v': cond.is.join(' ') };
  if ('includes' in cond) return { 'data-if': cond.field, 'data-op': 'is', 'data-v': cond.includes.join(' ') };
  if ('atLeast' in cond) return { 'data-if': cond.field, 'data-op': 'ge', 'data-v': String(cond.atLeast) };
  return { 'data-if': cond.field, 'data-op': 'le', 'data-v': String(cond.atMost) };
}

/** The condition in words, for the person answering. */
export function conditionText(
  definition: FormDefinition,
  q: Question,
  locale: Locale,
  courses?: readonly Course[] | undefined,
): string | undefined {
  const cond = q.showIf;
  if (!cond) return undefined;
  const target = definition.questions.find((t) => t.id === cond.field);
  if (!target) return undefined;
  const label = labelForSentence(localize(target.label, locale));
  if ('is' in cond || 'includes' in cond) {
    const codes = 'is' in cond ? cond.is : cond.includes;
    const options = isChoice(target) ? resolveOptions(target, courses) : [];
    const names = codes.map((c) => `“${localize(options.find((o) => o.code === c)?.label ?? { 'zh-CN': c }, locale)}”`);
    return msg(locale, 'is' in cond ? 'shown_if_is' : 'shown_if_includes', {
      label,
      options: names.join(msg(locale, 'options_or')),
    });
  }
  return 'atLeast' in cond
    ? msg(locale, 'shown_if_at_least', { label, n: cond.atLeast })
    : msg(locale, 'shown_if_at_most', { label, n: cond.atMost });
}

/** The sentence above a question that depends on another on the same page. */
export function ConditionNote(props: {
  definition: FormDefinition;
  question: Question;
  locale: Locale;
  courses?: readonly Course[] | undefined;
}) {
  const text = conditionText(props.definition, props.question, props.locale, props.courses);
  return text ? <p class="lf-cond__note">{text}</p> : null;
}
