/**
 * The queries of the residents' pages: the station behind a QR code, the opinion form's
 * current version, the calendar and step limits the workflow plans with, and the public view
 * of an opinion. Public views select columns one by one: internal notes, actor names and
 * phone numbers are never even read.
 */
import { and, asc, eq, gte } from 'drizzle-orm';
import { type Database, schema } from '../db/client';
import { type FormDefinition, parseDefinition } from '../forms';
import { OPINION_FORM_SLUG, opinionFormDefinition } from '../forms/defaults/opinion';
import { addCalendarDays, buildCalendar, chinaDay, stepLimitsFromRows } from '../workflow/calendar';
import type { PlanContext } from '../workflow/machine';

/** A station as the public form shows it. */
export interface PublicStation {
  id: number;
  code: string;
  name: string;
  townshipId: number;
  townshipName: string;
}

const stationColumns = {
  id: schema.stations.id,
  code: schema.stations.code,
  name: schema.stations.name,
  townshipId: schema.stations.townshipId,
  townshipName: schema.townships.name,
};

/** The active station with this public code in an active township, or null. */
export async function stationByCode(db: Database, code: string): Promise<PublicStation | null> {
  const row = await db
    .select(stationColumns)
    .from(schema.stations)
    .innerJoin(schema.townships, eq(schema.townships.id, schema.stations.townshipId))
    .where(and(eq(schema.stations.code, code), eq(schema.stations.active, true), eq(schema.townships.active, true)))
    .get();
  return row ?? null;
}

/** Any station by id, with its township (for staff: QR codes and posters). */
export async function stationById(db: Database, id: number): Promise<PublicStation | null> {
  const row = await db
    .select(stationColumns)
    .from(schema.stations)
    .innerJoin(schema.townships, eq(schema.townships.id, schema.stations.townshipId))
    .where(eq(schema.stations.id, id))
    .get();
  return row ?? null;
}

/** The form residents fill in: the `opinion` form's current version. */
export interface OpinionForm {
  /** null only when the database has no opinion form (then the built-in default is used). */
  versionId: number | null;
  definition: FormDefinition;
}

// Parsing a definition runs zod over a few hundred nodes; versions are immutable once
// answered, so the parsed form is kept per isolate, keyed by the stored JSON itself.
const parsed = new Map<string, FormDefinition>();

/**
 * The current version of the opinion form. If the row is missing or does not parse (a bad
 * edit), residents still get a form: the built-in default, and the problem is logged.
 */
export async function currentOpinionForm(db: Database): Promise<OpinionForm> {
  const row = await db
    .select({ id: schema.formVersions.id, definition: schema.formVersions.definition })
    .from(schema.forms)
    .innerJoin(
      schema.formVersions,
      and(eq(schema.formVersions.formId, schema.forms.id), eq(schema.formVersions.version, schema.forms.currentVersion)),
    )
    .where(eq(schema.forms.slug, OPINION_FORM_SLUG))
    .get();
  if (!row) {
    console.error('opinion form missing from the database; using the built-in default');
    return { versionId: null, definition: opinionFormDefinition };
  }
  let definition = parsed.get(row.definition);
  if (!definition) {
    const result = parseDefinition(row.definition);
    if (!result.ok) {
      console.error('opinion form version does not parse; using the built-in default', row.id, result.errors);
      return { versionId: null, definition: opinionFormDefinition };
    }
    definition = result.definition;
    if (parsed.size > 8) parsed.clear();
    parsed.set(row.definition, definition);
  }
  return { versionId: row.id, definition };
}

/**
 * The calendar and step limits to plan with at `now`. Only listed days from yesterday on are
 * read: deadlines lie ahead, and D1 bills every row read.
 */
export async function planContext(db: Database, now: number): Promise<PlanContext> {
  const since = addCalendarDays(chinaDay(now), -1);
  const [days, limits] = await db.batch([
    db
      .select({ day: schema.calendarDays.day, kind: schema.calendarDays.kind, name: schema.calendarDays.name })
      .from(schema.calendarDays)
      .where(gte(schema.calendarDays.day, since)),
    db.select({ state: schema.stepLimits.state, workingDays: schema.stepLimits.workingDays }).from(schema.stepLimits),
  ]);
  return { now, calendar: buildCalendar(days), limits: stepLimitsFromRows(limits) };
}

