/**
 * 承办单位: the bodies that handle opinions after 三议 (district agencies, township governments,
 * utilities, enterprises), their accounts, the assignments of opinions to them (交办 / 签收 /
 * 退回 / 办复), requests for a later deadline (申请延期), reminders (催办), reply templates
 * (常用语) and the district's handling settings.
 *
 * The handling rules live in worker/workflow/ (pure); these tables only record what happened.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';
import { opinions } from './opinions';
import { deputies, townships } from './roster';

/** Kinds of handling body, as the district's roster knows them. */
export const DEPARTMENT_KINDS = ['district_agency', 'township_government', 'utility', 'enterprise', 'other'] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

/** A handling body (承办单位). Names are unique: the 三议 picker and imports key on them. */
export const departments = sqliteTable(
  'departments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull().unique(),
    /** 简称 shown in tight tables and charts (区住建局); '' means use the name. */
    shortName: text('short_name').notNull().default(''),
    kind: text('kind', { enum: DEPARTMENT_KINDS }).notNull().default('other'),
    /** The township a township government (or a local enterprise) belongs to. */
    townshipId: integer('township_id').references(() => townships.id),
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('departments_kind').on(t.kind, t.active)],
);

/**
 * Which department a `department` account works for. One row per account (the user id is
 * the key); a department may have several accounts.
 */
export const departmentMembers = sqliteTable(
  'department_members',
  {
    userId: integer('user_id')
      .primaryKey()
      .references(() => users.id),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
  },
  (t) => [index('department_members_department').on(t.departmentId)],
);

/**
 * Where an assignment stands: 待签收 (assigned), 办理中 (signed), 办复待审 (answered),
 * 已办复 (done), 已退回 (returned), 已改派 (withdrawn by staff). The first three are current.
 */
export const ASSIGNMENT_STATUSES = ['assigned', 'signed', 'answered', 'done', 'returned', 'withdrawn'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/**
 * 交办: one opinion handed to one department, as lead (牵头) or co-handler (协办). A reassignment
 * after 退回 ends the old row and adds a new one, so the history of who had it stays.
 */
export const opinionAssignments = sqliteTable(
  'opinion_assignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    opinionId: integer('opinion_id')
      .notNull()
      .references(() => opinions.id),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    role: text('role', { enum: ['lead', 'co'] }).notNull(),
    status: text('status', { enum: ASSIGNMENT_STATUSES }).notNull(),
    assignedAt: integer('assigned_at').notNull(),
    /** 签收 deadline, 'YYYY-MM-DD' (working days from the 交办). */
    signDueOn: text('sign_due_on'),
    signedAt: integer('signed_at'),
    returnedAt: integer('returned_at'),
    returnReason: text('return_reason'),
    /** When the lead submitted its 办复 (the text is on the timeline event). */
    answeredAt: integer('answered_at'),
    /** When the assignment stopped being current (done, returned or withdrawn). */
    endedAt: integer('ended_at'),
    /**
     * When staff shared the reporter's name and phone with this department because handling
     * needs them (the resident consented to handling by deputies and staff, not to every body).
     */
    contactSharedAt: integer('contact_shared_at'),
    contactSharedBy: integer('contact_shared_by'),
  },
  (t) => [
    index('opinion_assignments_opinion').on(t.opinionId, t.status),
    index('opinion_assignments_department').on(t.departmentId, t.status),
  ],
);

/** 申请延期: a department asks for a later deadline; staff approve or refuse. */
export const opinionExtensions = sqliteTable(
  'opinion_extensions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    opinionId: integer('opinion_id')
      .notNull()
      .references(() => opinions.id),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    requestedBy: integer('requested_by'),
    requestedAt: integer('requested_at').notNull(),
    /** The deadline in force when asked, and the one asked for ('YYYY-MM-DD'). */
    fromDueOn: text('from_due_on'),
    requestedDueOn: text('requested_due_on').notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: ['pending', 'approved', 'refused'] }).notNull(),
    decidedBy: integer('decided_by'),
    decidedAt: integer('decided_at'),
    decisionNote: text('decision_note'),
  },
  (t) => [index('opinion_extensions_opinion').on(t.opinionId, t.status)],
);

/**
 * 催办: a recorded reminder to a department or a deputy about an item. The notifications
 * area sends them; here every one is kept so it can be counted and shown to the recipient.
 */
export const opinionReminders = sqliteTable(
  'opinion_reminders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    opinionId: integer('opinion_id')
      .notNull()
      .references(() => opinions.id),
    targetKind: text('target_kind', { enum: ['department', 'deputy'] }).notNull(),
    departmentId: integer('department_id').references(() => departments.id),
    deputyId: integer('deputy_id').references(() => deputies.id),
    issuedBy: integer('issued_by'),
    issuedAt: integer('issued_at').notNull(),
    note: text('note').notNull().default(''),
    /** The deadline the reminder was about, and how many working days it was overdue then. */
    dueOn: text('due_on'),
    overdueDays: integer('overdue_days').notNull().default(0),
  },
  (t) => [
    index('opinion_reminders_opinion').on(t.opinionId),
    index('opinion_reminders_department').on(t.departmentId, t.issuedAt),
    index('opinion_reminders_deputy').on(t.deputyId, t.issuedAt),
  ],
);

/** What a reply template is for: the text boxes that offer it. */
export const TEMPLATE_PURPOSES = ['reply', 'answer', 'progress', 'return', 'extension'] as const;
export type TemplatePurpose = (typeof TEMPLATE_PURPOSES)[number];

/**
 * 常用语: reply templates kept as data. `body` may contain placeholders ({department},
 * {deadline}, {trackingCode}, {township}) filled in when picked.
 */
export const replyTemplates = sqliteTable(
  'reply_templates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    purpose: text('purpose', { enum: TEMPLATE_PURPOSES }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('reply_templates_purpose_title').on(t.purpose, t.title)],
);

/**
 * The district's handling settings as key/value rows (values JSON): how many working days a
 * department has to 签收, whether staff must accept a 办复 before it is published, and after
 * how many overdue working days an item is 挂牌督办. Absent keys take the code's defaults.
 */
export const workflowSettings = sqliteTable('workflow_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
