/** Accounts, sessions, login throttling and the audit log. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { deputies, townships } from './roster';

export const ROLES = ['admin', 'staff', 'leader', 'deputy', 'department'] as const;
export type Role = (typeof ROLES)[number];

/**
 * A person who signs in. Staff with a `townshipId` see only that township; staff without one
 * are district-wide. A deputy account is linked to its roster entry.
 */
export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  townshipId: integer('township_id').references(() => townships.id),
  deputyId: integer('deputy_id').references(() => deputies.id),
  /** PBKDF2-SHA256, base64; salt is per user. */
  passwordHash: text('password_hash').notNull(),
  passwordSalt: text('password_salt').notNull(),
  passwordIterations: integer('password_iterations').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: integer('created_at').notNull(),
  lastLoginAt: integer('last_login_at'),
  /** Set by an admin's password reset: the next session may do nothing but choose a new password. */
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  /**
   * SHA-256 of the client address of the last successful sign-in: the owner's usual address,
   * which the per-account backstop of sign-in throttling slows down instead of refusing.
   */
  usualAddressHash: text('usual_address_hash'),
});

/** A signed-in session. The cookie holds a random token; only its SHA-256 is stored here. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** Failed sign-in counters per account and per client IP, in fixed windows. */
export const loginFailures = sqliteTable('login_failures', {
  key: text('key').primaryKey(),
  windowStart: integer('window_start').notNull(),
  count: integer('count').notNull(),
});

/** Every write by a signed-in user: who, when, what, and the values before and after (JSON). */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    userId: integer('user_id'),
    username: text('username').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: text('before'),
    after: text('after'),
  },
  (t) => [index('audit_at').on(t.at), index('audit_entity').on(t.entity, t.entityId)],
);
