/**
 * POST /api/opinions/:id/actions: load the row, let the workflow machine plan the action,
 * check what the plan points at, and commit it in one batch guarded by the revision.
 * Every rule about states, roles and payloads is the machine's (worker/workflow/machine.ts);
 * this module adds only what needs the database or the session.
 */
import type { Database } from '../db/client';
import type { SessionUser } from '../platform/auth/session';
import { ApiError } from '../platform/errors';
import { type PlannedEvent, planTransition, type TransitionPayload } from '../workflow/machine';
import { actsAsAssignedDeputy, assertCanSee } from './access';
import { commitTransition } from './commit';
import { loadCalendar, loadLimits } from './deadlines';
import { jsonObject } from './present';
import { loadRow } from './queries';
import { checkReferences } from './references';
import { refusal, staleRevision } from './refusals';
import { mergeReply } from './replies';

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
  assertCanSee(user, row);
  if (body.revision !== row.revision) throw staleRevision(row.revision);

  const [calendar, limits] = await Promise.all([loadCalendar(db), loadLimits(db)]);
  const actor = { role: user.role, isAssignedDeputy: actsAsAssignedDeputy(user, row) };
  // The machine checks every field at run time; the type only names what it may read.
  const plan = planTransition(row, body.action, actor, body.payload as TransitionPayload, { now, calendar, limits });
  if (!plan.ok) throw refusal(plan.code, plan.field);

  const data = jsonObject(plan.event.data);
  const photoIds = Array.isArray(data.photoIds) ? data.photoIds.filter((v): v is number => typeof v === 'number') : [];
  const refs = await checkReferences(db, user, row, plan.changes, photoIds);

  let event: PlannedEvent = plan.event;
  if (refs.mergeTarget) {
    const code = refs.mergeTarget.trackingCode;
    event = {
      ...event,
      // Staff who write no reply of their own still tell the reporter where to follow it.
      publicReply: event.publicReply ?? mergeReply(code),
      data: JSON.stringify({ ...data, mergeTargetCode: code }),
    };
  }

  const before: Record<string, unknown> = { state: row.state, revision: row.revision };
  for (const key of Object.keys(plan.changes)) before[key] = row[key as keyof typeof row];

  await commitTransition(db, {
    opinionId: id,
    revision: row.revision,
    before,
    changes: plan.changes,
    event,
    actor: { userId: user.id, label: user.displayName, audit: user },
    now,
    photoIds: refs.photoIds,
    mergeTarget: refs.mergeTarget,
  });
}
