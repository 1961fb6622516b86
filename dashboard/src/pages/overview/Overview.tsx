/**
 * 总览: the leaders' home. Participation and issue resolution by township over a period, from
 * one call to GET /api/stats/overview (rollups only, so it stays fast at any size). Filters
 * live in the URL; every chart has its numbers as a table; township bars drill into the
 * township's opinions or deputies; "打印周报" lays last week's summary out on A4.
 */
import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { call, client } from '../../api';
import { useAuth } from '../../auth';
import { formatLongDay } from '../../charts/format';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime, t } from '../../i18n';
import { lockedTownship } from '../../permissions';
import { useResource } from '../../use-resource';
import { BacklogCard } from './BacklogCard';
import { CategoryChart } from './CategoryChart';
import { apiQuery, chinaToday, filtersFromParams, type OverviewFilters, paramsFromFilters } from './filters';
import { FilterBar } from './FilterBar';
import { Kpis } from './Kpis';
import { ParticipationChart } from './ParticipationChart';
import { Rankings } from './Rankings';
import { ResolutionChart } from './ResolutionChart';
import { TrainingCard } from './TrainingCard';
import { WeeklyChart } from './WeeklyChart';
import './overview.css';

export default function OverviewPage() {
  const { user } = useAuth();
  const { path, query: params, route } = useLocation();
  const locked = lockedTownship(user);
  const filters = filtersFromParams(params);
  if (locked !== null) filters.townshipId = String(locked);
  const query = apiQuery(filters, chinaToday());
  const key = JSON.stringify(query);
  const overview = useResource(() => call(client.api.stats.overview.$get({ query })), [key]);
  const data = overview.data;
  const printing = params.print === '1';

  function apply(changes: Partial<OverviewFilters>) {
    const next = { ...filters, ...changes };
    if (changes.period && changes.period !== 'custom') {
      next.from = '';
      next.to = '';
    }
    const qs = paramsFromFilters(next);
    route(qs ? `${path}?${qs}` : path);
  }

  // 打印周报: last week, laid out for A4; the dialog opens once last week's figures are in.
  // (A render with the previous figures schedules it too, but the load that follows at once
  // cancels that timer.) Afterwards `print=1` leaves the URL, so a reload does not print again.
  useEffect(() => {
    if (!printing || !data || overview.loading) return;
    const timer = setTimeout(() => {
      window.print();
      const qs = paramsFromFilters(filters);
      route(qs ? `${path}?${qs}` : path, true);
    }, 300);
    return () => clearTimeout(timer);
  }, [printing, data, overview.loading]);

  const scopeName = data?.filters.townshipId
    ? (data.townships.find((tw) => tw.id === data.filters.townshipId)?.name ?? '')
    : t('user.districtWide');

  return (
    <div class="overview">
      <PageHeader title={t('overview.title')}>
        <button
          type="button"
          class="btn btn-secondary no-print"
          onClick={() => {
            // The weekly report of last week, with the township and category of this view.
            const qs = new URLSearchParams();
            if (filters.townshipId) qs.set('townshipId', filters.townshipId);
            if (filters.category) qs.set('category', filters.category);
            route(`/overview/weekly${qs.size ? `?${qs}` : ''}`);
          }}
        >
          {t('overview.print')}
        </button>
      </PageHeader>
      <FilterBar filters={filters} data={data} lockedTownship={locked} onChange={apply} />

      {overview.error ? (
        <Notice tone="error">
          <p>{overview.error.message}</p>
          <button type="button" class="btn btn-small" onClick={overview.reload}>
            {t('common.retry')}
          </button>
        </Notice>
      ) : null}

      {data ? (
        <div class="period-line" aria-live="polite">
          <p>
            <span class="print-only">{t('overview.printHeading', { scope: scopeName })} · </span>
            <span class="no-print">{scopeName} · </span>
            {t('overview.periodLine', {
              from: formatLongDay(data.period.from),
              to: formatLongDay(data.period.to),
              weeks: data.period.weeks.length,
            })}
          </p>
          <p class="muted">{t('overview.asOf', { today: formatLongDay(data.period.today) })}</p>
          <p class="print-only muted">{t('overview.printedAt', { at: formatDateTime(Date.now()) })}</p>
        </div>
      ) : overview.loading ? (
        <p class="loading" role="status">
          {t('common.loading')}
        </p>
      ) : null}

      <div aria-busy={overview.loading}>
        {data ? <Kpis data={data} figures={data.total} label={t('overview.kpisLabel', { scope: scopeName })} /> : null}
        <div class="chart-grid">
          <ResolutionChart data={data} loading={overview.loading} />
          <WeeklyChart data={data} loading={overview.loading} />
          <CategoryChart data={data} loading={overview.loading} />
          <ParticipationChart data={data} loading={overview.loading} />
          <TrainingCard data={data} loading={overview.loading} />
          {data ? <BacklogCard data={data} /> : null}
          {data && data.rows.length > 1 ? <Rankings data={data} /> : null}
        </div>
      </div>
      {data ? <p class="muted overview-foot no-print">{t('overview.definitions')}</p> : null}
    </div>
  );
}
