/**
 * The deputies list: a table on a desk, one card per deputy on a phone (CSS turns rows into
 * cards and shows each cell's `data-label`).
 */
import { byId, call, client, type ApiError, type Deputy } from '../../api';
import { StatusBadge } from '../../components/StatusBadge';
import { t, tEnum } from '../../i18n';
import { RowActions } from './shared';

export interface DeputyTableProps {
  items: readonly Deputy[];
  editable: boolean;
  onEdit: (deputy: Deputy) => void;
  onChanged: (error: ApiError | null) => void;
}

export function DeputyTable({ items, editable, onEdit, onChanged }: DeputyTableProps) {
  if (items.length === 0) return <p class="empty">{t('common.empty')}</p>;
  return (
    <div class="table-wrap cards">
      <table>
        <caption class="visually-hidden">{t('deputies.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('deputies.name')}</th>
            <th scope="col">{t('deputies.level')}</th>
            <th scope="col">{t('deputies.township')}</th>
            <th scope="col">{t('deputies.station')}</th>
            <th scope="col">{t('deputies.sector')}</th>
            <th scope="col">{t('deputies.phone')}</th>
            <th scope="col">{t('common.status')}</th>
            {editable ? <th scope="col">{t('common.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.id} class={d.active ? undefined : 'inactive'}>
              <td class="primary" data-label={t('deputies.name')}>
                {d.name}
                <span class="row-links">
                  <a href={`/record/${d.id}`}>{t('record.link')}</a>
                  <a href={`/api/deputies/${d.id}/poster`} target="_blank" rel="noopener">
                    {t('code.link')}
                  </a>
                </span>
              </td>
              <td class="nowrap" data-label={t('deputies.level')}>
                {tEnum('level', d.level)}
              </td>
              <td class="nowrap" data-label={t('deputies.township')}>
                {d.townshipName}
              </td>
              <td data-label={t('deputies.station')}>{d.stationName ?? t('deputies.noStation')}</td>
              <td data-label={t('deputies.sector')}>{d.sector || '—'}</td>
              <td data-label={t('deputies.phone')} class="code">
                {d.phone ?? '—'}
              </td>
              <td data-label={t('common.status')}>
                <StatusBadge active={d.active} />
              </td>
              {editable ? (
                <RowActions
                  name={d.name}
                  active={d.active}
                  onEdit={() => onEdit(d)}
                  save={(active) => call(client.api.deputies[':id{[0-9]+}'].$patch(byId(d.id, { active })))}
                  onDone={onChanged}
                />
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
