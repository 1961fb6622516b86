/**
 * Form state for the roster editors: string values as the inputs hold them, the API's
 * per-field messages (`error.fields`), the overall message, and a busy flag. Validation is
 * the Worker's: it answers in the UI language, so the dashboard does not duplicate rules.
 */
import { useState } from 'preact/hooks';
import { ApiError } from './api';
import { t } from './i18n';

export interface FormState<T extends Record<string, string>> {
  values: T;
  /** Props for a TextField/SelectField bound to one value. */
  bind: (name: keyof T & string) => { id: string; value: string; onValue: (v: string) => void; error: string | undefined };
  set: (name: keyof T & string, value: string) => void;
  /** Runs the save; on ApiError shows its message and field errors. Returns true on success. */
  submit: (save: () => Promise<unknown>) => Promise<boolean>;
  busy: boolean;
  message: string | null;
}

export function useForm<T extends Record<string, string>>(idPrefix: string, initial: T): FormState<T> {
  const [values, setValues] = useState<T>(initial);
  const [fields, setFields] = useState<Readonly<Record<string, string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (name: keyof T & string, value: string) => setValues((prev) => ({ ...prev, [name]: value }));

  return {
    values,
    set,
    bind: (name) => ({ id: `${idPrefix}-${name}`, value: values[name] ?? '', onValue: (v) => set(name, v), error: fields[name] }),
    busy,
    message,
    submit: async (save) => {
      setBusy(true);
      setMessage(null);
      setFields({});
      try {
        await save();
        return true;
      } catch (err) {
        const e = err instanceof ApiError ? err : new ApiError(0, 'unknown', t('error.unknown'));
        setMessage(e.message);
        setFields(e.fields);
        return false;
      } finally {
        setBusy(false);
      }
    },
  };
}

/** The keys of `next` whose values differ from `before`: a PATCH sends only what changed. */
export function changedFields<T extends object>(before: Partial<Record<keyof T, unknown>>, next: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (next[key] !== before[key]) out[key] = next[key];
  }
  return out;
}
