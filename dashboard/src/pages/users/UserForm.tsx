/**
 * Create or edit an account: POST /api/users with every field, or PATCH /api/users/:id with
 * the changed ones (name, role, township, deputy). The township select appears only for
 * staff and the deputy picker only for deputy accounts; the Worker checks the combination
 * and answers per field. Passwords are set here on creation and reset separately later.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { byId, call, client, type Township } from '../../api';
import { SelectField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { t, tEnum } from '../../i18n';
import { changedFields, useForm } from '../../use-form';
import { townshipOptions } from '../roster/shared';
import { DeputyPicker } from './DeputyPicker';
import { PasswordInput } from './PasswordInput';
import { type Account, type AccountInput, type AccountPatch, asRole, linksFor, ROLE_HINTS, ROLES } from './types';

export interface UserFormProps {
  /** The account to edit, or null to create one. */
  account: Account | null;
  townships: readonly Township[];
  /** The signed-in admin's own id: they cannot change their own role. */
  selfId: number;
  onSaved: (displayName: string) => void;
  onCancel: () => void;
}

export function UserForm({ account, townships, selfId, onSaved, onCancel }: UserFormProps) {
  const form = useForm('user', {
    username: account?.username ?? '',
    displayName: account?.displayName ?? '',
    role: account?.role ?? 'staff',
    townshipId: account?.townshipId ? String(account.townshipId) : '',
    deputyId: account?.deputyId ? String(account.deputyId) : '',
    password: '',
  });
  const [deputyLabel, setDeputyLabel] = useState<string | null>(account?.deputyName ?? null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const role = asRole(form.values.role);
  const self = account?.id === selfId;

  async function save(event: Event) {
    event.preventDefault();
    const v = form.values;
    const fields = { displayName: v.displayName, role, ...linksFor(role, v.townshipId, v.deputyId) };
    const ok = await form.submit(() => {
      if (!account) {
        const body: AccountInput = { username: v.username, ...fields, password: v.password };
        return call(client.api.users.$post({ json: body }));
      }
      const patch: AccountPatch = changedFields(account, fields);
      return call(client.api.users[':id{[0-9]+}'].$patch(byId(account.id, patch)));
    });
    if (ok) onSaved(v.displayName.trim());
  }

  return (
    <section class="panel" aria-labelledby="user-form-title">
      <h2 id="user-form-title" ref={heading} tabIndex={-1}>
        {account ? t('users.edit', { name: account.displayName }) : t('users.new')}
      </h2>
      {form.message ? (
        <Notice tone="error">
          <p>{form.message}</p>
        </Notice>
      ) : null}
      <form onSubmit={save} noValidate>
        <div class="form-grid">
          {account ? (
            <TextField
              id="user-username"
              label={t('users.username')}
              value={account.username}
              onValue={() => undefined}
              disabled
              hint={t('users.usernameFixed')}
            />
          ) : (
            <TextField
              {...form.bind('username')}
              label={t('users.username')}
              hint={t('users.usernameHint')}
              required
              maxLength={32}
              autoComplete="off"
            />
          )}
          <TextField
            {...form.bind('displayName')}
            label={t('users.displayName')}
            hint={t('users.displayNameHint')}
            required
            maxLength={40}
            autoComplete="off"
          />
          <SelectField
            {...form.bind('role')}
            label={t('users.role')}
            options={ROLES.map((r) => ({ value: r, label: tEnum('role', r) }))}
            hint={self ? t('users.selfRoleHint') : t(ROLE_HINTS[role])}
            disabled={self}
            required
          />
          {role === 'staff' ? (
            <SelectField
              {...form.bind('townshipId')}
              label={t('users.township')}
              options={townshipOptions(townships, { value: '', label: t('users.townshipAll') })}
              hint={t('users.townshipHint')}
            />
          ) : null}
          {account ? null : (
            <PasswordInput {...form.bind('password')} label={t('users.password')} hint={t('users.passwordHint')} />
          )}
        </div>
        {role === 'deputy' ? (
          <DeputyPicker
            id="user-deputyId"
            value={form.values.deputyId}
            label={deputyLabel}
            error={form.bind('deputyId').error}
            onPick={(id, label) => {
              form.set('deputyId', id);
              setDeputyLabel(label);
            }}
          />
        ) : null}
        <div class="form-actions">
          <button type="submit" class="btn" disabled={form.busy}>
            {t(form.busy ? 'common.saving' : 'common.save')}
          </button>
          <button type="button" class="btn btn-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
