/**
 * The headline figures of the district (or the chosen township), in three labelled groups so
 * a leader can tell what each number counts: what happened in the period (flows), the
 * opinions received in the period (the cohort, as it is today), and deputies' participation.
 * Each figure is a term and its value (a <dl>), with its definition one click away in a
 * <details> that works without JavaScript and is printed.
 */
import { formatCount, formatDecimal, formatLongDay, formatPercent } from '../../charts/format';
import { type PlainKey, t } from '../../i18n';
import type { Figures, OverviewData } from './types';

interface Kpi {
  key: string;
  label: string;
  value: string;
  /** Shown smaller after the value (e.g. 个工作日), so big figures do not wrap. */
  unit?: string;
  detail: string;
  /** The definition's catalog key. */
  definition?: PlainKey;
  tone?: 'alert' | 'good';
}

interface KpiGroup {
  key: string;
  title: string;
  items: Kpi[];
}

/** The three groups of headline figures. */
export function kpiGroups(f: Figures, data: Pick<OverviewData, 'backlog' | 'timeliness'>): KpiGroup[] {
  const r = f.resolution;
  const p = f.participation;
  const flow = f.flow;
  const s = f.satisfaction;
  const tl = data.timeliness;
  const b = data.backlog;
  return [
    {
      key: 'flow',
      title: t('stats.flowGroup'),
      items: [
        {
          key: 'received',
          label: t('overview.kpi.received'),
          value: formatCount(r.received),
          detail: t('overview.kpi.receivedDetail', { open: formatCount(r.open) }),
        },
        {
          key: 'flowResolved',
          label: t('stats.kpi.flowResolved'),
          value: formatCount(flow.resolved),
          detail: t('stats.kpi.flowResolvedDetail', { n: formatCount(flow.resolved) }),
          definition: 'stats.def.flowResolved',
        },
        {
          key: 'onTime',
          label: t('stats.kpi.onTime'),
          value: formatPercent(flow.onTime.rate),
          detail: t('stats.kpi.onTimeDetail', {
            all: formatCount(flow.onTime.met + flow.onTime.missed),
            met: formatCount(flow.onTime.met),
            missed: formatCount(flow.onTime.missed),
          }),
          definition: 'stats.def.onTime',
        },
        {
          key: 'reopenedFlow',
          label: t('stats.kpi.reopenedFlow'),
          value: formatCount(flow.reopened),
          detail: t('stats.kpi.reopenedFlowDetail', { n: formatCount(flow.reopened) }),
          definition: 'stats.def.reopened',
        },
        {
          key: 'backlog',
          label: t('stats.kpi.backlog'),
          value: formatCount(b.open),
          detail: t('stats.kpi.backlogDetail', {
            day: formatLongDay(b.asOf),
            open: formatCount(b.open),
            overdue: formatCount(b.overdue),
          }),
          definition: 'stats.def.backlog',
          tone: b.overdue > 0 ? 'alert' : undefined,
        },
      ],
    },
    {
      key: 'cohort',
      title: t('stats.cohortGroup'),
      items: [
        {
          key: 'rate',
          label: t('stats.kpi.cohortRate'),
          value: formatPercent(r.resolutionRate),
          detail: t('overview.kpi.resolutionRateDetail', {
            resolved: formatCount(r.resolved),
            handled: formatCount(r.handled),
            flow: formatCount(flow.resolved),
          }),
          definition: 'stats.def.cohortRate',
        },
        {
          key: 'withinLimit',
          label: t('stats.kpi.withinLimit'),
          value: formatPercent(tl.withinLimit),
          detail: t('stats.kpi.withinLimitDetail', { limit: formatCount(tl.limitDays), n: formatCount(tl.withinLimitN) }),
          definition: 'stats.def.withinLimit',
        },
        {
          key: 'median',
          label: t('stats.kpi.medianOpen'),
          value: tl.atLeast ? t('stats.atLeast', { n: formatDecimal(tl.median) }) : formatDecimal(tl.median),
          unit: tl.median === null ? undefined : t('overview.daysUnit'),
          detail: t('stats.kpi.medianOpenDetail', { n: formatCount(tl.n) }),
          definition: 'stats.def.medianOpen',
        },
        {
          key: 'ratedRate',
          label: t('stats.kpi.ratedRate'),
          value: formatPercent(s.ratedRate),
          detail: t('stats.kpi.ratedRateDetail', { resolved: formatCount(s.resolved), rated: formatCount(s.rated) }),
          definition: 'stats.def.ratedRate',
        },
        {
          key: 'satisfaction',
          label: t('stats.kpi.firstSatisfaction'),
          value: formatPercent(s.first.rate),
          detail: t('stats.kpi.firstSatisfactionDetail', {
            n: formatCount(s.first.n),
            own: formatCount(s.own.n),
            calls: formatCount(s.callbacks.n),
          }),
          definition: 'stats.def.firstSatisfaction',
        },
        {
          key: 'latestSatisfaction',
          label: t('stats.kpi.latestSatisfaction'),
          value: formatPercent(s.latest.rate),
          detail: t('stats.kpi.latestSatisfactionDetail', { n: formatCount(s.latest.n) }),
          definition: 'stats.def.latestSatisfaction',
        },
        {
          key: 'callbacks',
          label: t('stats.kpi.callbacks'),
          value: formatPercent(s.callbacks.rate),
          detail: t('stats.kpi.callbacksDetail', { n: formatCount(s.callbacks.n) }),
          definition: 'stats.def.callbacks',
        },
        {
          key: 'overdue',
          label: t('overview.kpi.overdue'),
          value: formatCount(r.overdueNow),
          detail: t('overview.kpi.overdueDetail'),
          tone: r.overdueNow > 0 ? 'alert' : undefined,
        },
      ],
    },
    {
      key: 'participation',
      title: t('stats.participationGroup'),
      items: [
        {
          key: 'deputies',
          label: t('overview.kpi.deputies'),
          value: formatCount(p.deputies.total),
          detail: t('overview.kpi.deputiesDetail', {
            district: formatCount(p.deputies.district),
            township: formatCount(p.deputies.township),
          }),
          definition: 'stats.def.township',
        },
        {
          key: 'receptions',
          label: t('stats.kpi.receptionsPerDeputy'),
          value: formatDecimal(p.receptions.perDeputy, 2),
          detail: t('stats.kpi.receptionsPerDeputyDetail', {
            sessions: formatCount(p.receptions.deputySessions),
            deputies: formatCount(p.deputies.total),
            taken: formatCount(p.receptions.opinionsTaken),
          }),
          definition: 'stats.def.receptionsPerDeputy',
        },
        {
          key: 'uptake',
          label: t('overview.kpi.perDeputy'),
          value: formatDecimal(p.takenUpPerDeputy, 2),
          detail: t('overview.kpi.perDeputyDetail', { n: formatCount(p.takenUp) }),
          definition: 'stats.def.township',
        },
        {
          key: 'training',
          label: t('overview.kpi.training'),
          value: formatPercent(p.training.completionRate),
          detail: t('overview.kpi.trainingDetail', {
            enrolled: formatCount(p.training.enrolled),
            checkedIn: formatCount(p.training.checkedIn),
            evaluated: formatCount(p.training.evaluated),
          }),
        },
        {
          key: 'checkIn',
          label: t('stats.kpi.checkInByDay'),
          value: formatPercent(p.training.checkInByDay),
          detail: t('stats.kpi.checkInByDayDetail', {
            attended: formatCount(p.training.daysAttended),
            expected: formatCount(p.training.daysExpected),
            checkedIn: formatCount(p.training.checkedIn),
          }),
          definition: 'stats.def.checkInByDay',
        },
      ],
    },
  ];
}

export function Kpis({ data, figures, label }: { data: OverviewData; figures: Figures; label: string }) {
  return (
    <section class="kpis" aria-label={label}>
      {kpiGroups(figures, data).map((g) => (
        <div key={g.key} class="kpi-group">
          <h2 class="kpi-group-title" id={`kpi-${g.key}`}>
            {g.title}
          </h2>
          <dl class="kpi-grid" aria-labelledby={`kpi-${g.key}`}>
            {g.items.map((k) => (
              <div key={k.key} class={k.tone ? `kpi kpi-${k.tone}` : 'kpi'} data-kpi={k.key}>
                <dt>{k.label}</dt>
                <dd class="kpi-value">
                  {k.value}
                  {k.unit ? <span class="kpi-unit"> {k.unit}</span> : null}
                </dd>
                <dd class="kpi-detail">{k.detail}</dd>
                {k.definition ? (
                  <dd class="kpi-def">
                    <details>
                      <summary>{t('stats.definition')}</summary>
                      <p>{t(k.definition)}</p>
                    </details>
                  </dd>
                ) : null}
              </div>
            ))}
          </dl>
        </div>
      ))}
    </section>
  );
}
