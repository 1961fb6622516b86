/**
 * The note an opinions list shows when it was opened from 总览: which of its filters came from
 * the overview (period as days received, township, category, state), so the count on the list
 * can be matched with the bar that was clicked.
 */
import { Notice } from '../../components/Notice';
import { formatLongDay } from '../../charts/format';
import { t } from '../../i18n';

export function OverviewFilterNote({ params }: { params: Record<string, string | undefined> }) {
  const parts: string[] = [];
  if (params.receivedFrom && params.receivedTo) {
    parts.push(t('stats.drill.period', { from: formatLongDay(params.receivedFrom), to: formatLongDay(params.receivedTo) }));
  }
  if (params.townshipId) parts.push(t('stats.drill.township'));
  if (params.category) parts.push(t('stats.drill.category'));
  if (params.state) parts.push(t('stats.drill.state'));
  return (
    <Notice tone="info">
      <p>{t('stats.drill.note', { filters: parts.join(t('stats.drill.separator')) })}</p>
    </Notice>
  );
}
