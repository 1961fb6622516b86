/**
 * 周报: one week's flow figures for the district (or a township) with the week before, the
 * change and the average of the four weeks before, per township below, and every figure's
 * definition in the footer — laid out for A4. From GET /api/stats/weekly, whose figures for a
 * finished week never change, so a report printed again later matches the first print.
 */
import { useLocation } from 'preact-iso/router';
import { call, client } from '../../api';
import { useAuth } from '../../auth';
import { DataTable } from '../../charts/DataTable';
import { formatCount, formatDecimal, formatLongDay, formatPercent } from '../../charts/format';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime, type PlainKey, t } from '../../i18n';
import { lockedTownship } from '../../permissions';
import { useResource } from '../../use-resource';
import { chinaToday } from './filters';
import './overview.css';

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

const signed = (n: number) => (n > 0 ? `+${formatCount(n)}` : formatCount(n));

/** The definitions printed in the footer, in the order the figures appear. */
const DEFINITIONS: [PlainKey, PlainKey][] = [
  ['stats.report.resolved', 'stats.def.flowResolved'],
  ['stats.report.onTime', 'stats.def.onTime'],
  ['stats.report.reopened', 'stats.def.reopened'],
  ['stats.report.callbacks', 'stats.def.callbacks'],
];

export default function WeeklyReportPage() {
  const { user } = useAuth();
  const { path, query: params, route } = useLocation();
  const locked = lockedTownship(user);
  const townshipId = locked !== null ? String(locked) : (params.townshipId ?? '');
  const query = { week: params.week ?? '', townshipId, category: params.category ?? '' };
  const report = useResource(() => call(client.api.stats.weekly.$get({ query })), [JSON.stringify(query)]);
  const data = report.data;
  const today = chinaToday();

  const go = (week: string) => {
    const qs = new URLSearchParams({ ...params, week });
    route(`${path}?${qs}`);
  };

  type Flow = NonNullable<typeof data>['total'];
  const onTimeCell = (f: Flow) =>
    t('stats.report.onTimeCell', {
      rate: formatPercent(f.onTime.rate),
      met: formatCount(f.onTime.met),
      all: formatCount(f.onTime.met + f.onTime.missed),
    });
  type Line = { key: string; label: string; week: string; last: string; change: string; average: string };
  const lines: Line[] = data
    ? [
        ...(['received', 'resolved', 'reopened', 'rated', 'callbacks'] as const).map((k) => ({
          key: k,
          label: t(`stats.report.${k}`),
          week: formatCount(data.total[k]),
          last: formatCount(data.previous[k]),
          change: signed(data.change[k]),
          average: formatDecimal(data.fourWeekAverage[k]),
        })),
        {
          key: 'onTime',
          label: t('stats.report.onTime'),
          week: onTimeCell(data.total),
          last: onTimeCell(data.previous),
          change: '',
          average: formatPercent(data.fourWeekAverage.onTimeRate),
        },
        {
          key: 'ratedSatisfied',
          label: t('stats.report.ratedSatisfied'),
          week: formatPercent(data.total.ratedSatisfied),
          last: formatPercent(data.previous.ratedSatisfied),
          change: '',
          average: '',
        },
        {
          key: 'callbacksSatisfied',
          label: t('stats.report.callbacksSatisfied'),
          week: formatPercent(data.total.callbacksSatisfied),
          last: formatPercent(data.previous.callbacksSatisfied),
          change: '',
          average: '',
        },
      ]
    : [];
  const scope = data?.townshipId ? (data.rows[0]?.name ?? '') : t('user.districtWide');

  return (
    <div class="overview weekly-report">
      <PageHeader title={t('stats.report.title')}>
        <div class="report-actions no-print">
          <a class="btn btn-secondary" href="/overview">
            {t('stats.report.back')}
          </a>
          <button type="button" class="btn btn-primary" onClick={() => window.print()} disabled={!data}>
            {t('stats.report.print')}
          </button>
        </div>
      </PageHeader>

      {report.error ? (
        <Notice tone="error">
          <p>{report.error.message}</p>
        </Notice>
      ) : null}

      {data ? (
        <>
          <div class="period-line">
            <h2 class="report-heading">{t('stats.report.heading', { scope })}</h2>
            <p>{t('stats.report.week', { from: formatLongDay(data.week.from), to: formatLongDay(data.week.to) })}</p>
            <nav class="report-weeks no-print" aria-label={t('stats.report.title')}>
              <button type="button" class="btn btn-small btn-quiet" onClick={() => go(addDays(data.week.from, -7))}>
                {t('stats.report.prev')}
              </button>
              {addDays(data.week.from, 7) <= today ? (
                <button type="button" class="btn btn-small btn-quiet" onClick={() => go(addDays(data.week.from, 7))}>
                  {t('stats.report.next')}
                </button>
              ) : null}
            </nav>
            {data.partial ? (
              <Notice tone="warn">
                <p>{t('stats.report.partial')}</p>
              </Notice>
            ) : (
              <p class="muted">{t('stats.report.reproducible')}</p>
            )}
          </div>

          <section class="chart-card wide" aria-labelledby="wr-summary">
            <h2 id="wr-summary" class="visually-hidden">
              {t('stats.report.summaryCaption')}
            </h2>
            <div class="table-scroll">
              <DataTable<Line>
                caption={t('stats.report.summaryCaption')}
                rows={lines}
                rowKey={(l) => l.key}
                columns={[
                  { key: 'label', label: t('stats.report.figure'), cell: (l) => l.label },
                  { key: 'week', label: t('stats.report.thisWeek'), numeric: true, cell: (l) => l.week },
                  { key: 'last', label: t('stats.report.lastWeek'), numeric: true, cell: (l) => l.last },
                  { key: 'change', label: t('stats.report.change'), numeric: true, cell: (l) => l.change },
                  { key: 'average', label: t('stats.report.average'), numeric: true, cell: (l) => l.average },
                ]}
              />
            </div>
          </section>

          {data.rows.length > 1 ? (
            <section class="chart-card wide" aria-labelledby="wr-townships">
              <h2 id="wr-townships">{t('stats.report.townships')}</h2>
              <div class="table-scroll">
                <DataTable<(typeof data.rows)[number]>
                  caption={t('stats.report.townshipsCaption')}
                  rows={data.rows}
                  rowKey={(r) => r.townshipId}
                  columns={[
                    { key: 'name', label: t('overview.col.township'), cell: (r) => r.name },
                    {
                      key: 'received',
                      label: t('stats.report.received'),
                      numeric: true,
                      cell: (r) => formatCount(r.week.received),
                    },
                    {
                      key: 'resolved',
                      label: t('stats.report.resolved'),
                      numeric: true,
                      cell: (r) => formatCount(r.week.resolved),
                    },
                    {
                      key: 'change',
                      label: t('stats.report.resolvedChange'),
                      numeric: true,
                      cell: (r) => signed(r.change.resolved),
                    },
                    {
                      key: 'reopened',
                      label: t('stats.report.reopened'),
                      numeric: true,
                      cell: (r) => formatCount(r.week.reopened),
                    },
                    { key: 'onTime', label: t('stats.report.onTime'), numeric: true, cell: (r) => onTimeCell(r.week) },
                    {
                      key: 'satisfied',
                      label: t('stats.report.ratedSatisfied'),
                      numeric: true,
                      cell: (r) => `${formatPercent(r.week.ratedSatisfied)} (${formatCount(r.week.rated)})`,
                    },
                  ]}
                />
              </div>
            </section>
          ) : null}

          <footer class="report-definitions">
            <h2>{t('stats.report.definitions')}</h2>
            <dl>
              {DEFINITIONS.map(([term, def]) => (
                <div key={term}>
                  <dt>{t(term)}</dt>
                  <dd>{t(def)}</dd>
                </div>
              ))}
            </dl>
            <p class="muted">{t('stats.report.printedAt', { at: formatDateTime(Date.now()) })}</p>
          </footer>
        </>
      ) : report.loading ? (
        <p class="loading" role="status">
          {t('common.loading')}
        </p>
      ) : null}
    </div>
  );
}
