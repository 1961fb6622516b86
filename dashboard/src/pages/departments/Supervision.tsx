/**
 * 督办: GET /api/supervision — items whose 签收 or 办理 deadline is near or past, grouped by
 * department and by township, with how long overdue, how often chased, and which are
 * 挂牌督办. Staff open an item to 催办 it; leaders read.
 */
import { useState } from 'preact/hooks';
import { call, client, query } from '../../api';
import { SelectField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { t } from '../../i18n';
import { useResource } from '../../use-resource';

type Only = '' | 'overdue' | 'escalated';

function Groups({
  title,
  groups,
}: {
  title: string;
  groups: { id: number | null; name: string | null; yellow: number; red: number; escalated: number; maxOverdueDays: number }[];
}) {
  return (
    <section class="panel" aria-label={title}>
      <h2>{title}</h2>
      <div class="table-wrap cards">
        <table>
          <thead>
            <tr>
              <th scope="col">{title}</th>
              <th scope="col" class="num">
                {t('supervision.red')}
              </th>
              <th scope="col" class="num">
                {t('supervision.yellow')}
              </th>
              <th scope="col" class="num">
                {t('supervision.escalated')}
              </th>
              <th scope="col" class="num">
                {t('supervision.maxOverdue')}
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={String(g.id)}>
                <td class="primary" data-label={title}>
                  {g.name ?? t('supervision.noDepartment')}
                </td>
                <td class="num" data-label={t('supervision.red')}>
                  {g.red}
                </td>
                <td class="num" data-label={t('supervision.yellow')}>
                  {g.yellow}
                </td>
                <td class="num" data-label={t('supervision.escalated')}>
                  {g.escalated}
                </td>
                <td class="num" data-label={t('supervision.maxOverdue')}>
                  {g.maxOverdueDays > 0 ? t('supervision.overdueDays', { n: g.maxOverdueDays }) : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export default function SupervisionPage() {
  const [only, setOnly] = useState<Only>('');
  const view = useResource(() => call(client.api.supervision.$get(query({ only }))), [only]);
  const v = view.data;
  return (
    <>
      <PageHeader title={t('supervision.title')} />
      {v ? <p class="page-intro">{t('supervision.lead', { days: v.escalateAfterWorkingDays })}</p> : null}
      <div class="panel filters">
        <SelectField
          id="sup-only"
          label={t('supervision.items')}
          value={only}
          onValue={(x) => setOnly(x as Only)}
          options={[
            { value: '', label: t('supervision.only.all') },
            { value: 'overdue', label: t('supervision.only.overdue') },
            { value: 'escalated', label: t('supervision.only.escalated') },
          ]}
        />
      </div>
      {view.error ? (
        <Notice tone="error">
          <p>{view.error.message}</p>
        </Notice>
      ) : null}
      {v && v.items.length === 0 ? <p class="empty">{t('supervision.none')}</p> : null}
      {v && v.items.length > 0 ? (
        <>
          <div class="sup-groups">
            <Groups title={t('supervision.byDepartment')} groups={v.byDepartment} />
            <Groups title={t('supervision.byTownship')} groups={v.byTownship} />
          </div>
          <section class="panel" aria-labelledby="sup-items">
            <h2 id="sup-items">{t('supervision.items')}</h2>
            <div class="table-wrap cards">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('opinions.code')}</th>
                    <th scope="col">{t('supervision.byDepartment')}</th>
                    <th scope="col">{t('supervision.byTownship')}</th>
                    <th scope="col">{t('supervision.due')}</th>
                    <th scope="col">{t('supervision.red')}</th>
                  </tr>
                </thead>
                <tbody>
                  {v.items.map((i) => (
                    <tr key={`${i.opinionId}-${i.clock}-${i.departmentId}`}>
                      <td class="primary" data-label={t('opinions.code')}>
                        <a href={`/opinions/${i.opinionId}`} class="code">
                          {i.trackingCode}
                        </a>
                        {i.escalated ? <span class="badge badge-red"> {t('handling.escalated')}</span> : null}
                      </td>
                      <td data-label={t('supervision.byDepartment')}>
                        {i.departmentName ?? t('supervision.noDepartment')}
                        <span class="muted">
                          {' '}
                          · {t(i.clock === 'sign' ? 'supervision.clock.sign' : 'supervision.clock.handle')}
                        </span>
                      </td>
                      <td data-label={t('supervision.byTownship')}>{i.townshipName}</td>
                      <td class="nowrap" data-label={t('supervision.due')}>
                        <span class={`badge deadline-${i.colour}`}>{i.dueOn}</span>
                      </td>
                      <td data-label={t('supervision.red')}>
                        {i.overdueDays > 0 ? t('supervision.overdueDays', { n: i.overdueDays }) : t('supervision.yellow')}
                        {i.reminders > 0 ? <span class="muted"> · {t('supervision.reminders', { n: i.reminders })}</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      ) : null}
    </>
  );
}
