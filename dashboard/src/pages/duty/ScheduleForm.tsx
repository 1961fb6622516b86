/**
 * Add or edit one line of a station's 排班: when it repeats (every n weeks from a first day,
 * a day of each month, or one date), which part of the day, and which deputies are on it.
 * The rota is picked from the deputies of the station's township, the station's own first.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { z } from 'zod';
import type { scheduleInput } from '../../../../worker/receptions/validation';
import { byId, call, client, query, type Station } from '../../api';
import { SelectField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { t } from '../../i18n';
import { useForm } from '../../use-form';
import { useResource } from '../../use-resource';
import { DateField } from '../opinions/fields';
import { chinaToday, PERIODS, RULES, type ScheduleRow } from './data';

type ScheduleBody = z.input<typeof scheduleInput>;

export interface ScheduleFormProps {
  schedule: ScheduleRow | null;
  stations: readonly Station[];
  /** Preselected station for a new line (the page's filter). */
  stationId: string;
  onSaved: () => void;
  onCancel: () => void;
}

export function ScheduleForm({ schedule, stations, stationId, onSaved, onCancel }: ScheduleFormProps) {
  const form = useForm('schedule', {
    stationId: String(schedule?.stationId ?? stationId),
    rule: schedule?.rule ?? 'monthly',
    everyWeeks: String(schedule?.everyWeeks ?? 1),
    dayOfMonth: String(schedule?.dayOfMonth ?? 15),
    period: schedule?.period ?? 'am',
    startsOn: schedule?.startsOn ?? chinaToday(),
    endsOn: schedule?.endsOn ?? '',
    note: schedule?.note ?? '',
  });
  const [rota, setRota] = useState<number[]>(schedule?.deputies.map((d) => d.id) ?? []);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const station = stations.find((s) => String(s.id) === form.values.stationId);
  const deputies = useResource(
    () =>
      station
        ? call(client.api.deputies.$get(query({ townshipId: station.townshipId, active: 'true', pageSize: 200 }))).then(
            (r) => r.items,
          )
        : Promise.resolve([]),
    [station?.townshipId],
  );
  // The station's own deputies first: they are the usual rota.
  const candidates = useMemo(() => {
    const items = deputies.data ?? [];
    const own = items.filter((d) => d.stationId === station?.id);
    return [...own, ...items.filter((d) => d.stationId !== station?.id)];
  }, [deputies.data, station?.id]);

  async function save(event: Event) {
    event.preventDefault();
    const v = form.values;
    const rule = RULES.find((r) => r === v.rule) ?? 'monthly';
    const body: ScheduleBody = {
      stationId: Number(v.stationId),
      rule,
      everyWeeks: Number(v.everyWeeks) || 1,
      dayOfMonth: rule === 'monthly' ? Number(v.dayOfMonth) || null : null,
      period: PERIODS.find((p) => p === v.period) ?? 'am',
      startsOn: v.startsOn,
      endsOn: v.endsOn || null,
      note: v.note,
      deputyIds: rota,
    };
    const ok = await form.submit(() => {
      if (!schedule) return call(client.api.receptions.schedules.$post({ json: body }));
      const { stationId: _station, ...patch } = body;
      return call(client.api.receptions.schedules[':id{[0-9]+}'].$patch(byId(schedule.id, patch)));
    });
    if (ok) onSaved();
  }

  const rule = form.values.rule;
  return (
    <section class="panel" aria-labelledby="schedule-form-title">
      <h2 id="schedule-form-title" ref={heading} tabIndex={-1}>
        {schedule ? t('duty.schedule.edit', { station: schedule.stationName }) : t('duty.schedule.new')}
      </h2>
      {form.message ? (
        <Notice tone="error">
          <p>{form.message}</p>
        </Notice>
      ) : null}
      <form onSubmit={save} noValidate>
        <div class="form-grid">
          <SelectField
            {...form.bind('stationId')}
            label={t('duty.log.station')}
            options={[
              { value: '', label: t('duty.entry.choose') },
              ...stations.map((s) => ({ value: String(s.id), label: `${s.townshipName} · ${s.name}` })),
            ]}
            disabled={schedule !== null}
            required
          />
          <SelectField
            {...form.bind('rule')}
            label={t('duty.schedule.rule')}
            options={RULES.map((r) => ({ value: r, label: t(`duty.rule.${r}`) }))}
          />
          {rule === 'weekly' ? (
            <SelectField
              {...form.bind('everyWeeks')}
              label={t('duty.schedule.everyWeeks')}
              options={[1, 2, 3, 4].map((n) => ({ value: String(n), label: t('duty.schedule.weeks', { n }) }))}
            />
          ) : null}
          {rule === 'monthly' ? (
            <SelectField
              {...form.bind('dayOfMonth')}
              label={t('duty.schedule.dayOfMonth')}
              options={Array.from({ length: 31 }, (_, i) => ({
                value: String(i + 1),
                label: t('duty.schedule.nth', { n: i + 1 }),
              }))}
              hint={t('duty.schedule.dayOfMonthHint')}
            />
          ) : null}
          <SelectField
            {...form.bind('period')}
            label={t('duty.schedule.period')}
            options={PERIODS.map((p) => ({ value: p, label: t(`duty.period.${p}`) }))}
          />
          <DateField
            {...form.bind('startsOn')}
            label={t(rule === 'dated' ? 'duty.schedule.date' : 'duty.schedule.startsOn')}
            hint={rule === 'weekly' ? t('duty.schedule.startsOnHint') : undefined}
            required
          />
          {rule !== 'dated' ? <DateField {...form.bind('endsOn')} label={t('duty.schedule.endsOn')} optional /> : null}
        </div>
        <fieldset class="field">
          <legend>{t('duty.schedule.rota')}</legend>
          {candidates.length === 0 ? <p class="hint">{t('duty.log.chooseStation')}</p> : null}
          <ul class="check-list columns">
            {candidates.map((d) => (
              <li key={d.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={rota.includes(d.id)}
                    onChange={(e) =>
                      setRota((prev) => (e.currentTarget.checked ? [...prev, d.id] : prev.filter((id) => id !== d.id)))
                    }
                  />{' '}
                  {d.name}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <TextField {...form.bind('note')} label={t('duty.schedule.note')} maxLength={200} optional />
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
