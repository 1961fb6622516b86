/**
 * Roster: the district's townships, its liaison stations and rooms, and its deputies.
 * Times are epoch milliseconds; calendar days are 'YYYY-MM-DD' text.
 */

import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** A township (乡/镇) or sub-district (街道). `code` is the stable key used by imports. */
export const townships = sqliteTable('townships', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull().unique(),
  kind: text('kind', { enum: ['township', 'town', 'subdistrict'] }).notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * A liaison station (站) or room (室). `code` is public: it is printed in the QR code URL
 * (`/s/<code>`), so it is short, unguessable enough not to be enumerated by accident, and never reused.
 */
export const stations = sqliteTable(
  'stations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['station', 'room'] }).notNull(),
    hostType: text('host_type', {
      enum: ['township', 'community', 'enterprise', 'project_site', 'industrial_chain', 'household'],
    }).notNull(),
    townshipId: integer('township_id')
      .notNull()
      .references(() => townships.id),
    address: text('address').notNull().default(''),
    /** The station's contact phone, shown to residents as a tap-to-call link (landline or mobile). */
    phone: text('phone').notNull().default(''),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('stations_township_name').on(t.townshipId, t.name), index('stations_township').on(t.townshipId)],
);

/** A deputy (人大代表) of the district or of a township. The mobile phone is the import's stable key. */
export const deputies = sqliteTable(
  'deputies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    level: text('level', { enum: ['district', 'township'] }).notNull(),
    townshipId: integer('township_id')
      .notNull()
      .references(() => townships.id),
    stationId: integer('station_id').references(() => stations.id),
    sector: text('sector').notNull().default(''),
    phone: text('phone').notNull().unique(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('deputies_township_level').on(t.townshipId, t.level, t.active),
    index('deputies_station').on(t.stationId),
    index('deputies_name').on(t.name),
  ],
);
