/**
 * 登记接待: logging a duty session from a phone in under a minute. The station, the day and
 * the deputies present come preselected from the duty schedule (or from the link on the
 * start page); the person fills in how many residents came, a note, and the opinions taken
 * down for them (代录), which enter the normal workflow. One save stores it all; a retried
 * save (bad network) is recognised by the form's key and stored once.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import type { z } from 'zod';
import type { receptionInput } from '../../../../worker/receptions/validation';
import { ApiError, call, client, query } from '../../api';
import { useAuth } from '../../auth';
import { SelectField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { t } from '../../i18n';
import { useResource } from '../../use-resource';
import { DateField, TextArea } from '../opinions/fields';
import { addDays, chinaToday, type DutyDay, dutyDayLabel, formatTrackingCode, newSubmissionKey } from './data';
import { blankEntry, type Entry, ProxyEntry } from './ProxyEntry';
import './duty.css';

type ReceptionBody = z.input<typeof receptionInput>;

interface Person {
  id: number;
  name: string;
}

/** The duty day to preselect: the one the link names, else today's unlogged, else the latest unlogged. */
export function pickDuty(items: readonly DutyDay[], today: string, wanted: { station?: string; day?: string }): DutyDay | null {
  const named = items.find((d) => String(d.stationId) === wanted.station && d.day === wanted.day);
  if (named) return named;
  const past = items.filter((d) => d.day <= today && !d.logged);
  return past.find((d) => d.day === today) ?? past[past.length - 1] ?? null;
}

