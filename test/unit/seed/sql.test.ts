import { describe, expect, it } from 'vitest';
import { townships } from '../../../worker/db/schema';
import {
  insertInto,
  insertSql,
  REFERENCE_TABLES,
  resetSql,
  schemaTables,
  sqlString,
  sqlValue,
  tablesChildrenFirst,
} from '../../../scripts/seed/sql';

describe('SQL literals', () => {
  it('doubles single quotes and leaves other characters alone', () => {
    expect(sqlString("O'Brien")).toBe("'O''Brien'");
    expect(sqlString("''")).toBe("''''''");
    expect(sqlString('城关"街道\\n')).toBe("'城关\"街道\\n'");
    expect(sqlValue("'); DROP TABLE users; --")).toBe("'''); DROP TABLE users; --'");
    expect(() => sqlString('a\0b')).toThrow();
  });

  it('writes NULL, booleans as 0/1, numbers and dates as epoch ms', () => {
    expect(sqlValue(null)).toBe('NULL');
    expect(sqlValue(undefined)).toBe('NULL');
    expect(sqlValue(true)).toBe('1');
    expect(sqlValue(false)).toBe('0');
    expect(sqlValue(42)).toBe('42');
    expect(sqlValue(10n)).toBe('10');
    expect(sqlValue(new Date(Date.UTC(2026, 0, 1)))).toBe('1767225600000');
    expect(() => sqlValue(Number.NaN)).toThrow();
  });
});

describe('insertSql', () => {
  const rows = Array.from({ length: 250 }, (_, i) => ({ id: i + 1, name: `站'${i}`, active: i % 2 === 0 }));

  it('chunks rows into multi-row INSERTs within the row and byte limits', () => {
    const statements = insertSql('stations', rows, { maxRows: 100 });
    expect(statements).toHaveLength(3);
    expect(statements[0]).toMatch(/^INSERT INTO "stations" \("id", "name", "active"\) VALUES\n\(1, '站''0', 1\),\n/);
    const small = insertSql('stations', rows, { maxBytes: 1000 });
    for (const s of small) expect(new TextEncoder().encode(s).length).toBeLessThanOrEqual(1000);
    expect(small.join('').match(/\(\d+, /g)).toHaveLength(250);
  });

  it('refuses rows whose columns differ', () => {
    expect(() => insertSql('t', [{ a: 1 }, { b: 2 }])).toThrow(/differ/);
    expect(insertSql('t', [])).toEqual([]);
  });

  it('maps drizzle property names to column names', () => {
    const [sql] = insertInto(townships, [
      { id: 1, code: '001', name: '城关街道', kind: 'subdistrict', sortOrder: 1, createdAt: 5, updatedAt: 5 },
    ]);
    expect(sql).toContain('"sort_order", "created_at", "updated_at"');
  });
});

describe('resetSql', () => {
  it('deletes from every schema table, children before parents, then resets sqlite_sequence', () => {
    const order = tablesChildrenFirst();
    expect(order).toHaveLength(schemaTables().length);
    const comesBefore = (child: string, parent: string) => expect(order.indexOf(child)).toBeLessThan(order.indexOf(parent));
    comesBefore('attendance', 'enrolments');
    comesBefore('enrolments', 'deputies');
    comesBefore('deputies', 'stations');
    comesBefore('stations', 'townships');
    comesBefore('users', 'deputies');
    comesBefore('sessions', 'users');
    comesBefore('opinion_events', 'opinions');
    comesBefore('evaluation_responses', 'form_versions');
    const sql = resetSql();
    // Reference tables (categories, calendar, step limits, forms) are shipped by migrations and kept.
    expect(sql).toHaveLength(order.length - REFERENCE_TABLES.size + 1);
    expect(sql.some((s) => /DELETE FROM "(categories|calendar_days|step_limits|forms|form_versions)"/.test(s))).toBe(false);
    expect(sql.at(-1)).toMatch(/^DELETE FROM sqlite_sequence WHERE name IN \('/);
  });
});
