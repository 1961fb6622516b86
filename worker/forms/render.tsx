/** @jsxImportSource hono/jsx */
/**
 * Server-rendered fields for a form definition (hono/jsx), GOV.UK-style: label or legend,
 * hint, error message, then the control; each error linked from the summary by the id of
 * the field's first input. No client JavaScript and no `required`/`maxlength` attributes:
 * browser validation bubbles differ between WeChat and other browsers, and `maxlength`
 * silently cuts pasted text and counts UTF-16 units, not characters. The server validates.
 *
 * Pages wrap the output in `<form class="lf-form" novalidate>` and inline `formCss`.
 */
import { type ChoiceQuestion, DEFAULT_TEXTAREA_MAX, type FormDefinition, type Question, type QuestionOf } from './definition';
import { type Course, fieldDomId, otherFieldName, resolveOptions, scalePoints } from './fields';
import { catalogText, DEFAULT_LOCALE, type Locale, localize, msg } from './messages';
import { formPages, type PageItem } from './pages';
import { renderCourses } from './render-courses';
import { ConditionNote, conditionAttrs } from './render-logic';
import {
  ChoiceGroup,
  type ChoiceItem,
  ErrorText,
  Field,
  fieldParts,
  Hint,
  HintText,
  LabelHead,
  optionalMark,
  type RenderEnv,
  TextArea,
} from './render-parts';
import { keptChecked, keptList, keptText } from './kept';
import { type FieldError, readAnswers } from './validate';

export { formCss } from './style';
export { ErrorSummary } from './render-parts';

/** Props of `FormFields`. */
export interface FormFieldsProps {
  definition: FormDefinition;
  /** What the person typed (the raw form body) or stored answers; either shape is read. */
  values?: Readonly<Record<string, unknown>> | undefined;
  errors?: readonly FieldError[] | undefined;
  locale?: Locale | undefined;
  /** The training's courses, for course blocks and course-filled choices. */
  courses?: readonly Course[] | undefined;
  /** Days the person checked in: courses on other days are preset to 未参加. */
  attendedDays?: readonly string[] | undefined;
  /** Render only this page (see pages.ts); all pages when absent. */
  page?: number | undefined;
}

/**
 * Renders the shown questions of the definition (or of one page), in order. A question whose
 * condition depends on an answer on an earlier page is decided here, from the posted values;
 * one that depends on a question on the same page is rendered with a note saying when to
 * answer it (and the logic script, when it runs, hides it until it applies).
 */
export function FormFields(props: FormFieldsProps) {
  const errors = new Map<string, string>();
  // The first message per field wins: it is the one the summary shows first.
  for (const e of props.errors ?? []) if (!errors.has(e.field)) errors.set(e.field, e.message);
  const env: RenderEnv = {
    values: props.values ?? {},
    errors,
    locale: props.locale ?? DEFAULT_LOCALE,
    courses: props.courses,
    attendedDays: props.attendedDays,
  };
  const pages = formPages(props.definition, props.courses);
  const items: PageItem[] = props.page === undefined ? pages.flatMap((p) => p.items) : (pages[props.page]?.items ?? []);
  const onPage = new Set(items.map((i) => i.question.id));
  const { hidden } = readAnswers(props.definition, env.values, { courses: props.courses, locale: env.locale });
  const shown = items.filter((item) => {
    const cond = item.question.showIf;
    // Decided by an earlier page: show only what applies. Same page: the person decides now.
    return !cond || onPage.has(cond.field) || !hidden.has(item.question.id);
  });
  return (
    <>
      {shown.map((item) => {
        const q = item.question;
        const body = q.type === 'course_block' ? renderCourses(q, env, item) : renderQuestion(q, env);
        if (!q.showIf || !onPage.has(q.showIf.field)) return body;
        return (
          <div class="lf-cond" {...conditionAttrs(q.showIf)}>
            <ConditionNote definition={props.definition} question={q} locale={env.locale} courses={props.courses} />
            {body}
          </div>
        );
      })}
    </>
  );
}

function lengthHint(locale: Locale, min: number | undefined, max: number): string {
  return min ? msg(locale, 'hint_length_range', { min, max }) : msg(locale, 'hint_max_length', { max });
}

