/**
 * The visual form builder: questions as cards you add, duplicate, delete and reorder (buttons,
 * Alt+↑/↓, or drag with the mouse), each with its type, wording (Chinese, English beside it
 * optional), requiredness, options with “其他（请注明）”, limits and a display condition.
 * Every change is checked by the Worker's own schema (problems in Chinese beside the field at
 * fault) and shown in the live phone preview; the last change can be undone; unsaved work is
 * kept in localStorage until it is saved or discarded. Nobody types JSON or ids.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, call, client } from '../../api';
import { Notice } from '../../components/Notice';
import { t } from '../../i18n';
import { useResource } from '../../use-resource';
import { QuestionCard } from './QuestionCard';
import { PhonePreview } from './PhonePreview';
import {
  cleaned,
  type Definition,
  KINDS,
  type Kind,
  moved,
  newQuestionId,
  questionOf,
  withDuplicate,
  withoutQuestion,
  withQuestion,
} from './model';
import './builder.css';

/** Props of {@link FormBuilder}. */
export interface FormBuilderProps {
  initial: Definition;
  /** localStorage key of the unsaved draft; include the version it started from. */
  storageKey: string;
  /** The current version has answers: saving makes the next version (said before the first change). */
  frozen?: { responses: number; version: number } | undefined;
  onSave: (definition: Definition) => Promise<void>;
}

const HISTORY = 50;

function readDraft(key: string): Definition | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Definition) : null;
  } catch {
    return null;
  }
}

