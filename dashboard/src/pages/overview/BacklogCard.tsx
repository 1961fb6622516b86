/**
 * 积压与逾期: the open opinions as of today by working days waited, and the overdue ones by
 * working days late. A small table rather than a chart: four buckets read best as numbers.
 */
import { DataTable } from '../../charts/DataTable';
import { formatCount, formatLongDay } from '../../charts/format';
import { t } from '../../i18n';
import type { OverviewData } from './types';

const BUCKETS = ['0-5', '6-15', '16-30', '>30'] as const;
type Bucket = (typeof BUCKETS)[number];

export function BacklogCard({ data }: { data: OverviewData }) {
  const b = data.backlog;
  return (
    <section class="chart-card" aria-labelledby="ov-backlog-title">
      <div class="chart-head">
        <h2 id="ov-backlog-title">{t('stats.backlog.title')}</h2>
      </div>
      <div class="chart-note">
        <p>{t('stats.backlog.note', { day: formatLongDay(b.asOf) })}</p>
      </div>
      <DataTable<Bucket>
        caption={t('stats.backlog.caption')}
        rows={BUCKETS}
        rowKey={(k) => k}
        footer={'total' as Bucket}
        columns={[
          {
            key: 'bucket',
            label: t('stats.backlog.bucket'),
            cell: (k) => ((k as string) === 'total' ? t('overview.total') : t(`stats.bucket.${k}`)),
          },
          {
            key: 'age',
            label: t('stats.backlog.age'),
            numeric: true,
            cell: (k) => formatCount((k as string) === 'total' ? b.open : b.byAge[k]),
          },
          {
            key: 'overdue',
            label: t('stats.backlog.overdueBy'),
            numeric: true,
            cell: (k) => formatCount((k as string) === 'total' ? b.overdue : b.overdueBy[k]),
          },
        ]}
      />
      <details class="kpi-def">
        <summary>{t('stats.definition')}</summary>
        <p>{t('stats.def.backlog')}</p>
      </details>
    </section>
  );
}
