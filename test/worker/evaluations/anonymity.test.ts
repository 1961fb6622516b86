/**
 * Unlinkability of answers. After several deputies have submitted, nothing in the database
 * joins an evaluation_responses row to a deputy or a token: not a column, not a foreign key,
 * not the row order, not a time. And participation and answers are written together or not
 * at all.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordSubmission } from '../../../worker/evaluations/submit';
import { ALL_ANSWERS, addDeputies, answers, setupTraining, submit, type TrainingSetup } from './helpers';

let setup: TrainingSetup;
const COMMENT = '希望增加案例教学的时间';

async function tables(): Promise<string[]> {
  const rows = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations'",
  ).all<{ name: string }>();
  return rows.results.map((r) => r.name);
}

async function columns(table: string): Promise<{ name: string; type: string }[]> {
  return (await env.DB.prepare(`SELECT name, type FROM pragma_table_info('${table}')`).all<{ name: string; type: string }>())
    .results;
}

beforeAll(async () => {
  await addDeputies(1, 8);
  setup = await setupTraining();
  // Submit in deputy-id order: if anything kept the order, it would line up with the ids.
  const ids = [...setup.tokens.keys()].sort((a, b) => a - b);
  for (const [i, id] of ids.entries()) {
    const res = await submit(
      setup.tokens.get(id)!,
      answers(setup.courseIds, { overall: String((i % 5) + 1), improve: `${COMMENT}${i}` }),
    );
    expect(res.status).toBe(200);
  }
});

/** Both tables that hold answers: released (what views read) and pending (not yet released). */
const ANSWER_TABLES = ['evaluation_responses', 'evaluation_pending'] as const;

describe('answers cannot be linked to deputies', () => {
  it('both answer tables hold exactly: random id, training, version, township, answers', async () => {
    for (const table of ANSWER_TABLES) {
      expect((await columns(table)).map((c) => c.name).sort(), table).toEqual(
        ['answers', 'form_version_id', 'id', 'township_id', 'training_id'].sort(),
      );
      const fks = await env.DB.prepare(`SELECT "table" AS target FROM pragma_foreign_key_list('${table}')`).all<{
        target: string;
      }>();
      expect(fks.results.map((f) => f.target).sort(), table).toEqual(['form_versions', 'townships', 'trainings']);
    }
  });

  it('no other table references the answers, and none but enrolments holds a token', async () => {
    for (const table of await tables()) {
      const fks = await env.DB.prepare(`SELECT "table" AS target FROM pragma_foreign_key_list('${table}')`).all<{
        target: string;
      }>();
      for (const answers of ANSWER_TABLES)
        expect(
          fks.results.map((f) => f.target),
          table,
        ).not.toContain(answers);
      // enrolments holds the deputies' personal links; form_previews a staff preview link of a
      // questionnaire (worker/forms), which names no deputy and no answer.
      if (table === 'enrolments' || table === 'form_previews') continue;
      for (const col of await columns(table)) expect(`${table}.${col.name}`).not.toMatch(/token/);
    }
  });

  it('has no hidden insertion order: both answer tables are WITHOUT ROWID', async () => {
    for (const table of ANSWER_TABLES) {
      const sqlText = await env.DB.prepare('SELECT sql FROM sqlite_master WHERE name = ?1').bind(table).first<{ sql: string }>();
      expect(sqlText?.sql, table).toMatch(/WITHOUT ROWID\s*$/);
      await expect(env.DB.prepare(`SELECT rowid FROM ${table}`).all()).rejects.toThrow(/rowid/);
    }
  });

  it('ids are random UUIDs whose order says nothing about the order of submission', async () => {
    const rows = await env.DB.prepare(`SELECT id, answers FROM ${ALL_ANSWERS} WHERE training_id = ?`).bind(setup.trainingId).all<{
      id: string;
      answers: string;
    }>();
    expect(rows.results.length).toBeGreaterThanOrEqual(10);
    for (const r of rows.results) expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The submission index is in the comment; the tables' natural order (and id order) must not follow it.
    for (const table of ANSWER_TABLES) {
      const own = await env.DB.prepare(`SELECT answers FROM ${table} WHERE training_id = ?`)
        .bind(setup.trainingId)
        .all<{ answers: string }>();
      const order = own.results.map((r) => Number((JSON.parse(r.answers) as { improve: string }).improve.slice(COMMENT.length)));
      if (order.length > 2) expect(order, table).not.toEqual([...order].sort((a, b) => a - b));
    }
  });

  it('answers carry no time: nothing that looks like a timestamp or today', async () => {
    const rows = await env.DB.prepare(`SELECT * FROM ${ALL_ANSWERS}`).all<Record<string, unknown>>();
    const year = new Date().getUTCFullYear();
    for (const row of rows.results) {
      for (const value of Object.values(row)) {
        const text = String(value);
        expect(text).not.toMatch(/\b1[6-9]\d{11}\b/); // epoch milliseconds
        expect(text).not.toMatch(new RegExp(`${year}-\\d{2}-\\d{2}`));
      }
    }
  });

  it('no row anywhere else mentions a response id', async () => {
    const ids = (await env.DB.prepare(`SELECT id FROM ${ALL_ANSWERS}`).all<{ id: string }>()).results.map((r) => r.id);
    for (const table of await tables()) {
      if ((ANSWER_TABLES as readonly string[]).includes(table)) continue;
      const rows = (await env.DB.prepare(`SELECT * FROM "${table}"`).all<Record<string, unknown>>()).results;
      const dump = JSON.stringify(rows);
      for (const id of ids) expect(dump.includes(id), `${table} mentions ${id}`).toBe(false);
    }
  });

  it('the audit log records no submission', async () => {
    const rows = await env.DB.prepare(
      "SELECT action, entity FROM audit_log WHERE entity LIKE '%response%' OR action LIKE '%submit%'",
    ).all();
    expect(rows.results).toEqual([]);
  });
});

