/** @jsxImportSource hono/jsx */
/**
 * Daily check-in (GET/POST /c/:code): the training's QR code leads here; a deputy confirms
 * their name and the middle four digits of their phone (the part a masked number hides; see
 * ../checkin.ts), and today's attendance is recorded.
 * The two fields are a definition of the form engine, so they look, validate and report
 * errors exactly like the questionnaire.
 */
import { defineForm, type FieldError, type FormDefinition, type LocalizedText } from '../../forms';
import type { Locale } from '../../forms/messages';
import { ErrorSummary, FormFields } from '../../forms/render';
import { formatDay, formatDays, type PageKey, pt } from '../messages';
import { MessagePage, Page } from './layout';
import type { TrainingHead } from './evaluate';

function both(key: PageKey): LocalizedText {
  return { 'zh-CN': pt('zh-CN', key), en: pt('en', key) };
}

/** The check-in form: name and the middle four digits (4–7) of the mobile number. */
export const checkinDefinition: FormDefinition = defineForm({
  schemaVersion: 1,
  questions: [
    { id: 'name', type: 'text', label: both('checkin_name'), required: true, maxLength: 40, autocomplete: 'name' },
    {
      id: 'phone_mid',
      type: 'text',
      label: both('checkin_mid'),
      help: both('checkin_mid_hint'),
      required: true,
      maxLength: 20,
      autocomplete: 'off',
    },
  ],
});

/** The check-in form page. */
export function CheckinPage(props: {
  training: TrainingHead;
  today: string;
  dayNumber: number;
  locale: Locale;
  values?: Readonly<Record<string, unknown>> | undefined;
  errors?: readonly FieldError[] | undefined;
}) {
  const { locale, training } = props;
  const errors = props.errors ?? [];
  return (
    <Page title={`${pt(locale, 'checkin_title')} · ${training.title}`} locale={locale} form>
      <div class="ev-sheet ev-form-sheet">
        <h1 class="ev-title">{pt(locale, 'checkin_title')}</h1>
        <p class="ev-meta">{training.title}</p>
        <p class="ev-note">
          {pt(locale, 'checkin_today', { date: formatDay(props.today, locale), day: props.dayNumber })}
          <br />
          {pt(locale, 'checkin_intro')}
        </p>
        <div class="lf-form">
          <ErrorSummary errors={errors} locale={locale} />
        </div>
        <form method="post" class="lf-form" novalidate>
          <FormFields definition={checkinDefinition} values={props.values} errors={errors} locale={locale} />
          <button type="submit" class="lf-button">
            {pt(locale, 'checkin_submit')}
          </button>
        </form>
      </div>
    </Page>
  );
}

/** Checked in (now, or earlier today), with the deputy's record over the training's days. */
export function CheckedInPage(props: {
  locale: Locale;
  name: string;
  today: string;
  dayNumber: number;
  again: boolean;
  days: readonly string[];
  attended: ReadonlySet<string>;
  trainingTitle: string;
}) {
  const { locale } = props;
  const line = props.again
    ? pt(locale, 'checkin_again', { name: props.name })
    : pt(locale, 'checkin_done', { name: props.name, date: formatDay(props.today, locale), day: props.dayNumber });
  return (
    <MessagePage
      locale={locale}
      tone="ok"
      title={pt(locale, props.again ? 'checkin_again_title' : 'checkin_done_title')}
      lines={[line]}
      small={[props.trainingTitle]}
    >
      <h2 class="ev-small">{pt(locale, 'checkin_record')}</h2>
      <ul class="ev-list">
        {props.days.map((day, i) => (
          <li>
            {pt(locale, props.attended.has(day) ? 'checkin_day_done' : 'checkin_day_missing', {
              n: i + 1,
              date: formatDay(day, locale),
            })}
          </li>
        ))}
      </ul>
    </MessagePage>
  );
}

/** Today is not one of the training's days. */
export function NotTrainingDayPage(props: { locale: Locale; training: TrainingHead }) {
  const { locale, training } = props;
  return (
    <MessagePage
      locale={locale}
      title={pt(locale, 'checkin_not_today_title')}
      lines={[pt(locale, 'checkin_not_today', { dates: formatDays(training.startsOn, training.endsOn, locale) })]}
      small={[training.title]}
    />
  );
}
