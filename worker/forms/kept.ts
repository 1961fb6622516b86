/**
 * Reading back what the person typed so a re-rendered form keeps it. The values may be the
 * raw form body (strings, string arrays, files) or stored answers (numbers, booleans, nested
 * course ratings), so every reader accepts both and never throws.
 */
import { own } from './input';

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * The kept text of a single-valued field. `nested` is the path inside stored answers
 * (e.g. [question, course, aspect]) used when the flat HTML name is absent.
 */
export function keptText(values: unknown, name: string, nested?: readonly string[]): string {
  let value = own(values, name);
  if (value === undefined && nested) value = nested.reduce<unknown>((v, key) => own(v, key), values);
  if (Array.isArray(value)) value = value.find((v) => text(v) !== undefined);
  return text(value) ?? '';
}

/** The kept codes of a multi-valued field. */
export function keptList(values: unknown, name: string): string[] {
  const value = own(values, name);
  const items = Array.isArray(value) ? value : [value];
  return items.map(text).filter((v): v is string => v !== undefined);
}

/** Whether a checkbox was ticked (form value "yes"/"on", or stored `true`). */
export function keptChecked(values: unknown, name: string): boolean {
  const value = own(values, name);
  if (value === true) return true;
  const t = text(Array.isArray(value) ? value[0] : value);
  return t !== undefined && ['yes', 'on', 'true', '1'].includes(t.trim().toLowerCase());
}
