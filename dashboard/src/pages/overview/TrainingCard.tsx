/**
 * 培训评估结果: how the deputies rated the training shown (overall satisfaction on five points,
 * and the recommendation score). Fewer than five answers are never shown, so no deputy can be
 * recognised in a small township.
 */
import { ChartCanvas } from '../../charts/ChartCanvas';
import { ChartCard } from '../../charts/ChartCard';
import { DataTable } from '../../charts/DataTable';
import { formatCount, formatDecimal, formatLongDay, formatPercent } from '../../charts/format';
import { OKABE_ITO } from '../../charts/palette';
import { t } from '../../i18n';
import type { OverviewData } from './types';

const POINTS = [5, 4, 3, 2, 1] as const;

export function TrainingCard({ data, loading }: { data: OverviewData | undefined; loading: boolean }) {
  const training = data?.training ?? null;
  const results = data?.trainingResults ?? null;
  const shown = results && !results.withheld ? results : null;
  const rows = POINTS.map((point) => ({
    point,
    label: t(`overview.scale.${point}`),
    n: shown ? (shown.overall.counts[point - 1] ?? 0) : 0,
  }));
  const note = !training ? (
    <p>{t('overview.training.none')}</p>
  ) : (
    <>
      <p>
        <strong>{training.title}</strong>（{formatLongDay(training.startsOn)}—{formatLongDay(training.endsOn)}）
      </p>
      {!results ? <p>{t('overview.training.noAnswers')}</p> : null}
      {results?.withheld ? <p>{t('overview.training.withheld', { n: results.responses })}</p> : null}
      {shown ? (
        <dl class="mini-figures">
          <div>
            <dt>{t('overview.training.responses')}</dt>
            <dd>{formatCount(shown.responses)}</dd>
          </div>
          <div>
            <dt>{t('overview.training.satisfied')}</dt>
            <dd>{formatPercent(shown.overall.satisfiedShare)}</dd>
          </div>
          <div>
            <dt>{t('overview.training.mean')}</dt>
            <dd>{formatDecimal(shown.overall.mean, 2)}</dd>
          </div>
          <div>
            <dt>{t('overview.training.nps')}</dt>
            <dd>{formatDecimal(shown.recommendation.nps)}</dd>
          </div>
        </dl>
      ) : null}
    </>
  );
  return (
    <ChartCard
      id="ov-training"
      wide
      split
      title={t('overview.training.title')}
      note={note}
      loading={loading && !data}
      empty={!shown}
      chart={
        <ChartCanvas
          horizontal
          label={t('overview.training.chartLabel')}
          height={220}
          labels={rows.map((r) => r.label)}
          series={[{ label: t('overview.training.answers'), color: OKABE_ITO.blue, data: rows.map((r) => r.n) }]}
        />
      }
      table={
        <DataTable
          caption={t('overview.training.caption')}
          rows={[
            ...rows.map((r) => ({ key: String(r.point), label: r.label, value: formatCount(r.n) })),
            ...(shown
              ? [
                  {
                    key: 'promoters',
                    label: t('overview.training.promoters'),
                    value: formatCount(shown.recommendation.promoters),
                  },
                  { key: 'passives', label: t('overview.training.passives'), value: formatCount(shown.recommendation.passives) },
                  {
                    key: 'detractors',
                    label: t('overview.training.detractors'),
                    value: formatCount(shown.recommendation.detractors),
                  },
                  { key: 'nps', label: t('overview.training.nps'), value: formatDecimal(shown.recommendation.nps) },
                ]
              : []),
          ]}
          rowKey={(r) => r.key}
          columns={[
            { key: 'label', label: t('overview.col.answer'), cell: (r) => r.label },
            { key: 'value', label: t('overview.col.count'), numeric: true, cell: (r) => r.value },
          ]}
        />
      }
    />
  );
}
