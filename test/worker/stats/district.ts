/**
 * A district of known shape for the statistics tests, written the way the app writes: opinions
 * are inserted in state 待受理 and then moved step by step with the workflow machine's plans
 * (one UPDATE of the opinion and one timeline event per transition, as worker/opinions does),
 * so the rollup triggers see the same sequence of writes as in production — reopenings,
 * merges, transfers, reassignments and unrated closes included. Trainings, check-ins,
 * anonymous answers and receptions are added too, and deputies change level and township
 * afterwards so the triggers must move what they counted.
 */
import { eq } from 'drizzle-orm';
import { createRng, type Rng } from '../../../scripts/seed/random';
import { database, schema } from '../../../worker/db/client';
import { addWorkingDays, buildCalendar, type Calendar, chinaDay } from '../../../worker/workflow/calendar';
import { type Action, type ActorRole, planTransition, type TransitionPayload } from '../../../worker/workflow/machine';

const DAY = 86_400_000;

/** Opinions per township: 1 and 2 come from seedFixture(); 4 stays under the ranking threshold. */
export const SHAPE: Record<number, number> = { 1: 44, 2: 30, 3: 16, 4: 6, 5: 0 };

export interface District {
  calendar: Calendar;
  opinionIds: number[];
  trainingIds: number[];
}

/** Loads the working-day calendar the database holds (seeded by the reference-data migration). */
export async function loadCalendar(db: D1Database): Promise<Calendar> {
  const rows = await db
    .prepare('SELECT day, kind, name FROM calendar_days')
    .all<{ day: string; kind: 'holiday' | 'workday'; name: string }>();
  return buildCalendar(rows.results);
}

/**
 * Applies one transition planned by the workflow machine, like worker/opinions/commit.ts:
 * UPDATE the opinion (changes + revision + updatedAt) and INSERT the timeline event. Returns
 * false when the machine refuses (the caller then leaves the opinion where it is).
 */
export async function transition(
  db: D1Database,
  calendar: Calendar,
  opinionId: number,
  action: Action,
  payload: TransitionPayload,
  at: number,
  role: ActorRole = 'staff',
): Promise<boolean> {
  const d = database(db);
  const o = await d.select().from(schema.opinions).where(eq(schema.opinions.id, opinionId)).get();
  if (!o) throw new Error(`no opinion ${opinionId}`);
  // A deputy acting here is always the one the opinion is assigned to.
  const plan = planTransition(o, action, { role, isAssignedDeputy: role === 'deputy' }, payload, { now: at, calendar });
  if (!plan.ok) return false;
  await d.batch([
    d
      .update(schema.opinions)
      .set({ ...plan.changes, revision: o.revision + 1, updatedAt: at })
      .where(eq(schema.opinions.id, opinionId)),
    d.insert(schema.opinionEvents).values({ opinionId, at, actorUserId: null, actorLabel: role, ...plan.event }),
  ]);
  return true;
}

/** Inserts an opinion as the intake does (state 待受理, due in 2 working days). */
export async function insertOpinion(
  db: D1Database,
  calendar: Calendar,
  o: { id: number; townshipId: number; stationId: number; category: string; receivedAt: number },
): Promise<void> {
  const due = addWorkingDays(calendar, chinaDay(o.receivedAt), 2);
  await db.batch([
    db
      .prepare(
        `INSERT INTO opinions (id, tracking_code, submission_key, station_id, township_id, category, body, state, due_on, received_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, '测试意见：路灯坏了，请尽快修理。', 'pending', ?7, ?8, ?8)`,
      )
      .bind(o.id, `TC${String(o.id).padStart(6, '0')}`, `key-${o.id}`, o.stationId, o.townshipId, o.category, due, o.receivedAt),
    db
      .prepare(
        `INSERT INTO opinion_events (opinion_id, at, actor_label, action, from_state, to_state) VALUES (?1, ?2, 'resident', 'submit', NULL, 'pending')`,
      )
      .bind(o.id, o.receivedAt),
  ]);
}

