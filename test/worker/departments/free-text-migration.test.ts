/**
 * The migration that moves 三议's free-text departments onto department rows: applied to a
 * database holding opinions written under the old schema, it creates one department per
 * distinct name (exact duplicates merged), links each opinion to its lead, records the
 * assignments the old state implies, and leaves states, events and statistics untouched.
 */
import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

const db = () => env.MIGRATION_DB;
const TARGET = '0008_departments_from_free_text';

async function insertOpinion(id: number, state: string, lead: string | null, departments: string) {
  const now = 1_780_000_000_000 + id;
  await db()
    .prepare(
      `INSERT INTO opinions (id, tracking_code, submission_key, station_id, township_id, category, body, state, lead_department, departments, received_at, updated_at, resolved_at)
       VALUES (?1, 'TC' || ?1, 'K' || ?1, 1, 1, 'roads', '路灯坏了', ?2, ?3, ?4, ?5, ?5, CASE WHEN ?2 IN ('resolved','closed') THEN ?5 + 5000 END)`,
    )
    .bind(id, state, lead, departments, now)
    .run();
  await db()
    .prepare(
      `INSERT INTO opinion_events (opinion_id, at, actor_label, action, from_state, to_state, data) VALUES (?1, ?2, 'staff', 'deliberate', 'viewing', 'deliberating', '{}')`,
    )
    .bind(id, now + 1000)
    .run();
  if (state !== 'deliberating') {
    await db()
      .prepare(
        `INSERT INTO opinion_events (opinion_id, at, actor_label, action, from_state, to_state, data) VALUES (?1, ?2, 'staff', 'start_handling', 'deliberating', 'handling', '{}')`,
      )
      .bind(id, now + 2000)
      .run();
  }
}

describe('free-text departments migration', () => {
  it('creates departments and assignments from the old columns and keeps every opinion as it was', async () => {
    const all = env.TEST_MIGRATIONS;
    const k = all.findIndex((m) => m.name.startsWith(TARGET));
    expect(k).toBeGreaterThan(0);
    await applyD1Migrations(db(), all.slice(0, k));
    await db()
      .prepare(
        `INSERT INTO townships (id, code, name, kind, created_at, updated_at) VALUES (1, 'T01', '城关街道', 'subdistrict', 0, 0)`,
      )
      .run();
    await db()
      .prepare(
        `INSERT INTO stations (id, code, name, kind, host_type, township_id, created_at, updated_at) VALUES (1, 'AAAAAA', '站', 'station', 'township', 1, 0, 0)`,
      )
      .run();
    await insertOpinion(1, 'deliberating', '区住房和城乡建设局', '["供电公司"]');
    // The same lead with stray spaces, and the co-department repeating the lead.
    await insertOpinion(2, 'handling', ' 区住房和城乡建设局 ', '["区住房和城乡建设局","城关街道办事处"]');
    await insertOpinion(3, 'closed', '区交通运输局', '[]');
    await insertOpinion(4, 'transferred', '某某公司', 'not json');
    await insertOpinion(5, 'pending', null, '[]');
    const statsBefore = await db().prepare('SELECT * FROM stats_opinion_weeks ORDER BY category, week, township_id').all();
    const eventsBefore = await db().prepare('SELECT count(*) AS n FROM opinion_events').first<{ n: number }>();

    await applyD1Migrations(db(), all.slice(0, k + 1));

    const deps = await db()
      .prepare('SELECT id, name, kind FROM departments ORDER BY name')
      .all<{ id: number; name: string; kind: string }>();
    expect(deps.results.map((d) => [d.name, d.kind])).toEqual(
      [
        ['供电公司', 'utility'],
        ['区交通运输局', 'district_agency'],
        ['区住房和城乡建设局', 'district_agency'],
        ['城关街道办事处', 'township_government'],
        ['某某公司', 'enterprise'],
      ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );
    const id = (name: string) => deps.results.find((d) => d.name === name)!.id;

    const ops = await db()
      .prepare('SELECT id, state, lead_department, lead_department_id FROM opinions ORDER BY id')
      .all<{ id: number; state: string; lead_department: string | null; lead_department_id: number | null }>();
    expect(ops.results.map((o) => [o.id, o.state, o.lead_department_id])).toEqual([
      [1, 'deliberating', id('区住房和城乡建设局')],
      [2, 'handling', id('区住房和城乡建设局')],
      [3, 'closed', id('区交通运输局')],
      [4, 'transferred', id('某某公司')],
      [5, 'pending', null],
    ]);
    // The old text stays for lists and exports.
    expect(ops.results[1]!.lead_department).toBe(' 区住房和城乡建设局 ');

    const asg = await db()
      .prepare(
        'SELECT opinion_id, department_id, role, status, signed_at IS NOT NULL AS signed, ended_at IS NOT NULL AS ended FROM opinion_assignments ORDER BY opinion_id, role DESC, department_id',
      )
      .all();
    expect(asg.results).toEqual([
      { opinion_id: 1, department_id: id('区住房和城乡建设局'), role: 'lead', status: 'assigned', signed: 0, ended: 0 },
      { opinion_id: 1, department_id: id('供电公司'), role: 'co', status: 'assigned', signed: 0, ended: 0 },
      { opinion_id: 2, department_id: id('区住房和城乡建设局'), role: 'lead', status: 'signed', signed: 1, ended: 0 },
      { opinion_id: 2, department_id: id('城关街道办事处'), role: 'co', status: 'signed', signed: 1, ended: 0 },
      { opinion_id: 3, department_id: id('区交通运输局'), role: 'lead', status: 'done', signed: 1, ended: 1 },
      { opinion_id: 4, department_id: id('某某公司'), role: 'lead', status: 'withdrawn', signed: 1, ended: 1 },
    ]);

    const statsAfter = await db().prepare('SELECT * FROM stats_opinion_weeks ORDER BY category, week, township_id').all();
    expect(statsAfter.results).toEqual(statsBefore.results);
    const eventsAfter = await db().prepare('SELECT count(*) AS n FROM opinion_events').first<{ n: number }>();
    expect(eventsAfter?.n).toBe(eventsBefore?.n);
  });
});
