/** @jsxImportSource hono/jsx */
/**
 * Building blocks of the rendered form: field wrapper, hint, error message, radio/checkbox
 * group, textarea, and the error summary. Ids follow one rule (`fieldDomId`) so the summary's
 * links always land on the field's first input.
 */
import type { PropsWithChildren } from 'hono/jsx';
import type { Question } from './definition';
import { type Course, fieldDomId } from './fields';
import { type Locale, msg } from './messages';
import type { FieldError } from './validate';

/** Ids and texts shared by a field's label, hint, error and control. */
export interface Parts {
  /** Id of the (first) input: the summary links here. */
  id: string;
  hintId: string;
  errorId: string;
  hintLines: string[];
  error: string | undefined;
  /** The hint and error ids, for aria-describedby; undefined when there are none. */
  describedBy: string | undefined;
}

/** Computes the ids and texts of one field. */
export function fieldParts(field: string, lines: (string | undefined)[], error: string | undefined): Parts {
  const id = fieldDomId(field);
  const hintLines = lines.filter((l): l is string => l !== undefined && l !== '');
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const ids = [hintLines.length > 0 ? hintId : '', error ? errorId : ''].filter(Boolean);
  return { id, hintId, errorId, hintLines, error, describedBy: ids.length > 0 ? ids.join(' ') : undefined };
}

/** The wrapper of one question; the red left border marks a field with an error. */
export function Field(props: PropsWithChildren<{ error: string | undefined }>) {
  return <div class={props.error ? 'lf-field lf-field--error' : 'lf-field'}>{props.children}</div>;
}

/** The hint lines, if any. */
export function HintText(props: { parts: Parts }) {
  const { parts } = props;
  if (parts.hintLines.length === 0) return null;
  return (
    <div class="lf-hint" id={parts.hintId}>
      {parts.hintLines.map((line) => (
        <span class="lf-hint__line">{line}</span>
      ))}
    </div>
  );
}

/** The error message, prefixed for screen readers so it is not mistaken for a hint. */
export function ErrorText(props: { parts: Parts; locale: Locale }) {
  const { parts } = props;
  if (!parts.error) return null;
  return (
    <p class="lf-error-message" id={parts.errorId}>
      <span class="lf-visually-hidden">{msg(props.locale, 'error_prefix')}</span>
      {parts.error}
    </p>
  );
}

/** Hint then error, the GOV.UK order between label and control. */
export function Hint(props: { parts: Parts; locale: Locale }) {
  return (
    <>
      <HintText parts={props.parts} />
      <ErrorText parts={props.parts} locale={props.locale} />
    </>
  );
}

/** The label of a single control (with 选填 when optional), then its hint and error. */
export function LabelHead(props: { parts: Parts; label: string; optional: string | undefined; locale: Locale }) {
  return (
    <>
      <label class="lf-label" for={props.parts.id}>
        {props.label}
        <Optional text={props.optional} />
      </label>
      <Hint parts={props.parts} locale={props.locale} />
    </>
  );
}

/** One option of a radio or checkbox group. */
export interface ChoiceItem {
  value: string;
  label: string;
}

/**
 * A fieldset of radios or checkboxes. The native input sits inside its label so the whole
 * row (≥48px) is the tap target; `for` is kept as well for older assistive technology.
 */
export function ChoiceGroup(props: {
  parts: Parts;
  name: string;
  legend: string;
  optional?: string | undefined;
  type: 'radio' | 'checkbox';
  items: ChoiceItem[];
  checked: (value: string) => boolean;
  /** A compact grid of numbers (0–10) instead of a list of rows. */
  numbers?: boolean;
  locale: Locale;
}) {
  const { parts } = props;
  return (
    <fieldset class="lf-fieldset" aria-describedby={parts.describedBy}>
      <legend class="lf-legend">
        {props.legend}
        {props.optional && <span class="lf-optional">{props.optional}</span>}
      </legend>
      <Hint parts={parts} locale={props.locale} />
      <div class={props.numbers ? 'lf-choices lf-choices--numbers' : 'lf-choices'}>
        {props.items.map((item, i) => {
          const id = i === 0 ? parts.id : `${parts.id}--${i}`;
          return (
            <label class="lf-choice" for={id}>
              <input
                class="lf-choice__input"
                type={props.type}
                id={id}
                name={props.name}
                value={item.value}
                checked={props.checked(item.value)}
                aria-invalid={parts.error ? 'true' : undefined}
              />
              <span class="lf-choice__label">{item.label}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

/** A labelled textarea; the kept value is escaped by hono like any child text. */
export function TextArea(props: {
  parts: Parts;
  name: string;
  label: string;
  optional?: string | undefined;
  rows: number;
  value: string;
  locale: Locale;
}) {
  const { parts } = props;
  return (
    <>
      <LabelHead parts={parts} label={props.label} optional={props.optional} locale={props.locale} />
      <textarea
        class="lf-textarea"
        id={parts.id}
        name={props.name}
        rows={props.rows}
        aria-describedby={parts.describedBy}
        aria-invalid={parts.error ? 'true' : undefined}
      >
        {/* The HTML parser drops one newline right after <textarea>; this one, not the person's. */}
        {`\n${props.value}`}
      </textarea>
    </>
  );
}

/**
 * The GOV.UK error summary: shown above the form, announced (role=alert) and focused on
 * load (autofocus works without JavaScript), each message a link to its field's input.
 * Renders nothing when there are no errors.
 */
export function ErrorSummary(props: { errors: readonly FieldError[]; locale?: Locale | undefined }) {
  if (props.errors.length === 0) return null;
  const locale = props.locale ?? 'zh-CN';
  return (
    <div class="lf-error-summary" role="alert" aria-labelledby="lf-error-summary-title" tabindex={-1} autofocus>
      <h2 class="lf-error-summary__title" id="lf-error-summary-title">
        {msg(locale, 'error_summary_title')}
      </h2>
      <ul class="lf-error-summary__list">
        {props.errors.map((e) => (
          <li>
            <a href={`#${fieldDomId(e.field)}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What every question renderer needs besides the question. */
export interface RenderEnv {
  values: Readonly<Record<string, unknown>>;
  errors: ReadonlyMap<string, string>;
  locale: Locale;
  courses: readonly Course[] | undefined;
  /** Days the person checked in, when known (courses on other days are preset to 未参加). */
  attendedDays?: readonly string[] | undefined;
}

/** "（选填）" after a label, when given. */
export function Optional(props: { text: string | undefined }) {
  return props.text ? <span class="lf-optional">{props.text}</span> : null;
}

/** "（选填）" after the label of a question that may be left empty. */
export function optionalMark(q: Question, locale: Locale): string | undefined {
  return q.required || q.requiredIf ? undefined : msg(locale, 'optional');
}
