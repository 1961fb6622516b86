/**
 * 工作日历 (admins): the holidays and make-up working days of a year, the State Council notice
 * pasted and read into days for review before saving, and the working days allowed per step
 * (步骤时限). Every deadline computed after a save follows it; deadlines already set stay.
 */
import { useEffect, useState } from 'preact/hooks';
import { call, client, query } from '../../api';
import { SelectField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, getLocale, t } from '../../i18n';
import { useResource } from '../../use-resource';
import { stateName } from '../opinions/data';
import '../messages/messages.css';
import './calendar.css';

type Day = { day: string; kind: 'holiday' | 'workday'; name: string };
/** 周四 / Thu: the weekday matters when checking a make-up working day. */
function weekday(day: string): string {
  return new Intl.DateTimeFormat(getLocale(), { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

function DayTable({ days, onRemove }: { days: readonly Day[]; onRemove?: (day: string) => void }) {
  if (days.length === 0) return <p class="empty">{t('calendar.noDays')}</p>;
  return (
    <div class="table-wrap cards">
      <table class="cal-days">
        <caption class="visually-hidden">{t('calendar.days')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('calendar.date')}</th>
            <th scope="col">{t('calendar.kind')}</th>
            <th scope="col">{t('calendar.name')}</th>
            {onRemove ? <th scope="col">{t('calendar.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day} class={`cal-${d.kind}`}>
              <td class="primary nowrap" data-label={t('calendar.date')}>
                {formatDate(d.day)} <span class="muted">{weekday(d.day)}</span>
              </td>
              <td data-label={t('calendar.kind')}>
                <span class={`badge cal-badge-${d.kind}`}>
                  {t(d.kind === 'holiday' ? 'calendar.holiday' : 'calendar.workday')}
                </span>
              </td>
              <td data-label={t('calendar.name')}>{d.name || '—'}</td>
              {onRemove ? (
                <td data-label={t('calendar.actions')}>
                  <button type="button" class="btn btn-quiet btn-small" onClick={() => onRemove(d.day)}>
                    {t('calendar.remove')}
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NoticeImport({ year, onParsed }: { year: number; onParsed: (year: number, days: Day[], warnings: string[]) => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function parse(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await call(client.api.calendar.parse.$post({ json: { text, year } }));
      onParsed(r.year, r.days as Day[], r.warnings);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form class="panel cal-import" onSubmit={parse}>
      <h2>{t('calendar.import.heading')}</h2>
      <p class="muted">{t('calendar.import.hint')}</p>
      <label for="cal-notice" class="visually-hidden">
        {t('calendar.import.heading')}
      </label>
      <textarea
        id="cal-notice"
        rows={8}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
        placeholder={t('calendar.import.placeholder')}
      />
      {error ? (
        <Notice tone="error">
          <p>{error}</p>
        </Notice>
      ) : null}
      <p class="form-actions">
        <button type="submit" class="btn" disabled={busy || text.trim() === ''}>
          {t('calendar.import.parse')}
        </button>
      </p>
    </form>
  );
}

function StepLimits() {
  const limits = useResource(() => call(client.api['step-limits'].$get()), []);
  const [values, setValues] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  useEffect(() => {
    if (limits.data) setValues(Object.fromEntries(limits.data.items.map((i) => [i.state, String(i.workingDays ?? '')])));
  }, [limits.data]);
  async function save(e: Event) {
    e.preventDefault();
    setMsg(null);
    try {
      const body = Object.fromEntries(
        Object.entries(values)
          .filter(([, v]) => v !== '')
          .map(([k, v]) => [k, Number(v)]),
      );
      await call(client.api['step-limits'].$put({ json: { limits: body } }));
      setMsg({ tone: 'success', text: t('calendar.limits.saved') });
    } catch (err) {
      setMsg({ tone: 'error', text: (err as Error).message });
    }
  }
  return (
    <form class="panel" onSubmit={save}>
      <h2>{t('calendar.limits.heading')}</h2>
      <p class="muted">{t('calendar.limits.hint')}</p>
      <div class="cal-limits">
        {(limits.data?.items ?? []).map((i) => (
          <TextField
            key={i.state}
            id={`limit-${i.state}`}
            type="number"
            inputMode="numeric"
            label={i.state === 'resolved' ? t('calendar.limits.ratingWindow') : stateName(i.state)}
            hint={t('calendar.limits.default', { n: String(i.defaultWorkingDays ?? '—') })}
            value={values[i.state] ?? ''}
            onValue={(v) => setValues({ ...values, [i.state]: v })}
          />
        ))}
      </div>
      {msg ? (
        <Notice tone={msg.tone}>
          <p>{msg.text}</p>
        </Notice>
      ) : null}
      <p class="form-actions">
        <button type="submit" class="btn">
          {t('calendar.limits.save')}
        </button>
      </p>
    </form>
  );
}

export default function CalendarPage() {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [reload, setReload] = useState(0);
  const upkeep = useResource(() => call(client.api.calendar.upkeep.$get()), [reload]);
  const stored = useResource(() => call(client.api.calendar.$get(query({ year: String(year) }))), [year, reload]);
  // Unsaved edits belong to the year they were made for; switching years sets them aside.
  const [pendingDraft, setDraft] = useState<{ year: number; days: Day[]; warnings: string[]; fromNotice: boolean } | null>(null);
  const draft = pendingDraft && pendingDraft.year === year ? pendingDraft : null;
  const [add, setAdd] = useState<Day>({ day: '', kind: 'holiday', name: '' });
  const [msg, setMsg] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  const days: Day[] = draft?.days ?? ((stored.data?.items ?? []) as Day[]);
  const edit = (next: Day[], fromNotice = draft?.fromNotice ?? false) =>
    setDraft({ year, days: [...next].sort((a, b) => (a.day < b.day ? -1 : 1)), warnings: draft?.warnings ?? [], fromNotice });

  async function save() {
    setMsg(null);
    try {
      await call(client.api.calendar.$put({ json: { year, days } }));
      setDraft(null);
      setReload(reload + 1);
      setMsg({ tone: 'success', text: t('calendar.saved', { year: String(year) }) });
    } catch (err) {
      setMsg({ tone: 'error', text: (err as Error).message });
    }
  }

  const missing = upkeep.data?.missingYear ?? null;
  return (
    <>
      <PageHeader title={t('calendar.title')} />
      <p class="muted">{t('calendar.intro')}</p>
      {missing !== null ? (
        <Notice tone="warn">
          <p>{t('calendar.upkeep', { year: String(missing) })}</p>
        </Notice>
      ) : null}
      <div class="panel filters">
        <SelectField
          id="cal-year"
          label={t('calendar.year')}
          value={String(year)}
          onValue={(v) => setYear(Number(v))}
          options={[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => ({
            value: String(y),
            label: t('calendar.yearLabel', { year: String(y) }),
          }))}
        />
      </div>
      <NoticeImport
        year={year}
        onParsed={(y, parsed, warnings) => {
          setYear(y);
          setDraft({ year: y, days: parsed, warnings, fromNotice: true });
        }}
      />
      <section class="panel" aria-labelledby="cal-days-title">
        <h2 id="cal-days-title">{t('calendar.days.heading', { year: String(year) })}</h2>
        {draft ? (
          <Notice tone="info">
            <p>{draft.fromNotice ? t('calendar.review') : t('calendar.unsaved')}</p>
            {draft.warnings.length > 0 ? (
              <ul>
                {draft.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            ) : null}
          </Notice>
        ) : null}
        {stored.error ? (
          <Notice tone="error">
            <p>{stored.error.message}</p>
          </Notice>
        ) : null}
        <DayTable days={days} onRemove={(day) => edit(days.filter((d) => d.day !== day))} />
        <form
          class="filters cal-add"
          onSubmit={(e) => {
            e.preventDefault();
            if (!add.day.startsWith(`${year}-`)) {
              setMsg({ tone: 'error', text: t('calendar.wrongYear', { year: String(year) }) });
              return;
            }
            edit([...days.filter((d) => d.day !== add.day), add]);
            setAdd({ day: '', kind: add.kind, name: add.name });
          }}
        >
          <div class="field">
            <label for="cal-add-day">{t('calendar.date')}</label>
            <input
              id="cal-add-day"
              type="date"
              value={add.day}
              min={`${year}-01-01`}
              max={`${year}-12-31`}
              required
              onInput={(e) => setAdd({ ...add, day: e.currentTarget.value })}
            />
          </div>
          <SelectField
            id="cal-add-kind"
            label={t('calendar.kind')}
            value={add.kind}
            onValue={(v) => setAdd({ ...add, kind: v as Day['kind'] })}
            options={[
              { value: 'holiday', label: t('calendar.holiday') },
              { value: 'workday', label: t('calendar.workday') },
            ]}
          />
          <TextField
            id="cal-add-name"
            label={t('calendar.name')}
            value={add.name}
            onValue={(v) => setAdd({ ...add, name: v })}
            maxLength={20}
          />
          <div class="form-actions">
            <button type="submit" class="btn btn-secondary">
              {t('calendar.add')}
            </button>
          </div>
        </form>
        {msg ? (
          <Notice tone={msg.tone}>
            <p>{msg.text}</p>
          </Notice>
        ) : null}
        {draft ? (
          <p class="form-actions">
            <button type="button" class="btn" onClick={save}>
              {t('calendar.save', { year: String(year) })}
            </button>
            <button type="button" class="btn btn-quiet" onClick={() => setDraft(null)}>
              {t('calendar.discard')}
            </button>
          </p>
        ) : null}
      </section>
      <StepLimits />
    </>
  );
}
