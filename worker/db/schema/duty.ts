/**
 * Deputies' duties around the liaison stations: the reception duty schedule (排班), how an
 * opinion reached the office when it did not come through the station's QR form by the
 * resident's own hand (代录 channel, 代表码 recipient), and the keys that make logging a
 * session idempotent. Kept apart from the opinions schema: these are facts *about* an
 * opinion or a session, not states of the 一听二看三议四办 workflow.
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';
import { opinions, receptions } from './opinions';
import { deputies, stations, townships } from './roster';

/** How a duty schedule repeats: every n weeks from its first day, on a day of each month, or once. */
export const DUTY_RULES = ['weekly', 'monthly', 'dated'] as const;
export type DutyRule = (typeof DUTY_RULES)[number];

/** The part of the day a duty covers. */
export const DUTY_PERIODS = ['am', 'pm', 'day'] as const;
export type DutyPeriod = (typeof DUTY_PERIODS)[number];

/**
 * One line of a station's 排班: which deputies receive residents there, and when. `startsOn`
 * is the first duty day (the anchor of a weekly rule, the only day of a dated one);
 * `endsOn` (inclusive) closes a rota that has been replaced.
 */
export const dutySchedules = sqliteTable(
  'duty_schedules',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stationId: integer('station_id')
      .notNull()
      .references(() => stations.id),
    townshipId: integer('township_id')
      .notNull()
      .references(() => townships.id),
    rule: text('rule', { enum: DUTY_RULES }).notNull(),
    /** Weekly rules: every `everyWeeks` weeks (1 = weekly, 2 = fortnightly). */
    everyWeeks: integer('every_weeks').notNull().default(1),
    /** Monthly rules: the day of the month (29–31 fall on the month's last day in short months). */
    dayOfMonth: integer('day_of_month'),
    period: text('period', { enum: DUTY_PERIODS }).notNull().default('am'),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on'),
    note: text('note').notNull().default(''),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdBy: integer('created_by'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('duty_schedules_station').on(t.stationId, t.active), index('duty_schedules_township').on(t.townshipId)],
);

/** The deputies on a schedule's rota. */
export const dutyScheduleDeputies = sqliteTable(
  'duty_schedule_deputies',
  {
    scheduleId: integer('schedule_id')
      .notNull()
      .references(() => dutySchedules.id),
    deputyId: integer('deputy_id')
      .notNull()
      .references(() => deputies.id),
  },
  (t) => [primaryKey({ columns: [t.scheduleId, t.deputyId] }), index('duty_schedule_deputies_deputy').on(t.deputyId)],
);

/** Channels of an opinion entered for a resident (代录). */
export const INTAKE_CHANNELS = ['reception', 'phone', 'letter', 'other'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

/**
 * How an opinion came in, for opinions that did not arrive by a resident filling in a
 * station's form on their own (those have no row). `channel` is set for 代录 entries;
 * `recipientDeputyId` names the deputy chosen through their 代表码 (or the deputy who
 * took the opinion down), offered first at 受理.
 */
export const opinionIntake = sqliteTable(
  'opinion_intake',
  {
    opinionId: integer('opinion_id')
      .primaryKey()
      .references(() => opinions.id),
    channel: text('channel', { enum: INTAKE_CHANNELS }),
    recipientDeputyId: integer('recipient_deputy_id').references(() => deputies.id),
    receptionId: integer('reception_id').references(() => receptions.id),
    enteredBy: integer('entered_by').references(() => users.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('opinion_intake_channel').on(t.channel),
    index('opinion_intake_recipient').on(t.recipientDeputyId),
    index('opinion_intake_reception').on(t.receptionId),
  ],
);

/**
 * The client's key of a logged reception session: a retried request (a phone on a bad
 * network) finds the session it already stored instead of logging it twice.
 */
export const receptionSubmissions = sqliteTable('reception_submissions', {
  key: text('key').primaryKey(),
  receptionId: integer('reception_id')
    .notNull()
    .references(() => receptions.id),
  createdAt: integer('created_at').notNull(),
});

/** Kinds of a deputy's activities kept in the 履职档案 besides receptions, opinions and trainings. */
export const ACTIVITY_KINDS = [
  'inspection',
  'research',
  'law_enforcement_check',
  'group_activity',
  'voter_contact',
  'other',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/**
 * A deputy's activity for the 履职档案 (视察, 调研, 执法检查, 代表小组活动, 联系选民): added by
 * staff (confirmed at once) or by the deputy (pending until staff of their township confirm
 * or reject it). Only confirmed activities count on the record and the annual sheet.
 */
export const deputyActivities = sqliteTable(
  'deputy_activities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deputyId: integer('deputy_id')
      .notNull()
      .references(() => deputies.id),
    townshipId: integer('township_id')
      .notNull()
      .references(() => townships.id),
    kind: text('kind', { enum: ACTIVITY_KINDS }).notNull(),
    day: text('day').notNull(),
    title: text('title').notNull(),
    notes: text('notes').notNull().default(''),
    status: text('status', { enum: ['pending', 'confirmed', 'rejected'] })
      .notNull()
      .default('pending'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: integer('created_at').notNull(),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: integer('reviewed_at'),
  },
  (t) => [
    index('deputy_activities_deputy_day').on(t.deputyId, t.day),
    index('deputy_activities_township_status').on(t.townshipId, t.status),
  ],
);
