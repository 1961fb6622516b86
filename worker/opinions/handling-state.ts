/**
 * What the departments' side of an opinion looks like in the database: its assignments, the
 * 申请延期 awaiting staff, the 办复 awaiting acceptance, and with whom the contact is shared.
 * Read for the machine's snapshot, for access checks and for the item page.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { type Database, schema } from '../db/client';
import { settingsFromRows, type HandlingSettings } from '../workflow/handling';
import type { AssignmentView, CurrentAssignmentStatus, OpinionSnapshot } from '../workflow/machine';
import { jsonObject } from './present';

const a = schema.opinionAssignments;
const CURRENT: readonly CurrentAssignmentStatus[] = ['assigned', 'signed', 'answered'];

/** Every assignment of an opinion, oldest first, with the department's names. */
export function loadAssignments(db: Database, opinionId: number) {
  return db
    .select({
      id: a.id,
      departmentId: a.departmentId,
      departmentName: schema.departments.name,
      departmentShortName: schema.departments.shortName,
      role: a.role,
      status: a.status,
      assignedAt: a.assignedAt,
      signDueOn: a.signDueOn,
      signedAt: a.signedAt,
      returnedAt: a.returnedAt,
      returnReason: a.returnReason,
      answeredAt: a.answeredAt,
      endedAt: a.endedAt,
      contactSharedAt: a.contactSharedAt,
    })
    .from(a)
    .innerJoin(schema.departments, eq(schema.departments.id, a.departmentId))
    .where(eq(a.opinionId, opinionId))
    .orderBy(asc(a.id))
    .all();
}
export type AssignmentRow = Awaited<ReturnType<typeof loadAssignments>>[number];

/** The departments' side of one opinion, in the shapes the machine and the access rules take. */
export interface HandlingState {
  rows: AssignmentRow[];
  /** Current assignments, for the machine. */
  current: AssignmentView[];
  /** Departments that may open the opinion: every assignment but those withdrawn by 改派. */
  departmentIds: number[];
  contactSharedWith: number[];
  pendingExtension: { id: number; departmentId: number; requestedDueOn: string; reason: string; requestedAt: number } | null;
  pendingAnswer: string | null;
}

/** Loads {@link HandlingState} for an opinion (three small indexed reads). */
export async function loadHandlingState(db: Database, opinionId: number): Promise<HandlingState> {
  const [rows, ext, answer] = await Promise.all([
    loadAssignments(db, opinionId),
    db
      .select()
      .from(schema.opinionExtensions)
      .where(and(eq(schema.opinionExtensions.opinionId, opinionId), eq(schema.opinionExtensions.status, 'pending')))
      .orderBy(desc(schema.opinionExtensions.id))
      .get(),
    db
      .select({ data: schema.opinionEvents.data })
      .from(schema.opinionEvents)
      .where(and(eq(schema.opinionEvents.opinionId, opinionId), eq(schema.opinionEvents.action, 'submit_answer')))
      .orderBy(desc(schema.opinionEvents.id))
      .get(),
  ]);
  const current = rows
    .filter((r) => (CURRENT as readonly string[]).includes(r.status))
    .map((r) => ({
      departmentId: r.departmentId,
      role: r.role,
      status: r.status as CurrentAssignmentStatus,
      signDueOn: r.signDueOn,
    }));
  const leadAnswered = current.some((r) => r.role === 'lead' && r.status === 'answered');
  const text = answer ? jsonObject(answer.data).answer : undefined;
  return {
    rows,
    current,
    departmentIds: [...new Set(rows.filter((r) => r.status !== 'withdrawn').map((r) => r.departmentId))],
    contactSharedWith: rows.filter((r) => r.contactSharedAt !== null && r.status !== 'withdrawn').map((r) => r.departmentId),
    pendingExtension: ext
      ? {
          id: ext.id,
          departmentId: ext.departmentId,
          requestedDueOn: ext.requestedDueOn,
          reason: ext.reason,
          requestedAt: ext.requestedAt,
        }
      : null,
    pendingAnswer: leadAnswered && typeof text === 'string' ? text : null,
  };
}

/** The snapshot fields the machine reads from the departments' side. */
export function snapshotPart(h: HandlingState): Pick<OpinionSnapshot, 'assignments' | 'pendingExtension' | 'pendingAnswer'> {
  return {
    assignments: h.current,
    pendingExtension: h.pendingExtension
      ? { departmentId: h.pendingExtension.departmentId, requestedDueOn: h.pendingExtension.requestedDueOn }
      : null,
    pendingAnswer: h.pendingAnswer,
  };
}

/** The district's handling settings (table `workflow_settings`, over the defaults). */
export async function loadHandlingSettings(db: Database): Promise<HandlingSettings> {
  return settingsFromRows(await db.select().from(schema.workflowSettings).all());
}

/** Names of departments by id (for timeline entries and checks). */
export async function departmentRefs(db: Database, ids: readonly number[]) {
  const unique = [...new Set(ids)].slice(0, 90);
  if (unique.length === 0) return new Map<number, { id: number; name: string; shortName: string; active: boolean }>();
  const rows = await db
    .select({
      id: schema.departments.id,
      name: schema.departments.name,
      shortName: schema.departments.shortName,
      active: schema.departments.active,
    })
    .from(schema.departments)
    .where(inArray(schema.departments.id, unique))
    .all();
  return new Map(rows.map((r) => [r.id, r]));
}
