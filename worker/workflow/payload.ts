/**
 * Validation of what an action carries. Payloads arrive from JSON and forms, so every field is
 * checked at run time, not trusted for its TypeScript type. Only fields the action's table row
 * names are read; text is trimmed and blank text counts as missing.
 */
import { isDay, isWorkingDay, type Calendar } from './calendar';
import { isRating, type Rating } from './states';
import type { PayloadField, Requirement, TransitionRule } from './transitions';

/** What a client may send with an action; which fields count depends on the action. */
export interface TransitionPayload {
  publicReply?: string | null;
  internalNote?: string | null;
  /** 不予受理 reason (shown to the resident), 退回 or 申请延期 reason (office only). */
  reason?: string | null;
  deputyId?: number | null;
  handlerUserId?: number | null;
  /** What the deputy found on site (二看). */
  findings?: string | null;
  /** Ids of rows in `opinion_photos` already uploaded for this step. */
  photoIds?: readonly number[] | null;
  /** The lead 承办单位 (departments.id). */
  leadDepartmentId?: number | null;
  /** Co-handling departments (ids), not including the lead. */
  departmentIds?: readonly number[] | null;
  /** One department the action is about (催办 to it, contact shared with it). */
  departmentId?: number | null;
  /**
   * Legacy: the lead and co-departments by name. The API resolves names to department rows
   * before planning, so through it they always become ids; callers of the machine itself
   * (older scripts and tests) get the names recorded on the opinion without assignments.
   */
  leadDepartment?: string | null;
  departments?: readonly string[] | null;
  /** 'YYYY-MM-DD', a working day, not before today. */
  deadline?: string | null;
  /** Id of the opinion this one duplicates. */
  mergeTarget?: number | null;
  /** The body outside the system that receives a transferred opinion. */
  transferTo?: string | null;
  rating?: string | null;
  ratingComment?: string | null;
}

/** The payload after validation: trimmed text, absent fields as null or empty. */
export interface CleanPayload {
  publicReply: string | null;
  internalNote: string | null;
  reason: string | null;
  deputyId: number | null;
  handlerUserId: number | null;
  findings: string | null;
  photoIds: number[];
  leadDepartmentId: number | null;
  departmentIds: number[];
  departmentId: number | null;
  leadDepartment: string | null;
  departments: string[];
  deadline: string | null;
  mergeTarget: number | null;
  transferTo: string | null;
  rating: Rating | null;
  ratingComment: string | null;
}

/** Longest reply, note, reason, findings or comment (characters). */
export const MAX_TEXT_LENGTH = 2000;
/** Longest department or receiving-body name. */
export const MAX_NAME_LENGTH = 100;
export const MAX_PHOTOS = 9;
export const MAX_DEPARTMENTS = 20;

/** Stable error codes for payload problems. */
export type PayloadErrorCode =
  | 'reply_required'
  | 'note_required'
  | 'reply_or_note_required'
  | 'reason_required'
  | 'deputy_required'
  | 'findings_required'
  | 'lead_department_required'
  | 'department_required'
  | 'deadline_required'
  | 'merge_target_required'
  | 'transfer_to_required'
  | 'rating_required'
  | 'invalid_text'
  | 'too_long'
  | 'invalid_id'
  | 'too_many_photos'
  | 'departments_invalid'
  | 'deadline_invalid'
  | 'deadline_in_past'
  | 'deadline_not_working_day'
  | 'rating_invalid';

/** A refused payload: the code and the field the form should mark. */
export interface PayloadError {
  code: PayloadErrorCode;
  field: PayloadField;
}

const REQUIRED_CODES: Record<Requirement, PayloadErrorCode> = {
  publicReply: 'reply_required',
  internalNote: 'note_required',
  replyOrNote: 'reply_or_note_required',
  reason: 'reason_required',
  deputyId: 'deputy_required',
  findings: 'findings_required',
  leadDepartmentId: 'lead_department_required',
  departmentId: 'department_required',
  deadline: 'deadline_required',
  mergeTarget: 'merge_target_required',
  transferTo: 'transfer_to_required',
  rating: 'rating_required',
};

const TEXT_FIELDS = ['publicReply', 'internalNote', 'reason', 'findings', 'ratingComment'] as const;
const NAME_FIELDS = ['transferTo', 'leadDepartment'] as const;
const ID_FIELDS = ['deputyId', 'handlerUserId', 'mergeTarget', 'leadDepartmentId', 'departmentId'] as const;

class Refused extends Error {
  constructor(readonly detail: PayloadError) {
    super(detail.code);
  }
}
const refuse = (code: PayloadErrorCode, field: PayloadField): never => {
  throw new Refused({ code, field });
};

function text(value: unknown, field: PayloadField, max: number): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return refuse('invalid_text', field);
  const trimmed = value.trim();
  if (trimmed.length > max) refuse('too_long', field);
  return trimmed === '' ? null : trimmed;
}

