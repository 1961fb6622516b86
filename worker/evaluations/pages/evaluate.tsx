/** @jsxImportSource hono/jsx */
/**
 * The deputy's evaluation form (GET/POST /e/:token): the questionnaire rendered by the form
 * engine, one card per course, GOV.UK-style errors with every value kept. A tiny inline
 * script keeps a draft on the phone, so closing WeChat by mistake loses nothing; without
 * JavaScript the form works the same, just without the draft.
 */
import type { Course, FieldError, FormDefinition } from '../../forms';
import { LOGIC_SCRIPT } from '../../forms/logic-script';
import { localize, type Locale, msg } from '../../forms/messages';
import { carriedFields, formPages } from '../../forms/pages';
import { ErrorSummary, FormFields } from '../../forms/render';
import { CarriedInputs, PageButtons, ProgressLine } from '../../forms/render-pages';
import { pageProgress, shownPages } from '../../forms/step';
import { readAnswers } from '../../forms/validate';
import { formatDays, pt } from '../messages';
import { OPENED_SCRIPT } from '../opened';
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
export const DRAFT_SCRIPT = `(function(){var f=document.getElementById('ev-form'),n=document.getElementById('ev-draft'),s,k='lianluo-draft:'+location.pathname;if(!f||!n)return;try{s=window.localStorage;s.getItem(k)}catch(e){return}if(!s)return;function kind(el){if(!el.name||el.name.charAt(0)==='_')return'';return el.type==='radio'||el.type==='checkbox'?'c':el.tagName==='TEXTAREA'||el.tagName==='SELECT'||el.type==='text'||el.type==='date'||el.type==='hidden'?'t':''}function save(){var o={},i,el,c;for(i=0;i<f.elements.length;i++){el=f.elements[i];c=kind(el);if(!c)continue;if(c==='c'){if(el.checked)(o[el.name]=o[el.name]||[]).push(el.value)}else if(el.value)(o[el.name]=o[el.name]||[]).push(el.value)}try{s.setItem(k,JSON.stringify(o))}catch(e){}}n.hidden=false;if(f.getAttribute('data-restore')==='1'){try{var d=JSON.parse(s.getItem(k)||'null'),any=false,seen={},i,j,el,v,c,h;if(d){for(i=0;i<f.elements.length;i++){el=f.elements[i];c=kind(el);if(!c)continue;seen[el.name]=1;v=d.hasOwnProperty(el.name)?d[el.name]:null;if(!v)continue;if(c==='c'){el.checked=v.indexOf(el.value)>=0;any=any||el.checked}else{el.value=v[0];any=true}if(el.checked||c==='t'){try{el.dispatchEvent(new Event('change',{bubbles:true}))}catch(e){}}}for(j in d)if(d.hasOwnProperty(j)&&!seen[j]&&j.charAt(0)!=='_')for(i=0;i<d[j].length;i++){h=document.createElement('input');h.type='hidden';h.name=j;h.value=d[j][i];f.appendChild(h);any=true}if(any)n.textContent=f.getAttribute('data-restored')}}catch(e){}}else save();f.addEventListener('input',save);f.addEventListener('change',save)})();`;

/**
 * Every inline script of the questionnaire page, as one text: the draft keeper, the form
 * logic and the "opened" beacon. worker/index.ts allows exactly this text by its hash (CSP).
 */
export const EVALUATION_PAGE_SCRIPT = `${DRAFT_SCRIPT}\n${LOGIC_SCRIPT}\n${OPENED_SCRIPT}`;

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
  /** The page to show (index into formPages); the first page when absent. */
  page?: number | undefined;
  /** Days the deputy checked in; courses on other days are preset to 未参加. */
  attendedDays?: readonly string[] | undefined;
  /** A notice above everything (the builder's preview says nothing will be stored). */
  banner?: string | undefined;
}

/** The questionnaire page. */
export function EvaluationPage(props: EvaluationPageProps) {
  const { training, definition, locale } = props;
  const errors = props.errors ?? [];
  const values = props.values ?? {};
  const ctx = { courses: props.courses, locale };
  const pages = formPages(definition, props.courses);
  const shown = shownPages(pages, readAnswers(definition, values, ctx).hidden);
  const page = props.page ?? shown[0] ?? 0;
  const progress = pageProgress(shown, page);
  const formTitle = definition.title ? localize(definition.title, locale) : pt(locale, 'lang_label');
  const title = `${errors.length > 0 ? msg(locale, 'error_prefix') : ''}${formTitle} · ${training.title}`;
  return (
    <Page title={title} locale={locale} form script={EVALUATION_PAGE_SCRIPT}>
      <div class="ev-sheet ev-form-sheet">
        {props.banner ? <p class="ev-note ev-note--preview">{props.banner}</p> : null}
        <h1 class="ev-title">{training.title}</h1>
        <p class="ev-meta">
          {formTitle} · {formatDays(training.startsOn, training.endsOn, locale)}
        </p>
        {training.place ? <p class="ev-meta">{pt(locale, 'place', { place: training.place })}</p> : null}
        {definition.intro && progress.n === 1 ? <p class="ev-intro">{localize(definition.intro, locale)}</p> : null}
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
          <ProgressLine n={progress.n} total={progress.total} locale={locale} />
          <CarriedInputs page={page} carried={carriedFields(pages, page, values, props.courses)} />
          <FormFields
            definition={definition}
            values={props.values}
            errors={errors}
            locale={locale}
            courses={props.courses}
            attendedDays={props.attendedDays}
            page={page}
          />
          <PageButtons n={progress.n} total={progress.total} locale={locale} submitLabel={pt(locale, 'submit')} />
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
