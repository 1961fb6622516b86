/**
 * The departments a plan names: legacy payloads that name departments by text are resolved to
 * department rows (created when unknown, as the free-text migration did), the ids a plan
 * assigns are checked to exist and be active, and the opinion's name columns
 * (`lead_department`, `departments`) are kept in step with its current assignments so lists
 * and exports read one column.
 */
import type { BatchItem } from 'drizzle-orm/batch';
import { eq, inArray, or } from 'drizzle-orm';
import { type Database, schema } from '../db/client';
import { ApiError } from '../platform/errors';
import type { AssignmentView, OpinionChanges, Plan, TransitionPayload } from '../workflow/machine';

const d = schema.departments;

/**
 * Replaces `leadDepartment` / `departments` (names) by `leadDepartmentId` / `departmentIds`.
 * A name matches a department's name or short name exactly (after trimming); an unknown name
 * becomes a new department of kind 'other' that staff can complete in the roster.
 */
export async function resolveDepartmentNames(
  db: Database,
  payload: Record<string, unknown>,
  now: number,
): Promise<TransitionPayload> {
  const lead = typeof payload.leadDepartment === 'string' ? payload.leadDepartment.trim() : '';
  const co = Array.isArray(payload.departments)
    ? payload.departments.filter((v): v is string => typeof v === 'string').map((v) => v.trim())
    : [];
  const { leadDepartment: _l, departments: _d, ...rest } = payload;
  const out: Record<string, unknown> = { ...rest };
  const names = [...new Set([lead, ...co].filter((n) => n !== '' && n.length <= 100))];
  if (names.length === 0 || names.length > 21) return payload as TransitionPayload;
  const idOf = await departmentIdsByName(db, names, now);
  if (out.leadDepartmentId === undefined && lead !== '') out.leadDepartmentId = idOf.get(lead);
  if (out.departmentIds === undefined && co.length > 0) out.departmentIds = co.map((n) => idOf.get(n) ?? n);
  return out as TransitionPayload;
}

async function departmentIdsByName(db: Database, names: string[], now: number): Promise<Map<string, number>> {
  const find = () =>
    db
      .select({ id: d.id, name: d.name, shortName: d.shortName })
      .from(d)
      .where(or(inArray(d.name, names), inArray(d.shortName, names)))
      .all();
  let rows = await find();
  const known = (n: string) => rows.some((r) => r.name === n || r.shortName === n);
  const missing = names.filter((n) => !known(n));
  if (missing.length > 0) {
    const inserts = missing.map((name) =>
      db.insert(d).values({ name, kind: 'other', createdAt: now, updatedAt: now }).onConflictDoNothing(),
    );
    await db.batch(inserts as unknown as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
    rows = await find();
  }
  const map = new Map<string, number>();
  // A full name wins over someone else's short name.
  for (const r of rows) if (r.shortName !== '' && !map.has(r.shortName)) map.set(r.shortName, r.id);
  for (const r of rows) map.set(r.name, r.id);
  return map;
}

/** The departments the plan assigns must exist and be active (422 on the field otherwise). */
export async function checkAssignedDepartments(db: Database, plan: Extract<Plan, { ok: true }>): Promise<void> {
  const created = plan.writes.assignments.filter((c) => c.kind === 'create');
  const ids = [...new Set(created.map((c) => c.departmentId))];
  if (ids.length === 0) return;
  const rows = await db.select({ id: d.id, active: d.active }).from(d).where(inArray(d.id, ids)).all();
  for (const c of created) {
    const row = rows.find((r) => r.id === c.departmentId);
    if (!row?.active) {
      const field = c.role === 'lead' ? 'leadDepartmentId' : 'departmentIds';
      throw new ApiError(422, 'department_unknown', {}, { [field]: { key: 'department_unknown' } });
    }
  }
}

/** The current assignments after the plan's changes (as the commit will leave them). */
export function assignmentsAfter(current: readonly AssignmentView[], plan: Extract<Plan, { ok: true }>): AssignmentView[] {
  let out = [...current];
  for (const c of plan.writes.assignments) {
    if (c.kind === 'create') out.push({ departmentId: c.departmentId, role: c.role, status: 'assigned', signDueOn: c.signDueOn });
    else if (c.status === 'assigned' || c.status === 'signed' || c.status === 'answered') {
      const status = c.status;
      out = out.map((a) => (a.departmentId === c.departmentId ? { ...a, status } : a));
    } else out = out.filter((a) => a.departmentId !== c.departmentId);
  }
  return out;
}

/**
 * The name columns for a plan that changes who handles the opinion (交办, 改派, 退回); other
 * plans leave them as they are, so a finished opinion keeps the names of those who did it.
 */
export async function nameColumns(
  db: Database,
  current: readonly AssignmentView[],
  plan: Extract<Plan, { ok: true }>,
): Promise<Pick<OpinionChanges, 'leadDepartment' | 'departments'>> {
  const changesHands =
    plan.changes.leadDepartmentId !== undefined ||
    plan.writes.assignments.some((c) => c.kind === 'create' || (c.kind === 'status' && c.status === 'returned'));
  if (!changesHands || plan.changes.leadDepartment !== undefined) return {};
  const after = assignmentsAfter(current, plan);
  const ids = after.map((a) => a.departmentId);
  const rows = ids.length ? await db.select({ id: d.id, name: d.name }).from(d).where(inArray(d.id, ids)).all() : [];
  const name = (id: number) => rows.find((r) => r.id === id)?.name ?? '';
  const lead = after.find((a) => a.role === 'lead');
  return {
    leadDepartment: lead ? name(lead.departmentId) : null,
    departments: JSON.stringify(after.filter((a) => a.role === 'co').map((a) => name(a.departmentId))),
  };
}

/** A department's display name by id. */
export async function departmentName(db: Database, id: number): Promise<string | null> {
  const row = await db.select({ name: d.name }).from(d).where(eq(d.id, id)).get();
  return row?.name ?? null;
}
