/**
 * One opinion typed for a resident (代录): how it came in, its category and text, where, and
 * — only with the resident's consent — a name and phone number. Errors come from the Worker
 * as `opinions.<i>.<field>`.
 */
import { SelectField, TextField } from '../../components/Field';
import { t } from '../../i18n';
import { TextArea } from '../opinions/fields';
import { CHANNELS, type Channel } from './data';

/** The values of one entry, as the inputs hold them. */
export interface Entry {
  channel: Channel;
  category: string;
  body: string;
  place: string;
  reporterName: string;
  reporterPhone: string;
  consent: boolean;
}

/** A blank entry; at a session the channel is 进站接待. */
export function blankEntry(channel: Channel = 'reception'): Entry {
  return { channel, category: '', body: '', place: '', reporterName: '', reporterPhone: '', consent: false };
}

export interface ProxyEntryProps {
  index: number;
  entry: Entry;
  categories: readonly { code: string; name: string }[];
  errors: Readonly<Record<string, string>>;
  onChange: (entry: Entry) => void;
  onRemove: () => void;
  /** Show the channel choice (outside a session everything but 进站接待 is possible too). */
  showChannel?: boolean;
}

export function ProxyEntry({ index, entry, categories, errors, onChange, onRemove, showChannel = true }: ProxyEntryProps) {
  const id = (name: string) => `entry-${index}-${name}`;
  const error = (name: string) => errors[`opinions.${index}.${name}`];
  const set = <K extends keyof Entry>(name: K, value: Entry[K]) => onChange({ ...entry, [name]: value });
  return (
    <fieldset class="panel proxy-entry">
      <legend>{t('duty.entry.legend', { n: index + 1 })}</legend>
      <div class="form-grid">
        {showChannel ? (
          <SelectField
            id={id('channel')}
            label={t('duty.entry.channel')}
            value={entry.channel}
            onValue={(v) => set('channel', CHANNELS.find((c) => c === v) ?? 'reception')}
            options={CHANNELS.map((c) => ({ value: c, label: t(`duty.channel.${c}`) }))}
            error={error('channel')}
          />
        ) : null}
        <SelectField
          id={id('category')}
          label={t('duty.entry.category')}
          value={entry.category}
          onValue={(v) => set('category', v)}
          options={[{ value: '', label: t('duty.entry.choose') }, ...categories.map((c) => ({ value: c.code, label: c.name }))]}
          error={error('category')}
          required
        />
      </div>
      <TextArea
        id={id('body')}
        label={t('duty.entry.body')}
        hint={t('duty.entry.bodyHint')}
        value={entry.body}
        onValue={(v) => set('body', v)}
        rows={4}
        maxLength={2000}
        error={error('body')}
        required
      />
      <div class="form-grid">
        <TextField
          id={id('place')}
          label={t('duty.entry.place')}
          value={entry.place}
          onValue={(v) => set('place', v)}
          maxLength={100}
          error={error('place')}
          optional
        />
        <TextField
          id={id('reporterName')}
          label={t('duty.entry.name')}
          value={entry.reporterName}
          onValue={(v) => set('reporterName', v)}
          maxLength={50}
          autoComplete="off"
          error={error('reporterName')}
          optional
        />
        <TextField
          id={id('reporterPhone')}
          type="tel"
          inputMode="tel"
          label={t('duty.entry.phone')}
          value={entry.reporterPhone}
          onValue={(v) => set('reporterPhone', v)}
          maxLength={20}
          autoComplete="off"
          error={error('reporterPhone')}
          optional
        />
      </div>
      <div class={`field check${error('consent') ? ' has-error' : ''}`}>
        <label>
          <input
            type="checkbox"
            id={id('consent')}
            checked={entry.consent}
            aria-invalid={error('consent') ? true : undefined}
            aria-describedby={error('consent') ? `${id('consent')}-error` : undefined}
            onChange={(e) => set('consent', e.currentTarget.checked)}
          />{' '}
          {t('duty.entry.consent')}
        </label>
        {error('consent') ? (
          <p class="field-error" id={`${id('consent')}-error`}>
            {error('consent')}
          </p>
        ) : null}
      </div>
      <div class="form-actions">
        <button type="button" class="btn btn-secondary btn-small" onClick={onRemove}>
          {t('duty.entry.remove')}
        </button>
      </div>
    </fieldset>
  );
}
