/**
 * Every migration applies to a database populated under the previous schema, and no row is
 * lost. Between migrations, every table that exists gets rows (values synthesised from the
 * table's own columns and foreign keys), so a drizzle-kit table rebuild that D1 turns into a
 * cascade delete — or any destructive step — shows up as a lower row count.
 */
import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

const db = () => env.MIGRATION_DB;

interface Column {
  name: string;
  type: string;
  notnull: number;
  pk: number;
  dflt_value: string | null;
}
interface ForeignKey {
  table: string;
  from: string;
  to: string | null;
}

async function userTables(): Promise<string[]> {
  const rows = await db()
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name != 'd1_migrations'",
    )
    .all<{ name: string }>();
  return rows.results.map((r) => r.name);
}

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of await userTables()) {
    out[table] = (await db().prepare(`SELECT count(*) AS n FROM "${table}"`).first<{ n: number }>())?.n ?? 0;
  }
  return out;
}

/** Tables ordered so that every table comes after the tables it references. */
async function parentsFirst(tables: string[]): Promise<{ table: string; columns: Column[]; fks: ForeignKey[] }[]> {
  const info = await Promise.all(
    tables.map(async (table) => ({
      table,
      columns: (await db().prepare(`PRAGMA table_info("${table}")`).all<Column>()).results,
      fks: (await db().prepare(`PRAGMA foreign_key_list("${table}")`).all<ForeignKey>()).results,
    })),
  );
  const ordered: typeof info = [];
  const placed = new Set<string>();
  while (ordered.length < info.length) {
    const next = info.filter(
      (t) =>
        !placed.has(t.table) && t.fks.every((fk) => fk.table === t.table || placed.has(fk.table) || !tables.includes(fk.table)),
    );
    if (next.length === 0) throw new Error('foreign key cycle');
    for (const t of next) {
      ordered.push(t);
      placed.add(t.table);
    }
  }
  return ordered;
}

let serial = 0;

/** Inserts `n` synthetic rows into every table (rollup tables included: they must survive too). */
async function populate(n: number) {
  for (const { table, columns, fks } of await parentsFirst(await userTables())) {
    for (let i = 0; i < n; i++) {
      serial++;
      const names: string[] = [];
      const values: unknown[] = [];
      for (const col of columns) {
        const isRowid = col.pk === 1 && col.type.toUpperCase() === 'INTEGER' && columns.filter((c) => c.pk > 0).length === 1;
        if (isRowid) continue;
        const fk = fks.find((f) => f.from === col.name);
        let value: unknown;
        if (fk) {
          const parent = await db()
            .prepare(`SELECT "${fk.to ?? 'rowid'}" AS v FROM "${fk.table}" ORDER BY random() LIMIT 1`)
            .first<{ v: unknown }>();
          value = parent?.v ?? null;
        } else if (/INT/i.test(col.type)) {
          value = 1_700_000_000_000 + serial;
        } else if (/REAL|FLOA|DOUB/i.test(col.type)) {
          value = serial + 0.5;
        } else if (/(^|_)(day|date|week|month)$|_on$/.test(col.name)) {
          // Calendar-day columns hold 'YYYY-MM-DD' text; triggers derive weeks and months from them.
          value = `2026-0${1 + (serial % 9)}-1${serial % 10}`;
        } else if (col.name === 'state') {
          value = ['pending', 'listening', 'handling', 'resolved', 'closed'][serial % 5];
        } else {
          value = `m${serial}-${col.name}`;
        }
        names.push(`"${col.name}"`);
        values.push(value);
      }
      await db()
        .prepare(`INSERT OR IGNORE INTO "${table}" (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`)
        .bind(...values)
        .run();
    }
  }
}

describe('migrations on a populated database', () => {
  it('each migration keeps every row of the tables that existed before it', async () => {
    const migrations = env.TEST_MIGRATIONS;
    expect(migrations.length).toBeGreaterThan(0);
    let before: Record<string, number> = {};
    for (let k = 1; k <= migrations.length; k++) {
      await applyD1Migrations(db(), migrations.slice(0, k));
      const name = migrations[k - 1]!.name;
      {
        const after = await counts();
        for (const [table, n] of Object.entries(before)) {
          expect(after[table] ?? 0, `${name} lost rows of ${table}`).toBeGreaterThanOrEqual(n);
        }
      }
      await populate(3);
      before = await counts();
      // Every table really has data before the next migration runs.
      for (const [table, n] of Object.entries(before)) expect(n, `${table} after ${name}`).toBeGreaterThan(0);
    }
  }, 120_000);
});
