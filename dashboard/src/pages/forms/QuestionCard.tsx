/**
 * One question of the builder: its type, wording, requiredness, options, limits and display
 * condition, with the Worker's problems shown beside the field they concern. The card itself
 * is focusable: Alt+↑ / Alt+↓ move it, and its handle drags it.
 */
import { t } from '../../i18n';
import {
  conditionTargets,
  type Definition,
  hasOptions,
  isContent,
  KINDS,
  type Kind,
  kindOf,
  type Loc,
  newOptionCode,
  moved,
  problemsOf,
  type Question,
  questionOf,
  type ShowIf,
} from './model';

/** Props of {@link QuestionCard}. */
export interface QuestionCardProps {
  def: Definition;
  index: number;
  problems: Readonly<Record<string, string>>;
  onChange: (q: Question) => void;
  onMove: (to: number, keepFocus?: boolean) => void;
  onDuplicate: () => void;
  onDelete: () => void;
  onDragStart: () => void;
  onDragEnd: () => void;
}

function Err(props: { text: string | undefined; id: string }) {
  return props.text ? (
    <p class="field-error" id={props.id}>
      {props.text}
    </p>
  ) : null;
}

function numberOrUndefined(value: string): number | undefined {
  const n = Number(value);
  return value.trim() === '' || !Number.isFinite(n) ? undefined : n;
}

