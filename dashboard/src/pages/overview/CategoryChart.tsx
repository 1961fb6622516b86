/** 意见类别: opinions received in the period by category, and how many of them are resolved. */
import { ChartCanvas } from '../../charts/ChartCanvas';
import { ChartCard } from '../../charts/ChartCard';
import { DataTable } from '../../charts/DataTable';
import { formatCount } from '../../charts/format';
import { OKABE_ITO } from '../../charts/palette';
import { t } from '../../i18n';
import { categoryName } from './labels';
import type { OverviewData } from './types';

type Category = OverviewData['byCategory'][number];

export function CategoryChart({ data, loading }: { data: OverviewData | undefined; loading: boolean }) {
  const rows = data?.byCategory ?? [];
  const empty = !data || rows.every((c) => c.received === 0);
  const name = (c: Category) => (data ? categoryName(data, c.code) : c.code);
  return (
    <ChartCard
      id="ov-categories"
      title={t('overview.categories.title')}
      note={
        data?.filters.category ? (
          <p>{t('overview.categories.filtered', { name: categoryName(data, data.filters.category) })}</p>
        ) : undefined
      }
      loading={loading && !data}
      empty={empty}
      chart={
        <ChartCanvas
          horizontal
          label={t('overview.categories.chartLabel')}
          height={Math.max(240, rows.length * 34 + 80)}
          labels={rows.map(name)}
          series={[
            { label: t('overview.col.received'), color: OKABE_ITO.blue, data: rows.map((c) => c.received) },
            { label: t('overview.col.resolved'), color: OKABE_ITO.bluishGreen, data: rows.map((c) => c.resolved) },
          ]}
        />
      }
      table={
        <DataTable<Category>
          caption={t('overview.categories.caption')}
          rows={rows}
          rowKey={(c) => c.code}
          columns={[
            { key: 'name', label: t('overview.col.category'), cell: name },
            { key: 'received', label: t('overview.col.received'), numeric: true, cell: (c) => formatCount(c.received) },
            { key: 'resolved', label: t('overview.col.resolved'), numeric: true, cell: (c) => formatCount(c.resolved) },
          ]}
        />
      }
    />
  );
}
