/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROLLUP_TRIGGERS, rollupSql, rollupStatements } from './rollup-sql';

const root = new URL('../../../', import.meta.url).pathname;

describe('the stats_rollups migration', () => {
  it('is exactly what rollup-sql.ts generates', () => {
    const file = readdirSync(`${root}migrations`).find((f) => f.endsWith('_stats_rollups.sql'));
    expect(file).toBeDefined();
    expect(readFileSync(`${root}migrations/${file}`, 'utf8')).toBe(rollupSql());
  });

  it('creates every trigger it names, once', () => {
    const creates = rollupStatements().filter((s) => s.startsWith('CREATE TRIGGER'));
    expect(creates.map((s) => s.split(/\s+/)[2])).toEqual(ROLLUP_TRIGGERS);
    expect(new Set(ROLLUP_TRIGGERS).size).toBe(ROLLUP_TRIGGERS.length);
  });

  it('avoids what D1 statement splitters and trigger bodies cannot take: CASE and WITH', () => {
    for (const s of rollupStatements()) {
      expect(s).not.toMatch(/\bCASE\b/i);
      expect(s).not.toMatch(/^\s*WITH\b/im);
    }
  });
});
