/**
 * The departments' side of a demo opinion while the seed runs it through the machine: the
 * current assignments the machine needs in its snapshot, the assignment and extension rows to
 * insert, the name columns the API keeps in step, and the public wording the API gives a
 * department's steps. Mirrors worker/opinions/commit.ts + actions.ts for the in-memory rows.
 */
import type { InferInsertModel } from 'drizzle-orm';
import type { opinionAssignments, opinionExtensions } from '../../worker/db/schema';
import { departmentReply, signedReply } from '../../worker/opinions/replies';
import type { AssignmentView, Plan } from '../../worker/workflow/machine';
import type { SeedDepartment } from './departments';

export type AssignmentRow = InferInsertModel<typeof opinionAssignments>;
export type ExtensionRow = InferInsertModel<typeof opinionExtensions>;

/** What one opinion carries on its departments' side during the simulation. */
export interface HandlingSim {
  current: AssignmentView[];
  assignments: AssignmentRow[];
  extensions: ExtensionRow[];
  pendingExtension: { departmentId: number; requestedDueOn: string } | null;
  pendingAnswer: string | null;
}

export const newHandling = (): HandlingSim => ({
  current: [],
  assignments: [],
  extensions: [],
  pendingExtension: null,
  pendingAnswer: null,
});

type Ok = Extract<Plan, { ok: true }>;

/** Applies a plan's side writes to the in-memory rows, as the commit's statements would. */
export function applyHandling(h: HandlingSim, opinionId: number, plan: Ok, when: number, userId: number | null): void {
  for (const c of plan.writes.assignments) {
    if (c.kind === 'create') {
      // Every column spelled out: the seed's multi-row INSERTs need the same columns in every row.
      h.assignments.push({
        opinionId,
        departmentId: c.departmentId,
        role: c.role,
        status: 'assigned',
        assignedAt: when,
        signDueOn: c.signDueOn,
        signedAt: null,
        returnedAt: null,
        returnReason: null,
        answeredAt: null,
        endedAt: null,
        contactSharedAt: null,
        contactSharedBy: null,
      });
      h.current.push({ departmentId: c.departmentId, role: c.role, status: 'assigned', signDueOn: c.signDueOn });
      continue;
    }
    const row = [...h.assignments]
      .reverse()
      .find((a) => a.departmentId === c.departmentId && ['assigned', 'signed', 'answered'].includes(a.status));
    if (!row) continue;
    row.status = c.status;
    if (c.status === 'signed' && row.signedAt == null) row.signedAt = when;
    if (c.status === 'answered') row.answeredAt = when;
    if (c.status === 'returned') {
      row.returnedAt = when;
      row.returnReason = c.reason ?? null;
    }
    if (c.status === 'done' || c.status === 'returned' || c.status === 'withdrawn') {
      row.endedAt = when;
      h.current = h.current.filter((a) => a.departmentId !== c.departmentId);
    } else {
      const status = c.status;
      h.current = h.current.map((a) => (a.departmentId === c.departmentId ? { ...a, status } : a));
    }
  }
  const x = plan.writes.extension;
  if (x?.kind === 'request') {
    h.extensions.push({
      opinionId,
      departmentId: x.departmentId,
      requestedBy: userId,
      requestedAt: when,
      fromDueOn: x.fromDueOn,
      requestedDueOn: x.requestedDueOn,
      reason: x.reason,
      status: 'pending',
      decidedBy: null,
      decidedAt: null,
      decisionNote: null,
    });
    h.pendingExtension = { departmentId: x.departmentId, requestedDueOn: x.requestedDueOn };
  } else if (x?.kind === 'decide') {
    const row = h.extensions.at(-1);
    if (row) Object.assign(row, { status: x.status, decidedBy: userId, decidedAt: when, decisionNote: x.note });
    h.pendingExtension = null;
  }
  if (plan.event.action === 'submit_answer' && plan.toState === 'handling') {
    h.pendingAnswer = String((JSON.parse(plan.event.data) as { answer?: string }).answer ?? '');
  }
  if (!h.current.some((a) => a.status === 'answered')) h.pendingAnswer = null;
}

/** The name columns after a change of hands (交办, 改派, 退回), or null when nothing changed hands. */
export function nameColumns(h: HandlingSim, plan: Ok, nameOf: (id: number) => string) {
  const changed =
    plan.changes.leadDepartmentId !== undefined ||
    plan.writes.assignments.some((c) => c.kind === 'create' || (c.kind === 'status' && c.status === 'returned'));
  if (!changed) return null;
  const lead = h.current.find((a) => a.role === 'lead');
  return {
    leadDepartment: lead ? nameOf(lead.departmentId) : null,
    departments: JSON.stringify(h.current.filter((a) => a.role === 'co').map((a) => nameOf(a.departmentId))),
  };
}

/** The public text the API gives a department's step (see worker/opinions/actions.ts). */
export function publicWording(
  plan: Ok,
  dept: SeedDepartment | null,
  role: 'lead' | 'co' | null,
  answer: string | null,
  lead: SeedDepartment | null,
) {
  const e = plan.event;
  if (e.action === 'sign' && dept && role)
    return e.publicReply === null ? signedReply(dept.name, role) : departmentReply(dept.name, e.publicReply);
  if (e.action === 'accept_answer' && lead) return departmentReply(lead.name, e.publicReply ?? answer ?? '');
  if (dept && e.publicReply !== null) return departmentReply(dept.name, e.publicReply);
  return e.publicReply;
}
