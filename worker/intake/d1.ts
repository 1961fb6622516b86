/**
 * drizzle-built queries as D1 prepared statements, for batches that mix typed inserts with
 * hand-written `INSERT … SELECT` statements. drizzle 0.45's `db.batch` cannot run `db.run(sql)`
 * items that have parameters (its raw query has no prepared statement to bind), so these
 * batches go to D1 directly; the SQL is still built by drizzle, parameters still bound.
 */
import { is, SQL } from 'drizzle-orm';
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core';

const dialect = new SQLiteAsyncDialect();

/** Anything drizzle can turn into SQL text and parameters. */
export type Buildable = SQL | { toSQL(): { sql: string; params: unknown[] } };

/** A D1 prepared statement for a drizzle query builder or an `sql` template. */
export function prepared(d1: D1Database, query: Buildable): D1PreparedStatement {
  const built = is(query, SQL) ? dialect.sqlToQuery(query) : query.toSQL();
  return d1.prepare(built.sql).bind(...built.params);
}
