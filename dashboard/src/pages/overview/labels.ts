/**
 * Names and colours of what the overview shows: the workflow's states grouped as leaders read
 * them (一听、二看、三议、四办, 已办结, 复核, and the side outcomes), categories in the current
 * language, and the links a township's bar opens.
 */
import { getLocale, t } from '../../i18n';
import { NEUTRAL, OKABE_ITO } from '../../charts/palette';
import type { OverviewData, StateCounts } from './types';

export interface StateGroup {
  key: string;
  label: string;
  color: string;
  count: (s: StateCounts) => number;
}

/** In stacking order: done first, then the steps from the nearest to completion. */
export function stateGroups(): StateGroup[] {
  return [
    { key: 'resolved', label: t('overview.state.resolved'), color: OKABE_ITO.bluishGreen, count: (s) => s.resolved + s.closed },
    { key: 'handling', label: t('overview.state.handling'), color: OKABE_ITO.blue, count: (s) => s.handling },
    { key: 'deliberating', label: t('overview.state.deliberating'), color: OKABE_ITO.skyBlue, count: (s) => s.deliberating },
    { key: 'viewing', label: t('overview.state.viewing'), color: OKABE_ITO.yellow, count: (s) => s.viewing },
    { key: 'listening', label: t('overview.state.listening'), color: OKABE_ITO.orange, count: (s) => s.listening },
    { key: 'pending', label: t('overview.state.pending'), color: OKABE_ITO.vermillion, count: (s) => s.pending },
    { key: 'review', label: t('overview.state.review'), color: OKABE_ITO.reddishPurple, count: (s) => s.review },
    { key: 'side', label: t('overview.state.side'), color: NEUTRAL, count: (s) => s.rejected + s.duplicate + s.transferred },
  ];
}

/** A category's name in the current language (the code when the list no longer has it). */
export function categoryName(data: OverviewData, code: string): string {
  const c = data.categories.find((x) => x.code === code);
  if (!c) return code;
  return getLocale() === 'en' ? c.nameEn || c.nameZh : c.nameZh;
}

/** The opinions list's state filter for a group of the resolution chart. */
const STATE_FILTER: Record<string, string> = { resolved: 'resolved', side: 'side' };

/**
 * Where a township's bar (or one of its segments) leads: the opinions list with every filter
 * of the view — the period as exact days received, the township, the category and, for a
 * segment, the state — and `from=overview` so the list can say where its filters came from.
 */
export function opinionsHref(
  data: Pick<OverviewData, 'period' | 'filters'>,
  townshipId: number | null,
  stateGroup?: string,
): string {
  const q = new URLSearchParams({ receivedFrom: data.period.from, receivedTo: data.period.to });
  const township = townshipId ?? data.filters.townshipId;
  if (township) q.set('townshipId', String(township));
  if (data.filters.category) q.set('category', data.filters.category);
  if (stateGroup) q.set('state', STATE_FILTER[stateGroup] ?? stateGroup);
  q.set('from', 'overview');
  return `/opinions?${q}`;
}
export const deputiesHref = (townshipId: number) => `/roster/deputies?townshipId=${townshipId}`;
