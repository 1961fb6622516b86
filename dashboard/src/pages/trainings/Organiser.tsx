/**
 * The organiser's view: open and close the evaluation, completion by township (enrolled,
 * checked in each day, submitted, rate) and the list of those who have not submitted, with
 * phone numbers to call, a copy button and CSV/Excel export. Township staff see their own.
 */
import { useState } from 'preact/hooks';
import { ApiError, byId, call, query } from '../../api';
import { useAuth } from '../../auth';
import { SelectField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { formatNumber, t, tEnum } from '../../i18n';
import { lockedTownship } from '../../permissions';
import { useResource } from '../../use-resource';
import { type Enrolment, type EvaluationStatus, one, param, percent, type Progress, shortDay, type TrainingDetail } from './data';
import { canChase, canOrganise } from './permissions';
import { ReminderPanel } from '../messages/Reminders';

interface ViewProps {
  detail: TrainingDetail;
  onChanged: () => void;
}

function StatusControls({ detail, onChanged }: ViewProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const status = detail.training.evaluationStatus;
  async function set(next: EvaluationStatus) {
    if (next === 'closed' && !window.confirm(t('trainings.confirmClose'))) return;
    setBusy(true);
    setError(null);
    try {
      await call(one.evaluation.$post(byId(detail.training.id, { status: next })));
      onChanged();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('error.unknown'));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="form-actions tr-status-actions">
      {status === 'open' ? (
        <button type="button" class="btn btn-danger" disabled={busy} onClick={() => set('closed')}>
          {t('trainings.close')}
        </button>
      ) : (
        <button type="button" class="btn" disabled={busy} onClick={() => set('open')}>
          {t(status === 'closed' ? 'trainings.reopen' : 'trainings.open')}
        </button>
      )}
      {error ? (
        <Notice tone="error">
          <p>{error}</p>
        </Notice>
      ) : null}
    </div>
  );
}

function Rate({ rate }: { rate: number | null }) {
  return (
    <span class="tr-rate">
      <span class="tr-rate-text">{percent(rate)}</span>
      <span class="tr-rate-bar" aria-hidden="true">
        <span style={{ width: `${Math.round((rate ?? 0) * 100)}%` }} />
      </span>
    </span>
  );
}

function ProgressTable({ progress }: { progress: Progress }) {
  const days = progress.days;
  const cells = (row: Progress['total'] & { name?: string }) => (
    <>
      <td class="num" data-label={t('trainings.progress.enrolled')}>
        {formatNumber(row.enrolled)}
      </td>
      {days.map((day, i) => (
        <td key={day} class="num" data-label={t('trainings.progress.day', { n: i + 1 })}>
          {formatNumber(row.checkedInByDay[day] ?? 0)}
        </td>
      ))}
      <td class="num" data-label={t('trainings.progress.opened')}>
        {formatNumber(row.opened)}
      </td>
      <td class="num" data-label={t('trainings.progress.submitted')}>
        {formatNumber(row.submitted)}
      </td>
      <td class="num" data-label={t('trainings.progress.pending')}>
        {formatNumber(row.pending)}
      </td>
      <td data-label={t('trainings.progress.rate')}>
        <Rate rate={row.completionRate} />
      </td>
    </>
  );
  return (
    <div class="table-wrap cards">
      <table class="tr-progress">
        <caption class="visually-hidden">{t('trainings.progress.heading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('trainings.progress.township')}</th>
            <th scope="col" class="num">
              {t('trainings.progress.enrolled')}
            </th>
            {days.map((day, i) => (
              <th key={day} scope="col" class="num">
                {t('trainings.progress.day', { n: i + 1 })}
                <span class="tr-sub">{shortDay(day)}</span>
              </th>
            ))}
            <th scope="col" class="num">
              {t('trainings.progress.opened')}
            </th>
            <th scope="col" class="num">
              {t('trainings.progress.submitted')}
            </th>
            <th scope="col" class="num">
              {t('trainings.progress.pending')}
            </th>
            <th scope="col">{t('trainings.progress.rate')}</th>
          </tr>
        </thead>
        <tbody>
          {progress.townships.map((row) => (
            <tr key={row.townshipId} data-township={row.townshipId}>
              <th scope="row" class="primary">
                {row.name}
              </th>
              {cells(row)}
            </tr>
          ))}
          {progress.townships.length > 1 ? (
            // In the body, not a <tfoot>: on a phone every body row becomes a card, the total too.
            <tr class="tr-total">
              <th scope="row" class="primary">
                {t('trainings.progress.total')}
              </th>
              {cells(progress.total)}
            </tr>
          ) : null}
        </tbody>
      </table>
      <p class="muted">{t('trainings.progress.openedHint')}</p>
    </div>
  );
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function PendingList({ trainingId, townshipId, reloadKey }: { trainingId: number; townshipId: string; reloadKey: unknown }) {
  const { user } = useAuth();
  const [copy, setCopy] = useState<{ ok: boolean; text: string } | null>(null);
  const list = useResource(
    () => call(one.enrolments.$get({ ...param(trainingId), ...query({ status: 'pending', townshipId, pageSize: 2000 }) })),
    [trainingId, townshipId, reloadKey],
  );
  const items: readonly Enrolment[] = list.data?.items ?? [];
  const exportHref = (format: 'csv' | 'xlsx') =>
    `/api/trainings/${trainingId}/enrolments/export?status=pending&format=${format}${townshipId ? `&townshipId=${townshipId}` : ''}`;

  async function copyAll() {
    const text = items.map((e) => [e.name, e.phone ?? '', e.townshipName].join('\t')).join('\n');
    const ok = await copyText(text);
    setCopy({ ok, text });
  }

  return (
    <section class="tr-section" aria-labelledby="pending-title">
      <div class="tr-section-head">
        <h2 id="pending-title">{t('trainings.pending.heading')}</h2>
        {list.data ? <span class="muted">{t('trainings.pending.count', { count: list.data.total })}</span> : null}
      </div>
      {list.error ? (
        <Notice tone="error">
          <p>{list.error.message}</p>
        </Notice>
      ) : null}
      {items.length > 0 ? (
        <p class="form-actions">
          <button type="button" class="btn btn-secondary" onClick={copyAll}>
            {t('trainings.pending.copy')}
          </button>
          <a class="btn btn-secondary" href={exportHref('xlsx')} download>
            {t('trainings.pending.xlsx')}
          </a>
          <a class="btn btn-secondary" href={exportHref('csv')} download>
            {t('trainings.pending.csv')}
          </a>
        </p>
      ) : null}
      {copy ? (
        <Notice tone={copy.ok ? 'success' : 'warn'}>
          <p>{copy.ok ? t('trainings.pending.copied', { count: items.length }) : t('trainings.pending.copyFailed')}</p>
          {copy.ok ? null : (
            <textarea class="tr-json" rows={6} readOnly aria-label={t('trainings.pending.copy')} value={copy.text} />
          )}
        </Notice>
      ) : null}
      {list.data && items.length === 0 ? <p class="empty">{t('trainings.pending.none')}</p> : null}
      {items.length > 0 ? (
        <div class="table-wrap cards">
          <table class="tr-pending">
            <caption class="visually-hidden">{t('trainings.pending.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('trainings.pending.name')}</th>
                <th scope="col">{t('trainings.pending.township')}</th>
                <th scope="col">{t('trainings.pending.level')}</th>
                <th scope="col">{t('trainings.pending.phone')}</th>
                <th scope="col">{t('trainings.pending.opened')}</th>
                <th scope="col" class="num">
                  {t('trainings.pending.attended')}
                </th>
                {canChase(user) ? <th scope="col">{t('trainings.pending.link')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td class="primary" data-label={t('trainings.pending.name')}>
                    {e.name}
                  </td>
                  <td data-label={t('trainings.pending.township')}>{e.townshipName}</td>
                  <td class="nowrap" data-label={t('trainings.pending.level')}>
                    {tEnum('level', e.level)}
                  </td>
                  <td class="code nowrap" data-label={t('trainings.pending.phone')}>
                    {e.phone ? <a href={`tel:${e.phone}`}>{e.phone}</a> : '—'}
                  </td>
                  <td data-label={t('trainings.pending.opened')}>{e.openedOn ? t('common.yes') : t('common.no')}</td>
                  <td class="num" data-label={t('trainings.pending.attended')}>
                    {formatNumber(e.attendedDays.length)}
                  </td>
                  {canChase(user) ? (
                    <td data-label={t('trainings.pending.link')}>
                      {e.token ? (
                        <button
                          type="button"
                          class="btn btn-quiet btn-small"
                          aria-label={t('trainings.pending.openLink', { name: e.name })}
                          onClick={() =>
                            void copyText(`${location.origin}/e/${e.token}`).then((ok) =>
                              setCopy({ ok, text: `${location.origin}/e/${e.token}` }),
                            )
                          }
                        >
                          {t('trainings.pending.copyLink')}
                        </button>
                      ) : (
                        '—'
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

export function OrganiserView({ detail, onChanged }: ViewProps) {
  const { user } = useAuth();
  const locked = lockedTownship(user);
  const id = detail.training.id;
  const [township, setTownship] = useState(locked !== null ? String(locked) : '');
  const progress = useResource(() => call(one.progress.$get(param(id))), [id, detail]);
  const townships = progress.data?.townships ?? [];
  return (
    <>
      {canOrganise(user) ? <StatusControls detail={detail} onChanged={onChanged} /> : null}
      <section class="tr-section" aria-labelledby="progress-title">
        <h2 id="progress-title">{t('trainings.progress.heading')}</h2>
        {progress.error ? (
          <Notice tone="error">
            <p>{progress.error.message}</p>
          </Notice>
        ) : null}
        {progress.data ? <ProgressTable progress={progress.data} /> : <p class="loading">{t('common.loading')}</p>}
      </section>
      {locked === null && townships.length > 1 ? (
        <div class="filters tr-filter">
          <SelectField
            id="pending-township"
            label={t('trainings.pending.township')}
            value={township}
            onValue={setTownship}
            options={[
              { value: '', label: t('trainings.results.all') },
              ...townships.map((x) => ({ value: String(x.townshipId), label: x.name })),
            ]}
          />
        </div>
      ) : null}
      {canChase(user) ? <ReminderPanel trainingId={id} open={detail.training.evaluationStatus === 'open'} /> : null}
      <PendingList trainingId={id} townshipId={township} reloadKey={detail} />
    </>
  );
}
