/**
 * Reading untrusted input: a urlencoded/multipart body (strings, string arrays, Files) or a
 * JSON body (anything). Shared by validation and by the renderer's kept values. Pure.
 */

/** Marks a value of the wrong type or shape. */
export const INVALID = Symbol('invalid');
/** A single form value: text, absent, or invalid. */
export type Scalar = string | undefined | typeof INVALID;

/** Reads an own property only: an id such as `constructor` must not find Object.prototype. */
export function own(input: unknown, key: string): unknown {
  return typeof input === 'object' && input !== null && Object.hasOwn(input, key)
    ? (input as Record<string, unknown>)[key]
    : undefined;
}

/** One scalar from a form value; two different values for one single-valued field is tampering. */
export function scalar(value: unknown): Scalar {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : INVALID;
  if (Array.isArray(value)) {
    // One level only: recursing into attacker-chosen nesting could exhaust the stack.
    const items = value.map((v) => (Array.isArray(v) ? INVALID : scalar(v))).filter((v) => v !== undefined && v !== '');
    if (items.length === 0) return undefined;
    return items.every((v) => v === items[0]) ? items[0] : INVALID;
  }
  return INVALID;
}

/** Parses a rating such as "4" (0…max), or null; ratings come from our own radio values. */
export function parseRating(raw: string, max: number): number | null {
  const text = raw.trim();
  if (!/^\d{1,2}$/.test(text)) return null;
  const n = Number(text);
  return n <= max ? n : null;
}
