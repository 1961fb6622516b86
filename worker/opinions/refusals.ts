/**
 * The workflow machine's refusals as API errors: the machine's code is the error code, and
 * the status says what kind of problem it is — 403 for who, 409 for when, 422 for what.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ApiError } from '../platform/errors';
import type { PlanErrorCode } from '../workflow/machine';

const STATUS: Partial<Record<PlanErrorCode, ContentfulStatusCode>> = {
  role_not_allowed: 403,
  not_assigned_deputy: 403,
  // The opinion moved on (or the rating window is still open): reload and look again.
  action_not_allowed_in_state: 409,
  unknown_state: 409,
  rating_window_open: 409,
  // Departments: not theirs (403), or not in the standing for it right now (409: reload).
  not_assigned_department: 403,
  lead_department_only: 403,
  already_signed: 409,
  not_signed: 409,
  answer_pending: 409,
  extension_pending: 409,
  no_extension_pending: 409,
  no_answer_pending: 409,
};

/** Form fields the refusals that concern the opinion itself point at. */
const FIELD: Partial<Record<PlanErrorCode, string>> = {
  unknown_action: 'action',
  merge_target_self: 'mergeTarget',
  deputy_unchanged: 'deputyId',
  departments_unchanged: 'leadDepartmentId',
  department_not_assigned: 'departmentId',
  extension_not_later: 'deadline',
};

/** An ApiError for a refused plan; payload problems carry the field the form should mark. */
export function refusal(code: PlanErrorCode, field?: string): ApiError {
  const status = STATUS[code] ?? 422;
  const name = field ?? FIELD[code];
  return new ApiError(status, code, {}, name ? { [name]: { key: code } } : undefined);
}

/** 409 for a stale revision; `revision` tells the client what the row is at now. */
export function staleRevision(current: number): ApiError {
  return new ApiError(409, 'conflict', {}, undefined, { revision: current });
}

/** Whether a D1 error is the revision guard of {@link import('./commit').transitionStatements} firing. */
export function isRevisionConflict(err: unknown): boolean {
  const text = err instanceof Error ? `${err.message} ${String((err as { cause?: unknown }).cause ?? '')}` : String(err);
  return /NOT NULL constraint failed: opinions\.revision/.test(text);
}
