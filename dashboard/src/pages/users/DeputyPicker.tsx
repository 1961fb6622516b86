/**
 * Picks the roster deputy a deputy account belongs to: type a name or phone number, then
 * choose one of the active deputies found (GET /api/deputies?q=). Results are radio buttons,
 * so the choice works with a keyboard, a screen reader and a thumb alike; the township and
 * the phone number's last digits tell two deputies with the same name apart.
 */
import { useEffect, useState } from 'preact/hooks';
import { call, client, query } from '../../api';
import { t, tEnum } from '../../i18n';
import { useResource } from '../../use-resource';

/** Waits this long after the last keystroke before searching (slow rural connections). */
const DEBOUNCE_MS = 300;
const MAX_RESULTS = 10;

export interface DeputyPickerProps {
  /** Base id; the search box gets `${id}-search`, the error `${id}-error`. */
  id: string;
  /** The chosen deputy's id, or '' for none. */
  value: string;
  /** How the chosen deputy is shown (e.g. 王建国 · 城关街道), or null for none. */
  label: string | null;
  error?: string | undefined;
  onPick: (id: string, label: string) => void;
}

export function DeputyPicker({ id, value, label, error, onPick }: DeputyPickerProps) {
  const [text, setText] = useState('');
  const [term, setTerm] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setTerm(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const results = useResource(
    () =>
      term
        ? call(client.api.deputies.$get(query({ q: term, active: 'true', pageSize: MAX_RESULTS }))).then((r) => r.items)
        : Promise.resolve(null),
    [term],
  );
  const searchId = `${id}-search`;
  const described = [`${id}-picked`, `${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');

  return (
    <fieldset class="deputy-picker">
      <legend>{t('users.deputy')}</legend>
      <p class={label ? 'picked' : 'picked muted'} id={`${id}-picked`} aria-live="polite">
        {label ? t('users.deputySelected', { name: label }) : t('users.deputyNone')}
      </p>
      <div class="field">
        <label for={searchId}>{t('users.deputySearch')}</label>
        <input
          id={searchId}
          type="search"
          value={text}
          autoComplete="off"
          maxLength={60}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            // Enter searches now instead of submitting the whole account form.
            if (e.key === 'Enter') {
              e.preventDefault();
              setTerm(text.trim());
            }
          }}
        />
        <p class="hint" id={`${id}-hint`}>
          {t('users.deputySearchHint')}
        </p>
        {error ? (
          <p class="field-error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
      </div>
      {term && results.loading ? (
        <p class="muted" role="status">
          {t('common.loading')}
        </p>
      ) : null}
      {results.error ? <p class="field-error">{results.error.message}</p> : null}
      {term && results.data && !results.loading ? (
        results.data.length === 0 ? (
          <p class="muted" role="status">
            {t('users.deputyNoResults')}
          </p>
        ) : (
          <div class="deputy-results" role="radiogroup" aria-label={t('users.deputyResults')}>
            {results.data.map((d) => {
              const picked = `${d.name} · ${d.townshipName}`;
              return (
                <label key={d.id}>
                  <input
                    type="radio"
                    name={`${id}-choice`}
                    value={String(d.id)}
                    checked={String(d.id) === value}
                    onChange={() => onPick(String(d.id), picked)}
                  />
                  <span>
                    <strong>{d.name}</strong>
                    <span class="muted">
                      {' · '}
                      {d.townshipName} · {tEnum('level', d.level)}
                      {d.phone ? ` · ${t('users.phoneTail', { digits: d.phone.slice(-4) })}` : ''}
                    </span>
                  </span>
                </label>
              );
            })}
          </div>
        )
      ) : null}
    </fieldset>
  );
}
