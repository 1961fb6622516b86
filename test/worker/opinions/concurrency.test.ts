/**
 * Optimistic concurrency and atomicity: a stale revision is refused with 409 and writes
 * nothing; two people acting at once cannot both win; and when any statement of a
 * transition's batch fails, none of it is kept.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { database } from '../../../worker/db/client';
import { commitTransition, runTransition, transitionStatements, type TransitionWrite } from '../../../worker/opinions/commit';
import { type Fixture, seedFixture } from '../helpers';
import { act, countRows, currentRevision, insertOpinion } from './helpers';

let users: Fixture['users'];
beforeAll(async () => {
  ({ users } = await seedFixture());
});

function noteWrite(id: number, revision: number): TransitionWrite {
  return {
    opinionId: id,
    revision,
    before: { state: 'pending' },
    changes: {},
    event: { action: 'note', fromState: 'pending', toState: 'pending', publicReply: null, internalNote: 'x', data: '{}' },
    actor: { userId: 1, label: 'admin', audit: { id: 1, username: 'admin' } },
    now: Date.now(),
  };
}

describe('optimistic concurrency', () => {
  it('answers a stale revision with 409 conflict and the current revision, writing nothing', async () => {
    const { id } = await insertOpinion();
    const res = await act(users.staffA, id, 'accept', { deputyId: 1 }, 5);
    expect(res.status).toBe(409);
    const body = await res.json<{ error: { code: string; revision: number } }>();
    expect(body.error).toMatchObject({ code: 'conflict', revision: 0 });
    expect(await currentRevision(id)).toBe(0);
    expect(await countRows('opinion_events', 'opinion_id = ?', id)).toBe(1);
    expect(await countRows('audit_log', "entity = 'opinion' AND entity_id = ?", String(id))).toBe(0);
  });

  it('lets exactly one of two simultaneous actions on the same revision through', async () => {
    const { id } = await insertOpinion();
    const [a, b] = await Promise.all([
      act(users.staffA, id, 'accept', { deputyId: 1 }, 0),
      act(users.staff, id, 'reject', { reason: '重复反映' }, 0),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(await currentRevision(id)).toBe(1);
    expect(await countRows('opinion_events', 'opinion_id = ?', id)).toBe(2);
    expect(await countRows('audit_log', "entity = 'opinion' AND entity_id = ?", String(id))).toBe(1);
  });

  it('refuses in the batch itself when the row changed after it was read (the guard, not the early check)', async () => {
    const { id } = await insertOpinion();
    const db = database(env.DB);
    await commitTransition(db, noteWrite(id, 0));
    // Revision is now 1: a write still based on 0 must fail inside the batch.
    await expect(commitTransition(db, noteWrite(id, 0))).rejects.toMatchObject({ status: 409, code: 'conflict' });
    expect(await currentRevision(id)).toBe(1);
    expect(await countRows('opinion_events', "opinion_id = ? AND action = 'note'", id)).toBe(1);
    expect(await countRows('audit_log', "entity = 'opinion' AND entity_id = ?", String(id))).toBe(1);
  });
});

describe('batch atomicity', () => {
  it('keeps nothing when the last statement of a batch fails', async () => {
    const { id } = await insertOpinion();
    const db = database(env.DB);
    const write = { ...noteWrite(id, 0), changes: { dueOn: '2099-01-01' } };
    const stmts = transitionStatements(db, write);
    // The same guarded UPDATE again: by then the revision is 1, so this statement fails.
    stmts.push(transitionStatements(db, write)[0]!);
    await expect(runTransition(db, stmts, () => currentRevision(id))).rejects.toMatchObject({ status: 409 });
    const row = await env.DB.prepare('SELECT revision, due_on FROM opinions WHERE id = ?')
      .bind(id)
      .first<{ revision: number; due_on: string }>();
    expect(row).toEqual({ revision: 0, due_on: expect.not.stringMatching('2099') });
    expect(await countRows('opinion_events', 'opinion_id = ?', id)).toBe(1);
    expect(await countRows('audit_log', "entity = 'opinion' AND entity_id = ?", String(id))).toBe(0);
  });
});
