/** Previous/next paging with "page 2 of 9, 835 in all"; the status is announced politely. */
import { t } from '../i18n';

export interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}

export function Pager({ page, pageSize, total, onPage }: PagerProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav class="pager" aria-label={t('pager.label')}>
      <button type="button" class="btn btn-secondary btn-small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('pager.prev')}
      </button>
      <span aria-live="polite">{t('pager.status', { page, pages, total })}</span>
      <button type="button" class="btn btn-secondary btn-small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('pager.next')}
      </button>
    </nav>
  );
}
