/**
 * 组织情况 → 提醒未提交的代表: one SMS with the personal link to each deputy who has not
 * submitted (at most once a day each; the Worker enforces it), the list of who was reminded
 * when, and 复制全部未提交链接 for staff who prefer a WeChat group. Shown to staff and admins.
 */
import { useState } from 'preact/hooks';
import { call, client } from '../../api';
import { Notice } from '../../components/Notice';
import { formatDateTime, t } from '../../i18n';
import { useResource } from '../../use-resource';
import './messages.css';

const one = client.api.trainings[':id{[0-9]+}'];

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

type Outcome = { queued: number; alreadyToday: number; withoutPhone: number };

export function ReminderPanel({ trainingId, open }: { trainingId: number; open: boolean }) {
  const param = { param: { id: String(trainingId) } };
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [links, setLinks] = useState<{ ok: boolean; text: string; count: number } | null>(null);
  const [reload, setReload] = useState(0);
  const reminded = useResource(() => call(one.reminders.$get(param)), [trainingId, reload]);

  async function remind() {
    setBusy(true);
    setError(null);
    try {
      setOutcome(await call(one.reminders.$post(param)));
      setReload(reload + 1);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function copyLinks() {
    setError(null);
    try {
      const got = await call(one['pending-links'].$get(param));
      setLinks({ ok: await copy(got.text), text: got.text, count: got.items.length });
    } catch (err) {
      setError((err as Error).message);
    }
  }

  const items = reminded.data?.items ?? [];
  return (
    <section class="tr-section" aria-labelledby="remind-title">
      <div class="tr-section-head">
        <h2 id="remind-title">{t('reminders.heading')}</h2>
      </div>
      <p class="muted">{t('reminders.intro')}</p>
      <p class="form-actions">
        <button type="button" class="btn" disabled={busy || !open} onClick={remind}>
          {t('reminders.send')}
        </button>
        <button type="button" class="btn btn-secondary" onClick={copyLinks}>
          {t('reminders.copyLinks')}
        </button>
      </p>
      {!open ? <p class="muted">{t('reminders.closed')}</p> : null}
      {error ? (
        <Notice tone="error">
          <p>{error}</p>
        </Notice>
      ) : null}
      {outcome ? (
        <Notice tone={outcome.queued > 0 ? 'success' : 'info'}>
          <p>
            {outcome.queued > 0 ? t('reminders.queued', { n: outcome.queued }) : t('reminders.noneQueued')}
            {outcome.alreadyToday > 0 ? ` ${t('reminders.already', { n: outcome.alreadyToday })}` : ''}
            {outcome.withoutPhone > 0 ? ` ${t('reminders.noPhone', { n: outcome.withoutPhone })}` : ''}
          </p>
        </Notice>
      ) : null}
      {links ? (
        <Notice tone={links.ok ? 'success' : 'warn'}>
          <p>{links.ok ? t('reminders.linksCopied', { n: links.count }) : t('reminders.linksManual')}</p>
          {links.ok ? null : (
            <textarea class="tr-json" rows={6} readOnly aria-label={t('reminders.copyLinks')} value={links.text} />
          )}
        </Notice>
      ) : null}
      {items.length > 0 ? (
        <details class="reminded">
          <summary>{t('reminders.list', { n: items.length })}</summary>
          <ul class="reminded-list">
            {items.map((r, i) => (
              <li key={`${r.deputyId}-${r.at}-${i}`}>
                <span class="primary">{r.name}</span>
                <span class="muted">
                  {' '}
                  {formatDateTime(r.at)} · {t(`messages.state.${r.state}` as 'messages.state.sent')}
                </span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
