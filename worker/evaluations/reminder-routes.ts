/**
 * 组织情况 → 提醒未提交的代表 (owned by worker/notifications): POST /api/trainings/:id/reminders
 * sends today's reminders (once per deputy per day), GET …/reminders lists who was reminded
 * when, GET …/pending-links gives the personal links of those not yet submitted, for staff
 * who prefer to paste them into a WeChat group (复制全部未提交链接). Township staff act on their
 * own township's deputies only.
 */
import { Hono } from 'hono';
import { database } from '../db/client';
import type { AppEnv } from '../env';
import { currentUser, townshipScope } from '../platform/auth/guard';
import { ApiError } from '../platform/errors';
import { enqueue, publicOrigin } from '../notifications/queue';
import { pendingLinks, pendingWithPrefix, remindersOf, writeReminders } from '../notifications/reminders';
import { canStaff } from './access';
import { loadTraining } from './db';

export const reminderRoutes = new Hono<AppEnv>()
  .post('/:id{[0-9]+}/reminders', canStaff, async (c) => {
    const user = currentUser(c);
    const db = database(c.env.DB);
    const training = await loadTraining(db, Number(c.req.param('id')));
    if (training.evaluationStatus !== 'open') throw new ApiError(409, 'reminders_closed');
    const scope = townshipScope(user, undefined);
    const outcome = await writeReminders(c.env.DB, training.id, scope, Date.now());
    if (outcome.queued > 0) await enqueue(c.env, await pendingWithPrefix(db, outcome.prefix));
    const { prefix: _prefix, ...counts } = outcome;
    return c.json(counts);
  })
  .get('/:id{[0-9]+}/reminders', canStaff, async (c) => {
    const user = currentUser(c);
    const db = database(c.env.DB);
    const training = await loadTraining(db, Number(c.req.param('id')));
    return c.json({ items: await remindersOf(db, training.id, townshipScope(user, undefined)) });
  })
  .get('/:id{[0-9]+}/pending-links', canStaff, async (c) => {
    const user = currentUser(c);
    const db = database(c.env.DB);
    const training = await loadTraining(db, Number(c.req.param('id')));
    const origin = publicOrigin(c.env, new URL(c.req.url).origin).replace(/\/$/, '');
    const rows = await pendingLinks(db, training.id, townshipScope(user, undefined));
    const items = rows.map((r) => ({
      deputyId: r.deputyId,
      name: r.name,
      townshipName: r.townshipName,
      link: `${origin}/e/${r.token}`,
    }));
    // One line per deputy, ready to paste: "姓名（乡镇）：链接".
    const text = items.map((i) => `${i.name}（${i.townshipName}）：${i.link}`).join('\n');
    return c.json({ items, text });
  });
