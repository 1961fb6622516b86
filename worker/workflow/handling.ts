/**
 * The departments' part of the machine (交办 / 签收 / 退回 / 申请延期 / 办复 / 催办): the
 * settings it reads, what it knows of an opinion's assignments, and the writes it plans
 * beside the opinion row. Pure: worker/opinions/commit.ts turns the plans into statements.
 */
import { addWorkingDays, type Calendar, workingDaysBetween } from './calendar';
import type { CurrentAssignmentStatus } from './transitions';

/** The district's handling settings (table `workflow_settings`). */
export interface HandlingSettings {
  /** Working days a department has to 签收 or 退回 after 交办. */
  signWorkingDays: number;
  /** Whether staff must accept a 办复 before it becomes the public reply (else it is published at once). */
  answerNeedsAcceptance: boolean;
  /** Working days overdue after which an item is 挂牌督办 (flagged to leaders). */
  escalateAfterWorkingDays: number;
}

/** Used when the settings table has no row for a key. */
export const DEFAULT_HANDLING_SETTINGS: Readonly<HandlingSettings> = {
  signWorkingDays: 2,
  answerNeedsAcceptance: true,
  escalateAfterWorkingDays: 5,
};

/** Row keys of `workflow_settings`, one per setting. */
export const SETTING_KEYS: Readonly<Record<keyof HandlingSettings, string>> = {
  signWorkingDays: 'sign_working_days',
  answerNeedsAcceptance: 'answer_needs_acceptance',
  escalateAfterWorkingDays: 'escalate_after_working_days',
};

/**
 * Settings from key/value rows (values JSON) over the defaults. A malformed row is ignored
 * rather than trusted, so one bad edit cannot stop every 交办.
 */
export function settingsFromRows(rows: readonly { key: string; value: string }[]): HandlingSettings {
  const out: HandlingSettings = { ...DEFAULT_HANDLING_SETTINGS };
  for (const { key, value } of rows) {
    let v: unknown;
    try {
      v = JSON.parse(value);
    } catch {
      continue;
    }
    const days = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 1 && x <= 60;
    if (key === SETTING_KEYS.signWorkingDays && days(v)) out.signWorkingDays = v as number;
    if (key === SETTING_KEYS.escalateAfterWorkingDays && days(v)) out.escalateAfterWorkingDays = v as number;
    if (key === SETTING_KEYS.answerNeedsAcceptance && typeof v === 'boolean') out.answerNeedsAcceptance = v;
  }
  return out;
}

/** A current assignment as the machine sees it. */
export interface AssignmentView {
  departmentId: number;
  role: 'lead' | 'co';
  status: CurrentAssignmentStatus;
  signDueOn: string | null;
}

/** Where an ended assignment went. */
export type EndStatus = 'done' | 'returned' | 'withdrawn';

/**
 * A change to `opinion_assignments`: add one (交办), or move a department's current one to a
 * new status. The commit stamps the matching time column (signed_at, answered_at, ended_at).
 */
export type AssignmentChange =
  | { kind: 'create'; departmentId: number; role: 'lead' | 'co'; signDueOn: string }
  | { kind: 'status'; departmentId: number; status: CurrentAssignmentStatus | EndStatus; reason?: string };

/** A change to `opinion_extensions`: a new request, or the decision on the pending one. */
export type ExtensionChange =
  | { kind: 'request'; departmentId: number; fromDueOn: string | null; requestedDueOn: string; reason: string }
  | { kind: 'decide'; status: 'approved' | 'refused'; note: string | null };

/** A 催办 to record (the notifications area sends it). */
export interface ReminderPlan {
  targetKind: 'department' | 'deputy';
  departmentId: number | null;
  deputyId: number | null;
  dueOn: string | null;
  overdueDays: number;
  note: string;
}

/** Side writes of a plan, beside the opinion row and its event. */
export interface HandlingWrites {
  assignments: AssignmentChange[];
  extension: ExtensionChange | null;
  reminder: ReminderPlan | null;
  /** The department whose assignment gets the resident's contact (经办需要). */
  shareContactWith: number | null;
}

/** No side writes. */
export const NO_WRITES: Readonly<HandlingWrites> = { assignments: [], extension: null, reminder: null, shareContactWith: null };

/** The 签收 deadline of an assignment made today. */
export function signDueOn(cal: Calendar, today: string, settings: HandlingSettings): string {
  return addWorkingDays(cal, today, settings.signWorkingDays);
}

/** Working days past `dueOn` on `today`; 0 when not overdue. */
export function overdueWorkingDays(cal: Calendar, dueOn: string | null, today: string): number {
  if (dueOn === null || today <= dueOn) return 0;
  return Math.max(1, workingDaysBetween(cal, dueOn, today));
}

/** 挂牌督办: overdue for at least the setting's number of working days. */
export function isEscalated(cal: Calendar, dueOn: string | null, today: string, settings: HandlingSettings): boolean {
  return overdueWorkingDays(cal, dueOn, today) >= settings.escalateAfterWorkingDays;
}

/**
 * The clock that matters for a department on an item: its 签收 deadline until it signs, then
 * the opinion's handling deadline.
 */
export function departmentDueOn(a: Pick<AssignmentView, 'status' | 'signDueOn'>, opinionDueOn: string | null): string | null {
  return a.status === 'assigned' ? a.signDueOn : opinionDueOn;
}

/**
 * Changes that make the current assignments match a new lead and co-departments: a department
 * keeping its role keeps its assignment; every other current one is withdrawn (改派), every
 * new one created.
 */
export function reassignmentChanges(
  current: readonly AssignmentView[],
  lead: number,
  co: readonly number[],
  due: string,
): AssignmentChange[] {
  const wanted = new Map<number, 'lead' | 'co'>([[lead, 'lead'], ...co.map((id) => [id, 'co'] as [number, 'co'])]);
  const kept = new Set<number>();
  const out: AssignmentChange[] = [];
  for (const a of current) {
    if (wanted.get(a.departmentId) === a.role) kept.add(a.departmentId);
    else out.push({ kind: 'status', departmentId: a.departmentId, status: 'withdrawn' });
  }
  for (const [departmentId, role] of wanted) {
    if (!kept.has(departmentId)) out.push({ kind: 'create', departmentId, role, signDueOn: due });
  }
  return out;
}

/** Ends every current assignment (the item was resolved, merged or transferred). */
export function endAll(current: readonly AssignmentView[], status: EndStatus): AssignmentChange[] {
  return current.map((a) => ({ kind: 'status', departmentId: a.departmentId, status }));
}