/** Townships 3–5, their stations, and deputies for all five (1 and 2 exist from seedFixture). */
async function seedRoster(db: D1Database): Promise<void> {
  const now = Date.now();
  await db.batch([
    db
      .prepare(
        `INSERT INTO townships (id, code, name, kind, sort_order, active, created_at, updated_at) VALUES
         (3,'T03','莲塘镇','town',3,1,?1,?1),(4,'T04','青山乡','township',4,1,?1,?1),(5,'T05','白石乡','township',5,1,?1,?1)`,
      )
      .bind(now),
    db
      .prepare(
        `INSERT INTO stations (id, code, name, kind, host_type, township_id, address, active, created_at, updated_at) VALUES
         (3,'CCCCCC','莲塘镇人大代表联络站','station','township',3,'',1,?1,?1),
         (4,'DDDDDD','青山乡人大代表联络站','station','township',4,'',1,?1,?1),
         (5,'EEEEEE','白石乡人大代表联络站','station','township',5,'',1,?1,?1),
         (6,'FFFFFF','城关街道幸福社区联络室','room','community',1,'',1,?1,?1)`,
      )
      .bind(now),
  ]);
  // Deputies 3…32: six per township, alternating levels, the last of each inactive.
  const values: string[] = [];
  let id = 3;
  for (let t = 1; t <= 5; t++) {
    for (let k = 0; k < 6; k++) {
      const level = k % 3 === 0 ? 'district' : 'township';
      const station = t === 1 && k >= 3 ? 6 : t;
      values.push(`(${id},'代表${id}','${level}',${t},${station},'',${13900000000 + id},${k === 5 ? 0 : 1},${now},${now})`);
      id++;
    }
  }
  await db
    .prepare(
      `INSERT INTO deputies (id, name, level, township_id, station_id, sector, phone, active, created_at, updated_at) VALUES ${values.join(',')}`,
    )
    .run();
}

function deputiesOf(townshipId: number): number[] {
  const base = 3 + (townshipId - 1) * 6;
  // The fixture's deputies 1 (township 1) and 2 (township 2) take opinions too.
  return [...(townshipId <= 2 ? [townshipId] : []), base, base + 1, base + 2, base + 3, base + 4];
}

/**
 * Moves one opinion through a random but legal path, one step every few days, never past
 * `now`. The path ends early when the next step would lie in the future.
 */
