/** @jsxImportSource hono/jsx */
/**
 * The resident's tracking page (/t/:code) and the page to type a code (/t/). What it shows
 * is public to anyone holding the code, so it shows only: the code, a link and QR code to
 * this page, the state and step bar with dates, the public replies, category, station and
 * received time. Never the opinion's text, never a name, never a phone number: replies are
 * written by staff for the resident, but a mobile number typed into one is masked anyway.
 */
import { raw } from 'hono/html';
import type { FieldError } from '../forms';
import { ErrorSummary, FormFields, formCss } from '../forms/render';
import { maskPhonesInText } from '../platform/phones';
import { chinaDay } from '../workflow/calendar';
import { ACTION_LABELS, RATING_LABELS, STATE_LABELS, STEP_LABELS } from '../workflow/labels';
import { isOpinionState, isRating, TIMED_STATES, type OpinionState } from '../workflow/states';
import { type StepStatus, trackingSteps, type TrackingStep } from '../workflow/tracking';
import type { PublicEvent, PublicOpinion } from './db';
import { CLEAR_DRAFT_SCRIPT, DRAFT_DONE_ID } from './draft-script';
import { Page } from './layout';
import { formatDateTime, formatDay, type IntakeMessageKey, type Locale, STATE_EXPLANATIONS, tx } from './messages';
import { qrSvg } from './qr';
import { lookupFormDefinition, ratingFormDefinition } from './small-forms';
import { formatTrackingCode } from './tracking-code';
import { contactCss, StationContact, type StationContactInfo } from '../receptions/public';
import { CodesLink, UnsubscribeForm } from '../notifications/public-routes';

/** Masks every mobile number in a text (shared with the office side, see platform/phones). */
export const maskPhones = maskPhonesInText;

const STEP_HINTS: Record<TrackingStep, IntakeMessageKey> = {
  listen: 'step_listen',
  view: 'step_view',
  deliberate: 'step_deliberate',
  handle: 'step_handle',
  resolved: 'step_resolved',
};
const STATUS_TEXT: Record<StepStatus, IntakeMessageKey> = {
  done: 'step_done',
  current: 'step_current',
  todo: 'step_todo',
  skipped: 'step_skipped',
};

/** Props of {@link TrackingPage}. */
export interface TrackingPageProps {
  locale: Locale;
  opinion: PublicOpinion;
  events: readonly PublicEvent[];
  /** Tracking code of the opinion this one was merged into. */
  mergedCode: string | null;
  /** Absolute URL of this page (for the link and the QR code). */
  url: string;
  /** Just submitted: show the success panel and clear the saved draft. */
  isNew?: boolean;
  /** Just rated: thank the resident. */
  justRated?: boolean;
  /** A message that is not about one field (already rated, too many requests). */
  notice?: string;
  ratingValues?: Record<string, unknown>;
  ratingErrors?: readonly FieldError[];
  /** The station's address, reception days and phone (worker/receptions). */
  contact?: StationContactInfo;
}

