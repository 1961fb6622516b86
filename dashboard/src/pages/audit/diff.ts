/**
 * Turns an audit entry's before/after snapshots into the list of fields that changed.
 * The Worker stores the whole row as `before` and the request's fields as `after` for an
 * update, the new record as `after` for a create: so the fields of `after` are what was
 * written, and those equal to `before` did not change.
 */

/** One changed field; `before` is undefined for a newly created record. */
export interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

/** Bookkeeping columns that change on every write and tell a reader nothing. */
const NOISE = new Set(['createdAt', 'updatedAt']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * @example diffEntries({ name: '张三', phone: '13800138000' }, { phone: '13900139000' })
 * // [{ field: 'phone', before: '13800138000', after: '13900139000' }]
 */
export function diffEntries(before: unknown, after: unknown): Change[] {
  if (isRecord(after)) {
    const old = isRecord(before) ? before : {};
    return Object.keys(after)
      .filter((field) => !NOISE.has(field) && !same(old[field], after[field]))
      .map((field) => ({ field, before: old[field], after: after[field] }));
  }
  if (isRecord(before) && (after === null || after === undefined)) {
    return Object.keys(before)
      .filter((field) => !NOISE.has(field))
      .map((field) => ({ field, before: before[field], after: undefined }));
  }
  return same(before, after) ? [] : [{ field: '', before, after }];
}
