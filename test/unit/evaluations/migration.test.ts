/** The hand-written migration: the default questionnaire it ships is valid, and answers have no rowid. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { trainingFormDefinition } from '../../../worker/forms/defaults/training';
import { parseDefinition } from '../../../worker/forms/definition';

const sql = readFileSync(new URL('../../../migrations/0001_training_evaluations.sql', import.meta.url), 'utf8');

describe('0001_training_evaluations.sql', () => {
  it('ships a valid default questionnaire', () => {
    const literal = /SELECT `id`, 1, '((?:[^']|'')*)'/.exec(sql)?.[1];
    expect(literal).toBeDefined();
    expect(parseDefinition(literal!.replaceAll("''", "'")).ok).toBe(true);
  });

  it('is superseded by 0015, whose paged questionnaire is the one in the code', () => {
    const paged = readFileSync(new URL('../../../migrations/0015_default_questionnaire_pages.sql', import.meta.url), 'utf8');
    const literal = /SET definition = '((?:[^']|'')*)'/.exec(paged)?.[1];
    expect(literal).toBeDefined();
    const parsed = parseDefinition(literal!.replaceAll("''", "'"));
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.definition).toEqual(trainingFormDefinition);
  });

  it('rebuilds evaluation_responses WITHOUT ROWID', () => {
    expect(sql).toMatch(/\) WITHOUT ROWID;/);
    expect(sql).toMatch(/ALTER TABLE `evaluation_responses_new` RENAME TO `evaluation_responses`/);
  });
});
