/**
 * 我的首页: a deputy's start page on their phone. Duty days first (with 登记接待 on the day),
 * then the opinions assigned to them with their deadlines, the evaluations still waiting
 * for them (their personal link), and their 履职档案.
 */
import { call, client, query } from '../../api';
import { useAuth } from '../../auth';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { t } from '../../i18n';
import { useResource } from '../../use-resource';
import { DeadlineBadge, StateBadge } from '../opinions/Badges';
import type { Deadline } from '../opinions/data';
import { addDays, chinaToday, type DutyDay, dutyDayLabel, formatTrackingCode } from './data';
import '../opinions/opinions.css';
import './duty.css';

function logHref(d: DutyDay): string {
  return `/duty/log?station=${d.stationId}&day=${d.day}`;
}

function DutyItem({ d, today }: { d: DutyDay; today: string }) {
  const past = d.day <= today;
  return (
    <li class={`duty-day${d.day === today ? ' is-today' : ''}`}>
      <p class="duty-when">
        <strong>{dutyDayLabel(d.day)}</strong> {t(`duty.period.${d.period}`)}
        {d.day === today ? <span class="badge badge-today">{t('duty.today')}</span> : null}
      </p>
      <p class="duty-where">{d.stationName}</p>
      {d.stationAddress ? <p class="muted">{d.stationAddress}</p> : null}
      <p class="muted">{t('duty.with', { names: d.deputies.map((p) => p.name).join('、') })}</p>
      {past ? (
        d.logged ? (
          <p class="duty-logged">{t('duty.logged')}</p>
        ) : (
          <a class="btn" href={logHref(d)}>
            {t('duty.logThis')}
          </a>
        )
      ) : null}
    </li>
  );
}

export default function DeputyHomePage() {
  const { user } = useAuth();
  const today = chinaToday();
  // Unlogged duty of the past week stays on top until it is written up.
  const duty = useResource(() => call(client.api.receptions.duty.$get(query({ from: addDays(today, -6), days: 35 }))), []);
  const opinions = useResource(() => call(client.api.opinions.$get(query({ state: 'open', sort: 'due', pageSize: 5 }))), []);
  const evaluations = useResource(() => call(client.api.deputies.me.evaluations.$get()), []);

  const days = (duty.data?.items ?? []).filter((d) => d.day >= today || !d.logged);
  return (
    <>
      <PageHeader title={t('duty.home.title', { name: user.displayName })} />
      <section class="home-section" aria-labelledby="home-duty">
        <h2 id="home-duty">{t('duty.home.duty')}</h2>
        {duty.error ? (
          <Notice tone="error">
            <p>{duty.error.message}</p>
          </Notice>
        ) : null}
        {duty.data && days.length === 0 ? <p class="empty">{t('duty.home.noDuty')}</p> : null}
        <ul class="duty-list">
          {days.slice(0, 6).map((d) => (
            <DutyItem key={`${d.scheduleId}:${d.day}`} d={d} today={today} />
          ))}
        </ul>
        <p>
          <a href="/duty/log">{t('duty.home.logOther')}</a>
        </p>
      </section>

      <section class="home-section" aria-labelledby="home-opinions">
        <h2 id="home-opinions">{t('duty.home.opinions')}</h2>
        {opinions.error ? (
          <Notice tone="error">
            <p>{opinions.error.message}</p>
          </Notice>
        ) : null}
        {opinions.data && opinions.data.items.length === 0 ? <p class="empty">{t('duty.home.noOpinions')}</p> : null}
        <ul class="home-list">
          {(opinions.data?.items ?? []).map((o) => (
            <li key={o.id}>
              <a href={`/opinions/${o.id}`} class="code">
                {formatTrackingCode(o.trackingCode)}
              </a>{' '}
              <StateBadge state={o.state} />
              <p class="clamp">{o.excerpt}</p>
              <DeadlineBadge deadline={o.deadline as Deadline | null} dueOn={o.dueOn} />
            </li>
          ))}
        </ul>
        {opinions.data && opinions.data.total > opinions.data.items.length ? (
          <p>
            <a href="/my/opinions">{t('duty.home.allOpinions', { total: opinions.data.total })}</a>
          </p>
        ) : null}
      </section>

      {user.deputyId !== null ? (
        <p class="home-section">
          <a class="btn btn-secondary" href={`/record/${user.deputyId}`}>
            {t('duty.home.record')}
          </a>{' '}
          <a class="btn btn-secondary" href={`/api/deputies/${user.deputyId}/poster`} target="_blank" rel="noopener">
            {t('code.mine')}
          </a>
        </p>
      ) : null}
      <section class="home-section" aria-labelledby="home-evaluations">
        <h2 id="home-evaluations">{t('duty.home.evaluations')}</h2>
        {evaluations.data && evaluations.data.items.length === 0 ? <p class="empty">{t('duty.home.noEvaluations')}</p> : null}
        <ul class="home-list">
          {(evaluations.data?.items ?? []).map((e) => (
            <li key={e.trainingId}>
              <a href={e.url}>{t('duty.home.evaluate', { title: e.title })}</a>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
