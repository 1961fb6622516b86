/**
 * Notifications: the transactional outbox (one row per message, written in the same D1 batch
 * as the event it tells about), the message templates admins edit, and SMS opt-outs (退订).
 * Delivery (Queues consumer, providers, rules) lives in worker/notifications/.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * One message to one recipient. `dedupeKey` is UNIQUE: one message per event per recipient,
 * however often the request, the queue delivery or the cron run are retried.
 * State: pending → sending → sent | failed | suppressed (with `reason`).
 */
export const outboxMessages = sqliteTable(
  'outbox_messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dedupeKey: text('dedupe_key').notNull().unique(),
    channel: text('channel', { enum: ['sms'] })
      .notNull()
      .default('sms'),
    /** Mainland mobile number, 11 digits; the only personal data a message row keeps. */
    phone: text('phone').notNull(),
    /** Who the recipient is, for filters: resident, deputy, department, staff. */
    audience: text('audience').notNull(),
    recipientUserId: integer('recipient_user_id'),
    recipientDeputyId: integer('recipient_deputy_id'),
    templateId: text('template_id').notNull(),
    /** JSON object of template variables (no one else's personal data). */
    variables: text('variables').notNull().default('{}'),
    /** The text as sent (filled when sent; pending rows are rendered on the fly). */
    body: text('body'),
    /** What caused it: submit, accept, resolve, reminder, … */
    eventKind: text('event_kind').notNull(),
    opinionId: integer('opinion_id'),
    trainingId: integer('training_id'),
    /** The township it concerns, so township staff see their own messages only. */
    townshipId: integer('township_id'),
    state: text('state', { enum: ['pending', 'sending', 'sent', 'failed', 'suppressed'] })
      .notNull()
      .default('pending'),
    reason: text('reason'),
    attempts: integer('attempts').notNull().default(0),
    /** Not to be sent before this epoch ms (quiet hours, daily cap, retry backoff). */
    notBefore: integer('not_before').notNull().default(0),
    provider: text('provider'),
    providerMessageId: text('provider_message_id'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    sentAt: integer('sent_at'),
  },
  (t) => [
    index('outbox_state_not_before').on(t.state, t.notBefore),
    index('outbox_phone_sent').on(t.phone, t.sentAt),
    index('outbox_created').on(t.createdAt),
    index('outbox_opinion').on(t.opinionId),
    index('outbox_training_deputy').on(t.trainingId, t.recipientDeputyId),
  ],
);

/**
 * Message templates as data. `body` uses {name} placeholders; `variables` lists the names it
 * may use (JSON array), checked when an admin edits it. `providerTemplateId` is the id the SMS
 * service approved for it (Tencent Cloud SMS sends template ids with ordered parameters).
 */
export const messageTemplates = sqliteTable('message_templates', {
  id: text('id').primaryKey(),
  audience: text('audience').notNull(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  body: text('body').notNull(),
  variables: text('variables').notNull().default('[]'),
  providerTemplateId: text('provider_template_id'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  updatedAt: integer('updated_at').notNull(),
});

/** Numbers that said 退订 (on the tracking page or by replying TD through the gateway). */
export const smsOptOuts = sqliteTable('sms_opt_outs', {
  phone: text('phone').primaryKey(),
  source: text('source', { enum: ['tracking_page', 'webhook', 'staff'] }).notNull(),
  createdAt: integer('created_at').notNull(),
});

/**
 * When a training's evaluation opens and closes on its own (China calendar days, inclusive).
 * Kept beside the trainings table rather than in it so the scheduler owns its columns; the
 * 08:30 run opens a draft evaluation on `opensOn` (inviting the deputies) and closes it after
 * `closesOn`.
 */
export const evaluationSchedules = sqliteTable('evaluation_schedules', {
  trainingId: integer('training_id').primaryKey(),
  opensOn: text('opens_on'),
  closesOn: text('closes_on'),
  updatedAt: integer('updated_at').notNull(),
});
