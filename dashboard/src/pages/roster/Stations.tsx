/**
 * 联络站（室）: GET /api/stations filtered by township, text and status (the list is small
 * enough to come whole), with create/edit/deactivate for staff. Each row shows the public
 * code and links to the residents' page `/s/<code>` that the QR poster opens.
 */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { type ApiError, byId, call, client, query, type Station } from '../../api';
import { useAuth } from '../../auth';
import { SelectField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { StatusBadge } from '../../components/StatusBadge';
import { t, tEnum } from '../../i18n';
import { canEditRoster, lockedTownship } from '../../permissions';
import { useResource } from '../../use-resource';
import { StationForm } from './StationForm';
import { activeOptions, activeParam, ReadOnlyNote, RowActions, townshipOptions, useTownships } from './shared';

export default function StationsPage() {
  const { user } = useAuth();
  const { path, query: params, route } = useLocation();
  const locked = lockedTownship(user);
  const editable = canEditRoster(user);
  const townshipId = locked !== null ? String(locked) : (params.townshipId ?? '');

  const [search, setSearch] = useState(params.q ?? '');
  const [editing, setEditing] = useState<Station | 'new' | null>(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const townships = useTownships();
  const list = useResource(
    () => call(client.api.stations.$get(query({ townshipId, q: params.q, active: activeParam(params.active) }))),
    [JSON.stringify([params, locked])],
  );

  function apply(changes: Record<string, string>) {
    const next = new URLSearchParams({ ...params, ...changes });
    for (const [key, value] of [...next]) if (!value) next.delete(key);
    const qs = next.toString();
    route(qs ? `${path}?${qs}` : path);
  }

  function changed(error: ApiError | null) {
    setNotice(error ? { tone: 'error', text: error.message } : { tone: 'success', text: t('common.saved') });
    list.reload();
  }

  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('stations.title')}>
        {editable && editing === null ? (
          <button type="button" class="btn" onClick={() => setEditing('new')}>
            {t('stations.new')}
          </button>
        ) : null}
      </PageHeader>
      {editable ? null : <ReadOnlyNote />}
      {locked !== null ? <p class="readonly-note">{t('filter.locked')}</p> : null}
      {notice ? (
        <Notice tone={notice.tone}>
          <p>{notice.text}</p>
        </Notice>
      ) : null}
      {editing !== null && townships.data ? (
        <StationForm
          station={editing === 'new' ? null : editing}
          townships={townships.data}
          lockedTownshipId={locked}
          onSaved={() => {
            setEditing(null);
            changed(null);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}

      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is too new for the WebViews (WeChat, older Android) staff use; the role works everywhere. */}
      <form
        class="panel filters"
        role="search"
        aria-label={t('filter.title')}
        onSubmit={(e) => {
          e.preventDefault();
          apply({ q: search.trim() });
        }}
      >
        <TextField id="f-q" type="search" label={t('stations.search')} value={search} onValue={setSearch} />
        <SelectField
          id="f-township"
          label={t('filter.township')}
          value={townshipId}
          onValue={(v) => apply({ townshipId: v })}
          options={townshipOptions(townships.data, { value: '', label: t('common.all') })}
          disabled={locked !== null}
        />
        <SelectField
          id="f-active"
          label={t('filter.active')}
          value={params.active ?? 'true'}
          onValue={(v) => apply({ active: v === 'true' ? '' : v })}
          options={activeOptions()}
        />
        <div class="form-actions">
          <button type="submit" class="btn">
            {t('common.search')}
          </button>
        </div>
      </form>

      {list.error ? (
        <Notice tone="error">
          <p>{list.error.message}</p>
        </Notice>
      ) : null}
      {list.loading && !list.data ? (
        <p class="loading" role="status">
          {t('common.loading')}
        </p>
      ) : null}
      {list.data && items.length === 0 ? <p class="empty">{t('common.empty')}</p> : null}
      {items.length > 0 ? (
        <div class="table-wrap cards" aria-busy={list.loading}>
          <table>
            <caption class="visually-hidden">{t('stations.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stations.name')}</th>
                <th scope="col">{t('stations.kind')}</th>
                <th scope="col">{t('stations.hostType')}</th>
                <th scope="col">{t('stations.township')}</th>
                <th scope="col">{t('stations.address')}</th>
                <th scope="col">{t('stations.code')}</th>
                <th scope="col" class="num">
                  {t('stations.deputyCount')}
                </th>
                <th scope="col">{t('common.status')}</th>
                {editable ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id} class={s.active ? undefined : 'inactive'}>
                  <td class="primary" data-label={t('stations.name')}>
                    {s.name}
                  </td>
                  <td class="nowrap" data-label={t('stations.kind')}>
                    {tEnum('stationKind', s.kind)}
                  </td>
                  <td class="nowrap" data-label={t('stations.hostType')}>
                    {tEnum('host', s.hostType)}
                  </td>
                  <td class="nowrap" data-label={t('stations.township')}>
                    {s.townshipName}
                  </td>
                  <td data-label={t('stations.address')}>{s.address || '—'}</td>
                  <td data-label={t('stations.code')}>
                    <a class="code" href={`/s/${s.code}`} target="_blank" rel="noopener" title={t('stations.openPublic')}>
                      {s.code}
                    </a>
                    <span class="row-links">
                      <a href={`/api/stations/${s.id}/qr.png`} download={`station-${s.code}.png`}>
                        {t('stations.qrPng')}
                      </a>
                      <a href={`/api/stations/${s.id}/qr.svg`} download={`station-${s.code}.svg`}>
                        {t('stations.qrSvg')}
                      </a>
                      <a href={`/api/stations/${s.id}/poster`} target="_blank" rel="noopener">
                        {t('stations.poster')}
                      </a>
                    </span>
                  </td>
                  <td class="num" data-label={t('stations.deputyCount')}>
                    {s.deputyCount}
                  </td>
                  <td data-label={t('common.status')}>
                    <StatusBadge active={s.active} />
                  </td>
                  {editable ? (
                    <RowActions
                      name={s.name}
                      active={s.active}
                      onEdit={() => setEditing(s)}
                      save={(active) => call(client.api.stations[':id{[0-9]+}'].$patch(byId(s.id, { active })))}
                      onDone={changed}
                    />
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {list.data ? <p class="muted">{t('stations.total', { total: items.length })}</p> : null}
    </>
  );
}
