/** 每周收到与办结: opinions received and opinions resolved in each week of the period. */
import { ChartCanvas } from '../../charts/ChartCanvas';
import { ChartCard } from '../../charts/ChartCard';
import { DataTable } from '../../charts/DataTable';
import { formatCount, formatShortDay } from '../../charts/format';
import { OKABE_ITO } from '../../charts/palette';
import { t } from '../../i18n';
import type { OverviewData } from './types';

type Week = OverviewData['weekly'][number];

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export function WeeklyChart({ data, loading }: { data: OverviewData | undefined; loading: boolean }) {
  const weeks = data?.weekly ?? [];
  const empty = !data || weeks.every((w) => w.received === 0 && w.resolved === 0);
  return (
    <ChartCard
      id="ov-weekly"
      title={t('overview.weekly.title')}
      note={<p>{t('stats.weekly.note')}</p>}
      loading={loading && !data}
      empty={empty}
      chart={
        <ChartCanvas
          label={t('overview.weekly.chartLabel')}
          height={280}
          labels={weeks.map((w) =>
            w.partial ? `${formatShortDay(w.week)}${t('stats.weekly.partial')}` : formatShortDay(w.week),
          )}
          series={[
            { label: t('overview.col.received'), color: OKABE_ITO.blue, data: weeks.map((w) => w.received) },
            { label: t('overview.col.resolvedInWeek'), color: OKABE_ITO.orange, data: weeks.map((w) => w.resolved) },
            { label: t('stats.weekly.reopened'), color: OKABE_ITO.vermillion, data: weeks.map((w) => w.reopened) },
          ]}
        />
      }
      table={
        <DataTable<Week>
          caption={t('overview.weekly.caption')}
          rows={weeks}
          rowKey={(w) => w.week}
          columns={[
            {
              key: 'week',
              label: t('overview.col.week'),
              cell: (w) => (
                <>
                  {t('overview.weekRange', { from: formatShortDay(w.week), to: formatShortDay(addDays(w.week, 6)) })}
                  {w.partial ? <span class="partial-week"> {t('stats.weekly.partial')}</span> : null}
                </>
              ),
            },
            { key: 'received', label: t('overview.col.received'), numeric: true, cell: (w) => formatCount(w.received) },
            { key: 'resolved', label: t('overview.col.resolvedInWeek'), numeric: true, cell: (w) => formatCount(w.resolved) },
            { key: 'reopened', label: t('stats.weekly.reopened'), numeric: true, cell: (w) => formatCount(w.reopened) },
          ]}
        />
      }
    />
  );
}
