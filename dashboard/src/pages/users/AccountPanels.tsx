/**
 * The two account actions that end sessions, each in its own panel with the consequence
 * spelled out before anything happens: 重置密码 (PATCH { password }) and 停用 (PATCH
 * { active: false }). Both sign the person out everywhere at once (the Worker deletes
 * their sessions in the same batch as the change).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, byId, call, client } from '../../api';
import { Notice } from '../../components/Notice';
import { t } from '../../i18n';
import { useForm } from '../../use-form';
import { PasswordInput } from './PasswordInput';
import type { Account } from './types';

interface PanelProps {
  account: Account;
  onDone: () => void;
  onCancel: () => void;
}

/** Focuses the panel's heading when it opens, so keyboard and screen-reader users land there. */
function useFocusHeading() {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return heading;
}

export function ResetPasswordPanel({ account, onDone, onCancel }: PanelProps) {
  const form = useForm('reset', { password: '' });
  const heading = useFocusHeading();

  async function save(event: Event) {
    event.preventDefault();
    const password = form.values.password;
    const ok = await form.submit(() => call(client.api.users[':id{[0-9]+}'].$patch(byId(account.id, { password }))));
    if (ok) onDone();
  }

  return (
    <section class="panel" aria-labelledby="reset-title">
      <h2 id="reset-title" ref={heading} tabIndex={-1}>
        {t('users.resetTitle', { name: account.displayName })}
      </h2>
      <p class="muted">{t('users.resetNote')}</p>
      {form.message ? (
        <Notice tone="error">
          <p>{form.message}</p>
        </Notice>
      ) : null}
      <form onSubmit={save} noValidate>
        <div class="form-grid">
          <PasswordInput {...form.bind('password')} label={t('users.newPassword')} hint={t('users.passwordHint')} />
        </div>
        <div class="form-actions">
          <button type="submit" class="btn" disabled={form.busy}>
            {t(form.busy ? 'common.saving' : 'users.resetPassword')}
          </button>
          <button type="button" class="btn btn-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

export function DeactivatePanel({ account, onDone, onCancel }: PanelProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const heading = useFocusHeading();

  async function deactivate() {
    setBusy(true);
    setError(null);
    try {
      await call(client.api.users[':id{[0-9]+}'].$patch(byId(account.id, { active: false })));
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('error.unknown'));
      setBusy(false);
    }
  }

  return (
    <section class="panel" aria-labelledby="deactivate-title" aria-describedby="deactivate-body">
      <h2 id="deactivate-title" ref={heading} tabIndex={-1}>
        {t('users.deactivateTitle', { name: account.displayName })}
      </h2>
      <p id="deactivate-body">{t('users.deactivateBody', { username: account.username })}</p>
      {error ? (
        <Notice tone="error">
          <p>{error}</p>
        </Notice>
      ) : null}
      <div class="form-actions">
        <button type="button" class="btn btn-danger" disabled={busy} onClick={deactivate}>
          {t(busy ? 'common.saving' : 'users.deactivateConfirm')}
        </button>
        <button type="button" class="btn btn-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </section>
  );
}
