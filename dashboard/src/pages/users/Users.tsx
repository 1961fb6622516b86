/**
 * 用户 (admins): every account from GET /api/users, filtered in the browser (a district has
 * dozens of accounts, not thousands) with the filters in the URL. Admins create accounts,
 * edit name, role, township and linked deputy, reset passwords, and deactivate or
 * reactivate accounts. Only one panel (form or confirmation) is open at a time.
 */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { ApiError, byId, call, client } from '../../api';
import { useAuth } from '../../auth';
import { SelectField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { t, tEnum } from '../../i18n';
import { useResource } from '../../use-resource';
import { useTownships } from '../roster/shared';
import { DeactivatePanel, ResetPasswordPanel } from './AccountPanels';
import { type Account, ROLES } from './types';
import { UserForm } from './UserForm';
import { type RowAction, UserTable } from './UserTable';
import './users.css';

type Panel = { kind: 'new' } | { kind: 'edit' | 'password' | 'deactivate'; account: Account } | null;

/** Matches the 搜索 box against username and display name, ignoring letter case. */
function matches(a: Account, q: string): boolean {
  const needle = q.trim().toLowerCase();
  return !needle || a.username.toLowerCase().includes(needle) || a.displayName.toLowerCase().includes(needle);
}

export default function UsersPage() {
  const { user } = useAuth();
  const { path, query: params, route } = useLocation();
  const [search, setSearch] = useState(params.q ?? '');
  const [panel, setPanel] = useState<Panel>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const townships = useTownships();
  const list = useResource(() => call(client.api.users.$get()).then((r) => r.items), []);

  function apply(changes: Record<string, string>) {
    const next = new URLSearchParams({ ...params, ...changes });
    for (const [key, value] of [...next]) if (!value) next.delete(key);
    const qs = next.toString();
    route(qs ? `${path}?${qs}` : path);
  }

  function done(text: string) {
    setPanel(null);
    setNotice({ tone: 'success', text });
    list.reload();
  }

  async function reactivate(account: Account) {
    setBusyId(account.id);
    try {
      await call(client.api.users[':id{[0-9]+}'].$patch(byId(account.id, { active: true })));
      setNotice({ tone: 'success', text: t('users.reactivated', { name: account.displayName }) });
      list.reload();
    } catch (err) {
      setNotice({ tone: 'error', text: err instanceof ApiError ? err.message : t('error.unknown') });
    } finally {
      setBusyId(null);
    }
  }

  function onAction(action: RowAction, account: Account) {
    setNotice(null);
    if (action === 'reactivate') void reactivate(account);
    else setPanel({ kind: action, account });
  }

  const role = params.role ?? '';
  const status = params.active ?? '';
  const items = (list.data ?? []).filter(
    (a) => matches(a, params.q ?? '') && (!role || a.role === role) && (!status || a.active === (status === 'true')),
  );

  return (
    <>
      <PageHeader title={t('users.title')}>
        {panel === null ? (
          <button
            type="button"
            class="btn"
            onClick={() => {
              setNotice(null);
              setPanel({ kind: 'new' });
            }}
          >
            {t('users.new')}
          </button>
        ) : null}
      </PageHeader>
      {notice ? (
        <Notice tone={notice.tone}>
          <p>{notice.text}</p>
        </Notice>
      ) : null}
      {(panel?.kind === 'new' || panel?.kind === 'edit') && townships.data ? (
        <UserForm
          key={panel.kind === 'edit' ? panel.account.id : 'new'}
          account={panel.kind === 'edit' ? panel.account : null}
          townships={townships.data}
          selfId={user.id}
          onSaved={(name) => done(t(panel.kind === 'new' ? 'users.created' : 'users.saved', { name }))}
          onCancel={() => setPanel(null)}
        />
      ) : null}
      {panel?.kind === 'password' ? (
        <ResetPasswordPanel
          key={panel.account.id}
          account={panel.account}
          onDone={() => done(t('users.passwordReset', { name: panel.account.displayName }))}
          onCancel={() => setPanel(null)}
        />
      ) : null}
      {panel?.kind === 'deactivate' ? (
        <DeactivatePanel
          key={panel.account.id}
          account={panel.account}
          onDone={() => done(t('users.deactivated', { name: panel.account.displayName }))}
          onCancel={() => setPanel(null)}
        />
      ) : null}

      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is too new for the WebViews (WeChat, older Android) staff use; the role works everywhere. */}
      <form
        class="panel filters"
        role="search"
        aria-label={t('filter.title')}
        onSubmit={(e) => {
          e.preventDefault();
          apply({ q: search.trim() });
        }}
      >
        <TextField id="f-q" type="search" label={t('users.search')} value={search} onValue={setSearch} />
        <SelectField
          id="f-role"
          label={t('users.role')}
          value={role}
          onValue={(v) => apply({ role: v })}
          options={[{ value: '', label: t('common.all') }, ...ROLES.map((r) => ({ value: r, label: tEnum('role', r) }))]}
        />
        <SelectField
          id="f-active"
          label={t('filter.active')}
          value={status}
          onValue={(v) => apply({ active: v })}
          options={[
            { value: '', label: t('common.all') },
            { value: 'true', label: t('common.active') },
            { value: 'false', label: t('common.inactive') },
          ]}
        />
        <div class="form-actions">
          <button type="submit" class="btn">
            {t('common.search')}
          </button>
        </div>
      </form>

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
      {list.data ? (
        <div aria-busy={list.loading}>
          <UserTable items={items} selfId={user.id} busyId={busyId} onAction={onAction} />
          <p class="muted">{t('users.total', { total: items.length })}</p>
        </div>
      ) : null}
    </>
  );
}
