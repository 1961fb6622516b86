/**
 * 各乡镇代表履职情况: reception duty held, deputies' attendances at it, and opinions taken up,
 * per township. A click on a township's bar (or its name in the table) opens its deputies.
 */
import { useLocation } from 'preact-iso/router';
import { ChartCanvas } from '../../charts/ChartCanvas';
import { ChartCard } from '../../charts/ChartCard';
import { DataTable } from '../../charts/DataTable';
import { formatCount, formatDecimal, formatPercent } from '../../charts/format';
import { OKABE_ITO } from '../../charts/palette';
import { t } from '../../i18n';
import { deputiesHref } from './labels';
import type { OverviewData, TownshipRow } from './types';

export function ParticipationChart({ data, loading }: { data: OverviewData | undefined; loading: boolean }) {
  const { route } = useLocation();
  const rows = data?.rows ?? [];
  const p = (r: TownshipRow) => r.participation;
  const empty = !data || rows.every((r) => p(r).receptions.held === 0 && p(r).takenUp === 0 && p(r).deputies.total === 0);
  const total = data ? ({ ...rows[0]!, townshipId: 0, name: t('overview.total'), ...data.total } as TownshipRow) : undefined;
  return (
    <ChartCard
      id="ov-participation"
      wide
      title={t('overview.participation.title')}
      note={
        <p>
          {t('overview.participation.note')}
          {data?.training ? ` ${t('overview.participation.trainingNote', { title: data.training.title })}` : ''}
        </p>
      }
      loading={loading && !data}
      empty={empty}
      chart={
        <ChartCanvas
          horizontal
          label={t('overview.participation.chartLabel')}
          height={Math.max(240, rows.length * 46 + 90)}
          labels={rows.map((r) => r.name)}
          series={[
            { label: t('overview.col.receptions'), color: OKABE_ITO.blue, data: rows.map((r) => p(r).receptions.held) },
            {
              label: t('overview.col.deputySessions'),
              color: OKABE_ITO.orange,
              data: rows.map((r) => p(r).receptions.deputySessions),
            },
            { label: t('overview.col.takenUp'), color: OKABE_ITO.bluishGreen, data: rows.map((r) => p(r).takenUp) },
          ]}
          onSelect={(i) => {
            const row = rows[i];
            if (row) route(deputiesHref(row.townshipId));
          }}
        />
      }
      table={
        <DataTable<TownshipRow>
          caption={t('overview.participation.caption')}
          rows={rows}
          rowKey={(r) => r.townshipId}
          footer={rows.length > 1 ? total : undefined}
          columns={[
            {
              key: 'name',
              label: t('overview.col.township'),
              cell: (r) => (r.townshipId ? <a href={deputiesHref(r.townshipId)}>{r.name}</a> : r.name),
            },
            { key: 'deputies', label: t('overview.col.deputies'), numeric: true, cell: (r) => formatCount(p(r).deputies.total) },
            {
              key: 'district',
              label: t('overview.col.districtDeputies'),
              numeric: true,
              cell: (r) => formatCount(p(r).deputies.district),
            },
            {
              key: 'township',
              label: t('overview.col.townshipDeputies'),
              numeric: true,
              cell: (r) => formatCount(p(r).deputies.township),
            },
            {
              key: 'enrolled',
              label: t('overview.col.enrolled'),
              numeric: true,
              cell: (r) => formatCount(p(r).training.enrolled),
            },
            {
              key: 'checkedIn',
              label: t('overview.col.checkedIn'),
              numeric: true,
              cell: (r) => formatCount(p(r).training.checkedIn),
            },
            {
              key: 'evaluated',
              label: t('overview.col.evaluated'),
              numeric: true,
              cell: (r) => formatCount(p(r).training.evaluated),
            },
            {
              key: 'completion',
              label: t('overview.col.completion'),
              numeric: true,
              cell: (r) => formatPercent(p(r).training.completionRate),
            },
            {
              key: 'receptions',
              label: t('overview.col.receptions'),
              numeric: true,
              cell: (r) => formatCount(p(r).receptions.held),
            },
            {
              key: 'residents',
              label: t('overview.col.residents'),
              numeric: true,
              cell: (r) => formatCount(p(r).receptions.residentsReceived),
            },
            {
              key: 'sessions',
              label: t('overview.col.deputySessions'),
              numeric: true,
              cell: (r) => formatCount(p(r).receptions.deputySessions),
            },
            { key: 'takenUp', label: t('overview.col.takenUp'), numeric: true, cell: (r) => formatCount(p(r).takenUp) },
            {
              key: 'perDeputy',
              label: t('overview.col.perDeputy'),
              numeric: true,
              cell: (r) => formatDecimal(p(r).takenUpPerDeputy, 2),
            },
          ]}
        />
      }
    />
  );
}