/** The tracking code of the opinion stored under this submission key, if any. */
/** The opinion already stored under a submission key: its tracking code and text (to tell a retry from a reuse). */
export async function opinionOfKey(db: Database, key: string): Promise<{ code: string; body: string } | null> {
  const row = await db
    .select({ code: schema.opinions.trackingCode, body: schema.opinions.body })
    .from(schema.opinions)
    .where(eq(schema.opinions.submissionKey, key))
    .get();
  return row ?? null;
}

export async function trackingCodeOfKey(db: Database, key: string): Promise<string | null> {
  const row = await db
    .select({ code: schema.opinions.trackingCode })
    .from(schema.opinions)
    .where(eq(schema.opinions.submissionKey, key))
    .get();
  return row?.code ?? null;
}

/** What the tracking page may show of an opinion, plus what planning a rating needs. */
export interface PublicOpinion {
  id: number;
  trackingCode: string;
  state: string;
  category: string;
  categoryZh: string | null;
  categoryEn: string | null;
  stationCode: string;
  stationName: string;
  townshipName: string;
  receivedAt: number;
  dueOn: string | null;
  rating: 'satisfied' | 'basically_satisfied' | 'dissatisfied' | null;
  mergedIntoId: number | null;
  transferredTo: string | null;
  // For planTransition only; never rendered.
  assignedDeputyId: number | null;
  reopenCount: number;
  resolvedAt: number | null;
  revision: number;
}

/** One public step of the timeline: no actor, no internal note, no action data. */
export interface PublicEvent {
  at: number;
  action: string;
  fromState: string | null;
  toState: string;
  publicReply: string | null;
}

const o = schema.opinions;

/** The opinion with this tracking code, as the public may see it, or null. */
export async function publicOpinion(db: Database, trackingCode: string): Promise<PublicOpinion | null> {
  const row = await db
    .select({
      id: o.id,
      trackingCode: o.trackingCode,
      state: o.state,
      category: o.category,
      categoryZh: schema.categories.nameZh,
      categoryEn: schema.categories.nameEn,
      stationCode: schema.stations.code,
      stationName: schema.stations.name,
      townshipName: schema.townships.name,
      receivedAt: o.receivedAt,
      dueOn: o.dueOn,
      rating: o.rating,
      mergedIntoId: o.mergedIntoId,
      transferredTo: o.transferredTo,
      assignedDeputyId: o.assignedDeputyId,
      reopenCount: o.reopenCount,
      resolvedAt: o.resolvedAt,
      revision: o.revision,
    })
    .from(o)
    .innerJoin(schema.stations, eq(schema.stations.id, o.stationId))
    .innerJoin(schema.townships, eq(schema.townships.id, o.townshipId))
    .leftJoin(schema.categories, eq(schema.categories.code, o.category))
    .where(eq(o.trackingCode, trackingCode))
    .get();
  return row ?? null;
}

/** The public timeline of an opinion, oldest first. */
export async function publicEvents(db: Database, opinionId: number): Promise<PublicEvent[]> {
  const e = schema.opinionEvents;
  return db
    .select({ at: e.at, action: e.action, fromState: e.fromState, toState: e.toState, publicReply: e.publicReply })
    .from(e)
    .where(eq(e.opinionId, opinionId))
    .orderBy(asc(e.at), asc(e.id))
    .all();
}

/** The tracking code of an opinion by id (the target of a merge), or null. */
export async function trackingCodeOf(db: Database, id: number): Promise<string | null> {
  const row = await db.select({ code: o.trackingCode }).from(o).where(eq(o.id, id)).get();
  return row?.code ?? null;
}

/** Names of the active deputies based at a station, for its poster. Names only. */
export async function deputyNamesAt(db: Database, stationId: number): Promise<string[]> {
  const d = schema.deputies;
  const rows = await db
    .select({ name: d.name })
    .from(d)
    .where(and(eq(d.stationId, stationId), eq(d.active, true)))
    .orderBy(asc(d.level), asc(d.id))
    .all();
  return rows.map((r) => r.name);
}
