/**
 * One opinion: what the resident wrote and who handles it, the step bar and timeline, the
 * actions this user may take, and — for staff who can merge — likely duplicates with a
 * one-click merge. The reporter's phone comes back masked unless the user handles it.
 */
import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso/router';
import { ApiError, byId, call, client } from '../../api';
import { useAuth } from '../../auth';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatDateTime, t } from '../../i18n';
import { useLocale } from '../../i18n/context';
import { useResource } from '../../use-resource';
import { HandlingPanel } from '../departments/HandlingPanel';
import { ActionPanel } from './ActionPanel';
import { DeadlineBadge, StateBadge } from './Badges';
import { actionName, type Deadline, type OpinionDetail, ratingName, stateName } from './data';
import { Photos, StepBar, Timeline } from './Timeline';
import './opinions.css';

function Facts({ o }: { o: OpinionDetail['opinion'] }) {
  const rows: [string, preact.ComponentChildren][] = [
    [t('opinions.station'), `${o.townshipName} · ${o.stationName}`],
    [t('opinions.category'), o.categoryName],
    [t('opinions.place'), o.place || '—'],
    [t('opinions.received'), formatDateTime(o.receivedAt)],
    [t('opinions.reporter'), o.reporterName ?? t('opinions.anonymous')],
    [
      t('opinions.phone'),
      o.reporterPhone ? (
        <>
          <span class="code">{o.reporterPhone}</span>
          {o.phoneMasked ? <span class="hint"> {t('opinions.phoneMaskedHint')}</span> : null}
        </>
      ) : (
        '—'
      ),
    ],
    [t('opinions.deputy'), o.assignedDeputyName ?? t('opinions.unassigned')],
  ];
  if (o.leadDepartment) rows.push([t('opinions.detail.lead'), o.leadDepartment]);
  if (o.departments.length) rows.push([t('opinions.detail.departments'), o.departments.join('、')]);
  if (o.transferredTo) rows.push([t('opinions.detail.transferTo'), o.transferredTo]);
  if (o.selfHandled) rows.push([t('opinions.selfHandled'), t('common.yes')]);
  if (o.rating)
    rows.push([t('opinions.detail.rating'), `${ratingName(o.rating)}${o.ratingComment ? `：${o.ratingComment}` : ''}`]);
  if (o.reopenCount > 0) rows.push([t('opinions.reopened'), String(o.reopenCount)]);
  return (
    <dl class="facts">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function Duplicates({ detail, onMerged }: { detail: OpinionDetail; onMerged: (next: OpinionDetail) => void }) {
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (detail.duplicates.length === 0) return null;
  const canMerge = detail.allowedActions.includes('merge');
  async function merge(id: number, code: string) {
    if (!window.confirm(t('opinions.confirmMerge', { code }))) return;
    setBusy(id);
    setError(null);
    try {
      const payload = { mergeTarget: id };
      const next = await call(
        client.api.opinions[':id{[0-9]+}'].actions.$post(
          byId(detail.opinion.id, { action: 'merge', payload, revision: detail.opinion.revision }),
        ),
      );
      onMerged(next as OpinionDetail);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('error.unknown'));
    } finally {
      setBusy(null);
    }
  }
  return (
    <section class="panel duplicates" aria-labelledby="dup-title">
      <h2 id="dup-title">{t('opinions.duplicates')}</h2>
      <p class="hint">{t('opinions.duplicatesHint')}</p>
      {error ? (
        <Notice tone="error">
          <p>{error}</p>
        </Notice>
      ) : null}
      <ul class="dup-list">
        {detail.duplicates.map((d) => (
          <li key={d.id}>
            <div class="dup-head">
              <a href={`/opinions/${d.id}`} class="code">
                {d.trackingCode}
              </a>
              <StateBadge state={d.state} />
              <span class="badge similarity">{t('opinions.similarity', { score: Math.round(d.score * 100) })}</span>
            </div>
            <p class="dup-body">{d.excerpt}</p>
            <div class="dup-foot">
              <span class="muted">{formatDate(d.receivedAt)}</span>
              {canMerge ? (
                <button
                  type="button"
                  class="btn btn-secondary btn-small"
                  disabled={busy !== null}
                  onClick={() => merge(d.id, d.trackingCode)}
                >
                  {t('opinions.mergeInto')}
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The side column holds actions and duplicates; a read-only view goes full width without it. */
function sideNeeded(detail: OpinionDetail): boolean {
  return detail.allowedActions.length > 0 || detail.duplicates.length > 0;
}

export default function ItemPage() {
  const { params } = useRoute();
  const { user } = useAuth();
  const id = Number(params.id);
  // The API names categories in the request's language, so a language switch reloads the page's data.
  const { locale } = useLocale();
  // The answer to an action, shown until the next load (a language switch, a conflict) completes.
  const [fresh, setFresh] = useState<OpinionDetail | null>(null);
  // What happened, not its text: the notice is worded in whatever language is current when shown.
  const [notice, setNotice] = useState<{ action: string; state: string } | 'conflict' | null>(null);
  const loaded = useResource(() => call(client.api.opinions[':id{[0-9]+}'].$get({ param: { id: String(id) } })), [id, locale]);
  useEffect(() => setFresh(null), [loaded.data]);
  // Following a link to another opinion (a duplicate) starts without the last one's notice.
  useEffect(() => setNotice(null), [id]);
  const detail = fresh && fresh.opinion.id === id ? fresh : (loaded.data as OpinionDetail | undefined);
  const back = user.role === 'deputy' ? '/my/opinions' : '/opinions';

  function changed(next: OpinionDetail, action: string) {
    setFresh(next);
    setNotice({ action, state: next.opinion.state });
  }

  const title = detail ? t('opinions.itemTitle', { code: detail.opinion.trackingCode }) : t('opinions.title');
  return (
    <>
      <p class="back-link">
        <a href={back}>← {t(user.role === 'deputy' ? 'opinions.backMine' : 'opinions.back')}</a>
      </p>
      <PageHeader title={title} />
      {loaded.error ? (
        <Notice tone="error">
          <p>{loaded.error.message}</p>
        </Notice>
      ) : null}
      {!detail && loaded.loading ? (
        <p class="loading" role="status">
          {t('common.loading')}
        </p>
      ) : null}
      {notice === 'conflict' ? (
        <Notice tone="warn">
          <p>{t('opinions.conflict')}</p>
        </Notice>
      ) : notice ? (
        <Notice tone="success">
          <p>{t('opinions.done', { action: actionName(notice.action), state: stateName(notice.state) })}</p>
        </Notice>
      ) : null}
      {detail && detail.allowedActions.length === 0 ? (
        <p class="readonly-note">{t(user.role === 'leader' ? 'common.readOnly' : 'opinions.noActions')}</p>
      ) : null}
      {detail ? (
        <div class={sideNeeded(detail) ? 'opinion-layout' : 'opinion-layout single'}>
          <div class="opinion-main">
            <section class="panel opinion-card" aria-labelledby="body-title">
              <div class="opinion-badges">
                <StateBadge state={detail.opinion.state} />
                {detail.opinion.deadline ? (
                  <DeadlineBadge deadline={detail.opinion.deadline as Deadline} dueOn={detail.opinion.dueOn} />
                ) : null}
              </div>
              <h2 id="body-title" class="visually-hidden">
                {t('opinions.body')}
              </h2>
              <p class="opinion-body">{detail.opinion.body}</p>
              <Photos photos={detail.photos.filter((p) => p.eventId === null)} />
              {detail.opinion.mergedIntoId ? (
                <Notice tone="info">
                  <p>
                    {t('opinions.mergedInto')}{' '}
                    <a href={`/opinions/${detail.opinion.mergedIntoId}`}>{detail.opinion.mergedIntoCode}</a>
                  </p>
                </Notice>
              ) : null}
              <Facts o={detail.opinion} />
            </section>
            <HandlingPanel detail={detail} />
            <section class="panel" aria-labelledby="progress-title">
              <h2 id="progress-title">{t('opinions.progress')}</h2>
              <StepBar steps={detail.steps} />
              <Timeline detail={detail} />
            </section>
          </div>
          {sideNeeded(detail) ? (
            <aside class="opinion-side">
              <ActionPanel
                detail={detail}
                onChanged={changed}
                onConflict={() => {
                  setFresh(null);
                  setNotice('conflict');
                  loaded.reload();
                }}
              />
              <Duplicates detail={detail} onMerged={(next) => changed(next, 'merge')} />
            </aside>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
