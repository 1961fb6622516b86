/**
 * Create or edit a deputy: POST /api/deputies with every field, or PATCH /api/deputies/:id
 * with only the changed ones (so the audit log shows what really changed). The station list
 * follows the chosen township, because a station belongs to exactly one township.
 */
import { useEffect, useRef } from 'preact/hooks';
import { byId, call, client, type Deputy, type DeputyInput, query, type Township } from '../../api';
import { SelectField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { t } from '../../i18n';
import { changedFields, useForm } from '../../use-form';
import { useResource } from '../../use-resource';
import { enumOptions, LEVELS, townshipOptions } from './shared';

export interface DeputyFormProps {
  /** The deputy to edit, or null to create one. */
  deputy: Deputy | null;
  townships: readonly Township[];
  /** Township staff can only place deputies in their own township. */
  lockedTownshipId: number | null;
  onSaved: () => void;
  onCancel: () => void;
}

export function DeputyForm({ deputy, townships, lockedTownshipId, onSaved, onCancel }: DeputyFormProps) {
  const form = useForm('deputy', {
    name: deputy?.name ?? '',
    level: deputy?.level ?? 'district',
    townshipId: String(deputy?.townshipId ?? lockedTownshipId ?? ''),
    stationId: deputy?.stationId ? String(deputy.stationId) : '',
    sector: deputy?.sector ?? '',
    phone: deputy?.phone ?? '',
  });
  const { townshipId } = form.values;
  const stations = useResource(
    () =>
      townshipId
        ? call(client.api.stations.$get(query({ townshipId, active: 'true' }))).then((r) => r.items)
        : Promise.resolve([]),
    [townshipId],
  );
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  async function save(event: Event) {
    event.preventDefault();
    const v = form.values;
    const body: DeputyInput = {
      name: v.name,
      level: v.level === 'township' ? 'township' : 'district',
      townshipId: Number(v.townshipId),
      stationId: v.stationId ? Number(v.stationId) : null,
      sector: v.sector,
      phone: v.phone,
    };
    const ok = await form.submit(() =>
      deputy
        ? call(client.api.deputies[':id{[0-9]+}'].$patch(byId(deputy.id, changedFields(deputy, body))))
        : call(client.api.deputies.$post({ json: body })),
    );
    if (ok) onSaved();
  }

  const stationOptions = [
    { value: '', label: t('deputies.noStation') },
    ...(stations.data ?? []).map((s) => ({ value: String(s.id), label: s.name })),
  ];
  // Keep a deputy's current station listed even if it was deactivated since.
  if (deputy?.stationId && deputy.stationName && !stationOptions.some((o) => o.value === String(deputy.stationId))) {
    stationOptions.push({ value: String(deputy.stationId), label: deputy.stationName });
  }

  return (
    <section class="panel" aria-labelledby="deputy-form-title">
      <h2 id="deputy-form-title" ref={heading} tabIndex={-1}>
        {deputy ? t('deputies.edit', { name: deputy.name }) : t('deputies.new')}
      </h2>
      {form.message ? (
        <Notice tone="error">
          <p>{form.message}</p>
        </Notice>
      ) : null}
      <form onSubmit={save} noValidate>
        <div class="form-grid">
          <TextField {...form.bind('name')} label={t('deputies.name')} required maxLength={40} autoComplete="off" />
          <SelectField {...form.bind('level')} label={t('deputies.level')} options={enumOptions('level', LEVELS)} required />
          <SelectField
            {...form.bind('townshipId')}
            onValue={(value) => {
              form.set('townshipId', value);
              form.set('stationId', '');
            }}
            label={t('deputies.township')}
            options={townshipOptions(townships, { value: '', label: '—' })}
            disabled={lockedTownshipId !== null}
            hint={lockedTownshipId !== null ? t('filter.locked') : undefined}
            required
          />
          <SelectField
            {...form.bind('stationId')}
            label={t('deputies.station')}
            options={stationOptions}
            disabled={!townshipId}
            hint={t('deputies.stationHint')}
            optional
          />
          <TextField {...form.bind('sector')} label={t('deputies.sector')} maxLength={40} optional />
          <TextField
            {...form.bind('phone')}
            label={t('deputies.phone')}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            hint={t('deputies.phoneHint')}
            required
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