function id(value: unknown, field: PayloadField): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) return refuse('invalid_id', field);
  return value;
}

function present(clean: CleanPayload, req: Requirement): boolean {
  if (req === 'replyOrNote') return clean.publicReply !== null || clean.internalNote !== null;
  if (req === 'leadDepartmentId') return clean.leadDepartmentId !== null || clean.leadDepartment !== null;
  return clean[req] !== null;
}

/**
 * Validates a payload for one action. `today` and the calendar are needed because a deadline
 * must be a working day and not in the past. Returns the cleaned payload or the first problem:
 * malformed fields first, then missing required fields in the row's order.
 */
export function validatePayload(
  rule: TransitionRule,
  payload: TransitionPayload,
  today: string,
  calendar: Calendar,
): { ok: true; value: CleanPayload } | ({ ok: false } & PayloadError) {
  const used = new Set<PayloadField>([...rule.optional, ...rule.requires.flatMap(expand)]);
  // The legacy name fields ride along with the id fields they stand for.
  if (used.has('leadDepartmentId')) used.add('leadDepartment');
  if (used.has('departmentIds')) used.add('departments');
  const raw = (field: PayloadField): unknown => (used.has(field) ? payload[field] : undefined);
  try {
    const clean: CleanPayload = {
      publicReply: null,
      internalNote: null,
      reason: null,
      deputyId: null,
      handlerUserId: null,
      findings: null,
      photoIds: [],
      leadDepartmentId: null,
      departmentIds: [],
      departmentId: null,
      leadDepartment: null,
      departments: [],
      deadline: null,
      mergeTarget: null,
      transferTo: null,
      rating: null,
      ratingComment: null,
    };
    for (const f of TEXT_FIELDS) clean[f] = text(raw(f), f, MAX_TEXT_LENGTH);
    for (const f of NAME_FIELDS) clean[f] = text(raw(f), f, MAX_NAME_LENGTH);
    for (const f of ID_FIELDS) clean[f] = id(raw(f), f);
    clean.photoIds = photoIds(raw('photoIds'));
    clean.departmentIds = departmentIds(raw('departmentIds'), clean.leadDepartmentId);
    clean.departments = departmentNames(raw('departments'), clean.leadDepartment);
    clean.deadline = deadline(raw('deadline'), today, calendar);
    clean.rating = rating(raw('rating'));
    for (const req of rule.requires) {
      if (!present(clean, req)) refuse(REQUIRED_CODES[req], req === 'replyOrNote' ? 'publicReply' : req);
    }
    return { ok: true, value: clean };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, ...e.detail };
    throw e;
  }
}

/** Blank means not rated; anything else must be one of the three ratings. */
function rating(value: unknown): Rating | null {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return null;
  const trimmed = typeof value === 'string' ? value.trim() : value;
  return isRating(trimmed) ? trimmed : refuse('rating_invalid', 'rating');
}

/** Legacy co-departments by name: distinct, none equal to the lead. */
function departmentNames(value: unknown, lead: string | null): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > MAX_DEPARTMENTS) return refuse('departments_invalid', 'departments');
  const names = value.map((v) => text(v, 'departments', MAX_NAME_LENGTH) ?? refuse('departments_invalid', 'departments'));
  if (new Set(names).size !== names.length || (lead !== null && names.includes(lead))) {
    refuse('departments_invalid', 'departments');
  }
  return names;
}

function expand(req: Requirement): PayloadField[] {
  return req === 'replyOrNote' ? ['publicReply', 'internalNote'] : [req];
}

function photoIds(value: unknown): number[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return refuse('invalid_id', 'photoIds');
  if (value.length > MAX_PHOTOS) refuse('too_many_photos', 'photoIds');
  const ids = value.map((v) => id(v, 'photoIds') ?? refuse('invalid_id', 'photoIds'));
  return [...new Set(ids)];
}

/** Co-departments: distinct ids, none equal to the lead (the lead is kept apart on the row). */
function departmentIds(value: unknown, lead: number | null): number[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > MAX_DEPARTMENTS) return refuse('departments_invalid', 'departmentIds');
  const ids = value.map((v) => id(v, 'departmentIds') ?? refuse('departments_invalid', 'departmentIds'));
  if (new Set(ids).size !== ids.length || (lead !== null && ids.includes(lead))) {
    refuse('departments_invalid', 'departmentIds');
  }
  return ids;
}

function deadline(value: unknown, today: string, calendar: Calendar): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (!isDay(value)) return refuse('deadline_invalid', 'deadline');
  if (value < today) refuse('deadline_in_past', 'deadline');
  if (!isWorkingDay(calendar, value)) refuse('deadline_not_working_day', 'deadline');
  return value;
}
