/**
 * Form controls the shared Field.tsx does not have: a multi-line text area and a date
 * picker, labelled and wired to hint and error text the same way.
 */
import { describedBy, FieldFrame as Frame, type FieldFrameProps as FrameProps } from '../../components/Field';

export interface TextAreaProps extends FrameProps {
  value: string;
  onValue: (value: string) => void;
  rows?: number;
  maxLength?: number;
  required?: boolean;
}

export function TextArea(props: TextAreaProps) {
  const { id, value, onValue, rows = 3, maxLength, required } = props;
  return (
    <Frame {...props}>
      <textarea
        id={id}
        name={id}
        rows={rows}
        value={value}
        maxLength={maxLength}
        required={required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props)}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
    </Frame>
  );
}

export interface DateFieldProps extends FrameProps {
  value: string;
  onValue: (value: string) => void;
  min?: string;
  required?: boolean;
}

/** A native date picker: 'YYYY-MM-DD', which is what the API takes. */
export function DateField(props: DateFieldProps) {
  const { id, value, onValue, min, required } = props;
  return (
    <Frame {...props}>
      <input
        id={id}
        name={id}
        type="date"
        value={value}
        min={min}
        required={required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props)}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
    </Frame>
  );
}

export interface FileFieldProps extends FrameProps {
  /** Called with the chosen files (an empty list when cleared). */
  onFiles: (files: File[]) => void;
  accept: string;
  multiple?: boolean;
}

/** A file picker; on phones it offers the camera as well as the gallery. */
export function FileField(props: FileFieldProps) {
  const { id, onFiles, accept, multiple } = props;
  return (
    <Frame {...props}>
      <input
        id={id}
        name={id}
        type="file"
        accept={accept}
        multiple={multiple}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props)}
        onChange={(e) => onFiles([...(e.currentTarget.files ?? [])])}
      />
    </Frame>
  );
}
