/**
 * 乡镇排名: townships by resolution rate, satisfaction, days to resolve and training completion.
 * A township resting on fewer than ten items is left out of a ranking — one or two opinions
 * make a rate meaningless — and the card names who was left out and why.
 */
import { formatCount, formatDecimal, formatPercent } from '../../charts/format';
import { t } from '../../i18n';
import type { OverviewData, RankingData } from './types';

type Key = Exclude<keyof OverviewData['rankings'], 'threshold'>;

const RANKINGS: { key: Key; format: (v: number) => string }[] = [
  { key: 'resolutionRate', format: formatPercent },
  { key: 'satisfaction', format: formatPercent },
  { key: 'medianDays', format: (v) => t('overview.days', { days: formatDecimal(v) }) },
  { key: 'trainingCompletion', format: formatPercent },
  { key: 'onTime', format: formatPercent },
];

/** Shown at once; the rest (a province has ~100 townships) folds away. */
const TOP = 10;

function RankingList({
  id,
  ranking,
  format,
  names,
  threshold,
}: {
  id: Key;
  ranking: RankingData;
  format: (v: number) => string;
  names: Map<number, string>;
  threshold: number;
}) {
  const headingId = `ov-rank-${id}`;
  const item = (r: RankingData['ranked'][number]) => (
    <li key={r.townshipId}>
      <span class="rank" aria-hidden="true">
        {r.rank}
      </span>
      <span class="visually-hidden">{t('overview.rank.position', { rank: r.rank })}</span>
      <span class="rank-name">{names.get(r.townshipId) ?? r.townshipId}</span>
      <span class="rank-value">{format(r.value)}</span>
      <span class="rank-items">{t('overview.rank.items', { n: formatCount(r.items) })}</span>
    </li>
  );
  return (
    <section class="ranking" aria-labelledby={headingId}>
      <h3 id={headingId}>{t(`overview.rank.${id}`)}</h3>
      {ranking.ranked.length === 0 ? (
        <p class="muted">{t('overview.rank.none')}</p>
      ) : (
        <>
          <ol class="ranking-list">{ranking.ranked.slice(0, TOP).map(item)}</ol>
          {ranking.ranked.length > TOP ? (
            <details class="ranking-more">
              <summary class="btn btn-small btn-secondary">{t('stats.rank.expand', { n: ranking.ranked.length - TOP })}</summary>
              <ol class="ranking-list" start={TOP + 1}>
                {ranking.ranked.slice(TOP).map(item)}
              </ol>
            </details>
          ) : null}
        </>
      )}
      {ranking.excluded.length > 0 ? (
        <p class="ranking-excluded">
          {t('stats.rank.excluded', {
            n: threshold,
            list: ranking.excluded
              .map((e) =>
                t('overview.rank.excludedItem', {
                  name: names.get(e.townshipId) ?? String(e.townshipId),
                  n: formatCount(e.items),
                }),
              )
              .join('、'),
          })}
        </p>
      ) : null}
    </section>
  );
}

export function Rankings({ data }: { data: OverviewData }) {
  const names = new Map(data.townships.map((tw) => [tw.id, tw.name]));
  return (
    <section class="chart-card wide rankings" aria-labelledby="ov-rankings-title">
      <div class="chart-head">
        <h2 id="ov-rankings-title">{t('overview.rank.title')}</h2>
      </div>
      <p class="chart-note">{t('stats.rank.note', { n: data.rankings.threshold })}</p>
      <div class="ranking-grid">
        {RANKINGS.map((r) => (
          <RankingList
            key={r.key}
            id={r.key}
            ranking={data.rankings[r.key]}
            format={r.format}
            names={names}
            threshold={data.rankings.threshold}
          />
        ))}
      </div>
    </section>
  );
}
