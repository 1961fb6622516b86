/**
 * The accounts list: a table on a desk, one card per account on a phone (the shared
 * `.cards` CSS turns rows into cards labelled by each cell's `data-label`).
 */
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime, t, tEnum } from '../../i18n';
import type { Account } from './types';

export type RowAction = 'edit' | 'password' | 'deactivate' | 'reactivate';

export interface UserTableProps {
  items: readonly Account[];
  /** The signed-in admin: their own row offers no 停用. */
  selfId: number;
  /** The account whose reactivation is being sent, to disable its button meanwhile. */
  busyId: number | null;
  onAction: (action: RowAction, account: Account) => void;
}

/** Staff without a township are district-wide; the other roles have no township at all. */
function townshipOf(a: Account): string {
  if (a.role !== 'staff') return '—';
  return a.townshipName ?? t('user.districtWide');
}

export function UserTable({ items, selfId, busyId, onAction }: UserTableProps) {
  if (items.length === 0) return <p class="empty">{t('common.empty')}</p>;
  return (
    <div class="table-wrap cards">
      <table>
        <caption class="visually-hidden">{t('users.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('users.username')}</th>
            <th scope="col">{t('users.displayName')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col">{t('users.township')}</th>
            <th scope="col">{t('users.deputy')}</th>
            <th scope="col">{t('common.status')}</th>
            <th scope="col">{t('users.lastLogin')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => {
            const self = a.id === selfId;
            return (
              <tr key={a.id} class={a.active ? undefined : 'inactive'}>
                <td class="primary" data-label={t('users.username')}>
                  <span class="code">{a.username}</span>
                  {self ? <span class="muted"> {t('users.self')}</span> : null}
                </td>
                <td data-label={t('users.displayName')}>{a.displayName}</td>
                <td class="nowrap" data-label={t('users.role')}>
                  {tEnum('role', a.role)}
                </td>
                <td class="nowrap" data-label={t('users.township')}>
                  {townshipOf(a)}
                </td>
                <td data-label={t('users.deputy')}>{a.deputyName ?? '—'}</td>
                <td data-label={t('common.status')}>
                  <StatusBadge active={a.active} />
                </td>
                <td class="nowrap" data-label={t('users.lastLogin')}>
                  {a.lastLoginAt ? formatDateTime(a.lastLoginAt) : <span class="muted">{t('users.neverLoggedIn')}</span>}
                </td>
                <td class="actions">
                  <button
                    type="button"
                    class="btn btn-secondary btn-small"
                    onClick={() => onAction('edit', a)}
                    aria-label={`${t('common.edit')}：${a.username}`}
                  >
                    {t('common.edit')}
                  </button>
                  <button
                    type="button"
                    class="btn btn-secondary btn-small"
                    onClick={() => onAction('password', a)}
                    aria-label={`${t('users.resetPassword')}：${a.username}`}
                  >
                    {t('users.resetPassword')}
                  </button>
                  {self ? null : a.active ? (
                    <button
                      type="button"
                      class="btn btn-danger btn-small"
                      onClick={() => onAction('deactivate', a)}
                      aria-label={`${t('common.deactivate')}：${a.username}`}
                    >
                      {t('common.deactivate')}
                    </button>
                  ) : (
                    <button
                      type="button"
                      class="btn btn-secondary btn-small"
                      disabled={busyId === a.id}
                      onClick={() => onAction('reactivate', a)}
                      aria-label={`${t('common.reactivate')}：${a.username}`}
                    >
                      {t('common.reactivate')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
