/**
 * Likely duplicates on the item page (same station and category, similar text, within 90
 * days) and merging: the duplicate closes with a reply naming the opinion that carries on,
 * and that opinion is marked with an event of its own.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { database } from '../../../worker/db/client';
import { commitTransition } from '../../../worker/opinions/commit';
import { type Fixture, seedFixture } from '../helpers';
import { act, countRows, currentRevision, detail, insertOpinion } from './helpers';

let users: Fixture['users'];
beforeAll(async () => {
  ({ users } = await seedFixture());
});

const DAY = 86_400_000;
const TEXT = '城关路与解放街交叉口的红绿灯坏了，早晚高峰很危险，请尽快修复。';

describe('likely duplicates', () => {
  it('offers similar opinions of the same station and category from the last 90 days', async () => {
    const original = await insertOpinion({ body: TEXT, receivedAt: Date.now() - 10 * DAY });
    const close = await insertOpinion({ body: '城关路与解放街交叉口红绿灯坏了好几天，早晚高峰非常危险，请尽快修复' });
    await insertOpinion({ body: TEXT, category: 'public_order' }); // another category
    await insertOpinion({ body: TEXT, stationId: 2, townshipId: 2 }); // another station
    await insertOpinion({ body: TEXT, receivedAt: Date.now() - 120 * DAY }); // too old
    await insertOpinion({ body: '幸福小区门口的路灯不亮了。' }); // not similar

    const d = await detail(users.staffA, close.id);
    expect(d.duplicates.map((x) => x.id)).toEqual([original.id]);
    expect(d.duplicates[0]?.score).toBeGreaterThanOrEqual(0.5);
    // Deputies and leaders cannot merge, so they are not offered duplicates.
    expect((await detail(users.leader, close.id)).duplicates).toEqual([]);
  });
});

describe('merge (重复)', () => {
  it('closes the duplicate with a reply naming the target, and marks the target', async () => {
    const target = await insertOpinion({ body: TEXT });
    await act(users.staffA, target.id, 'accept', { deputyId: 1 });
    const dup = await insertOpinion({ body: TEXT });
    const targetRevision = await currentRevision(target.id);

    const res = await act(users.staffA, dup.id, 'merge', { mergeTarget: target.id, internalNote: '同一路口' });
    expect(res.status, await res.clone().text()).toBe(200);
    const d = await res.json<{
      opinion: { state: string; mergedIntoId: number; mergedIntoCode: string };
      timeline: { publicReply: string | null; data: Record<string, unknown> }[];
    }>();
    expect(d.opinion).toMatchObject({ state: 'duplicate', mergedIntoId: target.id, mergedIntoCode: target.trackingCode });
    // What the resident of the duplicate reads on the tracking page: the code as receipts show it.
    expect(d.timeline.at(-1)?.publicReply).toContain(`${target.trackingCode.slice(0, 4)}-${target.trackingCode.slice(4)}`);
    expect(d.timeline.at(-1)?.data).toMatchObject({ mergeTarget: target.id, mergeTargetCode: target.trackingCode });

    const t = await detail(users.staffA, target.id);
    expect(t.opinion.state).toBe('listening');
    expect(t.opinion.revision).toBe(targetRevision + 1);
    expect(t.timeline.at(-1)).toMatchObject({
      action: 'merged_in',
      fromState: 'listening',
      toState: 'listening',
      data: { mergedFrom: dup.id },
    });
    // A merged opinion is no longer offered as a duplicate of anything.
    expect(t.duplicates.map((x) => x.id)).not.toContain(dup.id);
  });

  it('refuses merging into itself, into a merged or rejected opinion, or across townships', async () => {
    const a = await insertOpinion({ body: TEXT });
    const rejected = await insertOpinion({ body: TEXT, state: 'rejected', dueOn: null });
    const merged = await insertOpinion({ body: TEXT, state: 'duplicate', dueOn: null });
    const elsewhere = await insertOpinion({ body: TEXT, stationId: 2, townshipId: 2 });
    const code = async (target: number) => {
      const res = await act(users.staff, a.id, 'merge', { mergeTarget: target });
      return [res.status, (await res.json<{ error: { code: string } }>()).error.code];
    };
    expect(await code(a.id)).toEqual([422, 'merge_target_self']);
    expect(await code(rejected.id)).toEqual([422, 'merge_target_invalid']);
    expect(await code(merged.id)).toEqual([422, 'merge_target_invalid']);
    expect(await code(elsewhere.id)).toEqual([422, 'merge_target_invalid']);
    expect(await code(999_999)).toEqual([422, 'merge_target_invalid']);
    expect(await countRows('opinion_events', 'opinion_id = ?', a.id)).toBe(1);
  });

  it('rolls the merge back whole when the target changed meanwhile', async () => {
    const target = await insertOpinion({ body: TEXT });
    const dup = await insertOpinion({ body: TEXT });
    // Someone changes the target between our read and our write: simulate with a stale target revision.
    await env.DB.prepare('UPDATE opinions SET revision = revision + 5 WHERE id = ?').bind(target.id).run();
    await expect(
      commitTransition(database(env.DB), {
        opinionId: dup.id,
        revision: 0,
        before: {},
        changes: { state: 'duplicate', mergedIntoId: target.id },
        event: { action: 'merge', fromState: 'pending', toState: 'duplicate', publicReply: 'x', internalNote: null, data: '{}' },
        actor: { userId: 1, label: 'admin', audit: { id: 1, username: 'admin' } },
        now: Date.now(),
        mergeTarget: { id: target.id, revision: 0, state: 'pending', trackingCode: target.trackingCode },
      }),
    ).rejects.toMatchObject({ status: 409 });
    expect(await currentRevision(dup.id)).toBe(0);
    expect(await countRows('opinion_events', 'opinion_id IN (?, ?)', dup.id, target.id)).toBe(2);
  });
});
