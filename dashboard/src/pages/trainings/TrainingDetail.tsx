/**
 * One training: its heading and the three sections — programme and enrolment, the
 * organiser's view (completion by township, who to chase), and the results.
 */
import { useLocation } from 'preact-iso/router';
import { call } from '../../api';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, type PlainKey, t } from '../../i18n';
import { useResource } from '../../use-resource';
import { one, param, statusLabel } from './data';
import { OrganiserView } from './Organiser';
import { ProgrammeView } from './Programme';
import { ResultsView } from './Results';

const TABS: readonly { id: string; label: PlainKey }[] = [
  { id: 'programme', label: 'trainings.tab.programme' },
  { id: 'organiser', label: 'trainings.tab.organiser' },
  { id: 'results', label: 'trainings.tab.results' },
];

export function TrainingDetailPage({ id }: { id: number }) {
  const { query } = useLocation();
  const tab = TABS.some((x) => x.id === query.tab) ? (query.tab as string) : 'programme';
  const detail = useResource(() => call(one.$get(param(id))), [id]);

  if (detail.error) {
    return (
      <>
        <PageHeader title={t('trainings.title')} />
        <Notice tone="error">
          <p>{detail.error.message}</p>
        </Notice>
        <a href="/trainings">{t('trainings.back')}</a>
      </>
    );
  }
  if (!detail.data) {
    return (
      <p class="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }
  const { training } = detail.data;
  return (
    <>
      <p class="tr-back">
        <a href="/trainings">{t('trainings.back')}</a>
      </p>
      <PageHeader title={training.title} />
      <p class="tr-meta">
        <span>{t('trainings.dates', { start: formatDate(training.startsOn), end: formatDate(training.endsOn) })}</span>
        {training.place ? <span>{training.place}</span> : null}
        <span>
          <span class={`badge tr-status-${training.evaluationStatus}`}>
            {t('trainings.statusNow', { status: statusLabel(training.evaluationStatus) })}
          </span>
        </span>
      </p>
      <nav class="tr-tabs" aria-label={t('trainings.tabs')}>
        <ul>
          {TABS.map((x) => (
            <li key={x.id}>
              <a href={`/trainings?id=${id}&tab=${x.id}`} aria-current={x.id === tab ? 'page' : undefined}>
                {t(x.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {tab === 'programme' ? <ProgrammeView detail={detail.data} onChanged={detail.reload} /> : null}
      {tab === 'organiser' ? <OrganiserView detail={detail.data} onChanged={detail.reload} /> : null}
      {tab === 'results' ? <ResultsView trainingId={id} /> : null}
    </>
  );
}
