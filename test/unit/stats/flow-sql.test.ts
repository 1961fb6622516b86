/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { anyResolutionSql, anyResolutionStatements, FLOW_TRIGGERS, flowSql, flowStatements } from './flow-sql';

const root = new URL('../../../', import.meta.url).pathname;

describe('the stats_flow_triggers migration', () => {
  it('is exactly what flow-sql.ts generates', () => {
    const file = readdirSync(`${root}migrations`).find((f) => f.endsWith('_stats_flow_triggers.sql'));
    expect(file).toBeDefined();
    expect(readFileSync(`${root}migrations/${file}`, 'utf8')).toBe(flowSql());
  });

  it('creates every trigger it names, once, and avoids CASE and WITH', () => {
    const creates = flowStatements().filter((s) => s.startsWith('CREATE TRIGGER'));
    expect(creates.map((s) => s.split(/\s+/)[2])).toEqual(FLOW_TRIGGERS);
    expect(new Set(FLOW_TRIGGERS).size).toBe(FLOW_TRIGGERS.length);
    for (const s of flowStatements()) {
      expect(s).not.toMatch(/\bCASE\b/i);
      expect(s).not.toMatch(/^\s*WITH\b/im);
    }
  });

  it('fills the weekly rollup through the fact triggers: they exist before the facts are backfilled', () => {
    const statements = flowStatements();
    const backfill = statements.findIndex((s) => s.startsWith('INSERT INTO stats_event_facts'));
    const factTrigger = statements.findIndex((s) => s.startsWith('CREATE TRIGGER stats_event_facts_insert'));
    const eventTrigger = statements.findIndex((s) => s.startsWith('CREATE TRIGGER stats_events_insert'));
    expect(factTrigger).toBeLessThan(backfill);
    expect(backfill).toBeLessThan(eventTrigger);
  });
});

describe('the stats_flow_any_resolution migration', () => {
  it('is exactly what flow-sql.ts generates, and replaces the event trigger', () => {
    const file = readdirSync(`${root}migrations`).find((f) => f.endsWith('_stats_flow_any_resolution.sql'));
    expect(file).toBeDefined();
    expect(readFileSync(`${root}migrations/${file}`, 'utf8')).toBe(anyResolutionSql());
    const statements = anyResolutionStatements();
    expect(statements[0]).toBe('DROP TRIGGER stats_events_insert;');
    expect(statements.at(-1)).toMatch(/^CREATE TRIGGER stats_events_insert .*to_state = 'resolved'/);
  });
});
