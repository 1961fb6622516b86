/**
 * The headline figures of the district (or the chosen township): issue resolution first,
 * then participation. Each is a term and its value (a <dl>), readable aloud in order.
 */
import { formatCount, formatDecimal, formatPercent } from '../../charts/format';
import { t } from '../../i18n';
import type { Figures } from './types';

interface Kpi {
  key: string;
  label: string;
  value: string;
  /** Shown smaller after the value (e.g. 个工作日), so big figures do not wrap. */
  unit?: string;
  detail: string;
  tone?: 'alert' | 'good';
}

/**
 * The headline figures. `resolvedInPeriod` is the flow (resolved during the period, whenever
 * received): beside the cohort's resolution rate it keeps a one-week view honest, where few
 * of the week's own opinions can be resolved yet.
 */
export function kpisOf(f: Figures, resolvedInPeriod: number): Kpi[] {
  const r = f.resolution;
  const p = f.participation;
  return [
    {
      key: 'received',
      label: t('overview.kpi.received'),
      value: formatCount(r.received),
      detail: t('overview.kpi.receivedDetail', { open: formatCount(r.open) }),
    },
    {
      key: 'rate',
      label: t('overview.kpi.resolutionRate'),
      value: formatPercent(r.resolutionRate),
      detail: t('overview.kpi.resolutionRateDetail', {
        resolved: formatCount(r.resolved),
        handled: formatCount(r.handled),
        flow: formatCount(resolvedInPeriod),
      }),
    },
    {
      key: 'median',
      label: t('overview.kpi.medianDays'),
      value: formatDecimal(r.medianDays),
      unit: r.medianDays === null ? undefined : t('overview.daysUnit'),
      detail: t('overview.kpi.medianDaysDetail', { mean: formatDecimal(r.meanDays), n: formatCount(r.timedResolutions) }),
    },
    {
      key: 'overdue',
      label: t('overview.kpi.overdue'),
      value: formatCount(r.overdueNow),
      detail: t('overview.kpi.overdueDetail'),
      tone: r.overdueNow > 0 ? 'alert' : undefined,
    },
    {
      key: 'satisfaction',
      label: t('overview.kpi.satisfaction'),
      value: formatPercent(r.satisfaction),
      detail: t('overview.kpi.satisfactionDetail', {
        rated: formatCount(r.ratings.rated),
        dissatisfied: formatCount(r.ratings.dissatisfied),
      }),
    },
    {
      key: 'reopened',
      label: t('overview.kpi.reopened'),
      value: formatCount(r.reopened),
      detail: t('overview.kpi.reopenedDetail'),
    },
    {
      key: 'deputies',
      label: t('overview.kpi.deputies'),
      value: formatCount(p.deputies.total),
      detail: t('overview.kpi.deputiesDetail', {
        district: formatCount(p.deputies.district),
        township: formatCount(p.deputies.township),
      }),
    },
    {
      key: 'receptions',
      label: t('overview.kpi.receptions'),
      value: formatCount(p.receptions.held),
      detail: t('overview.kpi.receptionsDetail', {
        residents: formatCount(p.receptions.residentsReceived),
        sessions: formatCount(p.receptions.deputySessions),
      }),
    },
    {
      key: 'uptake',
      label: t('overview.kpi.perDeputy'),
      value: formatDecimal(p.takenUpPerDeputy, 2),
      detail: t('overview.kpi.perDeputyDetail', { n: formatCount(p.takenUp) }),
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
  ];
}

export function Kpis({ figures, resolvedInPeriod, label }: { figures: Figures; resolvedInPeriod: number; label: string }) {
  return (
    <section class="kpis" aria-label={label}>
      <dl class="kpi-grid">
        {kpisOf(figures, resolvedInPeriod).map((k) => (
          <div key={k.key} class={k.tone ? `kpi kpi-${k.tone}` : 'kpi'} data-kpi={k.key}>
            <dt>{k.label}</dt>
            <dd class="kpi-value">
              {k.value}
              {k.unit ? <span class="kpi-unit"> {k.unit}</span> : null}
            </dd>
            <dd class="kpi-detail">{k.detail}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
