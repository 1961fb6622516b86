/**
 * The 催办 a department or deputy received, at the top of their inbox: each reminder with when
 * it came, which item, and how overdue it was — so a chased item is never missed.
 */
import { call, client } from '../../api';
import { Notice } from '../../components/Notice';
import { t } from '../../i18n';
import { useResource } from '../../use-resource';
import { shortDateTime } from '../opinions/data';

/** Shown only when there is something to show. */
export function RemindersBanner() {
  const reminders = useResource(() => call(client.api.reminders.$get()).then((r) => r.items), []);
  const items = reminders.data ?? [];
  if (items.length === 0) return null;
  return (
    <Notice tone="warn">
      <h2 class="reminders-title">{t('reminders.title')}</h2>
      <ul class="reminders">
        {items.slice(0, 5).map((r) => (
          <li key={r.id}>
            {t('reminders.item', {
              when: shortDateTime(r.issuedAt),
              code: r.trackingCode,
              overdue: r.overdueDays > 0 ? t('reminders.overdue', { days: r.overdueDays }) : '',
            })}
            {r.note ? `：${r.note}` : ''} <a href={`/opinions/${r.opinionId}`}>{t('reminders.open')}</a>
          </li>
        ))}
      </ul>
    </Notice>
  );
}
