/**
 * Sign-in. The Worker answers 401 invalid_credentials or 429 too_many_attempts with a message
 * already in the UI language; it is shown as is, next to the form, and announced.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, call, client, type Me } from '../api';
import { LangSwitch } from '../components/LangSwitch';
import { Notice } from '../components/Notice';
import { TextField } from '../components/Field';
import { t } from '../i18n';

export interface LoginPageProps {
  onSignedIn: (user: Me) => void;
}

export function LoginPage({ onSignedIn }: LoginPageProps) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; throttled: boolean } | null>(null);
  const firstField = useRef<HTMLDivElement>(null);

  useEffect(() => {
    document.title = `${t('login.title')} · ${t('app.name')}`;
    firstField.current?.querySelector('input')?.focus();
  }, []);

  async function submit(event: Event) {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError({ message: t('login.required'), throttled: false });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { user } = await call(client.api.auth.login.$post({ json: { username: username.trim(), password } }), {
        on401: 'throw',
      });
      onSignedIn(user);
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(0, 'unknown', t('error.unknown'));
      setError({ message: e.message, throttled: e.status === 429 });
      // Never keep a rejected password in the field: the next attempt starts clean.
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="login-page">
      <main id="main" class="login-card">
        <div class="login-top">
          <div>
            <span class="brand-name">{t('app.name')}</span>
            <p class="muted">{t('app.tagline')}</p>
          </div>
          <LangSwitch />
        </div>
        <h1>{t('login.heading')}</h1>
        {error ? (
          <Notice tone={error.throttled ? 'warn' : 'error'}>
            <p>{error.message}</p>
          </Notice>
        ) : null}
        <form onSubmit={submit} noValidate>
          <div ref={firstField}>
            <TextField
              id="username"
              label={t('login.username')}
              value={username}
              onValue={setUsername}
              autoComplete="username"
              required
            />
          </div>
          <TextField
            id="password"
            label={t('login.password')}
            type="password"
            value={password}
            onValue={setPassword}
            autoComplete="current-password"
            required
          />
          <button type="submit" class="btn" disabled={busy}>
            {t(busy ? 'login.submitting' : 'login.submit')}
          </button>
        </form>
        <p class="hint login-hint">{t('login.hint')}</p>
      </main>
    </div>
  );
}
