/// <reference types="node" />
/**
 * Runs the real seed SQL against the real migrations in an in-memory SQLite (node:sqlite, Node ≥ 22)
 * with foreign keys enforced, as D1 does: the SQL is valid, consistent and can be re-run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../worker/platform/auth/password';
import { buildDemoDistrict } from '../../../scripts/seed/district';
import { buildSeedSql } from '../../../scripts/seed/generators';

interface Db {
  exec(sql: string): void;
  prepare(sql: string): { all(): Array<Record<string, unknown>>; get(): Record<string, unknown> | undefined };
}

function openSqlite(): Db | null {
  try {
    const { DatabaseSync } = createRequire(import.meta.url)('node:sqlite') as { DatabaseSync: new (p: string) => Db };
    return new DatabaseSync(':memory:');
  } catch {
    return null; // Node without node:sqlite: the rest of the suite still covers the generator.
  }
}

const root = join(import.meta.dirname, '..', '..', '..');
const db = openSqlite();

describe.skipIf(db === null)('seed SQL on the migrated schema', () => {
  it('loads with foreign keys on, reseeds from scratch, and the demo password verifies', async () => {
    const sqlite = db as Db;
    sqlite.exec('PRAGMA foreign_keys = ON;');
    const dir = join(root, 'migrations');
    for (const f of readdirSync(dir)
      .filter((x) => x.endsWith('.sql'))
      .sort())
      sqlite.exec(readFileSync(join(dir, f), 'utf8'));
    const district = buildDemoDistrict();
    const sql = (await buildSeedSql(district, { reset: true })).join('\n');
    sqlite.exec(sql);
    sqlite.exec("INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES ('s', 1, 0, 1);");
    sqlite.exec(sql); // the reset clears children (sessions) before parents
    const count = (q: string) => Number(sqlite.prepare(q).get()?.n);
    expect(count("SELECT count(*) AS n FROM deputies WHERE level = 'district'")).toBe(274);
    expect(count("SELECT count(*) AS n FROM deputies WHERE level = 'township'")).toBe(561);
    expect(count('SELECT count(*) AS n FROM townships')).toBe(district.townships.length);
    expect(count('SELECT count(*) AS n FROM stations')).toBe(district.stations.length);
    expect(count('SELECT count(*) AS n FROM sessions')).toBe(0);
    expect(sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    const user = sqlite.prepare("SELECT * FROM users WHERE username = 'deputy'").get() as Record<string, string | number>;
    expect(user.display_name).toBe(district.deputies[0]?.name);
    const stored = {
      hash: String(user.password_hash),
      salt: String(user.password_salt),
      iterations: Number(user.password_iterations),
    };
    expect(await verifyPassword('lianluo2026', stored)).toBe(true);
    expect(await verifyPassword('wrong-password', stored)).toBe(false);
    // A row inserted after the reseed continues from the seeded ids.
    sqlite.exec(
      "INSERT INTO townships (code, name, kind, created_at, updated_at) VALUES ('999', '新区街道', 'subdistrict', 0, 0);",
    );
    expect(count("SELECT id AS n FROM townships WHERE code = '999'")).toBe(district.townships.length + 1);
  });
});
