/**
 * 进站接待 for staff: the coming duty days of their stations (with 登记接待 on the day), and
 * each station's 排班 to add, edit or retire. Leaders read; township staff see and edit only
 * their township's stations (the Worker enforces it, the filter is locked here).
 */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { type ApiError, byId, call, client, query } from '../../api';
import { useAuth } from '../../auth';
import { SelectField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { StatusBadge } from '../../components/StatusBadge';
import { t } from '../../i18n';
import { canEditRoster, lockedTownship } from '../../permissions';
import { useResource } from '../../use-resource';
import { ReadOnlyNote, ToggleActive, townshipOptions, useTownships } from '../roster/shared';
import { chinaToday, dutyDayLabel, ruleWords, type ScheduleRow } from './data';
import { ScheduleForm } from './ScheduleForm';
import './duty.css';

export default function SchedulesPage() {
  const { user } = useAuth();
  const { path, query: params, route } = useLocation();
  const locked = lockedTownship(user);
  const editable = canEditRoster(user);
  const townshipId = locked !== null ? String(locked) : (params.townshipId ?? '');
  const stationId = params.stationId ?? '';
  const today = chinaToday();

  const [editing, setEditing] = useState<ScheduleRow | 'new' | null>(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const townships = useTownships();
  const stations = useResource(() => call(client.api.stations.$get(query({ townshipId, active: 'true' }))), [townshipId]);
  const filters = { townshipId, stationId };
  const schedules = useResource(() => call(client.api.receptions.schedules.$get(query(filters))), [townshipId, stationId]);
  const duty = useResource(
    () => call(client.api.receptions.duty.$get(query({ ...filters, from: today, days: 14 }))),
    [townshipId, stationId],
  );

  function apply(changes: Record<string, string>) {
    const next = new URLSearchParams({ ...params, ...changes });
    for (const [key, value] of [...next]) if (!value) next.delete(key);
    const qs = next.toString();
    route(qs ? `${path}?${qs}` : path);
  }

  function changed(error: ApiError | null) {
    setNotice(error ? { tone: 'error', text: error.message } : { tone: 'success', text: t('common.saved') });
    schedules.reload();
    duty.reload();
  }

  const items = schedules.data?.items ?? [];
  const days = duty.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('duty.title')}>
        {user.role !== 'leader' ? (
          <a class="btn" href="/duty/log">
            {t('duty.logSession')}
          </a>
        ) : null}
        {editable && editing === null ? (
          <button type="button" class="btn btn-secondary" onClick={() => setEditing('new')}>
            {t('duty.schedule.new')}
          </button>
        ) : null}
      </PageHeader>
      {editable ? null : <ReadOnlyNote />}
      {notice ? (
        <Notice tone={notice.tone}>
          <p>{notice.text}</p>
        </Notice>
      ) : null}
      {editing !== null && stations.data ? (
        <ScheduleForm
          schedule={editing === 'new' ? null : editing}
          stations={stations.data.items}
          stationId={stationId}
          onSaved={() => {
            setEditing(null);
            changed(null);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}

      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is too new for the WebViews staff use. */}
      <form class="panel filters" role="search" aria-label={t('filter.title')} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="f-township"
          label={t('filter.township')}
          value={townshipId}
          onValue={(v) => apply({ townshipId: v, stationId: '' })}
          options={townshipOptions(townships.data, { value: '', label: t('common.all') })}
          disabled={locked !== null}
        />
        <SelectField
          id="f-station"
          label={t('duty.log.station')}
          value={stationId}
          onValue={(v) => apply({ stationId: v })}
          options={[
            { value: '', label: t('common.all') },
            ...(stations.data?.items ?? []).map((s) => ({ value: String(s.id), label: s.name })),
          ]}
        />
      </form>

      <section aria-labelledby="duty-coming">
        <h2 id="duty-coming" class="section-title">
          {t('duty.coming')}
        </h2>
        {duty.data && days.length === 0 ? <p class="empty">{t('duty.noComing')}</p> : null}
        {days.length > 0 ? (
          <div class="table-wrap cards">
            <table>
              <caption class="visually-hidden">{t('duty.coming')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('duty.day')}</th>
                  <th scope="col">{t('duty.log.station')}</th>
                  <th scope="col">{t('duty.deputies')}</th>
                  <th scope="col">{t('common.status')}</th>
                </tr>
              </thead>
              <tbody>
                {days.slice(0, 40).map((d) => (
                  <tr key={`${d.scheduleId}:${d.day}`}>
                    <td class="primary nowrap" data-label={t('duty.day')}>
                      {dutyDayLabel(d.day)} {t(`duty.period.${d.period}`)}
                    </td>
                    <td data-label={t('duty.log.station')}>{d.stationName}</td>
                    <td data-label={t('duty.deputies')}>{d.deputies.map((p) => p.name).join('、') || '—'}</td>
                    <td data-label={t('common.status')}>
                      {d.logged ? (
                        t('duty.logged')
                      ) : d.day === today && user.role !== 'leader' ? (
                        <a href={`/duty/log?station=${d.stationId}&day=${d.day}`}>{t('duty.logThis')}</a>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="duty-schedules">
        <h2 id="duty-schedules" class="section-title">
          {t('duty.schedules')}
        </h2>
        {schedules.error ? (
          <Notice tone="error">
            <p>{schedules.error.message}</p>
          </Notice>
        ) : null}
        {schedules.loading && !schedules.data ? (
          <p class="loading" role="status">
            {t('common.loading')}
          </p>
        ) : null}
        {schedules.data && items.length === 0 ? <p class="empty">{t('duty.noSchedules')}</p> : null}
        {items.length > 0 ? (
          <div class="table-wrap cards">
            <table>
              <caption class="visually-hidden">{t('duty.schedules')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('duty.log.station')}</th>
                  <th scope="col">{t('duty.schedule.rule')}</th>
                  <th scope="col">{t('duty.deputies')}</th>
                  <th scope="col">{t('duty.schedule.note')}</th>
                  <th scope="col">{t('common.status')}</th>
                  {editable ? <th scope="col">{t('common.actions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {items.map((s) => (
                  <tr key={s.id} class={s.active ? undefined : 'inactive'}>
                    <td class="primary" data-label={t('duty.log.station')}>
                      {s.stationName}
                      <span class="muted township"> {s.townshipName}</span>
                    </td>
                    <td data-label={t('duty.schedule.rule')}>
                      {ruleWords(s)}
                      {s.endsOn ? <span class="muted"> {t('duty.schedule.until', { day: s.endsOn })}</span> : null}
                    </td>
                    <td data-label={t('duty.deputies')}>{s.deputies.map((d) => d.name).join('、') || '—'}</td>
                    <td data-label={t('duty.schedule.note')}>{s.note || '—'}</td>
                    <td data-label={t('common.status')}>
                      <StatusBadge active={s.active} />
                    </td>
                    {editable ? (
                      <td class="actions" data-label={t('common.actions')}>
                        <button type="button" class="btn btn-secondary btn-small" onClick={() => setEditing(s)}>
                          {t('common.edit')}
                        </button>
                        <ToggleActive
                          name={`${s.stationName} ${ruleWords(s)}`}
                          active={s.active}
                          save={(active) => call(client.api.receptions.schedules[':id{[0-9]+}'].$patch(byId(s.id, { active })))}
                          onDone={changed}
                        />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </>
  );
}
