/**
 * Who is told what when an opinion moves: the outbox statements that go into the
 * transition's own batch (see worker/opinions/commit.ts). One message per event per
 * recipient: the key is the opinion and the revision the write creates, which a retried or
 * racing request can never produce twice (the revision guard rolls the loser back whole).
 */
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../db/client';
import { departmentNotice, deputyOpinionNotice, residentNotice } from './outbox';

/** The departments' side writes of a transition that tell someone (see worker/workflow/handling.ts). */
export interface NoticeWrites {
  assignments: readonly ({ kind: 'create'; departmentId: number } | { kind: 'status' })[];
  reminder: { targetKind: 'department' | 'deputy'; departmentId: number | null; deputyId: number | null } | null;
}

/** The parts of a transition write the notices depend on. */
export interface TransitionFacts {
  opinionId: number;
  /** The revision read before the write; the write creates revision + 1. */
  revision: number;
  action: string;
  /** The deputy the write assigns, if it does. */
  assignedDeputyId?: number;
  publicReply: string | null;
  /** The event's data (JSON text): reason, transferTo, … */
  data: string;
  /** Whether a person took the action (the system's own 催办 is told by the morning run). */
  byPerson: boolean;
  now: number;
  /** 交办 and 催办 records of the departments' workflow, when the transition makes them. */
  writes?: NoticeWrites | null;
}

function field(data: string, key: string): string | null {
  try {
    const v = (JSON.parse(data) as Record<string, unknown>)[key];
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}

/** The outbox statements for one transition (often none). */
export function transitionNotices(db: Database, f: TransitionFacts): BatchItem<'sqlite'>[] {
  const eventKey = `op:${f.opinionId}:r${f.revision + 1}`;
  const base = { opinion: { id: f.opinionId }, eventKind: f.action, eventKey, now: f.now };
  const out: BatchItem<'sqlite'>[] = [];
  // 交办: every newly assigned department is told, with the deadline.
  for (const a of f.writes?.assignments ?? []) {
    if (a.kind !== 'create') continue;
    const n = { departmentId: a.departmentId, opinionId: f.opinionId, eventKind: f.action, eventKey, now: f.now };
    out.push(departmentNotice(db, { ...n, templateId: 'department_assigned' }));
  }
  // 催办 addressed by staff: to the department or the deputy it names.
  const r = f.writes?.reminder;
  if (r) {
    if (r.targetKind === 'department' && r.departmentId !== null) {
      const n = { departmentId: r.departmentId, opinionId: f.opinionId, eventKind: f.action, eventKey, now: f.now };
      out.push(departmentNotice(db, { ...n, templateId: 'department_supervise' }));
    } else if (r.targetKind === 'deputy') {
      const deputyId = r.deputyId ?? 'assigned';
      out.push(
        deputyOpinionNotice(db, {
          deputyId,
          opinionId: f.opinionId,
          templateId: 'deputy_supervise',
          eventKind: f.action,
          eventKey,
          now: f.now,
        }),
      );
    }
    return out;
  }
  switch (f.action) {
    case 'accept':
    case 'reassign':
      if (f.assignedDeputyId !== undefined) {
        out.push(
          deputyOpinionNotice(db, {
            deputyId: f.assignedDeputyId,
            opinionId: f.opinionId,
            templateId: 'deputy_assigned',
            eventKind: f.action,
            eventKey,
            now: f.now,
          }),
        );
      }
      break;
    case 'supervise':
      out.push(
        deputyOpinionNotice(db, {
          deputyId: 'assigned',
          opinionId: f.opinionId,
          templateId: 'deputy_supervise',
          eventKind: f.action,
          eventKey,
          now: f.now,
        }),
      );
      break;
    case 'resolve':
      out.push(residentNotice(db, { ...base, templateId: 'opinion_resolved' }));
      break;
    case 'reject':
      out.push(residentNotice(db, { ...base, templateId: 'opinion_rejected', extra: { reason: field(f.data, 'reason') ?? '' } }));
      break;
    case 'transfer':
      out.push(
        residentNotice(db, {
          ...base,
          templateId: 'opinion_transferred',
          extra: { receiver: field(f.data, 'transferTo') ?? '' },
        }),
      );
      break;
    case 'rate':
    case 'close':
      break;
    default:
      // Any other step that speaks to the resident (三议 decision, progress, 复核 answer, …).
      if (f.publicReply !== null && f.publicReply.trim() !== '' && f.byPerson) {
        out.push(residentNotice(db, { ...base, templateId: 'opinion_reply' }));
      }
  }
  return out;
}
