/**
 * Writing messages into the outbox, as statements for the caller's own `db.batch`, so that a
 * message exists exactly when its event does (transactional outbox). Recipients are found in
 * SQL (`INSERT … SELECT`): a resident without a consented number, or a deputy without a phone,
 * simply yields no row, and no phone number passes through application code on the way.
 * `ON CONFLICT (dedupe_key) DO NOTHING` makes a retried event write nothing the second time.
 */
import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { type Database, schema } from '../db/client';

const m = schema.outboxMessages;
const o = schema.opinions;
const d = schema.deputies;

/** Values for one outbox row; expressions may refer to the tables of the SELECT. */
export type OutboxFields = Partial<Record<keyof typeof m.$inferInsert, SQL | SQLiteColumn | string | number | null>>;

const COLUMNS = Object.entries(getTableColumns(m)) as [keyof typeof m.$inferInsert, SQLiteColumn][];

function value(v: SQL | SQLiteColumn | string | number | null): SQL | SQLiteColumn {
  if (v === null) return sql`NULL`;
  if (typeof v === 'string' || typeof v === 'number') return sql`${v}`;
  return v;
}

/**
 * Every column of the outbox in table order (drizzle's INSERT … SELECT needs all of them):
 * given fields, else the column's default, else NULL (the id: SQLite assigns it).
 */
function selection(fields: OutboxFields): Record<string, SQL.Aliased | SQLiteColumn> {
  const out: Record<string, SQL.Aliased | SQLiteColumn> = {};
  for (const [key, column] of COLUMNS) {
    const given = fields[key];
    const fallback = column.default as string | number | boolean | undefined;
    const v =
      given !== undefined
        ? value(given)
        : typeof fallback === 'string' || typeof fallback === 'number'
          ? value(fallback)
          : sql`NULL`;
    out[key] = sql`${v}`.as(column.name);
  }
  return out;
}

/** The dedupe key of the 受理 message written with a submission (to enqueue it afterwards). */
export function submissionNoticeKey(submissionKey: string): string {
  return `sub:${submissionKey}:resident`;
}

/** The message a resident is sent about their opinion, keyed to one event. */
export interface ResidentNotice {
  /** The opinion by id, or (inside the submission's own batch, before its id is known) by submission key. */
  opinion: { id: number } | { submissionKey: string };
  templateId: string;
  eventKind: string;
  /** Unique per event: e.g. `op:12:r3` (opinion 12, the write that made revision 3). */
  eventKey: string;
  now: number;
  /** Extra variables besides code and link (reason, receiver). */
  extra?: Record<string, string>;
}

function jsonObject(pairs: Record<string, SQL | string>): SQL {
  const parts = Object.entries(pairs).map(([k, v]) => sql`${k}, ${v}`);
  return sql`json_object(${sql.join(parts, sql`, `)})`;
}

/**
 * One message to the opinion's reporter, if they left a number with consent. The link is the
 * tracking page, a path (rendered with the public origin when sent).
 */
export function residentNotice(db: Database, n: ResidentNotice) {
  const vars = jsonObject({ code: sql`${o.trackingCode}`, link: sql`'/t/' || ${o.trackingCode}`, ...n.extra });
  return db
    .insert(m)
    .select(
      db
        .select(
          selection({
            dedupeKey: `${n.eventKey}:resident`,
            phone: o.reporterPhone,
            audience: 'resident',
            templateId: n.templateId,
            variables: vars,
            eventKind: n.eventKind,
            opinionId: o.id,
            townshipId: o.townshipId,
            createdAt: n.now,
            updatedAt: n.now,
          }) as never,
        )
        .from(o)
        .where(
          sql`${'id' in n.opinion ? sql`${o.id} = ${n.opinion.id}` : sql`${o.submissionKey} = ${n.opinion.submissionKey}`} AND ${o.reporterPhone} IS NOT NULL AND ${o.reporterPhone} <> '' AND ${o.consentAt} IS NOT NULL`,
        ) as never,
    )
    .onConflictDoNothing();
}

/** A message to a deputy about an opinion (assignment, 催办); the link is the item in the dashboard. */
export interface DeputyNotice {
  /** The deputy, or 'assigned': whoever the opinion is assigned to when the batch runs. */
  deputyId: number | 'assigned';
  opinionId: number;
  templateId: string;
  eventKind: string;
  eventKey: string;
  now: number;
}

