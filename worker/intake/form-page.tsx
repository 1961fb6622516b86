/** @jsxImportSource hono/jsx */
/**
 * The opinion form page (/s/:stationCode): the station and township at the top (they come
 * from the QR code; residents never pick them), the error summary, the fields rendered by
 * the form engine from the form's current version, a hidden submission key and one button.
 */
import type { FieldError, FormDefinition, Question } from '../forms';
import { ErrorSummary, FormFields, formCss } from '../forms/render';
import { usesLogic } from '../forms/logic';
import { LOGIC_SCRIPT } from '../forms/logic-script';
import { localize } from '../forms/messages';
import type { PublicStation } from './db';
import { DRAFT_SCRIPT } from './draft-script';
import { Page } from './layout';
import { type Locale, tx } from './messages';
import { contactCss, StationContact, type StationContactInfo } from '../receptions/public';
import { t } from '../platform/i18n';

/** Name of the hidden submission-key field (question ids cannot start with "_"). */
export const SUBMISSION_KEY_FIELD = '_key';

/** Name of the hidden field carrying the 代表码's deputy id. */
export const RECIPIENT_FIELD = '_deputy';

/** Props of {@link FormPage}. */
export interface FormPageProps {
  locale: Locale;
  station: PublicStation;
  definition: FormDefinition;
  submissionKey: string;
  /** What the person typed (the raw body); absent on a fresh form. */
  values?: Record<string, unknown>;
  errors?: readonly FieldError[];
  /** A message above the form that is not about one field (too many submissions, …). */
  notice?: string;
  /** Files were sent but are not kept: say they must be chosen again. */
  photosDropped?: boolean;
  /** The station's address, reception days and phone (worker/receptions); absent on a re-shown form. */
  contact?: StationContactInfo;
  /** The deputy chosen through their 代表码 (worker/deputies/code.ts): named above the form, sent back on submit. */
  recipient?: { id: number; name: string } | null;
}

/** Adds a note before each photos question saying the photos must be chosen again. */
function withPhotosNote(definition: FormDefinition, locale: Locale): FormDefinition {
  const note = tx(locale, 'photos_not_kept');
  const questions = definition.questions.flatMap((q): Question[] =>
    q.type === 'photos'
      ? [{ id: `${q.id}_again`.slice(0, 48), type: 'info', label: { 'zh-CN': note }, required: false }, q]
      : [q],
  );
  return { ...definition, questions };
}

/** The whole page. A fresh form (no values) lets the script restore a saved draft. */
export function FormPage(props: FormPageProps) {
  const { locale, station } = props;
  const errors = props.errors ?? [];
  const title = props.definition.title ? localize(props.definition.title, locale) : tx(locale, 'submit');
  const definition = props.photosDropped ? withPhotosNote(props.definition, locale) : props.definition;
  const path = `/s/${station.code}`;
  return (
    <Page
      locale={locale}
      title={`${title} · ${station.name}`}
      hasErrors={errors.length > 0}
      css={`${formCss}\n${contactCss}`}
      script={usesLogic(definition) ? `${DRAFT_SCRIPT}\n${LOGIC_SCRIPT}` : DRAFT_SCRIPT}
      path={path}
    >
      <div class="pg-where">
        <p class="pg-where__town">
          <span class="lf-visually-hidden">{tx(locale, 'township')}：</span>
          {station.townshipName}
        </p>
        <p class="pg-where__station">
          <span class="lf-visually-hidden">{tx(locale, 'station')}：</span>
          {station.name}
        </p>
      </div>
      {props.contact && <StationContact locale={locale} contact={props.contact} />}
      {props.recipient && (
        <p class="pg-notice" id="pg-recipient">
          {t(locale, 'code_recipient', { name: props.recipient.name })}
        </p>
      )}
      <h1 class="pg-h1">{title}</h1>
      {props.notice && (
        <p class="pg-notice pg-notice--warn" role="alert" tabindex={-1} autofocus={errors.length === 0}>
          {props.notice}
        </p>
      )}
      <ErrorSummary errors={errors} locale={locale} />
      {!props.notice && errors.length === 0 && <p class="pg-lead">{tx(locale, 'form_lead')}</p>}
      <form
        class="lf-form"
        novalidate
        method="post"
        enctype="multipart/form-data"
        action={path}
        data-draft={station.code}
        data-fresh={props.values === undefined ? '' : undefined}
        data-sending={tx(locale, 'sending')}
      >
        <input type="hidden" name={SUBMISSION_KEY_FIELD} value={props.submissionKey} />
        {props.recipient && <input type="hidden" name={RECIPIENT_FIELD} value={String(props.recipient.id)} />}
        <FormFields definition={definition} values={props.values} errors={errors} locale={locale} />
        <p id="lf-offline" class="pg-notice pg-notice--warn" role="alert" tabindex={-1} hidden>
          {tx(locale, 'offline')}
        </p>
        <button class="lf-button" type="submit">
          {tx(locale, 'submit')}
        </button>
      </form>
      <p class="pg-more">
        <a href="/t/">{tx(locale, 'check_progress')}</a>
      </p>
    </Page>
  );
}
