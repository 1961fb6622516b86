/**
 * The whole screen of a session that must choose a new password before anything else (after
 * an admin's reset): the Worker refuses every other API call with 403
 * password_change_required until then, so no page could work anyway.
 */
import type { Me } from '../../api';
import { LangSwitch } from '../../components/LangSwitch';
import { Notice } from '../../components/Notice';
import { t } from '../../i18n';
import { PasswordForm } from './PasswordForm';
import './password.css';

export interface ForcedPasswordChangeProps {
  onChanged: (user: Me) => void;
  onLogout: () => void;
}

export function ForcedPasswordChange({ onChanged, onLogout }: ForcedPasswordChangeProps) {
  return (
    <div class="login-page">
      <main id="main" class="login-card">
        <div class="login-top">
          <div>
            <span class="brand-name">{t('app.name')}</span>
          </div>
          <LangSwitch />
        </div>
        <h1>{t('account.password.forcedHeading')}</h1>
        <Notice tone="warn">
          <p>{t('account.password.forcedNote')}</p>
        </Notice>
        <PasswordForm onChanged={onChanged} />
        <p class="login-hint">
          <button type="button" class="btn btn-quiet btn-small" onClick={onLogout}>
            {t('account.password.forcedLogout')}
          </button>
        </p>
      </main>
    </div>
  );
}