/** The builder with its preview beside it. */
export function FormBuilder(props: FormBuilderProps) {
  const [restored] = useState(() => readDraft(props.storageKey));
  const [def, setDef] = useState<Definition>(restored ?? props.initial);
  const [history, setHistory] = useState<Definition[]>([]);
  const [dirty, setDirty] = useState(restored !== null);
  const [kind, setKind] = useState<Kind>('scale5');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [checking, setChecking] = useState(false);
  const [preview, setPreview] = useState<{ token: string; url: string; n: number } | null>(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [drag, setDrag] = useState<number | null>(null);
  const templates = useResource(() => call(client.api.forms.templates.$get()).then((r) => r.items), []);
  const [template, setTemplate] = useState('');
  const tokenRef = useRef<string | null>(null);
  const focusRef = useRef<number | null>(null);

  /** Every edit goes through here: undo history, dirty flag, the draft kept on this computer. */
  function change(next: Definition) {
    setHistory((h) => [...h.slice(-(HISTORY - 1)), def]);
    setDef(next);
    setDirty(true);
    setNotice(null);
  }

  function undo() {
    const last = history[history.length - 1];
    if (!last) return;
    setHistory(history.slice(0, -1));
    setDef(last);
    setDirty(true);
  }

  useEffect(() => {
    if (!dirty) return;
    try {
      window.localStorage.setItem(props.storageKey, JSON.stringify(def));
    } catch {
      // Storage full or blocked: the work is still on the screen.
    }
  }, [def, dirty, props.storageKey]);

  // Check and preview, a moment after the last keystroke.
  useEffect(() => {
    setChecking(true);
    const timer = window.setTimeout(async () => {
      const json = { kind: 'questionnaire' as const, definition: cleaned(def) };
      try {
        const token = tokenRef.current;
        // The Worker reads the body itself (jsonBody), so the RPC types carry no `json`: pass it as data.
        const args = { param: { token: token ?? '' }, json };
        const res = token
          ? await call(client.api.forms.previews[':token'].$put(args))
          : await call(client.api.forms.previews.$post(args));
        tokenRef.current = res.token;
        setProblems({});
        setPreview((p) => ({ token: res.token, url: res.url, n: (p?.n ?? 0) + 1 }));
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) tokenRef.current = null;
        setProblems(err instanceof ApiError ? err.fields : {});
      } finally {
        setChecking(false);
      }
    }, 500);
    return () => window.clearTimeout(timer);
  }, [def]);

  // Ctrl+Z undoes, unless the cursor is in a text box (where the browser's own undo belongs).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
      if ((e.ctrlKey || e.metaKey) && e.key === 'z' && !e.shiftKey && !typing) {
        e.preventDefault();
        undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // After a keyboard move, keep the focus on the card that moved.
  useEffect(() => {
    if (focusRef.current === null) return;
    document.getElementById(`fb-card-${focusRef.current}`)?.focus();
    focusRef.current = null;
  });

  function move(from: number, to: number, keepFocus = false) {
    if (to < 0 || to >= def.questions.length) return;
    change({ ...def, questions: moved(def.questions, from, to) });
    if (keepFocus) focusRef.current = to;
  }

  function add() {
    const q = questionOf(kind, newQuestionId(def), {
      label: t('forms.builder.newLabel'),
      option: (n) => t('forms.builder.newOption', { n }),
    });
    change({ ...def, questions: [...def.questions, q] });
    focusRef.current = def.questions.length;
  }

  async function save() {
    setBusy(true);
    setNotice(null);
    try {
      await props.onSave(cleaned(def));
      window.localStorage.removeItem(props.storageKey);
      setDirty(false);
      setHistory([]);
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(0, 'unknown', t('error.unknown'));
      setNotice({ tone: 'error', text: e.message });
      setProblems(e.fields);
    } finally {
      setBusy(false);
    }
  }

  function discard() {
    window.localStorage.removeItem(props.storageKey);
    setDef(props.initial);
    setHistory([]);
    setDirty(false);
  }

  const problemCount = Object.keys(problems).length;
  const general = Object.entries(problems).filter(([path]) => !path.startsWith('questions.') || /^questions$/.test(path));
  return (
    <div class="fb">
      <div class="fb-editor">
        {props.frozen && props.frozen.responses > 0 ? (
          <Notice tone="info">
            <p>
              {t('forms.builder.frozen', {
                n: props.frozen.responses,
                version: props.frozen.version,
                next: props.frozen.version + 1,
              })}
            </p>
          </Notice>
        ) : null}
        {restored && dirty ? (
          <Notice tone="info">
            <p>
              {t('forms.builder.restored')}{' '}
              <button type="button" class="btn-link" onClick={discard}>
                {t('forms.builder.discard')}
              </button>
            </p>
          </Notice>
        ) : null}
        {templates.data ? (
          <div class="fb-add">
            <label for="fb-template">{t('forms.builder.template')}</label>
            <select
              id="fb-template"
              value={template}
              aria-describedby="fb-template-hint"
              onChange={(e) => setTemplate(e.currentTarget.value)}
            >
              <option value="" />
              {templates.data.map((tpl) => (
                <option key={tpl.code} value={tpl.code}>
                  {tpl.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              class="btn btn-secondary"
              disabled={template === ''}
              onClick={() => {
                const tpl = templates.data?.find((x) => x.code === template);
                if (tpl) change(structuredClone(tpl.definition) as unknown as Definition);
              }}
            >
              {t('forms.builder.useTemplate')}
            </button>
            <p class="hint" id="fb-template-hint">
              {t('forms.builder.templateHint')}
            </p>
          </div>
        ) : null}
        <div class="field">
          <label for="fb-title">{t('forms.builder.title')}</label>
          <input
            id="fb-title"
            value={def.title?.['zh-CN'] ?? ''}
            aria-invalid={problems['title.zh-CN'] ? true : undefined}
            onInput={(e) => change({ ...def, title: { ...def.title, 'zh-CN': e.currentTarget.value } })}
          />
          {problems['title.zh-CN'] ? <p class="field-error">{problems['title.zh-CN']}</p> : null}
        </div>
        <p class="hint">{t('forms.builder.keyboard')}</p>
        {def.questions.length === 0 ? <p class="muted">{t('forms.builder.empty')}</p> : null}
        <ol class="fb-list">
          {def.questions.map((q, i) => (
            <li
              key={q.id}
              class={drag === i ? 'fb-item fb-item--drag' : 'fb-item'}
              onDragOver={(e) => {
                if (drag !== null) e.preventDefault();
              }}
              onDrop={(e) => {
                e.preventDefault();
                if (drag !== null && drag !== i) move(drag, i);
                setDrag(null);
              }}
            >
              <QuestionCard
                def={def}
                index={i}
                problems={problems}
                onChange={(next) => change(withQuestion(def, i, next))}
                onMove={(to, keepFocus) => move(i, to, keepFocus)}
                onDuplicate={() => change(withDuplicate(def, i, t('forms.builder.copySuffix')))}
                onDelete={() => change(withoutQuestion(def, i))}
                onDragStart={() => setDrag(i)}
                onDragEnd={() => setDrag(null)}
              />
            </li>
          ))}
        </ol>
        <div class="fb-add">
          <label for="fb-kind">{t('forms.builder.addKind')}</label>
          <select id="fb-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as Kind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`forms.kind.${k}`)}
              </option>
            ))}
          </select>
          <button type="button" class="btn btn-secondary" onClick={add}>
            {t('forms.builder.add')}
          </button>
        </div>
        <div class="fb-status" role="status">
          {checking ? (
            <p class="muted">{t('forms.builder.checking')}</p>
          ) : problemCount > 0 ? (
            <div class="field-error">
              <p>{t('forms.builder.problems', { n: problemCount })}</p>
              {general.length > 0 ? (
                <ul>
                  {general.map(([path, message]) => (
                    <li key={path}>{message}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : (
            <p class="fb-ok">{t('forms.builder.valid')}</p>
          )}
          {dirty ? <p class="muted">{t('forms.builder.unsaved')}</p> : null}
        </div>
        {notice ? (
          <Notice tone={notice.tone}>
            <p>{notice.text}</p>
          </Notice>
        ) : null}
        <div class="form-actions">
          <button type="button" class="btn" disabled={busy || !dirty || problemCount > 0} onClick={save}>
            {busy ? t('forms.builder.saving') : t('forms.builder.save')}
          </button>
          <button
            type="button"
            class="btn btn-secondary"
            disabled={history.length === 0}
            title={t('forms.builder.undoHint')}
            onClick={undo}
          >
            {t('forms.builder.undo')}
          </button>
        </div>
      </div>
      <PhonePreview preview={preview} stale={problemCount > 0} />
    </div>
  );
}