export default function LogReceptionPage() {
  const { user } = useAuth();
  const { query: params, route } = useLocation();
  const today = chinaToday();
  const isDeputy = user.role === 'deputy';

  // The past week of duty: a session is often written up later the same day or the next.
  const duty = useResource(() => call(client.api.receptions.duty.$get(query({ from: addDays(today, -6), days: 7 }))), []);
  const schedules = useResource(() => call(client.api.receptions.schedules.$get(query({}))), []);
  const stations = useResource(
    () => (isDeputy ? Promise.resolve({ items: [] }) : call(client.api.stations.$get(query({ active: 'true' })))),
    [],
  );
  const categories = useResource(() => call(client.api.opinions.categories.$get()), []);

  const [stationId, setStationId] = useState('');
  const [day, setDay] = useState(today);
  const [present, setPresent] = useState<number[]>([]);
  const [residents, setResidents] = useState('');
  const [notes, setNotes] = useState('');
  const [entries, setEntries] = useState<Entry[]>([]);
  const [key, setKey] = useState(newSubmissionKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<{ codes: string[]; station: string; day: string } | null>(null);

  // Preselect once the duty calendar is in.
  useEffect(() => {
    if (!duty.data || stationId) return;
    const picked = pickDuty(duty.data.items, today, { station: params.station, day: params.day });
    if (picked) {
      setStationId(String(picked.stationId));
      setDay(picked.day);
      setPresent(picked.deputies.map((d) => d.id));
    } else if (params.station) {
      setStationId(params.station);
    }
  }, [duty.data]);

  // A deputy logs for the stations of their rotas; staff for any station of their scope.
  const stationOptions = useMemo(() => {
    if (!isDeputy)
      return (stations.data?.items ?? []).map((s) => ({ value: String(s.id), label: `${s.townshipName} · ${s.name}` }));
    const seen = new Map<number, string>();
    for (const s of schedules.data?.items ?? []) seen.set(s.stationId, s.stationName);
    return [...seen].map(([id, name]) => ({ value: String(id), label: name }));
  }, [stations.data, schedules.data]);

  const stationDeputies = useResource(
    () =>
      isDeputy || !stationId
        ? Promise.resolve({ items: [] as Person[] })
        : call(client.api.deputies.$get(query({ stationId, active: 'true', pageSize: 200 }))),
    [stationId],
  );

  // Who may be ticked: the rotas of this station, its own deputies, and (for a deputy) themself.
  const people = useMemo(() => {
    const byId = new Map<number, string>();
    for (const s of schedules.data?.items ?? []) {
      if (String(s.stationId) === stationId) for (const d of s.deputies) byId.set(d.id, d.name);
    }
    for (const d of stationDeputies.data?.items ?? []) byId.set(d.id, d.name);
    if (isDeputy && user.deputyId !== null && !byId.has(user.deputyId)) byId.set(user.deputyId, user.displayName);
    return [...byId].map(([id, name]) => ({ id, name }));
  }, [schedules.data, stationDeputies.data, stationId]);

  function toggle(id: number, on: boolean) {
    setPresent((prev) => (on ? [...new Set([...prev, id])] : prev.filter((p) => p !== id)));
  }

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body: ReceptionBody = {
      stationId: Number(stationId),
      day,
      deputyIds: present,
      residentsReceived: residents === '' ? -1 : Number(residents),
      notes,
      submissionKey: key,
      opinions: entries.map((e) => ({ ...e })),
    };
    try {
      const res = await call(client.api.receptions.$post({ json: body }));
      const station = stationOptions.find((o) => o.value === stationId)?.label ?? '';
      setDone({ codes: res.trackingCodes, station, day });
      duty.reload();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', t('error.unknown')));
    } finally {
      setBusy(false);
    }
  }

  function again() {
    setDone(null);
    setResidents('');
    setNotes('');
    setEntries([]);
    setKey(newSubmissionKey());
  }

  if (done) {
    return (
      <>
        <PageHeader title={t('duty.log.title')} />
        <Notice tone="success">
          <p>{t('duty.log.saved', { station: done.station, day: dutyDayLabel(done.day) })}</p>
          {done.codes.length > 0 ? (
            <>
              <p>{t('duty.log.codes')}</p>
              <ul class="code-list">
                {done.codes.map((c) => (
                  <li key={c} class="code">
                    {formatTrackingCode(c)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Notice>
        <div class="form-actions">
          <button type="button" class="btn" onClick={() => route(isDeputy ? '/my' : '/duty')}>
            {t('duty.log.back')}
          </button>
          <button type="button" class="btn btn-secondary" onClick={again}>
            {t('duty.log.another')}
          </button>
        </div>
      </>
    );
  }

  const fields = error?.fields ?? {};
  const loading = duty.loading && !duty.data;
  return (
    <>
      <PageHeader title={t('duty.log.title')} />
      <p class="muted">{t('duty.log.lead')}</p>
      {duty.error ? (
        <Notice tone="error">
          <p>{duty.error.message}</p>
        </Notice>
      ) : null}
      {loading ? (
        <p class="loading" role="status">
          {t('common.loading')}
        </p>
      ) : null}
      {error ? (
        <Notice tone="error">
          <p>{error.message}</p>
        </Notice>
      ) : null}
      {!loading ? (
        <form class="log-form" onSubmit={save} noValidate>
          <section class="panel">
            <SelectField
              id="log-station"
              label={t('duty.log.station')}
              value={stationId}
              onValue={(v) => {
                setStationId(v);
                setPresent(isDeputy && user.deputyId !== null ? [user.deputyId] : []);
              }}
              options={[{ value: '', label: t('duty.entry.choose') }, ...stationOptions]}
              error={fields.stationId}
              required
            />
            {isDeputy && stationOptions.length === 0 ? <p class="hint">{t('duty.log.noRota')}</p> : null}
            <DateField id="log-day" label={t('duty.log.day')} value={day} onValue={setDay} error={fields.day} required />
            <fieldset class="field deputies-present" aria-describedby={fields.deputyIds ? 'log-deputies-error' : undefined}>
              <legend>{t('duty.log.present')}</legend>
              {people.length === 0 ? <p class="hint">{t('duty.log.chooseStation')}</p> : null}
              <ul class="check-list">
                {people.map((p) => (
                  <li key={p.id}>
                    <label>
                      <input
                        type="checkbox"
                        checked={present.includes(p.id)}
                        onChange={(e) => toggle(p.id, e.currentTarget.checked)}
                      />{' '}
                      {p.name}
                    </label>
                  </li>
                ))}
              </ul>
              {fields.deputyIds ? (
                <p class="field-error" id="log-deputies-error">
                  {fields.deputyIds}
                </p>
              ) : null}
            </fieldset>
            <TextField
              id="log-residents"
              type="number"
              inputMode="numeric"
              label={t('duty.log.residents')}
              value={residents}
              onValue={setResidents}
              error={fields.residentsReceived}
              required
            />
            <TextArea
              id="log-notes"
              label={t('duty.log.notes')}
              value={notes}
              onValue={setNotes}
              maxLength={500}
              rows={2}
              error={fields.notes}
              optional
            />
          </section>
          <h2 class="section-title">{t('duty.log.opinions')}</h2>
          <p class="hint">{t('duty.log.opinionsHint')}</p>
          {entries.map((entry, i) => (
            <ProxyEntry
              key={i}
              index={i}
              entry={entry}
              categories={categories.data?.items ?? []}
              errors={fields}
              onChange={(next) => setEntries(entries.map((e, j) => (j === i ? next : e)))}
              onRemove={() => setEntries(entries.filter((_, j) => j !== i))}
            />
          ))}
          <div class="form-actions">
            <button type="button" class="btn btn-secondary" onClick={() => setEntries([...entries, blankEntry()])}>
              {t('duty.log.addOpinion')}
            </button>
          </div>
          <div class="form-actions submit-bar">
            <button type="submit" class="btn" disabled={busy}>
              {t(busy ? 'common.saving' : 'duty.log.save')}
            </button>
          </div>
        </form>
      ) : null}
    </>
  );
}
