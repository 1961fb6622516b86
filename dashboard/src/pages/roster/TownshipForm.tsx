/**
 * Create or edit a township/sub-district: POST /api/townships or PATCH /api/townships/:id
 * with the changed fields. Only district-wide editors reach this form.
 */
import { useEffect, useRef } from 'preact/hooks';
import { byId, call, client, type Township, type TownshipInput } from '../../api';
import { SelectField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { t } from '../../i18n';
import { changedFields, useForm } from '../../use-form';
import { enumOptions, TOWNSHIP_KINDS } from './shared';

export interface TownshipFormProps {
  township: Township | null;
  onSaved: () => void;
  onCancel: () => void;
}

function asKind(value: string): TownshipInput['kind'] {
  return TOWNSHIP_KINDS.find((k) => k === value) ?? 'town';
}

export function TownshipForm({ township, onSaved, onCancel }: TownshipFormProps) {
  const form = useForm('township', {
    code: township?.code ?? '',
    name: township?.name ?? '',
    kind: township?.kind ?? 'town',
    sortOrder: String(township?.sortOrder ?? 0),
  });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  async function save(event: Event) {
    event.preventDefault();
    const v = form.values;
    const body: TownshipInput = {
      code: v.code,
      name: v.name,
      kind: asKind(v.kind),
      // An unparsable number goes to the Worker as is, so its message names the field.
      sortOrder: v.sortOrder.trim() === '' ? 0 : Number(v.sortOrder),
    };
    const ok = await form.submit(() =>
      township
        ? call(client.api.townships[':id{[0-9]+}'].$patch(byId(township.id, changedFields(township, body))))
        : call(client.api.townships.$post({ json: body })),
    );
    if (ok) onSaved();
  }

  return (
    <section class="panel" aria-labelledby="township-form-title">
      <h2 id="township-form-title" ref={heading} tabIndex={-1}>
        {township ? t('townships.edit', { name: township.name }) : t('townships.new')}
      </h2>
      {form.message ? (
        <Notice tone="error">
          <p>{form.message}</p>
        </Notice>
      ) : null}
      <form onSubmit={save} noValidate>
        <div class="form-grid">
          <TextField {...form.bind('name')} label={t('townships.name')} required maxLength={40} autoComplete="off" />
          <SelectField {...form.bind('kind')} label={t('townships.kind')} options={enumOptions('kind', TOWNSHIP_KINDS)} />
          <TextField
            {...form.bind('code')}
            label={t('townships.code')}
            required
            maxLength={20}
            autoComplete="off"
            hint={t('townships.codeHint')}
          />
          <TextField
            {...form.bind('sortOrder')}
            label={t('townships.sortOrder')}
            type="number"
            inputMode="numeric"
            hint={t('townships.sortHint')}
          />
        </div>
        <div class="form-actions">
          <button type="submit" class="btn" disabled={form.busy}>
            {t(form.busy ? 'common.saving' : 'common.save')}
          </button>
          <button type="button" class="btn btn-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
