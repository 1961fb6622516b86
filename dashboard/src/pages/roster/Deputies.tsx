/**
 * 代表名册: GET /api/deputies with search, filters and paging held in the URL (so a filtered
 * list can be bookmarked or sent to a colleague), plus create/edit/deactivate for staff.
 * Township staff have their township fixed; leaders read only (phones come back masked).
 */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { type ApiError, call, client, type Deputy, query } from '../../api';
import { useAuth } from '../../auth';
import { SelectField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { t } from '../../i18n';
import { canEditRoster, lockedTownship } from '../../permissions';
import { useResource } from '../../use-resource';
import { DeputyForm } from './DeputyForm';
import { DeputyTable } from './DeputyTable';
import { activeOptions, activeParam, enumOptions, LEVELS, ReadOnlyNote, townshipOptions, useTownships } from './shared';

const PAGE_SIZE = 50;
type Filter = 'q' | 'townshipId' | 'stationId' | 'level' | 'active' | 'page';

export default function DeputiesPage() {
  const { user } = useAuth();
  const { path, query: params, route } = useLocation();
  const locked = lockedTownship(user);
  const editable = canEditRoster(user);
  const townshipId = locked !== null ? String(locked) : (params.townshipId ?? '');
  const page = Math.max(1, Number(params.page) || 1);
  const filterKey = JSON.stringify([params, locked]);

  const [search, setSearch] = useState(params.q ?? '');
  const [editing, setEditing] = useState<Deputy | 'new' | null>(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  const townships = useTownships();
  const stations = useResource(
    () => (townshipId ? call(client.api.stations.$get(query({ townshipId }))).then((r) => r.items) : Promise.resolve([])),
    [townshipId],
  );
  const list = useResource(
    () =>
      call(
        client.api.deputies.$get(
          query({
            q: params.q,
            townshipId,
            stationId: params.stationId,
            level: params.level,
            active: activeParam(params.active),
            page,
            pageSize: PAGE_SIZE,
          }),
        ),
      ),
    [filterKey],
  );

  /** Applies filter changes to the URL; any filter change returns to page 1. */
  function apply(changes: Partial<Record<Filter, string>>) {
    const next = new URLSearchParams({ ...params, ...changes });
    if (!('page' in changes)) next.delete('page');
    for (const [key, value] of [...next]) if (!value) next.delete(key);
    const qs = next.toString();
    route(qs ? `${path}?${qs}` : path);
  }

  function changed(error: ApiError | null) {
    setNotice(error ? { tone: 'error', text: error.message } : { tone: 'success', text: t('common.saved') });
    list.reload();
  }

  return (
    <>
      <PageHeader title={t('deputies.title')}>
        {editable && editing === null ? (
          <button type="button" class="btn" onClick={() => setEditing('new')}>
            {t('deputies.new')}
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
        <DeputyForm
          deputy={editing === 'new' ? null : editing}
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
        <TextField
          id="f-q"
          type="search"
          // Only roles that see full phone numbers can search by them (the Worker ignores digits otherwise).
          label={t(editable ? 'deputies.search' : 'deputies.searchName')}
          value={search}
          onValue={setSearch}
        />
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
          label={t('filter.station')}
          value={params.stationId ?? ''}
          onValue={(v) => apply({ stationId: v })}
          options={[
            { value: '', label: t('common.all') },
            ...(stations.data ?? []).map((s) => ({ value: String(s.id), label: s.name })),
          ]}
          disabled={!townshipId}
        />
        <SelectField
          id="f-level"
          label={t('filter.level')}
          value={params.level ?? ''}
          onValue={(v) => apply({ level: v })}
          options={enumOptions('level', LEVELS, true)}
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
          <button
            type="button"
            class="btn btn-quiet"
            onClick={() => {
              setSearch('');
              route(path);
            }}
          >
            {t('common.clear')}
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
      {list.data ? (
        <div aria-busy={list.loading}>
          <DeputyTable items={list.data.items} editable={editable} onEdit={setEditing} onChanged={changed} />
          <div class="table-foot">
            <span class="muted">{t('deputies.total', { total: list.data.total })}</span>
            <Pager
              page={list.data.page}
              pageSize={list.data.pageSize}
              total={list.data.total}
              onPage={(p) => apply({ page: String(p) })}
            />
          </div>
        </div>
      ) : null}
    </>
  );
}