/** The tracking page. */
export function TrackingPage(props: TrackingPageProps) {
  const { locale, opinion } = props;
  const state: OpinionState = isOpinionState(opinion.state) ? opinion.state : 'pending';
  const code = formatTrackingCode(opinion.trackingCode);
  const errors = props.ratingErrors ?? [];
  const steps = trackingSteps(state, props.events);
  const replies = props.events.filter((e) => e.publicReply !== null && e.publicReply.trim() !== '');
  const category = (locale === 'en' ? opinion.categoryEn : opinion.categoryZh) ?? opinion.category;
  const canRate = state === 'resolved' && opinion.rating === null;
  return (
    <Page
      locale={locale}
      title={`${tx(locale, 'track_title')} ${code}`}
      hasErrors={errors.length > 0}
      css={`${formCss}\n${contactCss}`}
      script={props.isNew ? CLEAR_DRAFT_SCRIPT : undefined}
      path={`/t/${opinion.trackingCode}`}
    >
      {props.isNew && (
        <div class="pg-panel" role="status" id={DRAFT_DONE_ID} data-station={opinion.stationCode}>
          <p>
            <strong>{tx(locale, 'submitted_title')}</strong>
          </p>
          <p>{tx(locale, 'submitted_body')}</p>
        </div>
      )}
      {props.justRated && (
        <div class="pg-panel" role="status">
          <p>
            <strong>{tx(locale, 'rated_thanks')}</strong>
          </p>
        </div>
      )}
      <h1 class="pg-h1">{tx(locale, 'track_title')}</h1>
      {props.notice && (
        <p class="pg-notice" role="alert" tabindex={-1} autofocus={errors.length === 0}>
          {props.notice}
        </p>
      )}
      <ErrorSummary errors={errors} locale={locale} />
      <div class="pg-codebox">
        <p>{tx(locale, 'tracking_code')}</p>
        <p class="pg-code">{code}</p>
        <p class="pg-link">
          {tx(locale, 'page_link')}：<a href={props.url}>{props.url}</a>
        </p>
        <div class="pg-qr">{raw(qrSvg(props.url, tx(locale, 'qr_label')))}</div>
        <p>{tx(locale, 'qr_caption')}</p>
      </div>

      <h2 class="pg-h2">{tx(locale, 'current_state')}</h2>
      <p class="pg-state">{STATE_LABELS[state][locale]}</p>
      <p>{STATE_EXPLANATIONS[state][locale]}</p>
      {state === 'duplicate' && (
        <p>
          {props.mergedCode ? tx(locale, 'merged_into', { code: formatTrackingCode(props.mergedCode) }) : tx(locale, 'merged')}
        </p>
      )}
      {state === 'duplicate' && props.mergedCode && (
        <p>
          <a href={`/t/${props.mergedCode}`}>{formatTrackingCode(props.mergedCode)}</a>
        </p>
      )}
      {state === 'transferred' && opinion.transferredTo && <p>{tx(locale, 'transferred_to', { body: opinion.transferredTo })}</p>}
      {TIMED_STATES.includes(state) && opinion.dueOn && (
        <p>
          {tx(locale, 'due_on')}：{formatDay(opinion.dueOn, locale)}
        </p>
      )}

      <h2 class="pg-h2">{tx(locale, 'steps_title')}</h2>
      <ol class="pg-steps">
        {steps.map((s, i) => (
          <li class={`pg-step pg-step--${s.status}`}>
            <span class="pg-step__dot" aria-hidden="true">
              {s.status === 'done' ? '✓' : s.status === 'skipped' ? '–' : String(i + 1)}
            </span>
            <div>
              <p class="pg-step__name">{STEP_LABELS[s.step][locale]}</p>
              <p class="pg-step__hint">{tx(locale, STEP_HINTS[s.step])}</p>
              <p class="pg-step__status">
                {tx(locale, STATUS_TEXT[s.status])}
                {s.at !== null && ` · ${formatDay(chinaDay(s.at), locale)}`}
              </p>
            </div>
          </li>
        ))}
      </ol>

      <h2 class="pg-h2">{tx(locale, 'replies_title')}</h2>
      {replies.length === 0 ? (
        <p>{tx(locale, 'no_replies')}</p>
      ) : (
        <ol class="pg-replies">
          {replies.map((e) => {
            // Residents know the steps (一听、二看…), not the office's action names.
            const step =
              e.fromState !== e.toState && isOpinionState(e.toState)
                ? STATE_LABELS[e.toState]
                : ACTION_LABELS[e.action as keyof typeof ACTION_LABELS];
            return (
              <li>
                <p class="pg-reply__meta">
                  {formatDay(chinaDay(e.at), locale)}
                  {step && ` · ${step[locale]}`}
                </p>
                <p class="pg-reply__text">{maskPhones(e.publicReply ?? '')}</p>
              </li>
            );
          })}
        </ol>
      )}

      {canRate && (
        <>
          <h2 class="pg-h2" id="rate">
            {tx(locale, 'rate_title')}
          </h2>
          <form class="lf-form" novalidate method="post" action={`/t/${opinion.trackingCode}/rate`}>
            <FormFields definition={ratingFormDefinition} values={props.ratingValues} errors={errors} locale={locale} />
            <button class="lf-button" type="submit">
              {tx(locale, 'rate_submit')}
            </button>
          </form>
        </>
      )}
      {isRating(opinion.rating) && (
        <>
          <h2 class="pg-h2">{tx(locale, 'rate_title')}</h2>
          <p>{tx(locale, 'your_rating', { rating: RATING_LABELS[opinion.rating][locale] })}</p>
          {state === 'review' && <p>{tx(locale, 'review_note')}</p>}
        </>
      )}

      <h2 class="pg-h2">{tx(locale, 'facts_title')}</h2>
      <dl class="pg-facts">
        <div>
          <dt>{tx(locale, 'category')}</dt>
          <dd>{category}</dd>
        </div>
        <div>
          <dt>{tx(locale, 'station')}</dt>
          <dd>
            {opinion.townshipName} · {opinion.stationName}
          </dd>
        </div>
        <div>
          <dt>{tx(locale, 'received_at')}</dt>
          <dd>{formatDateTime(opinion.receivedAt, locale)}</dd>
        </div>
      </dl>
      {props.contact && <StationContact locale={locale} contact={props.contact} />}
      <UnsubscribeForm locale={locale} trackingCode={opinion.trackingCode} />
      <p class="pg-more">
        <a href="/t/">{tx(locale, 'other_opinion')}</a>
      </p>
    </Page>
  );
}

/** The page to type a tracking code (GET form to /t/). */
export function LookupPage(props: { locale: Locale; values?: Record<string, unknown>; errors?: readonly FieldError[] }) {
  const { locale } = props;
  const errors = props.errors ?? [];
  return (
    <Page locale={locale} title={tx(locale, 'lookup_title')} hasErrors={errors.length > 0} css={formCss} path="/t/">
      <h1 class="pg-h1">{tx(locale, 'lookup_title')}</h1>
      <ErrorSummary errors={errors} locale={locale} />
      <form class="lf-form" novalidate method="get" action="/t/">
        <FormFields definition={lookupFormDefinition} values={props.values} errors={errors} locale={locale} />
        <button class="lf-button" type="submit">
          {tx(locale, 'lookup_submit')}
        </button>
      </form>
      <CodesLink locale={locale} />
    </Page>
  );
}
