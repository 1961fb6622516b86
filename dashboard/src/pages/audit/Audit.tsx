/**
 * 审计日志 (admins): GET /api/audit?page=&entity=, newest first. Each row shows who did what
 * to which record, and its changed fields as before → after.
 */
import { useLocation } from 'preact-iso/router';
import { type AuditEntry, call, client, query } from '../../api';
import { SelectField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { formatDateTime, t, tEnum } from '../../i18n';
import { useResource } from '../../use-resource';
import { type Change, diffEntries } from './diff';

const ENTITIES = ['township', 'station', 'deputy', 'user'] as const;

function show(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

function Changes({ changes, created }: { changes: readonly Change[]; created: boolean }) {
  if (changes.length === 0) return <span class="muted">{t('audit.noChanges')}</span>;
  return (
    <details>
      <summary>{created ? t('audit.created') : t('audit.showChanges', { count: changes.length })}</summary>
      <table class="diff">
        <thead>
          <tr>
            <th scope="col">{t('audit.field')}</th>
            {created ? null : <th scope="col">{t('audit.before')}</th>}
            <th scope="col">{t('audit.after')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.field}>
              <th scope="row">{c.field ? tEnum('field', c.field) : '—'}</th>
              {created ? null : <td class="before">{show(c.before)}</td>}
              <td class="after">{show(c.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function Row({ entry }: { entry: AuditEntry }) {
  const changes = diffEntries(entry.before, entry.after);
  const created = entry.before === null && entry.after !== null;
  return (
    <tr>
      <td data-label={t('audit.at')}>{formatDateTime(entry.at)}</td>
      <td class="primary" data-label={t('audit.user')}>
        {entry.username}
      </td>
      <td data-label={t('audit.action')}>{tEnum('action', entry.action)}</td>
      <td data-label={t('audit.entity')}>
        {tEnum('entity', entry.entity)}
        {entry.entityId ? <span class="muted code"> #{entry.entityId}</span> : null}
      </td>
      <td data-label={t('audit.changes')}>
        <Changes changes={changes} created={created} />
      </td>
    </tr>
  );
}

export default function AuditPage() {
  const { path, query: params, route } = useLocation();
  const page = Math.max(1, Number(params.page) || 1);
  const entity = params.entity ?? '';
  const list = useResource(() => call(client.api.audit.$get(query({ page, entity }))), [page, entity]);

  function go(next: { page?: number; entity?: string }) {
    const qs = new URLSearchParams();
    const e = next.entity ?? entity;
    if (e) qs.set('entity', e);
    if (next.page && next.page > 1) qs.set('page', String(next.page));
    route(qs.size ? `${path}?${qs}` : path);
  }

  return (
    <>
      <PageHeader title={t('audit.title')} />
      <div class="panel filters">
        <SelectField
          id="f-entity"
          label={t('audit.entity')}
          value={entity}
          onValue={(v) => go({ entity: v, page: 1 })}
          options={[
            { value: '', label: t('audit.entityAll') },
            ...ENTITIES.map((e) => ({ value: e, label: tEnum('entity', e) })),
          ]}
        />
      </div>
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
      {list.data && list.data.items.length === 0 ? <p class="empty">{t('common.empty')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <div aria-busy={list.loading}>
          <div class="table-wrap cards">
            <table>
              <caption class="visually-hidden">{t('audit.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.at')}</th>
                  <th scope="col">{t('audit.user')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.entity')}</th>
                  <th scope="col">{t('audit.changes')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((entry) => (
                  <Row key={entry.id} entry={entry} />
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
