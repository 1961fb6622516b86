/**
 * 承办单位: GET /api/departments with a search box; admins and district-wide staff add, edit and
 * deactivate (deactivated bodies drop out of the 三议 picker but keep their history); leaders
 * and township staff read. Import from CSV/XLSX is at the bottom.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { type ApiError, byId, call, client, query } from '../../api';
import { useAuth } from '../../auth';
import { SelectField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { StatusBadge } from '../../components/StatusBadge';
import { t } from '../../i18n';
import { useForm } from '../../use-form';
import { useResource } from '../../use-resource';
import { RowActions } from '../roster/shared';
import { DepartmentImport } from './Import';
import { KIND_KEYS, kindName } from './Picker';

type Department = Awaited<ReturnType<typeof loadDepartments>>[number];
const KINDS = Object.keys(KIND_KEYS) as (keyof typeof KIND_KEYS)[];

function loadDepartments(q: string) {
  return call(client.api.departments.$get(query({ q }))).then((r) => r.items);
}

function DepartmentForm({
  department,
  onSaved,
  onCancel,
}: {
  department: Department | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const townships = useResource(() => call(client.api.townships.$get()).then((r) => r.items), []);
  const form = useForm('department', {
    name: department?.name ?? '',
    shortName: department?.shortName ?? '',
    kind: department?.kind ?? 'district_agency',
    townshipId: department?.townshipId ? String(department.townshipId) : '',
    contactName: department?.contactName ?? '',
    contactPhone: department?.contactPhone ?? '',
  });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  async function save(event: Event) {
    event.preventDefault();
    const v = form.values;
    const body = {
      name: v.name,
      shortName: v.shortName,
      kind: (KINDS.find((k) => k === v.kind) ?? 'other') as (typeof KINDS)[number],
      townshipId: v.townshipId === '' ? null : Number(v.townshipId),
      contactName: v.contactName,
      contactPhone: v.contactPhone,
    };
    const ok = await form.submit(() =>
      department
        ? call(client.api.departments[':id{[0-9]+}'].$patch(byId(department.id, body)))
        : call(client.api.departments.$post({ json: body })),
    );
    if (ok) onSaved();
  }

  return (
    <section class="panel" aria-labelledby="department-form-title">
      <h2 id="department-form-title" ref={heading} tabIndex={-1}>
        {department ? `${t('dept.edit')}：${department.name}` : t('dept.add')}
      </h2>
      {form.message ? (
        <Notice tone="error">
          <p>{form.message}</p>
        </Notice>
      ) : null}
      <form onSubmit={save} noValidate>
        <div class="form-grid">
          <TextField {...form.bind('name')} label={t('dept.name')} required maxLength={100} autoComplete="off" />
          <TextField {...form.bind('shortName')} label={t('dept.shortName')} optional maxLength={30} autoComplete="off" />
          <SelectField
            {...form.bind('kind')}
            label={t('dept.kind')}
            options={KINDS.map((k) => ({ value: k, label: kindName(k) }))}
          />
          <SelectField
            {...form.bind('townshipId')}
            label={t('dept.township')}
            optional
            options={[
              { value: '', label: t('dept.townshipNone') },
              ...(townships.data ?? []).map((tw) => ({ value: String(tw.id), label: tw.name })),
            ]}
          />
          <TextField {...form.bind('contactName')} label={t('dept.contactName')} optional maxLength={40} autoComplete="off" />
          <TextField
            {...form.bind('contactPhone')}
            label={t('dept.contactPhone')}
            optional
            type="tel"
            inputMode="tel"
            maxLength={30}
          />
        </div>
        <div class="form-actions">
          <button type="submit" class="btn" disabled={form.busy}>
            {t(form.busy ? 'common.saving' : 'common.save')}
          </button>
          <button type="button" class="btn btn-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

export default function DepartmentsPage() {
  const { user } = useAuth();
  const editable = user.role === 'admin' || (user.role === 'staff' && user.townshipId === null);
  const [q, setQ] = useState('');
  const list = useResource(() => loadDepartments(q), [q]);
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const changed = (error: ApiError | null) => {
    setNotice(error ? { tone: 'error', text: error.message } : { tone: 'success', text: t('dept.saved') });
    list.reload();
  };
  const items = list.data ?? [];
  return (
    <>
      <PageHeader title={t('dept.title')}>
        {editable && editing === null ? (
          <button type="button" class="btn" onClick={() => setEditing('new')}>
            {t('dept.add')}
          </button>
        ) : null}
      </PageHeader>
      <p class="page-intro">{t('dept.lead')}</p>
      {notice ? (
        <Notice tone={notice.tone}>
          <p>{notice.text}</p>
        </Notice>
      ) : null}
      {editing !== null ? (
        <DepartmentForm
          department={editing === 'new' ? null : editing}
          onSaved={() => {
            setEditing(null);
            changed(null);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      <div class="panel filters">
        <TextField id="dept-q" label={t('dept.search')} type="search" value={q} onValue={setQ} optional autoComplete="off" />
      </div>
      {list.error ? (
        <Notice tone="error">
          <p>{list.error.message}</p>
        </Notice>
      ) : null}
      {list.data && items.length === 0 ? <p class="empty">{t('dept.none')}</p> : null}
      {items.length > 0 ? (
        <div class="table-wrap cards" aria-busy={list.loading}>
          <table>
            <caption class="visually-hidden">{t('dept.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dept.name')}</th>
                <th scope="col">{t('dept.kind')}</th>
                <th scope="col">{t('dept.township')}</th>
                <th scope="col">{t('dept.contactName')}</th>
                <th scope="col" class="num">
                  {t('dept.openItems')}
                </th>
                <th scope="col" class="num">
                  {t('dept.accounts')}
                </th>
                <th scope="col">{t('common.status')}</th>
                {editable ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id} class={d.active ? undefined : 'inactive'}>
                  <td class="primary" data-label={t('dept.name')}>
                    <a href={`/opinions?departmentId=${d.id}`}>{d.name}</a>
                    {d.shortName ? <span class="muted"> {d.shortName}</span> : null}
                  </td>
                  <td class="nowrap" data-label={t('dept.kind')}>
                    {kindName(d.kind)}
                  </td>
                  <td data-label={t('dept.township')}>{d.townshipName ?? '—'}</td>
                  <td data-label={t('dept.contactName')}>
                    {d.contactName}
                    {d.contactPhone ? <span class="muted nowrap"> {d.contactPhone}</span> : null}
                  </td>
                  <td class="num" data-label={t('dept.openItems')}>
                    {d.openItems}
                  </td>
                  <td class="num" data-label={t('dept.accounts')}>
                    {d.accounts}
                  </td>
                  <td data-label={t('common.status')}>
                    <StatusBadge active={d.active} />
                  </td>
                  {editable ? (
                    <RowActions
                      name={d.name}
                      active={d.active}
                      onEdit={() => setEditing(d)}
                      save={(active) => call(client.api.departments[':id{[0-9]+}'].$patch(byId(d.id, { active })))}
                      onDone={changed}
                    />
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {editable ? <DepartmentImport onDone={() => list.reload()} /> : null}
    </>
  );
}