describe('participation and answers are written together', () => {
  it('rolls back the participation row when the answer cannot be stored', async () => {
    const extra = await setupTraining({ title: '原子性' });
    const version = await env.DB.prepare('SELECT id FROM form_versions ORDER BY id LIMIT 1').first<{ id: number }>();
    // A pending answer whose id the submission will reuse: its insert then fails after the update succeeded.
    const existing = { id: crypto.randomUUID() };
    await env.DB.prepare(
      'INSERT INTO evaluation_pending (id, training_id, form_version_id, township_id, answers) VALUES (?1, ?2, ?3, 2, ?4)',
    )
      .bind(existing.id, extra.trainingId, version!.id, '{}')
      .run();
    const enrolment = await env.DB.prepare('SELECT id, township_id FROM enrolments WHERE training_id = ? AND deputy_id = 1')
      .bind(extra.trainingId)
      .first<{ id: number; township_id: number }>();
    await expect(
      recordSubmission(env.DB, {
        enrolmentId: enrolment!.id,
        trainingId: extra.trainingId,
        formVersionId: version!.id,
        townshipId: enrolment!.township_id,
        answers: { overall: 5 },
        today: '2026-03-19',
        // A duplicate primary key makes the second statement fail after the first succeeded.
        responseId: existing!.id,
      }),
    ).rejects.toThrow();
    const after = await env.DB.prepare('SELECT submitted_on FROM enrolments WHERE id = ?')
      .bind(enrolment!.id)
      .first<{ submitted_on: string | null }>();
    expect(after?.submitted_on).toBeNull();
    await env.DB.prepare('DELETE FROM evaluation_pending WHERE id = ?1').bind(existing.id).run();
    // And the deputy can still submit normally afterwards.
    expect((await submit(extra.tokens.get(1)!, answers(extra.courseIds))).status).toBe(200);
  });
});
