/**
 * POST /api/opinions/:id/actions: load the row, let the workflow machine plan the action,
 * check what the plan points at, and commit it in one batch guarded by the revision.
 * Every rule about states, roles and payloads is the machine's (worker/workflow/machine.ts);
 * this module adds only what needs the database or the session.
 */
import type { Database } from '../db/client';
import type { SessionUser } from '../platform/auth/session';
import { ApiError } from '../platform/errors';
import { actorOn, type Actor, type Plan, type PlannedEvent, planTransition } from '../workflow/machine';
import { assertCanSee } from './access';
import { commitTransition } from './commit';
import { loadCalendar, loadLimits } from './deadlines';
import { checkAssignedDepartments, departmentName, nameColumns, resolveDepartmentNames } from './department-names';
import { loadHandlingSettings, loadHandlingState, snapshotPart } from './handling-state';
import { jsonObject } from './present';
import { loadRow } from './queries';
import { checkReferences } from './references';
import { refusal, staleRevision } from './refusals';
import { departmentReply, extensionReply, mergeReply, signedReply } from './replies';

/** What the client sends (validated by `actionBody`). */
export interface ActionRequest {
  action: string;
  payload: Record<string, unknown>;
  revision: number;
}

/** Takes the action on opinion `id` as `user`, or throws the reason it cannot be taken. */
export async function takeAction(db: Database, user: SessionUser, id: number, body: ActionRequest, now: number): Promise<void> {
  const row = await loadRow(db, id);
  if (!row) throw new ApiError(404, 'not_found');
  const handling = await loadHandlingState(db, id);
  assertCanSee(user, { ...row, departmentIds: handling.departmentIds, contactSharedWith: handling.contactSharedWith });
  if (body.revision !== row.revision) throw staleRevision(row.revision);

  const [calendar, limits, settings] = await Promise.all([loadCalendar(db), loadLimits(db), loadHandlingSettings(db)]);
  const snapshot = { ...row, ...snapshotPart(handling) };
  const actor = actorOn(snapshot, user);
  // Departments named by text (older clients, scripts) become department rows first.
  const payload = await resolveDepartmentNames(db, body.payload, now);
  // The machine checks every field at run time; the type only names what it may read.
  const plan = planTransition(snapshot, body.action, actor, payload, { now, calendar, limits, settings });
  if (!plan.ok) throw refusal(plan.code, plan.field);
  await checkAssignedDepartments(db, plan);

  const data = jsonObject(plan.event.data);
  const photoIds = Array.isArray(data.photoIds) ? data.photoIds.filter((v): v is number => typeof v === 'number') : [];
  const refs = await checkReferences(db, user, row, plan.changes, photoIds);
  const names = await nameColumns(db, handling.current, plan);

  let event: PlannedEvent = await departmentWording(db, plan, actor);
  if (refs.mergeTarget) {
    const code = refs.mergeTarget.trackingCode;
    event = {
      ...event,
      // Staff who write no reply of their own still tell the reporter where to follow it.
      publicReply: event.publicReply ?? mergeReply(code),
      data: JSON.stringify({ ...data, mergeTargetCode: code }),
    };
  }

  const changes = { ...plan.changes, ...names };
  const before: Record<string, unknown> = { state: row.state, revision: row.revision };
  for (const key of Object.keys(changes)) before[key] = row[key as keyof typeof row];

  // On the timeline a department's step is its department's, with the person beside it.
  const label =
    user.role === 'department' && user.departmentName ? `${user.departmentName}·${user.displayName}` : user.displayName;
  await commitTransition(db, {
    opinionId: id,
    revision: row.revision,
    before,
    changes,
    event,
    actor: { userId: user.id, label, audit: user },
    now,
    photoIds: refs.photoIds,
    mergeTarget: refs.mergeTarget,
    writes: plan.writes,
  });
}

/**
 * The public wording of departments' steps: residents read which body signed or wrote, and
 * an approved extension explains the new date when staff wrote nothing. Internal notes are
 * never touched.
 */
async function departmentWording(db: Database, plan: Extract<Plan, { ok: true }>, actor: Actor): Promise<PlannedEvent> {
  const e = plan.event;
  const data = jsonObject(e.data);
  const deptId = typeof data.departmentId === 'number' ? data.departmentId : null;
  if (e.action === 'approve_extension' && e.publicReply === null && typeof data.deadline === 'string') {
    return { ...e, publicReply: extensionReply(data.deadline) };
  }
  if (deptId === null) return e;
  const name = await departmentName(db, deptId);
  if (name === null) return e;
  const withName = JSON.stringify({ ...data, departmentName: name });
  if (e.action === 'sign' && actor.assignment) {
    const own = e.publicReply === null ? signedReply(name, actor.assignment.role) : departmentReply(name, e.publicReply);
    return { ...e, publicReply: own, data: withName };
  }
  const fromDepartment = actor.role === 'department' || e.action === 'accept_answer';
  if (fromDepartment && e.publicReply !== null)
    return { ...e, publicReply: departmentReply(name, e.publicReply), data: withName };
  return { ...e, data: withName };
}
