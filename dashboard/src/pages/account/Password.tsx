/**
 * /account/password — changing one's own password, for every role. The forced variant after
 * an admin's reset is in Forced.tsx, shown by the app shell instead of any page.
 */
import { useState } from 'preact/hooks';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { t } from '../../i18n';
import { PasswordForm } from './PasswordForm';
import './password.css';

export default function PasswordPage() {
  const [done, setDone] = useState(false);
  return (
    <section class="password-page">
      <PageHeader title={t('account.password.title')} />
      {done ? (
        <Notice tone="success">
          <p>{t('account.password.done')}</p>
        </Notice>
      ) : null}
      <div class="panel password-card">
        <PasswordForm onChanged={() => setDone(true)} />
      </div>
    </section>
  );
}