function renderQuestion(q: Question, env: RenderEnv) {
  const { locale } = env;
  const label = localize(q.label, locale);
  const help = q.help ? localize(q.help, locale) : undefined;
  const error = env.errors.get(q.id);
  const parts = (auto?: string) => fieldParts(q.id, [help, auto], error);
  switch (q.type) {
    case 'text': {
      const mobile = q.pattern === 'mobile_cn';
      const p = parts(mobile ? msg(locale, 'hint_mobile') : undefined);
      return (
        <Field error={error}>
          <LabelHead parts={p} label={label} optional={optionalMark(q, locale)} locale={locale} />
          <input
            class={mobile ? 'lf-input lf-input--phone' : 'lf-input'}
            type={mobile ? 'tel' : 'text'}
            id={p.id}
            name={q.id}
            value={keptText(env.values, q.id)}
            inputmode={mobile ? 'tel' : undefined}
            autocomplete={q.autocomplete ?? (mobile ? 'tel' : undefined)}
            spellcheck={mobile ? false : undefined}
            aria-describedby={p.describedBy}
            aria-invalid={error ? 'true' : undefined}
          />
        </Field>
      );
    }
    case 'textarea': {
      const p = parts(lengthHint(locale, q.minLength, q.maxLength ?? DEFAULT_TEXTAREA_MAX));
      return (
        <Field error={error}>
          <TextArea
            parts={p}
            name={q.id}
            label={label}
            optional={optionalMark(q, locale)}
            rows={q.rows ?? 6}
            value={keptText(env.values, q.id)}
            locale={locale}
          />
        </Field>
      );
    }
    case 'choice':
    case 'multi':
      return renderChoice(q, env, label, help, error);
    case 'dropdown':
      return renderDropdown(q, env, label, help, error);
    case 'number': {
      const hint =
        q.min !== undefined && q.max !== undefined
          ? msg(locale, 'hint_number_range', { min: q.min, max: q.max })
          : q.min !== undefined
            ? msg(locale, 'hint_number_min', { min: q.min })
            : q.max !== undefined
              ? msg(locale, 'hint_number_max', { max: q.max })
              : undefined;
      const p = parts(hint);
      return (
        <Field error={error}>
          <LabelHead parts={p} label={label} optional={optionalMark(q, locale)} locale={locale} />
          <span class="lf-number">
            {/* type=text with inputmode: type=number drops what it cannot parse, silently. */}
            <input
              class="lf-input lf-input--number"
              type="text"
              id={p.id}
              name={q.id}
              value={keptText(env.values, q.id)}
              inputmode={q.integer === false ? 'decimal' : 'numeric'}
              autocomplete="off"
              aria-describedby={p.describedBy}
              aria-invalid={error ? 'true' : undefined}
            />
            {q.unit && <span class="lf-unit">{localize(q.unit, locale)}</span>}
          </span>
        </Field>
      );
    }
    case 'date': {
      const p = parts(msg(locale, 'hint_date'));
      return (
        <Field error={error}>
          <LabelHead parts={p} label={label} optional={optionalMark(q, locale)} locale={locale} />
          <input
            class="lf-input lf-input--date"
            type="date"
            id={p.id}
            name={q.id}
            value={keptText(env.values, q.id)}
            min={q.min}
            max={q.max}
            aria-describedby={p.describedBy}
            aria-invalid={error ? 'true' : undefined}
          />
        </Field>
      );
    }
    case 'section':
      return (
        <div class="lf-section" id={fieldDomId(q.id)}>
          <h2 class="lf-section__title">{label}</h2>
          {help && <p class="lf-section__text">{help}</p>}
        </div>
      );
    case 'scale5':
    case 'nps': {
      const items: ChoiceItem[] =
        q.type === 'scale5'
          ? scalePoints(q.labels).map((pt) => ({ value: String(pt.value), label: localize(pt.label, locale) }))
          : Array.from({ length: 11 }, (_, n) => ({ value: String(n), label: String(n) }));
      const auto =
        q.type === 'nps'
          ? msg(locale, 'hint_nps', {
              low: localize(q.lowLabel ?? catalogText('nps_low'), locale),
              high: localize(q.highLabel ?? catalogText('nps_high'), locale),
            })
          : undefined;
      const kept = keptText(env.values, q.id);
      return (
        <Field error={error}>
          <ChoiceGroup
            parts={parts(auto)}
            name={q.id}
            legend={label}
            optional={optionalMark(q, locale)}
            type="radio"
            items={items}
            checked={(v) => v === kept}
            numbers={q.type === 'nps'}
            locale={locale}
          />
        </Field>
      );
    }
    case 'consent': {
      const p = parts();
      return (
        <Field error={error}>
          <ErrorText parts={p} locale={locale} />
          <label class="lf-choice lf-choice--consent" for={p.id}>
            <input
              class="lf-choice__input"
              type="checkbox"
              id={p.id}
              name={q.id}
              value="yes"
              checked={keptChecked(env.values, q.id)}
              aria-describedby={p.describedBy}
              aria-invalid={error ? 'true' : undefined}
            />
            <span class="lf-choice__label">{label}</span>
          </label>
          <HintText parts={p} />
        </Field>
      );
    }
    case 'photos': {
      const p = parts(msg(locale, 'hint_photos', { max: q.maxCount }));
      return (
        <Field error={error}>
          <LabelHead parts={p} label={label} optional={optionalMark(q, locale)} locale={locale} />
          <input
            class="lf-file"
            type="file"
            id={p.id}
            name={q.id}
            accept="image/*"
            multiple={q.maxCount > 1}
            aria-describedby={p.describedBy}
            aria-invalid={error ? 'true' : undefined}
          />
        </Field>
      );
    }
    case 'info':
      return (
        <div class="lf-info" id={fieldDomId(q.id)}>
          {[label, help].map((text) => text !== undefined && <p>{text}</p>)}
        </div>
      );
    case 'course_block':
      return renderCourses(q, env, { question: q });
  }
}