async function walk(
  db: D1Database,
  cal: Calendar,
  rng: Rng,
  id: number,
  townshipId: number,
  receivedAt: number,
  now: number,
  mergeTargets: number[],
) {
  let at = receivedAt;
  const step = async (action: Action, payload: TransitionPayload, days: number, role: ActorRole = 'staff') => {
    const next = at + days * DAY + rng.int(0, 6) * 3_600_000;
    if (next >= now) return false;
    at = next;
    return transition(db, cal, id, action, payload, at, role);
  };
  const deadline = (days: number) => addWorkingDays(cal, chinaDay(at + DAY), days);
  const roll = rng.next();
  if (roll < 0.07) return; // still 待受理
  if (roll < 0.12) {
    await step('reject', { reason: '不属于人大代表联络站受理范围。' }, 1);
    return;
  }
  if (!(await step('accept', { deputyId: rng.pick(deputiesOf(townshipId)) }, 1))) return;
  const r2 = rng.next();
  if (r2 < 0.05) return; // 一听
  if (r2 < 0.09) {
    await step('transfer', { transferTo: '区住房和城乡建设局' }, 1);
    return;
  }
  if (r2 < 0.15 && mergeTargets.length > 0) {
    await step('merge', { mergeTarget: rng.pick(mergeTargets) }, 1);
    return;
  }
  if (rng.chance(0.1)) await step('reassign', { deputyId: rng.pick(deputiesOf(rng.int(1, 5))) }, 1);
  if (!(await step('record_visit', { findings: '现场查看属实。' }, rng.int(1, 3), 'deputy'))) return;
  if (rng.chance(0.06)) return; // 二看
  if (rng.chance(0.2)) {
    if (!(await step('handle_directly', {}, 1, 'deputy'))) return;
  } else {
    if (
      !(await step(
        'deliberate',
        { publicReply: '已协调相关部门办理。', leadDepartment: '区城管局', deadline: deadline(10) },
        rng.int(1, 4),
        'deputy',
      ))
    )
      return;
    if (rng.chance(0.06)) return; // 三议
    if (!(await step('start_handling', {}, 1))) return;
  }
  if (rng.chance(0.12)) return; // 四办
  if (rng.chance(0.3)) await step('progress', { publicReply: '正在施工。' }, 2);
  if (!(await step('resolve', { publicReply: '已修复。' }, rng.int(2, 20)))) return;
  const r3 = rng.next();
  if (r3 < 0.12) return; // 已办结, not yet rated
  if (r3 < 0.2) {
    await step('close', {}, 16);
    return;
  }
  const rating = r3 < 0.55 ? 'satisfied' : r3 < 0.72 ? 'basically_satisfied' : 'dissatisfied';
  if (!(await step('rate', { rating }, rng.int(1, 5), 'resident'))) return;
  if (rating !== 'dissatisfied') return;
  const r4 = rng.next();
  if (r4 < 0.2) return; // waiting in review
  if (r4 < 0.45) {
    await step('uphold', { publicReply: '经复核，办理结果符合规定。' }, 2);
    return;
  }
  if (!(await step('reopen', { deadline: deadline(8), internalNote: '群众不满意，重新办理。' }, 2))) return;
  if (rng.chance(0.25)) return; // 四办 again
  if (!(await step('resolve', { publicReply: '已重新处理。' }, rng.int(2, 10)))) return;
  if (rng.chance(0.3)) return;
  await step('rate', { rating: rng.chance(0.7) ? 'satisfied' : 'basically_satisfied' }, rng.int(1, 3), 'resident');
}

