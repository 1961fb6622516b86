/// <reference types="node" />
/**
 * The demo trainings: realistic proportions, answers the questionnaire accepts, participation
 * consistent with the answers, and SQL that loads on the migrated schema.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemoDistrict } from '../../../scripts/seed/district';
import { accountsGenerator, buildSeedSql, rosterGenerator } from '../../../scripts/seed/generators';
import { buildTrainingData, trainingsGenerator } from '../../../scripts/seed/trainings';
import { trainingFormDefinition } from '../../../worker/forms/defaults/training';
import { validateAnswers } from '../../../worker/forms/validate';

const district = buildDemoDistrict();
const data = buildTrainingData(district);
const [initial] = data.trainings;

describe('demo trainings', () => {
  it('has the three-day initial training with the programme the speech describes', () => {
    expect(initial).toMatchObject({ startsOn: '2026-03-17', endsOn: '2026-03-19', evaluationStatus: 'open' });
    const kinds = new Set(initial!.courses.map((c) => c.kind));
    expect(kinds).toEqual(new Set(['lecture', 'experience', 'discussion']));
    const titles = initial!.courses.map((c) => c.title).join(' ');
    for (const topic of ['人民代表大会制度', '宪法', '代表法', '全国人大代表', '市人大代表', '区人大代表', '分组讨论'])
      expect(titles).toContain(topic);
    const deputyNames = new Set(district.deputies.map((d) => d.name));
    for (const c of initial!.courses) if (c.lecturer) expect(deputyNames.has(c.lecturer.replace(/（.*$/, ''))).toBe(false);
  });

  it('enrols all 835 deputies; about 90% check in each day; about 85% answer, unevenly by township', () => {
    expect(data.enrolments).toHaveLength(835);
    for (const day of ['2026-03-17', '2026-03-18', '2026-03-19']) {
      const share = data.attendance.filter((a) => a.day === day).length / 835;
      expect(share).toBeGreaterThan(0.85);
      expect(share).toBeLessThan(0.96);
    }
    const submitted = data.enrolments.filter((e) => e.submittedOn !== null);
    expect(submitted.length / 835).toBeGreaterThan(0.8);
    expect(submitted.length / 835).toBeLessThan(0.9);
    expect(data.responses).toHaveLength(submitted.length);
    const rates = district.townships.map((t) => {
      const all = data.enrolments.filter((e) => e.townshipId === t.id);
      return all.filter((e) => e.submittedOn).length / all.length;
    });
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.08);
    // Per township, as many answers as submissions.
    for (const t of district.townships) {
      expect(data.responses.filter((r) => r.townshipId === t.id).length).toBe(
        data.enrolments.filter((e) => e.townshipId === t.id && e.submittedOn).length,
      );
    }
    for (const e of data.enrolments) {
      expect(e.token).toMatch(/^[A-Za-z0-9_-]{24}$/);
      if (e.submittedOn) expect(e.openedOn !== null && e.openedOn <= e.submittedOn).toBe(true);
    }
  });

  it('gives answers the questionnaire accepts unchanged, with plausible ratings', () => {
    const courses = initial!.courses.map((c) => ({ id: c.id, title: c.title, lecturer: c.lecturer }));
    for (const r of data.responses) {
      const v = validateAnswers(trainingFormDefinition, r.answers, { courses });
      expect(v.ok ? v.values : v.errors).toEqual(r.answers);
    }
    const overall = data.responses.map((r) => r.answers.overall as number);
    const mean = overall.reduce((a, b) => a + b, 0) / overall.length;
    expect(mean).toBeGreaterThan(3.9);
    expect(mean).toBeLessThan(4.8);
    expect(new Set(overall).size).toBeGreaterThanOrEqual(3);
    const recommend = data.responses.map((r) => r.answers.recommend as number);
    expect(recommend.some((n) => n <= 6)).toBe(true);
    expect(data.responses.some((r) => typeof r.answers.improve === 'string')).toBe(true);
  });
});

const sqlite = (() => {
  try {
    const { DatabaseSync } = createRequire(import.meta.url)('node:sqlite') as {
      DatabaseSync: new (
        p: string,
      ) => { exec(s: string): void; prepare(s: string): { get(): Record<string, unknown> | undefined } };
    };
    return new DatabaseSync(':memory:');
  } catch {
    return null;
  }
})();

describe.skipIf(sqlite === null)('demo training SQL', () => {
  it('loads on the migrated schema, answers pointing at the default questionnaire', { timeout: 30_000 }, async () => {
    const db = sqlite!;
    db.exec('PRAGMA foreign_keys = ON;');
    const dir = join(import.meta.dirname, '..', '..', '..', 'migrations');
    for (const f of readdirSync(dir)
      .filter((x) => x.endsWith('.sql'))
      .sort())
      db.exec(readFileSync(join(dir, f), 'utf8'));
    // Only the generators the trainings depend on: the opinions are another suite's business (and slow).
    const sql = (
      await buildSeedSql(district, { reset: true, list: [rosterGenerator, accountsGenerator, trainingsGenerator] })
    ).join('\n');
    db.exec(sql);
    db.exec(sql);
    const n = (q: string) => Number(db.prepare(q).get()?.n);
    expect(n('SELECT count(*) AS n FROM enrolments')).toBe(835);
    expect(n('SELECT count(*) AS n FROM evaluation_responses WHERE form_version_id IS NOT NULL')).toBeGreaterThan(650);
    expect(n("SELECT count(*) AS n FROM trainings t JOIN forms f ON f.id = t.form_id WHERE f.slug = 'training-default'")).toBe(2);
    expect(n('SELECT count(*) AS n FROM evaluation_responses')).toBe(
      n('SELECT count(*) AS n FROM enrolments WHERE submitted_on IS NOT NULL'),
    );
  });
});
