/**
 * 乡镇（街道）: GET /api/townships (with active station and deputy counts); district-wide
 * editors create, edit and deactivate. Township staff and leaders read only.
 */
import { useState } from 'preact/hooks';
import { type ApiError, byId, call, client, type Township } from '../../api';
import { useAuth } from '../../auth';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { StatusBadge } from '../../components/StatusBadge';
import { t, tEnum } from '../../i18n';
import { canEditTownships } from '../../permissions';
import { TownshipForm } from './TownshipForm';
import { ReadOnlyNote, RowActions, useTownships } from './shared';

export default function TownshipsPage() {
  const { user } = useAuth();
  const editable = canEditTownships(user);
  const list = useTownships();
  const [editing, setEditing] = useState<Township | 'new' | null>(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  function changed(error: ApiError | null) {
    setNotice(error ? { tone: 'error', text: error.message } : { tone: 'success', text: t('common.saved') });
    list.reload();
  }

  const items = list.data ?? [];
  return (
    <>
      <PageHeader title={t('townships.title')}>
        {editable && editing === null ? (
          <button type="button" class="btn" onClick={() => setEditing('new')}>
            {t('townships.new')}
          </button>
        ) : null}
      </PageHeader>
      {editable ? null : <ReadOnlyNote />}
      {notice ? (
        <Notice tone={notice.tone}>
          <p>{notice.text}</p>
        </Notice>
      ) : null}
      {editing !== null ? (
        <TownshipForm
          township={editing === 'new' ? null : editing}
          onSaved={() => {
            setEditing(null);
            changed(null);
          }}
          onCancel={() => setEditing(null)}
        />
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
      {list.data && items.length === 0 ? <p class="empty">{t('common.empty')}</p> : null}
      {items.length > 0 ? (
        <div class="table-wrap cards" aria-busy={list.loading}>
          <table>
            <caption class="visually-hidden">{t('townships.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('townships.name')}</th>
                <th scope="col">{t('townships.kind')}</th>
                <th scope="col">{t('townships.code')}</th>
                <th scope="col" class="num">
                  {t('townships.stationCount')}
                </th>
                <th scope="col" class="num">
                  {t('townships.deputyCount')}
                </th>
                <th scope="col" class="num">
                  {t('townships.sortOrder')}
                </th>
                <th scope="col">{t('common.status')}</th>
                {editable ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((tw) => (
                <tr key={tw.id} class={tw.active ? undefined : 'inactive'}>
                  <td class="primary" data-label={t('townships.name')}>
                    {tw.name}
                  </td>
                  <td class="nowrap" data-label={t('townships.kind')}>
                    {tEnum('kind', tw.kind)}
                  </td>
                  <td class="code" data-label={t('townships.code')}>
                    {tw.code}
                  </td>
                  <td class="num" data-label={t('townships.stationCount')}>
                    {tw.stationCount}
                  </td>
                  <td class="num" data-label={t('townships.deputyCount')}>
                    {tw.deputyCount}
                  </td>
                  <td class="num" data-label={t('townships.sortOrder')}>
                    {tw.sortOrder}
                  </td>
                  <td data-label={t('common.status')}>
                    <StatusBadge active={tw.active} />
                  </td>
                  {editable ? (
                    <RowActions
                      name={tw.name}
                      active={tw.active}
                      onEdit={() => setEditing(tw)}
                      save={(active) => call(client.api.townships[':id{[0-9]+}'].$patch(byId(tw.id, { active })))}
                      onDone={changed}
                    />
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
