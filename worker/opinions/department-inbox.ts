/**
 * The department's inbox rows: each opinion with the department's own assignment (牵头 or
 * 协办, 待签收 / 办理中 / 办复待审 / …) and the clock that matters to it — the 签收 deadline
 * until it signs, the handling deadline after — coloured like every other deadline.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { type Database, schema } from '../db/client';
import type { Calendar } from '../workflow/calendar';
import { departmentDueOn } from '../workflow/handling';
import { deadlineOf } from './deadlines';

const a = schema.opinionAssignments;

/** The department's latest assignment on each of these opinions. */
export async function ownAssignments(db: Database, departmentId: number, opinionIds: readonly number[]) {
  const out = new Map<number, { role: 'lead' | 'co'; status: string; signDueOn: string | null }>();
  if (opinionIds.length === 0) return out;
  const rows = await db
    .select({ opinionId: a.opinionId, role: a.role, status: a.status, signDueOn: a.signDueOn })
    .from(a)
    .where(and(eq(a.departmentId, departmentId), inArray(a.opinionId, [...opinionIds])))
    .orderBy(desc(a.id))
    .all();
  for (const r of rows) if (!out.has(r.opinionId)) out.set(r.opinionId, r);
  return out;
}

/** A list item as a department sees it. */
export function departmentRow<T extends { state: string; dueOn: string | null; reporterName: string | null }>(
  item: T,
  mine: { role: 'lead' | 'co'; status: string; signDueOn: string | null } | null,
  calendar: Calendar,
  today: string,
) {
  const current = mine !== null && (mine.status === 'assigned' || mine.status === 'signed' || mine.status === 'answered');
  const due =
    mine && current ? departmentDueOn({ status: mine.status as 'assigned', signDueOn: mine.signDueOn }, item.dueOn) : null;
  return {
    ...item,
    // The name stays with the office unless staff share it on the item page.
    reporterName: item.reporterName ? `${item.reporterName.slice(0, 1)}*` : null,
    myAssignment: mine,
    myDueOn: due,
    myDeadline: due === null ? null : deadlineOf(calendar, mine?.status === 'assigned' ? 'pending' : item.state, due, today),
  };
}