/** Builds the whole district; opinions are received over the last ~18 weeks before `now`. */
export async function seedDistrict(db: D1Database, seed = 42, now = Date.now()): Promise<District> {
  await seedRoster(db);
  const calendar = await loadCalendar(db);
  const rng = createRng(seed);
  const categories = (await db.prepare('SELECT code FROM categories ORDER BY sort_order').all<{ code: string }>()).results.map(
    (c) => c.code,
  );
  const opinionIds: number[] = [];
  let id = 1000;
  for (const [t, n] of Object.entries(SHAPE)) {
    const townshipId = Number(t);
    const mergeTargets: number[] = [];
    for (let i = 0; i < n; i++) {
      id++;
      const receivedAt = now - rng.int(0, 125) * DAY - rng.int(0, 86_000) * 1000;
      const stationId = townshipId === 1 && rng.chance(0.3) ? 6 : townshipId;
      await insertOpinion(db, calendar, { id, townshipId, stationId, category: rng.pick(categories.slice(0, 6)), receivedAt });
      await walk(db, calendar, rng, id, townshipId, receivedAt, now, mergeTargets);
      mergeTargets.push(id);
      opinionIds.push(id);
    }
  }

  // Two trainings; deputies enrol, check in on some days, and most evaluate anonymously.
  await db.batch([
    db.prepare(
      `INSERT INTO forms (id, slug, kind, title, current_version, created_at, updated_at) VALUES (900,'stats-test','questionnaire','测试问卷',1,0,0)`,
    ),
    db.prepare(`INSERT INTO form_versions (id, form_id, version, definition, created_at) VALUES (900,900,1,'{}',0)`),
    db.prepare(
      `INSERT INTO trainings (id, title, starts_on, ends_on, checkin_code, created_at, updated_at) VALUES
       (1,'新任代表初任培训','2026-01-12','2026-01-14','CHK001',0,0),(2,'代表履职能力提升班','2026-06-08','2026-06-09','CHK002',0,0),
       (3,'下一期专题培训（尚未开始）','2099-03-02','2099-03-03','CHK003',0,0)`,
    ),
  ]);
  const enrol: D1PreparedStatement[] = [];
  const attend: D1PreparedStatement[] = [];
  const answers: D1PreparedStatement[] = [];
  let enrolmentId = 0;
  for (let deputyId = 1; deputyId <= 32; deputyId++) {
    const townshipId = deputyId <= 2 ? deputyId : Math.floor((deputyId - 3) / 6) + 1;
    for (const trainingId of [1, 2]) {
      if (trainingId === 2 && rng.chance(0.4)) continue;
      enrolmentId++;
      const submitted = rng.chance(0.75);
      enrol.push(
        db
          .prepare(
            `INSERT INTO enrolments (id, training_id, deputy_id, township_id, token, submitted_on, created_at) VALUES (?1,?2,?3,?4,?5,?6,0)`,
          )
          .bind(enrolmentId, trainingId, deputyId, townshipId, `tok-${enrolmentId}`, submitted ? '2026-06-10' : null),
      );
      for (const day of ['d1', 'd2', 'd3']) {
        if (rng.chance(0.6))
          attend.push(
            db.prepare(`INSERT INTO attendance (enrolment_id, day, checked_in_at) VALUES (?1, ?2, 0)`).bind(enrolmentId, day),
          );
      }
      if (submitted) {
        const overall = rng.int(2, 5);
        const recommend = rng.int(3, 10);
        answers.push(
          db
            .prepare(
              `INSERT INTO evaluation_responses (id, training_id, form_version_id, township_id, answers) VALUES (?1, ?2, 900, ?3, ?4)`,
            )
            .bind(
              crypto.randomUUID(),
              trainingId,
              rng.chance(0.9) ? townshipId : null,
              JSON.stringify({ overall, recommend, improve: '多一些案例' }),
            ),
        );
      }
    }
  }
  await db.batch(enrol);
  await db.batch(attend);
  await db.batch(answers);
  // One check-in withdrawn (a mistaken scan), one answer without the questions at all.
  await db.prepare('DELETE FROM attendance WHERE rowid = (SELECT min(rowid) FROM attendance)').run();
  await db
    .prepare(
      `INSERT INTO evaluation_responses (id, training_id, form_version_id, township_id, answers) VALUES (?1, 1, 900, 3, '{"improve":"无"}')`,
    )
    .bind(crypto.randomUUID())
    .run();

  // Receptions over the same weeks, with rotating deputies.
  let receptionId = 0;
  const receptions: D1PreparedStatement[] = [];
  for (let t = 1; t <= 5; t++) {
    for (let week = 0; week < 16; week++) {
      if (rng.chance(0.3)) continue;
      receptionId++;
      const day = chinaDay(now - (week * 7 + rng.int(0, 6)) * DAY);
      receptions.push(
        db
          .prepare(
            `INSERT INTO receptions (id, station_id, township_id, day, residents_received, opinions_taken, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0)`,
          )
          .bind(receptionId, t, t, day, rng.int(0, 12), rng.int(0, 4)),
      );
      for (const deputyId of rng.sample(deputiesOf(t), rng.int(1, 3))) {
        receptions.push(
          db.prepare('INSERT INTO reception_deputies (reception_id, deputy_id) VALUES (?1, ?2)').bind(receptionId, deputyId),
        );
      }
    }
  }
  await db.batch(receptions);

  // Later roster changes the rollups must follow: a level change, a move, a deactivation.
  await db.batch([
    db.prepare(`UPDATE deputies SET level = 'district' WHERE id = 4`),
    db.prepare(`UPDATE deputies SET township_id = 2, station_id = 2 WHERE id = 10`),
    db.prepare(`UPDATE deputies SET active = 0 WHERE id = 11`),
    // A staff member recategorises one opinion and corrects a reception.
    db.prepare(`UPDATE opinions SET category = 'other' WHERE id = 1003`),
    db.prepare(`UPDATE receptions SET residents_received = residents_received + 3, day = date(day, '-7 days') WHERE id = 2`),
  ]);
  return { calendar, opinionIds, trainingIds: [1, 2] };
}
