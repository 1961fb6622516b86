/**
 * Labelled form controls with hint and error text wired up through aria-describedby, so a
 * screen reader reads "手机号码, invalid, 请输入 11 位手机号码" in one go.
 */
import type { ComponentChildren } from 'preact';
import { t } from '../i18n';

export interface FieldFrameProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: boolean | undefined;
}

/** The ids of a control's hint and error, for aria-describedby. */
export function describedBy({ id, hint, error }: FieldFrameProps): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** Label, control, hint and error in the house layout; other field modules build on it. */
export function FieldFrame(props: FieldFrameProps & { children: ComponentChildren }) {
  const { id, label, hint, error, optional, children } = props;
  return (
    <div class="field">
      <label for={id}>
        {label}
        {optional ? <span class="optional">（{t('common.optional')}）</span> : null}
      </label>
      {children}
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export interface TextFieldProps extends FieldFrameProps {
  value: string;
  onValue: (value: string) => void;
  type?: 'text' | 'tel' | 'password' | 'search' | 'number';
  required?: boolean;
  disabled?: boolean;
  autoComplete?: string;
  inputMode?: 'text' | 'tel' | 'numeric' | 'search';
  maxLength?: number;
  placeholder?: string;
}

export function TextField(props: TextFieldProps) {
  const { id, value, onValue, type = 'text', required, disabled, autoComplete, inputMode, maxLength, placeholder } = props;
  return (
    <FieldFrame {...props}>
      <input
        id={id}
        name={id}
        // Preact 11 pairs each input type with the ARIA roles it allows; we never set a role.
        type={type as 'text'}
        value={value}
        required={required}
        disabled={disabled}
        autoComplete={autoComplete}
        inputMode={inputMode}
        maxLength={maxLength}
        placeholder={placeholder}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props)}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
    </FieldFrame>
  );
}

export interface Option {
  value: string;
  label: string;
}

export interface SelectFieldProps extends FieldFrameProps {
  value: string;
  onValue: (value: string) => void;
  options: readonly Option[];
  required?: boolean;
  disabled?: boolean;
}

export function SelectField(props: SelectFieldProps) {
  const { id, value, onValue, options, required, disabled } = props;
  return (
    <FieldFrame {...props}>
      <select
        id={id}
        name={id}
        value={value}
        required={required}
        disabled={disabled}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props)}
        onChange={(e) => onValue(e.currentTarget.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