/** One message to the deputy, if the roster has a phone for them. */
export function deputyOpinionNotice(db: Database, n: DeputyNotice) {
  const code = sql`(SELECT ${o.trackingCode} FROM ${o} WHERE ${o.id} = ${n.opinionId})`;
  return db
    .insert(m)
    .select(
      db
        .select(
          selection({
            dedupeKey: `${n.eventKey}:deputy:${n.deputyId}`,
            phone: d.phone,
            audience: 'deputy',
            recipientDeputyId: d.id,
            templateId: n.templateId,
            variables: jsonObject({ name: sql`${d.name}`, code, link: `/opinions/${n.opinionId}` }),
            eventKind: n.eventKind,
            opinionId: n.opinionId,
            townshipId: d.townshipId,
            createdAt: n.now,
            updatedAt: n.now,
          }) as never,
        )
        .from(d)
        .where(
          sql`${d.id} = ${n.deputyId === 'assigned' ? sql`(SELECT ${o.assignedDeputyId} FROM ${o} WHERE ${o.id} = ${n.opinionId})` : n.deputyId} AND ${d.phone} IS NOT NULL AND ${d.phone} <> ''`,
        ) as never,
    )
    .onConflictDoNothing();
}

/** A message to a known number (a lookup by the resident, a digest to a duty phone). */
export interface DirectNotice {
  dedupeKey: string;
  phone: string;
  audience: 'resident' | 'deputy' | 'department' | 'staff';
  templateId: string;
  variables: Record<string, string | number>;
  eventKind: string;
  now: number;
  recipientDeputyId?: number | null;
  recipientUserId?: number | null;
  trainingId?: number | null;
  opinionId?: number | null;
  townshipId?: number | null;
}

/** One message with its values known in advance. */
export function directNotice(db: Database, n: DirectNotice) {
  return db
    .insert(m)
    .values({
      dedupeKey: n.dedupeKey,
      phone: n.phone,
      audience: n.audience,
      templateId: n.templateId,
      variables: JSON.stringify(n.variables),
      eventKind: n.eventKind,
      recipientDeputyId: n.recipientDeputyId ?? null,
      recipientUserId: n.recipientUserId ?? null,
      trainingId: n.trainingId ?? null,
      opinionId: n.opinionId ?? null,
      townshipId: n.townshipId ?? null,
      createdAt: n.now,
      updatedAt: n.now,
    })
    .onConflictDoNothing();
}

/**
 * A mainland mobile number in SQL (11 digits starting with 1). D1 refuses long GLOB character
 * classes, so the check is spelled out: a department's contact phone may be a landline.
 */
export function isMobileSql(column: SQLiteColumn | SQL) {
  return sql`(length(${column}) = 11 AND substr(${column}, 1, 1) = '1' AND ${column} NOT GLOB '*[^0-9]*')`;
}

/** A message to a department's contact phone about an opinion (交办, 催办). */
export interface DepartmentNotice {
  departmentId: number;
  opinionId: number;
  templateId: string;
  eventKind: string;
  eventKey: string;
  now: number;
}

/**
 * One message to the department's contact phone, if it has a mobile number. `due` is the
 * opinion's deadline as the batch leaves it (the opinion's UPDATE runs first in the batch).
 */
export function departmentNotice(db: Database, n: DepartmentNotice) {
  const dep = schema.departments;
  const code = sql`(SELECT ${o.trackingCode} FROM ${o} WHERE ${o.id} = ${n.opinionId})`;
  const due = sql`coalesce((SELECT ${o.dueOn} FROM ${o} WHERE ${o.id} = ${n.opinionId}), '')`;
  const name = sql`CASE WHEN ${dep.shortName} <> '' THEN ${dep.shortName} ELSE ${dep.name} END`;
  return db
    .insert(m)
    .select(
      db
        .select(
          selection({
            dedupeKey: `${n.eventKey}:department:${n.departmentId}`,
            phone: dep.contactPhone,
            audience: 'department',
            templateId: n.templateId,
            variables: jsonObject({ department: name, code, due, link: `/opinions/${n.opinionId}` }),
            eventKind: n.eventKind,
            opinionId: n.opinionId,
            townshipId: sql`(SELECT ${o.townshipId} FROM ${o} WHERE ${o.id} = ${n.opinionId})`,
            createdAt: n.now,
            updatedAt: n.now,
          }) as never,
        )
        .from(dep)
        .where(sql`${dep.id} = ${n.departmentId} AND ${dep.active} = 1 AND ${isMobileSql(dep.contactPhone)}`) as never,
    )
    .onConflictDoNothing();
}