/** A labelled number box (limits of a question). */
function NumberBox(props: {
  id: string;
  label: string;
  value: number | undefined;
  error?: string | undefined;
  onValue: (v: number | undefined) => void;
}) {
  return (
    <div class="field fb-small">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        inputMode="numeric"
        value={props.value === undefined ? '' : String(props.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
        onInput={(e) => props.onValue(numberOrUndefined(e.currentTarget.value))}
      />
      <Err text={props.error} id={`${props.id}-error`} />
    </div>
  );
}

export function QuestionCard(props: QuestionCardProps) {
  const { def, index } = props;
  const q = def.questions[index]!;
  const kind = kindOf(q);
  const base = `fb-${index}`;
  const problems = problemsOf(props.problems, index);
  const set = (patch: Partial<Question>) => props.onChange({ ...q, ...patch });
  const setLoc = (key: 'label' | 'help', lang: 'zh-CN' | 'en', value: string) => {
    const current: Loc = (q[key] as Loc | undefined) ?? { 'zh-CN': '' };
    const next: Loc = { ...current, [lang]: value };
    if (!next.en) delete next.en;
    // An empty optional help text is no help text at all.
    set({ [key]: key === 'help' && !next['zh-CN'] && !next.en ? undefined : next });
  };

  return (
    <section
      class="fb-card"
      id={`fb-card-${index}`}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the card takes focus so Alt+↑/↓ can move it.
      tabIndex={0}
      aria-labelledby={`${base}-heading`}
      onKeyDown={(e) => {
        if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
        e.preventDefault();
        props.onMove(index + (e.key === 'ArrowUp' ? -1 : 1), true);
      }}
    >
      <header class="fb-card__head">
        <span
          class="fb-handle"
          draggable
          aria-hidden="true"
          onDragStart={(e) => {
            e.dataTransfer?.setData('text/plain', String(index));
            props.onDragStart();
          }}
          onDragEnd={props.onDragEnd}
        >
          ⠿
        </span>
        <h3 id={`${base}-heading`}>
          {t('forms.builder.number', { n: index + 1 })} · {t(`forms.kind.${kind}`)}
        </h3>
        <div class="fb-tools">
          <button type="button" class="btn btn-quiet btn-small" disabled={index === 0} onClick={() => props.onMove(index - 1)}>
            {t('forms.builder.moveUp')}
          </button>
          <button
            type="button"
            class="btn btn-quiet btn-small"
            disabled={index === def.questions.length - 1}
            onClick={() => props.onMove(index + 1)}
          >
            {t('forms.builder.moveDown')}
          </button>
          <button type="button" class="btn btn-quiet btn-small" onClick={props.onDuplicate}>
            {t('forms.builder.duplicate')}
          </button>
          <button type="button" class="btn btn-danger btn-small" onClick={props.onDelete}>
            {t('forms.builder.delete')}
          </button>
        </div>
      </header>
      <div class="fb-grid">
        <div class="field">
          <label for={`${base}-type`}>{t('forms.builder.type')}</label>
          <select
            id={`${base}-type`}
            value={kind}
            onChange={(e) => {
              const next = e.currentTarget.value as Kind;
              props.onChange(questionOf(next, q.id, { label: '', option: (n) => t('forms.builder.newOption', { n }) }, q));
            }}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`forms.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        {!isContent(kind) ? (
          <label class="fb-check">
            <input type="checkbox" checked={q.required === true} onChange={(e) => set({ required: e.currentTarget.checked })} />
            {t('forms.builder.required')}
          </label>
        ) : null}
      </div>
      <div class="fb-grid">
        <div class="field">
          <label for={`${base}-label`}>{t('forms.builder.label')}</label>
          <input
            id={`${base}-label`}
            value={q.label['zh-CN']}
            aria-invalid={problems.get('label') ? true : undefined}
            aria-describedby={problems.get('label') ? `${base}-label-error` : undefined}
            onInput={(e) => setLoc('label', 'zh-CN', e.currentTarget.value)}
          />
          <Err text={problems.get('label')} id={`${base}-label-error`} />
        </div>
        <div class="field">
          <label for={`${base}-label-en`}>
            {t('forms.builder.labelEn')}
            <span class="optional">（{t('common.optional')}）</span>
          </label>
          <input
            id={`${base}-label-en`}
            lang="en"
            value={q.label.en ?? ''}
            onInput={(e) => setLoc('label', 'en', e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for={`${base}-help`}>
            {t('forms.builder.help')}
            <span class="optional">（{t('common.optional')}）</span>
          </label>
          <input
            id={`${base}-help`}
            value={q.help?.['zh-CN'] ?? ''}
            onInput={(e) => setLoc('help', 'zh-CN', e.currentTarget.value)}
          />
          <Err text={problems.get('help')} id={`${base}-help-error`} />
        </div>
      </div>
      {kind === 'section' ? (
        <label class="fb-check">
          <input
            type="checkbox"
            checked={q.newPage === true}
            onChange={(e) => set({ newPage: e.currentTarget.checked || undefined })}
          />
          {t('forms.builder.newPage')}
        </label>
      ) : null}
      {hasOptions(kind) && !q.optionsFrom ? <Options q={q} base={base} problems={problems} set={set} /> : null}
      {kind === 'multi' ? (
        <div class="fb-grid">
          <NumberBox
            id={`${base}-min`}
            label={t('forms.builder.min')}
            value={q.min}
            error={problems.get('min')}
            onValue={(min) => set({ min })}
          />
          <NumberBox
            id={`${base}-max`}
            label={t('forms.builder.max')}
            value={q.max}
            error={problems.get('max')}
            onValue={(max) => set({ max })}
          />
        </div>
      ) : null}
      {kind === 'textarea' ? (
        <div class="fb-grid">
          <NumberBox
            id={`${base}-minlength`}
            label={t('forms.builder.minLength')}
            value={q.minLength}
            error={problems.get('minLength')}
            onValue={(minLength) => set({ minLength })}
          />
          <NumberBox
            id={`${base}-maxlength`}
            label={t('forms.builder.maxLength')}
            value={q.maxLength}
            error={problems.get('maxLength')}
            onValue={(maxLength) => set({ maxLength })}
          />
        </div>
      ) : null}
      {kind === 'number' ? (
        <div class="fb-grid">
          <NumberBox
            id={`${base}-minv`}
            label={t('forms.builder.minValue')}
            value={q.min}
            error={problems.get('min')}
            onValue={(min) => set({ min })}
          />
          <NumberBox
            id={`${base}-maxv`}
            label={t('forms.builder.maxValue')}
            value={q.max}
            error={problems.get('max')}
            onValue={(max) => set({ max })}
          />
        </div>
      ) : null}
      {kind === 'course_block' ? (
        <>
          <p class="hint">{t('forms.builder.coursesHint')}</p>
          <label class="fb-check">
            <input
              type="checkbox"
              checked={q.perDay === true}
              onChange={(e) => set({ perDay: e.currentTarget.checked || undefined })}
            />
            {t('forms.builder.perDay')}
          </label>
        </>
      ) : null}
      {!isContent(kind) || kind === 'section' ? (
        <Condition def={def} index={index} q={q} base={base} error={problems.get('showIf')} set={set} />
      ) : null}
      {[...problems]
        .filter(([key]) => !KNOWN.has(key.split('.')[0] ?? ''))
        .map(([key, message]) => (
          <p class="field-error" key={key}>
            {message}
          </p>
        ))}
    </section>
  );
}

/** Problem keys shown beside their own field; any other is listed at the card's foot. */
const KNOWN = new Set(['label', 'help', 'options', 'min', 'max', 'minLength', 'maxLength', 'showIf']);

function Options(props: { q: Question; base: string; problems: Map<string, string>; set: (patch: Partial<Question>) => void }) {
  const { q, base, problems, set } = props;
  const options = q.options ?? [];
  const setOptions = (next: Question['options']) => set({ options: next });
  return (
    <fieldset class="fb-options">
      <legend>{t('forms.builder.options')}</legend>
      <Err text={problems.get('options')} id={`${base}-options-error`} />
      <ol>
        {options.map((o, j) => {
          const id = `${base}-opt-${j}`;
          const error = problems.get(`options.${j}`);
          return (
            <li key={o.code} class="fb-option">
              <label class="visually-hidden" for={id}>
                {t('forms.builder.option', { n: j + 1 })}
              </label>
              <input
                id={id}
                value={o.label['zh-CN']}
                aria-invalid={error ? true : undefined}
                onInput={(e) =>
                  setOptions(
                    options.map((x, k) => (k === j ? { ...x, label: { ...x.label, 'zh-CN': e.currentTarget.value } } : x)),
                  )
                }
              />
              <button
                type="button"
                class="btn btn-quiet btn-small"
                aria-label={`${t('forms.builder.moveUp')} ${j + 1}`}
                disabled={j === 0}
                onClick={() => setOptions(moved(options, j, j - 1))}
              >
                ↑
              </button>
              <button
                type="button"
                class="btn btn-quiet btn-small"
                aria-label={`${t('forms.builder.moveDown')} ${j + 1}`}
                disabled={j === options.length - 1}
                onClick={() => setOptions(moved(options, j, j + 1))}
              >
                ↓
              </button>
              <button
                type="button"
                class="btn btn-danger btn-small"
                aria-label={`${t('forms.builder.removeOption')} ${j + 1}`}
                onClick={() => setOptions(options.filter((_, k) => k !== j))}
              >
                ×
              </button>
              <Err text={error} id={`${id}-error`} />
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        class="btn btn-quiet btn-small"
        onClick={() =>
          setOptions([
            ...options,
            { code: newOptionCode(q), label: { 'zh-CN': t('forms.builder.newOption', { n: options.length + 1 }) } },
          ])
        }
      >
        {t('forms.builder.addOption')}
      </button>
      <label class="fb-check">
        <input
          type="checkbox"
          checked={q.other === true}
          onChange={(e) => set({ other: e.currentTarget.checked || undefined })}
        />
        {t('forms.builder.other')}
      </label>
    </fieldset>
  );
}

type Op = 'is' | 'includes' | 'atLeast' | 'atMost';

function opOf(cond: ShowIf): Op {
  return 'is' in cond ? 'is' : 'includes' in cond ? 'includes' : 'atLeast' in cond ? 'atLeast' : 'atMost';
}

/** "Show this question when …": an earlier question, an operator that suits it, a value. */
function Condition(props: {
  def: Definition;
  index: number;
  q: Question;
  base: string;
  error: string | undefined;
  set: (patch: Partial<Question>) => void;
}) {
  const { def, index, q, base, error, set } = props;
  const targets = conditionTargets(def, index);
  const cond = q.showIf;
  const target = cond ? def.questions.find((x) => x.id === cond.field) : undefined;
  const targetKind = target ? kindOf(target) : undefined;
  const choices =
    target && targetKind && hasOptions(targetKind)
      ? [
          ...(target.options ?? []).map((o) => ({ code: o.code, label: o.label['zh-CN'] })),
          ...(target.other ? [{ code: 'other', label: t('forms.builder.otherOption') }] : []),
        ]
      : [];
  const ops: Op[] = !targetKind
    ? []
    : targetKind === 'multi'
      ? ['includes']
      : hasOptions(targetKind)
        ? ['is']
        : ['atLeast', 'atMost'];
  const start = (field: string) => {
    const t2 = def.questions.find((x) => x.id === field);
    if (!t2) return set({ showIf: undefined });
    const k = kindOf(t2);
    const first = t2.options?.[0]?.code ?? 'other';
    set({
      showIf:
        k === 'multi'
          ? { field, includes: [first] }
          : hasOptions(k)
            ? { field, is: [first] }
            : { field, atLeast: k === 'nps' ? 9 : 4 },
    });
  };
  return (
    <fieldset class={error ? 'fb-cond fb-cond--error' : 'fb-cond'}>
      <legend>{t('forms.builder.condition')}</legend>
      {targets.length === 0 && !cond ? <p class="muted">{t('forms.builder.noTargets')}</p> : null}
      {targets.length > 0 || cond ? (
        <div class="fb-grid">
          <div class="field">
            <label for={`${base}-when`}>{t('forms.builder.whenField')}</label>
            <select id={`${base}-when`} value={cond?.field ?? ''} onChange={(e) => start(e.currentTarget.value)}>
              <option value="">{t('forms.builder.always')}</option>
              {targets.map((x) => (
                <option key={x.id} value={x.id}>
                  {def.questions.indexOf(x) + 1}. {x.label['zh-CN']}
                </option>
              ))}
            </select>
          </div>
          {cond ? (
            <div class="field">
              <label for={`${base}-op`}>{t('forms.builder.opLabel')}</label>
              <select
                id={`${base}-op`}
                value={opOf(cond)}
                onChange={(e) => {
                  const op = e.currentTarget.value as Op;
                  const n = 'atLeast' in cond ? cond.atLeast : 'atMost' in cond ? cond.atMost : 4;
                  set({ showIf: op === 'atLeast' ? { field: cond.field, atLeast: n } : { field: cond.field, atMost: n } });
                }}
              >
                {ops.map((op) => (
                  <option key={op} value={op}>
                    {t(`forms.builder.op.${op}`)}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {cond && ('is' in cond || 'includes' in cond) ? (
            <div class="field">
              <label for={`${base}-value`}>{t('forms.builder.value')}</label>
              <select
                id={`${base}-value`}
                value={('is' in cond ? cond.is : cond.includes)[0] ?? ''}
                onChange={(e) => {
                  const v = [e.currentTarget.value];
                  set({ showIf: 'is' in cond ? { field: cond.field, is: v } : { field: cond.field, includes: v } });
                }}
              >
                {choices.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.label}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {cond && ('atLeast' in cond || 'atMost' in cond) ? (
            <NumberBox
              id={`${base}-value`}
              label={t('forms.builder.value')}
              value={'atLeast' in cond ? cond.atLeast : cond.atMost}
              onValue={(v) =>
                set({
                  showIf: 'atLeast' in cond ? { field: cond.field, atLeast: v ?? 0 } : { field: cond.field, atMost: v ?? 0 },
                })
              }
            />
          ) : null}
        </div>
      ) : null}
      <Err text={error} id={`${base}-cond-error`} />
    </fieldset>
  );
}
