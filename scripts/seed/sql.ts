/**
 * Plain SQL text for seeding: literal escaping, chunked multi-row INSERTs and a reset that
 * empties every table. The output goes into one file run by `wrangler d1 execute --file`, so
 * nothing here uses bound parameters: every value is written as an SQLite literal.
 */
import { getTableColumns, getTableName, type InferInsertModel, is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../../worker/db/schema';

/** A value that can be written as an SQLite literal. Dates become epoch milliseconds. */
export type SqlValue = string | number | bigint | boolean | Date | null | undefined;

/**
 * An SQLite string literal: single quotes doubled, nothing else needs escaping.
 * NUL cannot live in a literal, so it is refused rather than silently truncated.
 *
 * @example
 * sqlString("O'Brien"); // "'O''Brien'"
 */
export function sqlString(text: string): string {
  if (text.includes('\0')) throw new Error('NUL character in SQL string');
  return `'${text.replaceAll("'", "''")}'`;
}

/** A quoted identifier (table or column name). */
export function sqlIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * One value as an SQLite literal: NULL, 0/1 for booleans, integers, epoch ms for dates.
 *
 * @example
 * sqlValue(true);      // '1'
 * sqlValue(null);      // 'NULL'
 * sqlValue("it's");    // "'it''s'"
 */
export function sqlValue(value: SqlValue): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`non-finite number in SQL: ${value}`);
    return String(value);
  }
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new Error('invalid Date in SQL');
    return String(ms);
  }
  return sqlString(value);
}

/** Limits for one INSERT statement; D1 allows 100 KB of SQL per statement. */
export interface ChunkOptions {
  /** Rows per statement (default 100). */
  maxRows?: number;
  /** UTF-8 bytes per statement (default 50,000: half of D1's limit). */
  maxBytes?: number;
}

const utf8 = new TextEncoder();

/**
 * Multi-row INSERT statements for rows keyed by column name. Every row must have the same
 * columns; rows are split so no statement exceeds the limits.
 *
 * @example
 * insertSql('townships', [{ id: 1, name: '城关街道' }]);
 * // ['INSERT INTO "townships" ("id", "name") VALUES\n(1, \'城关街道\');']
 */
export function insertSql(
  table: string,
  rows: ReadonlyArray<Record<string, SqlValue>>,
  { maxRows = 100, maxBytes = 50_000 }: ChunkOptions = {},
): string[] {
  const first = rows[0];
  if (!first) return [];
  const columns = Object.keys(first);
  const head = `INSERT INTO ${sqlIdent(table)} (${columns.map(sqlIdent).join(', ')}) VALUES\n`;
  const headBytes = utf8.encode(head).length;
  const statements: string[] = [];
  let tuples: string[] = [];
  let bytes = headBytes;
  const flush = () => {
    if (tuples.length > 0) statements.push(`${head}${tuples.join(',\n')};`);
    tuples = [];
    bytes = headBytes;
  };
  for (const row of rows) {
    const keys = Object.keys(row);
    if (keys.length !== columns.length || keys.some((k, i) => k !== columns[i])) {
      throw new Error(`rows for ${table} differ in columns: ${keys.join(',')} vs ${columns.join(',')}`);
    }
    const tuple = `(${columns.map((c) => sqlValue(row[c])).join(', ')})`;
    const tupleBytes = utf8.encode(tuple).length + 2;
    if (headBytes + tupleBytes > maxBytes) throw new Error(`one row of ${table} exceeds ${maxBytes} bytes`);
    if (tuples.length >= maxRows || bytes + tupleBytes > maxBytes) flush();
    tuples.push(tuple);
    bytes += tupleBytes;
  }
  flush();
  return statements;
}

/**
 * Typed INSERTs for a drizzle table: rows use the schema's property names (camelCase) and are
 * checked against it; the SQL uses its column names. Keys left out take the column default.
 *
 * @example
 * insertInto(townships, [{ id: 1, code: '001', name: '城关街道', kind: 'subdistrict', createdAt, updatedAt }]);
 */
export function insertInto<T extends SQLiteTable>(
  table: T,
  rows: ReadonlyArray<InferInsertModel<T>>,
  options?: ChunkOptions,
): string[] {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const mapped = rows.map((row) => {
    const out: Record<string, SqlValue> = {};
    for (const [key, value] of Object.entries(row as Record<string, SqlValue>)) {
      const column = columns[key];
      if (!column) throw new Error(`${getTableName(table)} has no property ${key}`);
      out[column.name] = value;
    }
    return out;
  });
  return insertSql(getTableName(table), mapped, options);
}

/** Every table of the drizzle schema. */
export function schemaTables(): SQLiteTable[] {
  const values: unknown[] = Object.values(schema);
  return values.filter((value): value is SQLiteTable => is(value, SQLiteTable));
}

/**
 * Table names ordered so that every table comes before the tables it references (children
 * first): deleting in this order never trips a foreign key.
 */
export function tablesChildrenFirst(tables: readonly SQLiteTable[] = schemaTables()): string[] {
  const parents = new Map<string, Set<string>>();
  for (const table of tables) {
    const config = getTableConfig(table);
    const refs = new Set(config.foreignKeys.map((fk) => getTableName(fk.reference().foreignTable)));
    refs.delete(config.name);
    parents.set(config.name, refs);
  }
  const order: string[] = [];
  const left = new Set(parents.keys());
  while (left.size > 0) {
    // A table is free to go once no remaining table references it.
    const free = [...left].filter((name) => ![...left].some((other) => parents.get(other)?.has(name)));
    if (free.length === 0) throw new Error(`foreign-key cycle among: ${[...left].join(', ')}`);
    for (const name of free.sort()) {
      order.push(name);
      left.delete(name);
    }
  }
  return order;
}

/**
 * Reference data that migrations ship (opinion categories, the working-day calendar, step
 * limits, form definitions): a reseed keeps it, because no generator writes it again.
 */
export const REFERENCE_TABLES: ReadonlySet<string> = new Set([
  'categories',
  'calendar_days',
  'step_limits',
  'forms',
  'form_versions',
]);

/**
 * Statements that empty every table of the schema except {@link REFERENCE_TABLES}, children
 * first, and restart their AUTOINCREMENT counters, so a reseed starts from id 1. Wrangler's own
 * d1_migrations table is not in the schema and is left alone.
 */
export function resetSql(tables: readonly SQLiteTable[] = schemaTables()): string[] {
  const names = tablesChildrenFirst(tables).filter((name) => !REFERENCE_TABLES.has(name));
  return [
    ...names.map((name) => `DELETE FROM ${sqlIdent(name)};`),
    `DELETE FROM sqlite_sequence WHERE name IN (${names.map(sqlString).join(', ')});`,
  ];
}
