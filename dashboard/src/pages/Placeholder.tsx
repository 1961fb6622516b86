/**
 * Small pages without data: "coming soon" for pages of later issues, not found, and not
 * allowed. They keep the navigation honest while the app grows.
 */
import { PageHeader } from '../components/PageHeader';
import { type PlainKey, t } from '../i18n';

export function ComingSoon({ label }: { label: PlainKey }) {
  const name = t(label);
  return (
    <>
      <PageHeader title={name} />
      <div class="panel">
        <p>{t('soon.body', { name })}</p>
      </div>
    </>
  );
}

export function NotFound() {
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <div class="panel">
        <p>{t('notFound.body')}</p>
        <a class="btn btn-secondary" href="/">
          {t('notFound.home')}
        </a>
      </div>
    </>
  );
}

export function Forbidden() {
  return (
    <>
      <PageHeader title={t('forbidden.title')} />
      <div class="panel">
        <p>{t('forbidden.body')}</p>
        <a class="btn btn-secondary" href="/">
          {t('notFound.home')}
        </a>
      </div>
    </>
  );
}
