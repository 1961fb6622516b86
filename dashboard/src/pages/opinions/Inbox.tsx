/**
 * 意见办理 (staff, admins, leaders) and 我的意见 (deputies): GET /api/opinions with the
 * filters held in the URL, a deadline badge on every row, and CSV/Excel exports of exactly
 * what is filtered. The Worker scopes the list (township staff: their township; deputies:
 * what is assigned to them), so the page only hides filters that could not apply.
 */
import { RemindersBanner } from '../departments/Reminders';
import { OverviewFilterNote } from '../overview/DrillNote';
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { call, client, query } from '../../api';
import { useAuth } from '../../auth';
import { SelectField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { t } from '../../i18n';
import { useLocale } from '../../i18n/context';
import { lockedTownship } from '../../permissions';
import { useResource } from '../../use-resource';
import { townshipOptions, useTownships } from '../roster/shared';
import { DeadlineBadge, StateBadge } from './Badges';
import { type Deadline, exportHref, type OpinionRow, STATES, shortDateTime, stateName } from './data';
import { DateField } from './fields';
import './opinions.css';

const PAGE_SIZE = 30;
const FILTERS = [
  'q',
  'townshipId',
  'stationId',
  'category',
  'state',
  'deputyId',
  'deadline',
  'receivedFrom',
  'receivedTo',
  'sort',
  'page',
] as const;
type Filter = (typeof FILTERS)[number];

/** The department's own part of a row, present only in a department's inbox. */
interface MinePart {
  myAssignment?: { role: string; status: string } | null;
  myDeadline?: string | null;
  myDueOn?: string | null;
}
const mine = (item: OpinionRow): MinePart | null => ('myAssignment' in item ? (item as unknown as MinePart) : null);

function Row({ item, showDeputy }: { item: OpinionRow; showDeputy: boolean }) {
  return (
    <tr>
      <td class="primary" data-label={t('opinions.code')}>
        <a href={`/opinions/${item.id}`} class="code">
          {item.trackingCode}
        </a>
        <span class="row-category">{item.categoryName}</span>
        {item.channel ? <span class="badge channel">{t(`duty.channel.${item.channel}`)}</span> : null}
      </td>
      <td data-label={t('opinions.body')} class="excerpt">
        <span class="clamp">{item.excerpt}</span>
      </td>
      <td data-label={t('opinions.station')}>
        <span class="station">{item.stationName}</span>
        <span class="muted township">{item.townshipName}</span>
      </td>
      <td data-label={t('opinions.state')}>
        <StateBadge state={item.state} />
      </td>
      <td data-label={t('opinions.deadline')}>
        {mine(item)?.myAssignment ? (
          // A department's own part and clock: 签收 until it signs, then the handling deadline.
          <>
            <span class="badge">
              {t(mine(item)!.myAssignment!.role === 'lead' ? 'handling.role.lead' : 'handling.role.co')} ·{' '}
              {t(`handling.status.${mine(item)!.myAssignment!.status}` as 'handling.status.signed')}
            </span>{' '}
            <DeadlineBadge deadline={mine(item)!.myDeadline as Deadline | null} dueOn={mine(item)!.myDueOn ?? null} />
          </>
        ) : (
          <DeadlineBadge deadline={item.deadline as Deadline | null} dueOn={item.dueOn} />
        )}
      </td>
      {showDeputy ? (
        <td data-label={t('opinions.deputy')}>
          {item.assignedDeputyName ?? <span class="muted">{t('opinions.unassigned')}</span>}
        </td>
      ) : null}
      <td data-label={t('opinions.received')} class="nowrap">
        {shortDateTime(item.receivedAt)}
      </td>
    </tr>
  );
}

export default function InboxPage() {
  const { user } = useAuth();
  const { path, query: params, route } = useLocation();
  // A department's inbox is like a deputy's: only its own items, no township or deputy filters.
  const department = user.role === 'department';
  const deputy = user.role === 'deputy' || department;
  const locked = lockedTownship(user);
  const townshipId = locked !== null ? String(locked) : (params.townshipId ?? '');
  const page = Math.max(1, Number(params.page) || 1);
  // Deputies look at their own work most urgent first; the office at what came in last.
  const sort = params.sort ?? (deputy ? 'due' : '-received');
  const [search, setSearch] = useState(params.q ?? '');
  const [showMore, setShowMore] = useState(false);
  const secondaryCount =
    (['stationId', 'category', 'deputyId', 'receivedFrom', 'receivedTo'] as const).filter((f) => params[f]).length +
    (params.townshipId && locked === null ? 1 : 0);

  const townships = useTownships();
  // Category names come from the API in the request's language: reload them when it changes.
  const { locale } = useLocale();
  const categories = useResource(() => call(client.api.opinions.categories.$get()).then((r) => r.items), [locale]);
  const stations = useResource(
    () =>
      townshipId && !deputy ? call(client.api.stations.$get(query({ townshipId }))).then((r) => r.items) : Promise.resolve([]),
    [townshipId],
  );
  const deputies = useResource(
    () =>
      townshipId && !deputy
        ? call(client.api.deputies.$get(query({ townshipId, pageSize: 200 }))).then((r) => r.items)
        : Promise.resolve([]),
    [townshipId],
  );
  const filters = Object.fromEntries(FILTERS.map((f) => [f, params[f]])) as Record<Filter, string | undefined>;
  const list = useResource(
    () => call(client.api.opinions.$get(query({ ...filters, townshipId, sort, page, pageSize: PAGE_SIZE }))),
    [JSON.stringify(filters), townshipId, locale],
  );

  /** Applies filter changes to the URL; any change but paging returns to page 1. */
  function apply(changes: Partial<Record<Filter, string>>) {
    const next = new URLSearchParams({ ...params, ...changes });
    if (!('page' in changes)) next.delete('page');
    for (const [key, value] of [...next]) if (!value) next.delete(key);
    const qs = next.toString();
    route(qs ? `${path}?${qs}` : path);
  }

  const stateOptions = [
    { value: '', label: t('common.all') },
    { value: 'open', label: t('opinions.group.open') },
    { value: 'resolved', label: t('opinions.group.resolved') },
    { value: 'side', label: t('opinions.group.side') },
    ...STATES.map((s) => ({ value: s, label: stateName(s) })),
  ];
  const exportParams = { ...filters, townshipId, sort };

  return (
    <>
      <PageHeader
        title={
          department
            ? `${t('nav.departmentInbox')} · ${user.departmentName ?? ''}`
            : t(deputy ? 'opinions.myTitle' : 'opinions.title')
        }
      >
        {department ? null : (
          <>
            <a class="btn btn-secondary" href={exportHref('csv', exportParams)} download>
              {t('opinions.exportCsv')}
            </a>
            <a class="btn btn-secondary" href={exportHref('xlsx', exportParams)} download>
              {t('opinions.exportXlsx')}
            </a>
          </>
        )}
      </PageHeader>
      {deputy ? <RemindersBanner /> : null}
      {params.from === 'overview' ? <OverviewFilterNote params={params} /> : null}
      {deputy && !department ? <p class="page-intro">{t('opinions.myIntro')}</p> : null}

      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is too new for the WebViews staff use. */}
      <form
        class="panel filters"
        role="search"
        aria-label={t('filter.title')}
        onSubmit={(e) => {
          e.preventDefault();
          apply({ q: search.trim() });
        }}
      >
        <TextField id="f-q" type="search" label={t('opinions.search')} value={search} onValue={setSearch} />
        <SelectField
          id="f-state"
          label={t('opinions.state')}
          value={params.state ?? ''}
          onValue={(v) => apply({ state: v })}
          options={stateOptions}
        />
        <SelectField
          id="f-deadline"
          label={t('opinions.deadline')}
          value={params.deadline ?? ''}
          onValue={(v) => apply({ deadline: v })}
          options={[
            { value: '', label: t('common.all') },
            { value: 'red', label: t('opinions.deadline.red') },
            { value: 'yellow', label: t('opinions.deadline.yellow') },
            { value: 'green', label: t('opinions.deadline.green') },
          ]}
        />
        {/* On a phone these fold away behind 更多筛选, so the list stays in view. */}
        <div class={showMore ? 'secondary-filters open' : 'secondary-filters'} id="more-filters">
          {deputy ? null : (
            <>
              {locked === null ? (
                <SelectField
                  id="f-township"
                  label={t('filter.township')}
                  value={townshipId}
                  onValue={(v) => apply({ townshipId: v, stationId: '', deputyId: '' })}
                  options={townshipOptions(townships.data, { value: '', label: t('common.all') })}
                />
              ) : null}
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
                hint={townshipId ? undefined : t('opinions.chooseTownshipFirst')}
              />
            </>
          )}
          <SelectField
            id="f-category"
            label={t('opinions.category')}
            value={params.category ?? ''}
            onValue={(v) => apply({ category: v })}
            options={[
              { value: '', label: t('common.all') },
              ...(categories.data ?? []).map((c) => ({ value: c.code, label: c.name })),
            ]}
          />
          {deputy ? null : (
            <SelectField
              id="f-deputy"
              label={t('opinions.deputy')}
              value={params.deputyId ?? ''}
              onValue={(v) => apply({ deputyId: v })}
              options={[
                { value: '', label: t('common.all') },
                ...(deputies.data ?? []).map((d) => ({ value: String(d.id), label: d.name })),
              ]}
              disabled={!townshipId}
            />
          )}
          <DateField
            id="f-from"
            label={t('opinions.receivedFrom')}
            value={params.receivedFrom ?? ''}
            onValue={(v) => apply({ receivedFrom: v })}
          />
          <DateField
            id="f-to"
            label={t('opinions.receivedTo')}
            value={params.receivedTo ?? ''}
            onValue={(v) => apply({ receivedTo: v })}
          />
          <SelectField
            id="f-sort"
            label={t('opinions.sort')}
            value={sort}
            onValue={(v) => apply({ sort: v })}
            options={[
              { value: '-received', label: t('opinions.sort.newest') },
              { value: 'received', label: t('opinions.sort.oldest') },
              { value: 'due', label: t('opinions.sort.due') },
            ]}
          />
        </div>
        <div class="form-actions">
          <button
            type="button"
            class="btn btn-secondary filters-toggle"
            aria-expanded={showMore}
            aria-controls="more-filters"
            onClick={() => setShowMore(!showMore)}
          >
            {showMore
              ? t('opinions.fewerFilters')
              : secondaryCount > 0
                ? t('opinions.moreFiltersCount', { count: secondaryCount })
                : t('opinions.moreFilters')}
          </button>
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
      {list.data && list.data.items.length === 0 ? (
        <p class="empty">{t(deputy ? 'opinions.emptyMine' : 'common.empty')}</p>
      ) : null}
      {list.data && list.data.items.length > 0 ? (
        <div aria-busy={list.loading}>
          <div class="table-wrap cards opinion-table">
            <table>
              <caption class="visually-hidden">{t(deputy ? 'opinions.myTitle' : 'opinions.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('opinions.code')}</th>
                  <th scope="col">{t('opinions.body')}</th>
                  <th scope="col">{t('opinions.station')}</th>
                  <th scope="col">{t('opinions.state')}</th>
                  <th scope="col">{t('opinions.deadline')}</th>
                  {deputy ? null : <th scope="col">{t('opinions.deputy')}</th>}
                  <th scope="col">{t('opinions.received')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((item) => (
                  <Row key={item.id} item={item} showDeputy={!deputy} />
                ))}
              </tbody>
            </table>
          </div>
          <div class="table-foot">
            <span class="muted">{t('opinions.total', { total: list.data.total })}</span>
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
