/**
 * 履职档案: one deputy's record over a period (this year by default, the period in the URL):
 * receptions, opinions taken up and how they ended, opinions entered for residents,
 * trainings attended and evaluated, 催办 received and other activities. Staff add
 * activities or confirm the deputy's own; the deputy adds theirs. The printable A4 sheet
 * for 述职 is the Worker's page, opened in a new tab.
 */
import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso/router';
import type { InferResponseType } from 'hono/client';
import { ApiError, byId, call, client, query } from '../../api';
import { useAuth } from '../../auth';
import { SelectField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { getLocale, t } from '../../i18n';
import { useResource } from '../../use-resource';
import { StateBadge } from '../opinions/Badges';
import { DateField } from '../opinions/fields';
import { chinaToday, formatTrackingCode } from './data';
import '../opinions/opinions.css';
import './duty.css';

type RecordData = InferResponseType<(typeof client.api.deputies)[':id{[0-9]+}']['record']['$get'], 200>;
const KINDS = ['inspection', 'research', 'law_enforcement_check', 'group_activity', 'voter_contact', 'other'] as const;

function percent(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

function Figures({ r }: { r: RecordData }) {
  const o = r.opinions;
  const items: [string, string, string?][] = [
    [
      t('record.receptions'),
      t('record.times', { n: r.receptions.sessions }),
      t('record.residents', { n: r.receptions.residentsReceived }),
    ],
    [t('record.takenUp'), t('record.items', { n: o.takenUp }), t('record.resolvedOpen', { resolved: o.resolved, open: o.open })],
    [t('record.overdue'), t('record.items', { n: o.overdue })],
    [t('record.satisfaction'), percent(o.satisfaction)],
    [t('record.entered'), t('record.items', { n: o.enteredForResidents })],
    [t('record.reminders'), t('record.times', { n: r.reminders })],
    [t('record.activities'), t('record.times', { n: r.activitiesConfirmed })],
  ];
  return (
    <dl class="record-figures">
      {items.map(([label, value, detail]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>
            <strong>{value}</strong>
            {detail ? <span class="muted"> {detail}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function ActivityForm({ deputyId, onSaved }: { deputyId: number; onSaved: () => void }) {
  const [kind, setKind] = useState<string>('inspection');
  const [day, setDay] = useState(chinaToday());
  const [title, setTitle] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call(
        client.api.deputies[':id{[0-9]+}'].activities.$post(
          byId(deputyId, { kind: KINDS.find((k) => k === kind) ?? 'other', day, title }),
        ),
      );
      setTitle('');
      onSaved();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', t('error.unknown')));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form class="panel" onSubmit={save} noValidate>
      {error ? (
        <Notice tone="error">
          <p>{error.message}</p>
        </Notice>
      ) : null}
      <div class="form-grid">
        <SelectField
          id="act-kind"
          label={t('record.activity.kind')}
          value={kind}
          onValue={setKind}
          options={KINDS.map((k) => ({ value: k, label: t(`record.kind.${k}`) }))}
        />
        <DateField
          id="act-day"
          label={t('record.activity.day')}
          value={day}
          onValue={setDay}
          error={error?.fields.day}
          required
        />
        <TextField
          id="act-title"
          label={t('record.activity.title')}
          value={title}
          onValue={setTitle}
          maxLength={100}
          error={error?.fields.title}
          required
        />
      </div>
      <div class="form-actions">
        <button type="submit" class="btn" disabled={busy}>
          {t(busy ? 'common.saving' : 'record.activity.add')}
        </button>
      </div>
    </form>
  );
}

export default function RecordPage() {
  const { user } = useAuth();
  const { params } = useRoute();
  const { path, query: q, route } = useLocation();
  const id = Number(params.id);
  const year = chinaToday().slice(0, 4);
  const filters = { from: q.from ?? '', to: q.to ?? '' };
  const data = useResource(
    () => call(client.api.deputies[':id{[0-9]+}'].record.$get({ param: { id: String(id) }, ...query(filters) })),
    [id, filters.from, filters.to],
  );
  const [from, setFrom] = useState(filters.from);
  const [to, setTo] = useState(filters.to);
  const [notice, setNotice] = useState<string | null>(null);
  const staff = user.role === 'admin' || user.role === 'staff';
  const canAdd = staff || (user.role === 'deputy' && user.deputyId === id);

  async function review(activityId: number, status: 'confirmed' | 'rejected') {
    try {
      // The Worker validates the body in the handler; the RPC type knows only the param.
      const args = { param: { activityId: String(activityId) }, json: { status } };
      await call(client.api.deputies.activities[':activityId{[0-9]+}'].$patch(args));
      data.reload();
    } catch (err) {
      setNotice(err instanceof ApiError ? err.message : t('error.unknown'));
    }
  }

  const r = data.data;
  const sheetYear = r ? r.period.from.slice(0, 4) : year;
  return (
    <>
      <PageHeader title={r ? t('record.title', { name: r.deputy.name }) : t('record.titlePlain')}>
        {r ? (
          <a class="btn btn-secondary" href={`/api/deputies/${id}/record/sheet?year=${sheetYear}`} target="_blank" rel="noopener">
            {t('record.print', { year: sheetYear })}
          </a>
        ) : null}
      </PageHeader>
      {r ? (
        <p class="muted">
          {r.deputy.townshipName} · {t(r.deputy.level === 'district' ? 'record.levelDistrict' : 'record.levelTownship')}
          {r.deputy.stationName ? ` · ${r.deputy.stationName}` : ''}
        </p>
      ) : null}
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is too new for the WebViews staff use. */}
      <form
        class="panel filters"
        role="search"
        aria-label={t('filter.title')}
        onSubmit={(e) => {
          e.preventDefault();
          const next = new URLSearchParams();
          if (from) next.set('from', from);
          if (to) next.set('to', to);
          const qs = next.toString();
          route(qs ? `${path}?${qs}` : path);
        }}
      >
        <DateField id="rec-from" label={t('record.from')} value={from} onValue={setFrom} />
        <DateField id="rec-to" label={t('record.to')} value={to} onValue={setTo} />
        <div class="form-actions">
          <button type="submit" class="btn">
            {t('common.search')}
          </button>
        </div>
      </form>
      {notice ? (
        <Notice tone="error">
          <p>{notice}</p>
        </Notice>
      ) : null}
      {data.error ? (
        <Notice tone="error">
          <p>{data.error.message}</p>
        </Notice>
      ) : null}
      {data.loading && !r ? (
        <p class="loading" role="status">
          {t('common.loading')}
        </p>
      ) : null}
      {r ? (
        <>
          <p>{t('record.period', { from: r.period.from, to: r.period.to })}</p>
          <Figures r={r} />

          <h2 class="section-title">{t('record.opinionsTitle')}</h2>
          {r.opinions.items.length === 0 ? <p class="empty">{t('record.none')}</p> : null}
          <ul class="home-list">
            {r.opinions.items.map((o) => (
              <li key={o.id}>
                <a class="code" href={`/opinions/${o.id}`}>
                  {formatTrackingCode(o.trackingCode)}
                </a>{' '}
                <StateBadge state={o.state} />{' '}
                <span class="muted">{getLocale() === 'en' ? (o.categoryEn ?? o.category) : (o.categoryZh ?? o.category)}</span>
              </li>
            ))}
          </ul>

          <h2 class="section-title">{t('record.trainingsTitle')}</h2>
          {r.trainings.length === 0 ? <p class="empty">{t('record.none')}</p> : null}
          <ul class="home-list">
            {r.trainings.map((tr) => (
              <li key={tr.trainingId}>
                <strong>{tr.title}</strong>
                <p class="muted">
                  {t('record.trainingLine', { attended: tr.daysAttended, expected: tr.daysExpected })} ·{' '}
                  {t(tr.evaluated ? 'record.evaluated' : 'record.notEvaluated')}
                </p>
              </li>
            ))}
          </ul>

          <h2 class="section-title">{t('record.activitiesTitle')}</h2>
          {r.activities.length === 0 ? <p class="empty">{t('record.none')}</p> : null}
          <ul class="home-list">
            {r.activities.map((a) => (
              <li key={a.id}>
                <strong>
                  {a.day} {t(`record.kind.${a.kind}`)}
                </strong>{' '}
                <span class={`badge status-${a.status}`}>{t(`record.status.${a.status}`)}</span>
                <p>{a.title}</p>
                {staff && a.status === 'pending' ? (
                  <div class="form-actions">
                    <button type="button" class="btn btn-small" onClick={() => review(a.id, 'confirmed')}>
                      {t('record.confirm')}
                    </button>
                    <button type="button" class="btn btn-secondary btn-small" onClick={() => review(a.id, 'rejected')}>
                      {t('record.reject')}
                    </button>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
          {canAdd ? <ActivityForm deputyId={id} onSaved={data.reload} /> : null}

          <h2 class="section-title">{t('record.receptionsTitle')}</h2>
          {r.receptions.items.length === 0 ? <p class="empty">{t('record.none')}</p> : null}
          <ul class="home-list">
            {r.receptions.items.map((x) => (
              <li key={x.id}>
                {x.day} {x.stationName} <span class="muted">{t('record.residents', { n: x.residentsReceived })}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
