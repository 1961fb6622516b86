/** @jsxImportSource hono/jsx */
/**
 * The deputy's evaluation form (GET/POST /e/:token): the questionnaire rendered by the form
 * engine, one card per course, GOV.UK-style errors with every value kept. A tiny inline
 * script keeps a draft on the phone, so closing WeChat by mistake loses nothing; without
 * JavaScript the form works the same, just without the draft.
 */
import type { Course, FieldError, FormDefinition } from '../../forms';
import { localize, type Locale, msg } from '../../forms/messages';
import { ErrorSummary, FormFields } from '../../forms/render';
import { formatDays, pt } from '../messages';
import { MessagePage, Page } from './layout';

/** The training as the page shows it. */
export interface TrainingHead {
  title: string;
  startsOn: string;
  endsOn: string;
  place: string;
}

/**
 * Keeps the form's values in localStorage (key: this page's path) and restores them on a fresh
 * visit; on a page re-rendered with errors the server's values win and are saved instead.
 * ES5 on purpose: old Android WebViews run it too.
 */
export const DRAFT_SCRIPT = `(function(){var f=document.getElementById('ev-form'),n=document.getElementById('ev-draft'),s,k='lianluo-draft:'+location.pathname;if(!f||!n)return;try{s=window.localStorage;s.getItem(k)}catch(e){return}if(!s)return;function kind(el){return el.type==='radio'||el.type==='checkbox'?'c':el.tagName==='TEXTAREA'||el.type==='text'?'t':''}function save(){var o={},i,el,c;for(i=0;i<f.elements.length;i++){el=f.elements[i];c=kind(el);if(!el.name||!c)continue;if(c==='c'){if(el.checked)(o[el.name]=o[el.name]||[]).push(el.value)}else if(el.value)o[el.name]=[el.value]}try{s.setItem(k,JSON.stringify(o))}catch(e){}}n.hidden=false;if(f.getAttribute('data-restore')==='1'){try{var d=JSON.parse(s.getItem(k)||'null'),any=false,i,el,v,c;if(d){for(i=0;i<f.elements.length;i++){el=f.elements[i];c=kind(el);v=el.name&&d.hasOwnProperty(el.name)?d[el.name]:null;if(!v||!c)continue;if(c==='c'){el.checked=v.indexOf(el.value)>=0;any=any||el.checked}else{el.value=v[0];any=true}}if(any)n.textContent=f.getAttribute('data-restored')}}catch(e){}}else save();f.addEventListener('input',save);f.addEventListener('change',save)})();`;

/** Removes the draft once the evaluation is in (or was already in). */
export const CLEAR_DRAFT_SCRIPT = `try{window.localStorage.removeItem('lianluo-draft:'+location.pathname)}catch(e){}`;

/** Props of {@link EvaluationPage}. */
export interface EvaluationPageProps {
  training: TrainingHead;
  definition: FormDefinition;
  courses: readonly Course[];
  locale: Locale;
  /** The raw form body after a failed submission; absent on a fresh visit. */
  values?: Readonly<Record<string, unknown>> | undefined;
  errors?: readonly FieldError[] | undefined;
}

/** The questionnaire page. */
export function EvaluationPage(props: EvaluationPageProps) {
  const { training, definition, locale } = props;
  const errors = props.errors ?? [];
  const formTitle = definition.title ? localize(definition.title, locale) : pt(locale, 'lang_label');
  const title = `${errors.length > 0 ? msg(locale, 'error_prefix') : ''}${formTitle} · ${training.title}`;
  return (
    <Page title={title} locale={locale} form script={DRAFT_SCRIPT}>
      <div class="ev-sheet ev-form-sheet">
        <h1 class="ev-title">{training.title}</h1>
        <p class="ev-meta">
          {formTitle} · {formatDays(training.startsOn, training.endsOn, locale)}
        </p>
        {training.place ? <p class="ev-meta">{pt(locale, 'place', { place: training.place })}</p> : null}
        {definition.intro ? <p class="ev-intro">{localize(definition.intro, locale)}</p> : null}
        <p class="ev-note" id="ev-draft" hidden>
          {pt(locale, 'draft_saved')}
        </p>
        <div class="lf-form">
          <ErrorSummary errors={errors} locale={locale} />
        </div>
        <form
          method="post"
          class="lf-form"
          id="ev-form"
          novalidate
          data-restore={props.values ? '0' : '1'}
          data-restored={pt(locale, 'draft_restored')}
        >
          <FormFields definition={definition} values={props.values} errors={errors} locale={locale} courses={props.courses} />
          <button type="submit" class="lf-button">
            {pt(locale, 'submit')}
          </button>
        </form>
      </div>
    </Page>
  );
}

/** Thank you: shown once, right after the answers were stored. */
export function ThanksPage(props: { locale: Locale; trainingTitle: string }) {
  const { locale } = props;
  return (
    <MessagePage
      locale={locale}
      tone="ok"
      title={pt(locale, 'thanks_title')}
      lines={[pt(locale, 'thanks_body')]}
      small={[props.trainingTitle, pt(locale, 'thanks_note')]}
      script={CLEAR_DRAFT_SCRIPT}
    />
  );
}

/** A second submission, or a visit after submitting: polite, and nothing changes. */
export function AlreadySubmittedPage(props: { locale: Locale; trainingTitle: string }) {
  const { locale } = props;
  return (
    <MessagePage
      locale={locale}
      tone="ok"
      title={pt(locale, 'already_title')}
      lines={[pt(locale, 'already_body')]}
      small={[props.trainingTitle, pt(locale, 'already_note')]}
      script={CLEAR_DRAFT_SCRIPT}
    />
  );
}

/** The evaluation is not open (not yet, or any more). */
export function NotOpenPage(props: { locale: Locale; trainingTitle: string; status: 'draft' | 'closed' }) {
  const { locale } = props;
  const closed = props.status === 'closed';
  return (
    <MessagePage
      locale={locale}
      title={pt(locale, closed ? 'closed_title' : 'not_open_title')}
      lines={[pt(locale, closed ? 'closed_body' : 'not_open_body')]}
      small={closed ? [props.trainingTitle, pt(locale, 'closed_note')] : [props.trainingTitle]}
    />
  );
}

/** An unknown or malformed token. */
export function LinkNotFoundPage(props: { locale: Locale }) {
  return (
    <MessagePage
      locale={props.locale}
      tone="warn"
      title={pt(props.locale, 'not_found_title')}
      lines={[pt(props.locale, 'not_found_body')]}
    />
  );
}
