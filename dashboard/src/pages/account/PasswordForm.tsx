/**
 * The form that changes one's own password: current password, new password twice. The
 * Worker judges the new password (length, common and patterned passwords) and answers with
 * field messages in the UI language; the repeat check is the only rule kept here.
 */
import { useState } from 'preact/hooks';
import { ApiError, call, client, type Me } from '../../api';
import { TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { t } from '../../i18n';

export interface PasswordFormProps {
  /** Called with the account as it is after the change. */
  onChanged: (user: Me) => void;
}

type Fields = Partial<Record<'currentPassword' | 'newPassword' | 'repeat', string>>;

export function PasswordForm({ onChanged }: PasswordFormProps) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState<Fields>({});
  const [error, setError] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const local: Fields = {};
    if (!current) local.currentPassword = t('account.password.required');
    if (!next) local.newPassword = t('account.password.required');
    if (next && repeat !== next) local.repeat = t('account.password.mismatch');
    setFields(local);
    setError(null);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      const { user } = await call(client.api.auth.password.$post({ json: { currentPassword: current, newPassword: next } }));
      setCurrent('');
      setNext('');
      setRepeat('');
      onChanged(user);
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(0, 'unknown', t('error.unknown'));
      setFields(e.fields as Fields);
      if (Object.keys(e.fields).length === 0) setError(e.message);
      // A rejected current password is never kept: the next attempt starts clean.
      if (e.fields.currentPassword) setCurrent('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="password-form" onSubmit={submit} noValidate>
      {error ? (
        <Notice tone="error">
          <p>{error}</p>
        </Notice>
      ) : null}
      <TextField
        id="currentPassword"
        label={t('account.password.current')}
        type="password"
        value={current}
        onValue={setCurrent}
        autoComplete="current-password"
        maxLength={256}
        error={fields.currentPassword}
        required
      />
      <TextField
        id="newPassword"
        label={t('account.password.new')}
        hint={t('account.password.newHint')}
        type="password"
        value={next}
        onValue={setNext}
        autoComplete="new-password"
        maxLength={256}
        error={fields.newPassword}
        required
      />
      <TextField
        id="repeatPassword"
        label={t('account.password.repeat')}
        type="password"
        value={repeat}
        onValue={setRepeat}
        autoComplete="new-password"
        maxLength={256}
        error={fields.repeat}
        required
      />
      <button type="submit" class="btn" disabled={busy}>
        {t(busy ? 'account.password.saving' : 'account.password.submit')}
      </button>
    </form>
  );
}
