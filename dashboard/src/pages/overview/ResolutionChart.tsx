/**
 * 各乡镇意见办理情况: per township, the opinions received in the period stacked by where they
 * are now. A click on a township's bar (or its name in the table) opens its opinions.
 */
import { useLocation } from 'preact-iso/router';
import { ChartCanvas } from '../../charts/ChartCanvas';
import { ChartCard } from '../../charts/ChartCard';
import { DataTable } from '../../charts/DataTable';
import { formatCount, formatDecimal, formatPercent } from '../../charts/format';
import { t } from '../../i18n';
import { opinionsHref, stateGroups } from './labels';
import type { OverviewData, TownshipRow } from './types';

export function ResolutionChart({ data, loading }: { data: OverviewData | undefined; loading: boolean }) {
  const { route } = useLocation();
  const rows = data?.rows ?? [];
  const groups = stateGroups();
  const empty = !data || rows.every((r) => r.resolution.received === 0);
  const total = data ? ({ ...rows[0]!, townshipId: 0, name: t('overview.total'), ...data.total } as TownshipRow) : undefined;
  return (
    <ChartCard
      id="ov-resolution"
      wide
      title={t('overview.resolution.title')}
      note={<p>{t('overview.resolution.note')}</p>}
      loading={loading && !data}
      empty={empty}
      chart={
        <ChartCanvas
          horizontal
          stacked
          label={t('overview.resolution.chartLabel')}
          height={Math.max(220, rows.length * 34 + 90)}
          labels={rows.map((r) => r.name)}
          series={groups.map((g) => ({ label: g.label, color: g.color, data: rows.map((r) => g.count(r.resolution.states)) }))}
          onSelect={(i, series) => {
            const row = rows[i];
            if (row && data) route(opinionsHref(data, row.townshipId, groups[series]?.key));
          }}
        />
      }
      table={
        <DataTable<TownshipRow>
          caption={t('overview.resolution.caption')}
          rows={rows}
          rowKey={(r) => r.townshipId}
          footer={rows.length > 1 ? total : undefined}
          columns={[
            {
              key: 'name',
              label: t('overview.col.township'),
              cell: (r) => (r.townshipId && data ? <a href={opinionsHref(data, r.townshipId)}>{r.name}</a> : r.name),
            },
            {
              key: 'received',
              label: t('overview.col.received'),
              numeric: true,
              cell: (r) => formatCount(r.resolution.received),
            },
            ...groups.map((g) => ({
              key: g.key,
              label: g.label,
              numeric: true,
              cell: (r: TownshipRow) => formatCount(g.count(r.resolution.states)),
            })),
            {
              key: 'rate',
              label: t('overview.col.resolutionRate'),
              numeric: true,
              cell: (r) => formatPercent(r.resolution.resolutionRate),
            },
            {
              key: 'median',
              label: t('overview.col.medianDays'),
              numeric: true,
              cell: (r) => formatDecimal(r.resolution.medianDays),
            },
            {
              key: 'overdue',
              label: t('overview.col.overdue'),
              numeric: true,
              cell: (r) => formatCount(r.resolution.overdueNow),
            },
            {
              key: 'satisfaction',
              label: t('overview.col.satisfaction'),
              numeric: true,
              cell: (r) => formatPercent(r.resolution.satisfaction),
            },
            {
              key: 'reopened',
              label: t('overview.col.reopened'),
              numeric: true,
              cell: (r) => formatCount(r.resolution.reopened),
            },
          ]}
        />
      }
    />
  );
}
