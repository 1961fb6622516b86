/**
 * A password field for setting someone else's password, with a 显示密码 switch: the admin
 * types a password they will pass on in person or by phone, so seeing it avoids typos.
 * The browser is told it is a new password, so it neither autofills nor offers the admin's own.
 */
import { useState } from 'preact/hooks';
import { TextField } from '../../components/Field';
import { t } from '../../i18n';

export interface PasswordInputProps {
  id: string;
  label: string;
  hint: string;
  value: string;
  onValue: (value: string) => void;
  error: string | undefined;
}

export function PasswordInput(props: PasswordInputProps) {
  const [shown, setShown] = useState(false);
  return (
    <div class="password-input">
      <TextField {...props} type={shown ? 'text' : 'password'} autoComplete="new-password" maxLength={256} required />
      <label class="check">
        <input type="checkbox" checked={shown} onChange={(e) => setShown(e.currentTarget.checked)} />
        {t('users.showPassword')}
      </label>
    </div>
  );
}
