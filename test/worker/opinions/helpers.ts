/**
 * Opinion fixtures for the worker tests: rows written straight to D1 (the resident intake is
 * another area's), and small wrappers around the opinions API.
 */
import { env } from 'cloudflare:workers';
import { addWorkingDays, buildCalendar, chinaDay, DEFAULT_CALENDAR_ROWS } from '../../../worker/workflow/calendar';
import { call } from '../helpers';

let counter = 0;

export interface OpinionSeed {
  stationId?: number;
  townshipId?: number;
  category?: string;
  body?: string;
  state?: string;
  assignedDeputyId?: number | null;
  reporterName?: string | null;
  reporterPhone?: string | null;
  receivedAt?: number;
  dueOn?: string | null;
  resolvedAt?: number | null;
  place?: string;
}

/** Inserts an opinion (and its 'submit' event); returns its id and tracking code. */
export async function insertOpinion(seed: OpinionSeed = {}): Promise<{ id: number; trackingCode: string }> {
  counter++;
  const now = Date.now();
  const trackingCode = `TC${String(counter).padStart(6, '0')}`;
  const stationId = seed.stationId ?? 1;
  const row = await env.DB.prepare(
    `INSERT INTO opinions (tracking_code, submission_key, station_id, township_id, category, body, place, reporter_name,
       reporter_phone, state, assigned_deputy_id, due_on, received_at, resolved_at, updated_at)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id`,
  )
    .bind(
      trackingCode,
      `key-${counter}-${Math.random()}`,
      stationId,
      seed.townshipId ?? stationId,
      seed.category ?? 'road_traffic',
      seed.body ?? `城关路第${counter}号路灯不亮，晚上出行很不方便，请尽快修复。`,
      seed.place ?? '城关路',
      seed.reporterName === undefined ? '张三' : seed.reporterName,
      seed.reporterPhone === undefined ? '13912345678' : seed.reporterPhone,
      seed.state ?? 'pending',
      seed.assignedDeputyId ?? null,
      seed.dueOn === undefined ? workingDaysFromToday(2) : seed.dueOn,
      seed.receivedAt ?? now,
      seed.resolvedAt ?? null,
      now,
    )
    .first<{ id: number }>();
  const id = row!.id;
  await env.DB.prepare(
    `INSERT INTO opinion_events (opinion_id, at, actor_label, action, from_state, to_state, data) VALUES (?,?,?,?,?,?,?)`,
  )
    .bind(id, seed.receivedAt ?? now, 'resident', 'submit', null, 'pending', '{}')
    .run();
  return { id, trackingCode };
}

/** A second deputy of township 1 (the fixture has one per township), for reassignment. */
export async function ensureSecondDeputy(): Promise<number> {
  await env.DB.prepare(
    `INSERT OR IGNORE INTO deputies (id, name, level, township_id, station_id, sector, phone, active, created_at, updated_at)
     VALUES (3, '赵敏', 'township', 1, 1, '教育', '13800000003', 1, 0, 0)`,
  ).run();
  return 3;
}

/** The shipped calendar (what migration 0002 loads). */
export const calendar = buildCalendar(DEFAULT_CALENDAR_ROWS);

/** The working day `n` working days after today (China time). */
export function workingDaysFromToday(n: number): string {
  return addWorkingDays(calendar, chinaDay(Date.now()), n);
}

export interface Detail {
  opinion: Record<string, unknown> & { id: number; state: string; revision: number; reporterPhone: string | null };
  timeline: {
    action: string;
    fromState: string | null;
    toState: string;
    publicReply: string | null;
    internalNote: string | null;
    data: Record<string, unknown>;
  }[];
  allowedActions: string[];
  actionFields: Record<string, { requires: string[]; optional: string[] }>;
  duplicates: { id: number; score: number; trackingCode: string }[];
  steps: { step: string; status: string }[];
}

/** GET /api/opinions/:id as `cookie`. */
export async function detail(cookie: string, id: number): Promise<Detail> {
  const res = await call('GET', `/api/opinions/${id}`, { cookie });
  if (res.status !== 200) throw new Error(`detail ${id}: ${res.status} ${await res.text()}`);
  return res.json<Detail>();
}

/** POST an action with the opinion's current revision (read first). */
export async function act(cookie: string, id: number, action: string, payload: Record<string, unknown> = {}, revision?: number) {
  const rev = revision ?? (await currentRevision(id));
  return call('POST', `/api/opinions/${id}/actions`, { cookie, json: { action, payload, revision: rev } });
}

/** The row's revision straight from D1. */
export async function currentRevision(id: number): Promise<number> {
  const row = await env.DB.prepare('SELECT revision FROM opinions WHERE id = ?').bind(id).first<{ revision: number }>();
  return row!.revision;
}

/** Counts rows of a table matching a WHERE with bound values. */
export async function countRows(table: 'opinion_events' | 'audit_log' | 'opinions', where: string, ...values: unknown[]) {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`)
    .bind(...values)
    .first<{ n: number }>();
  return row!.n;
}
