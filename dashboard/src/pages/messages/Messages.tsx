/**
 * 消息记录 (admins, staff): GET /api/messages with filters, newest first. Each row shows who
 * it was for (the number masked), the text as the recipient reads it, and where it stands;
 * failed ones can be resent.
 */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { call, client, query } from '../../api';
import { SelectField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { formatDateTime, type MessageKey, t } from '../../i18n';
import { useResource } from '../../use-resource';
import './messages.css';

const STATES = ['pending', 'sent', 'failed', 'suppressed'] as const;
const AUDIENCES = ['resident', 'deputy', 'department', 'staff'] as const;

type Item = {
  id: number;
  createdAt: number;
  sentAt: number | null;
  notBefore: number | null;
  state: string;
  reason: string | null;
  attempts: number;
  audience: string;
  templateName: string;
  phone: string | null;
  text: string;
  segments: number;
  opinionId: number | null;
};

/** A known reason in words; provider errors are shown as they came. */
function reasonText(reason: string): string {
  const key = `messages.reason.${reason}` as MessageKey;
  const text = t(key as 'messages.reason.quiet_hours');
  return text === key ? reason : text;
}

function Result({ item, onResend, busy }: { item: Item; onResend: (id: number) => void; busy: boolean }) {
  return (
    <div class="msg-result">
      <span class={`badge msg-state msg-${item.state}`}>{t(`messages.state.${item.state}` as 'messages.state.sent')}</span>
      {item.sentAt ? <span class="muted"> {formatDateTime(item.sentAt)}</span> : null}
      {item.state === 'pending' && item.notBefore ? (
        <div class="muted">{t('messages.deferredUntil', { at: formatDateTime(item.notBefore) })}</div>
      ) : null}
      {item.reason ? <div class="msg-reason">{reasonText(item.reason)}</div> : null}
      {item.attempts > 1 ? <div class="muted">{t('messages.attempts', { n: item.attempts })}</div> : null}
      {item.state === 'failed' ? (
        <button type="button" class="btn btn-small" disabled={busy} onClick={() => onResend(item.id)}>
          {t('messages.resend')}
        </button>
      ) : null}
    </div>
  );
}

export default function MessagesPage() {
  const { path, query: params, route } = useLocation();
  const page = Math.max(1, Number(params.page) || 1);
  const state = params.state ?? '';
  const audience = params.audience ?? '';
  const q = params.q ?? '';
  const [typed, setTyped] = useState(q);
  const [reload, setReload] = useState(0);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const list = useResource(
    () => call(client.api.messages.$get(query({ page, state, audience, q }))),
    [page, state, audience, q, reload],
  );

  function go(next: { page?: number; state?: string; audience?: string; q?: string }) {
    const qs = new URLSearchParams();
    const values = { state: next.state ?? state, audience: next.audience ?? audience, q: next.q ?? q };
    for (const [k, v] of Object.entries(values)) if (v) qs.set(k, v);
    if (next.page && next.page > 1) qs.set('page', String(next.page));
    route(qs.size ? `${path}?${qs}` : path);
  }

  async function resend(id: number) {
    setBusy(true);
    setNotice(null);
    try {
      await call(client.api.messages[':id{[0-9]+}'].resend.$post({ param: { id: String(id) } }));
      setNotice({ tone: 'success', text: t('messages.resent') });
      setReload(reload + 1);
    } catch (err) {
      setNotice({ tone: 'error', text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader title={t('messages.title')} />
      <p class="muted">{t('messages.intro')}</p>
      <form
        class="panel filters"
        onSubmit={(e) => {
          e.preventDefault();
          go({ q: typed.trim(), page: 1 });
        }}
      >
        <SelectField
          id="f-state"
          label={t('messages.state')}
          value={state}
          onValue={(v) => go({ state: v, page: 1 })}
          options={[
            { value: '', label: t('messages.stateAll') },
            ...STATES.map((s) => ({ value: s, label: t(`messages.state.${s}`) })),
          ]}
        />
        <SelectField
          id="f-audience"
          label={t('messages.audience')}
          value={audience}
          onValue={(v) => go({ audience: v, page: 1 })}
          options={[
            { value: '', label: t('messages.audienceAll') },
            ...AUDIENCES.map((a) => ({ value: a, label: t(`messages.audience.${a}`) })),
          ]}
        />
        <div class="msg-search">
          <TextField id="f-q" type="search" label={t('messages.search')} value={typed} onValue={setTyped} maxLength={20} />
          <button type="submit" class="btn">
            {t('messages.searchButton')}
          </button>
        </div>
      </form>
      {notice ? (
        <Notice tone={notice.tone}>
          <p>{notice.text}</p>
        </Notice>
      ) : null}
      {list.error ? (
        <Notice tone="error">
          <p>{list.error.message}</p>
        </Notice>
      ) : null}
      {list.loading && !list.data ? (
        <p class="loading" role="status">
          {t('common.loading')}
        </p>
      ) : null}
      {list.data && list.data.items.length === 0 ? <p class="empty">{t('messages.empty')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <div aria-busy={list.loading}>
          <div class="table-wrap cards">
            <table class="messages-table">
              <caption class="visually-hidden">{t('messages.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('messages.at')}</th>
                  <th scope="col">{t('messages.audience')}</th>
                  <th scope="col">{t('messages.template')}</th>
                  <th scope="col">{t('messages.text')}</th>
                  <th scope="col">{t('messages.result')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((item) => (
                  <tr key={item.id} data-message-id={item.id}>
                    <td data-label={t('messages.at')}>{formatDateTime(item.createdAt)}</td>
                    <td data-label={t('messages.audience')}>
                      {t(`messages.audience.${item.audience}` as 'messages.audience.resident')}
                      <div class="muted code">{item.phone}</div>
                    </td>
                    <td data-label={t('messages.template')}>
                      {item.templateName}
                      {item.opinionId ? (
                        <div>
                          <a href={`/opinions/${item.opinionId}`}>{t('messages.opinion', { id: String(item.opinionId) })}</a>
                        </div>
                      ) : null}
                    </td>
                    <td class="msg-text" data-label={t('messages.text')}>
                      {item.text}
                      <div class="muted">{t('messages.segments', { n: item.segments })}</div>
                    </td>
                    <td data-label={t('messages.result')}>
                      <Result item={item} onResend={resend} busy={busy} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div class="table-foot">
            <span />
            <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={(p) => go({ page: p })} />
          </div>
        </div>
      ) : null}
    </>
  );
}