/** The "please specify" box of 其他, right under the options; the logic script hides it until 其他 is picked. */
function OtherBox(props: { q: ChoiceQuestion; env: RenderEnv }) {
  const { q, env } = props;
  const name = otherFieldName(q.id);
  const error = env.errors.get(name);
  const p = fieldParts(name, [], error);
  return (
    <div class={error ? 'lf-other lf-field--error' : 'lf-other'} data-other-of={q.id}>
      <label class="lf-label lf-label--small" for={p.id}>
        {msg(env.locale, 'other_label')}
      </label>
      <Hint parts={p} locale={env.locale} />
      <input
        class="lf-input"
        type="text"
        id={p.id}
        name={name}
        value={keptText(env.values, name)}
        aria-describedby={p.describedBy}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

function renderDropdown(
  q: QuestionOf<'dropdown'>,
  env: RenderEnv,
  label: string,
  help: string | undefined,
  error: string | undefined,
) {
  const { locale } = env;
  const p = fieldParts(q.id, [help], error);
  const kept = keptText(env.values, q.id);
  return (
    <Field error={error}>
      <LabelHead parts={p} label={label} optional={optionalMark(q, locale)} locale={locale} />
      <select class="lf-select" id={p.id} name={q.id} aria-describedby={p.describedBy} aria-invalid={error ? 'true' : undefined}>
        <option value="">{msg(locale, 'dropdown_placeholder')}</option>
        {resolveOptions(q, env.courses).map((o) => (
          <option value={o.code} selected={o.code === kept}>
            {localize(o.label, locale)}
          </option>
        ))}
      </select>
      {q.other && <OtherBox q={q} env={env} />}
    </Field>
  );
}

function renderChoice(
  q: QuestionOf<'choice'> | QuestionOf<'multi'>,
  env: RenderEnv,
  label: string,
  help: string | undefined,
  error: string | undefined,
) {
  const { locale } = env;
  const items = resolveOptions(q, env.courses).map((o) => ({ value: o.code, label: localize(o.label, locale) }));
  let auto: string | undefined;
  if (q.type === 'multi') {
    if (q.min && q.max) auto = msg(locale, 'hint_multi_range', { min: q.min, max: q.max });
    else if (q.min) auto = msg(locale, 'hint_multi_min', { min: q.min });
    else if (q.max) auto = msg(locale, 'hint_multi_max', { max: q.max });
  }
  const kept = q.type === 'multi' ? keptList(env.values, q.id) : [keptText(env.values, q.id)];
  return (
    <Field error={error}>
      <ChoiceGroup
        parts={fieldParts(q.id, [help, auto], error)}
        name={q.id}
        legend={label}
        optional={optionalMark(q, locale)}
        type={q.type === 'multi' ? 'checkbox' : 'radio'}
        items={items}
        checked={(v) => kept.includes(v)}
        locale={locale}
      />
      {q.other && <OtherBox q={q} env={env} />}
    </Field>
  );
}
