import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../../../worker/forms/definition';
import { opinionFormDefinition } from '../../../worker/forms/defaults/opinion';
import { trainingFormDefinition } from '../../../worker/forms/defaults/training';
import { validateAnswers } from '../../../worker/forms/validate';
import { cleanText, countChars, normaliseMobileCN } from '../../../worker/forms/normalise';
import { allTypes, allTypesInput, courses } from './fixtures';

const definitions = [allTypes, opinionFormDefinition, trainingFormDefinition];
/** Field names the forms actually use, so generated input hits real questions, not only strangers. */
const fieldNames = [
  ...new Set(
    definitions.flatMap((d) =>
      d.questions.flatMap((q) => [
        q.id,
        ...courses.flatMap((c) => ['relevance', 'clarity', 'practical', 'comment'].map((p) => `${q.id}.${c.id}.${p}`)),
      ]),
    ),
  ),
  '__proto__',
  'constructor',
];

const value = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', ' ', 'yes', '5', '10', '0', 'red', 'road_traffic', '11', '13800138000', '\u0000', '😀'.repeat(3000)),
  fc.array(fc.oneof(fc.string(), fc.constantFrom('apple', 'fig', 'budget'))),
  fc.anything(),
);
const input = fc.oneof(fc.dictionary(fc.oneof(fc.constantFrom(...fieldNames), fc.string()), value), fc.anything());
const text = (min: number, max: number) =>
  fc.string({ minLength: min, maxLength: max, unit: fc.constantFrom('路', '灯', 'a', ' ', '\n', '😀', '\u0301', '\u0000') });
/** Mostly valid answers to `allTypes`, so round-trip properties are not vacuous. */
const plausible = fc.record(
  {
    colour: fc.constantFrom('red', 'blue'),
    fruits: fc.subarray(['apple', 'pear', 'plum', 'fig'], { minLength: 2, maxLength: 3 }),
    nickname: text(0, 5),
    phone: fc.constantFrom('', '13800138000', '+86 139-1234-5678'),
    story: text(12, 20),
    mood: fc.constantFrom('', '1', '3', '5', 4),
    nps: fc.constantFrom('', '0', '10', 7),
    'rate.11.relevance': fc.constantFrom('', '1', '5'),
    'rate.12.clarity': fc.constantFrom('', '2'),
    'rate.12.comment': text(0, 5),
    best: fc.constantFrom('', '11', '12'),
    agree: fc.constantFrom('yes', 'on', true),
  },
  { requiredKeys: ['colour', 'agree'] },
);
const context = fc.record({
  locale: fc.constantFrom('zh-CN' as const, 'en' as const, undefined),
  courses: fc.constantFrom(courses, [], undefined, [
    { id: '<x>', title: '<b>' },
    { id: '<x>', title: 'dup' },
  ]),
});

describe('properties', () => {
  it('validateAnswers never throws, and every error names a field and says something', () => {
    fc.assert(
      fc.property(fc.constantFrom(...definitions), input, context, (def, raw, ctx) => {
        const r = validateAnswers(def, raw, ctx);
        if (!r.ok) {
          expect(r.errors.length).toBeGreaterThan(0);
          for (const e of r.errors) {
            expect(e.field).not.toBe('');
            expect(e.message).not.toBe('');
            expect(e.message).not.toMatch(/\{\w+\}/); // every placeholder filled
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('errors come in question order', () => {
    fc.assert(
      fc.property(fc.constantFrom(...definitions), input, (def, raw) => {
        const r = validateAnswers(def, raw, { courses });
        if (r.ok) return;
        const order = r.errors.map((e) => def.questions.findIndex((q) => q.id === e.field.split('.')[0]));
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }),
      { numRuns: 300 },
    );
  });

  it('normalised values validate again to themselves', () => {
    let valid = 0;
    fc.assert(
      fc.property(fc.oneof(plausible, input), (raw) => {
        const first = validateAnswers(allTypes, raw, { courses });
        if (!first.ok) return;
        valid++;
        expect(validateAnswers(allTypes, first.values, { courses })).toEqual(first);
      }),
      { numRuns: 300 },
    );
    // Guard against a vacuous property: plenty of generated answers must have been valid.
    expect(valid).toBeGreaterThan(50);
  });

  it('parseDefinition never throws on arbitrary data or text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string(), fc.json()), (data) => {
        expect(typeof parseDefinition(data).ok).toBe('boolean');
      }),
    );
  });

  it('parseDefinition never throws on near-miss definitions (one field of one question replaced)', () => {
    const keys = [
      'id',
      'type',
      'label',
      'options',
      'optionsFrom',
      'min',
      'max',
      'requiredIf',
      'aspects',
      'labels',
      'required',
      'maxLength',
    ];
    fc.assert(
      fc.property(fc.nat(allTypesInput.questions.length - 1), fc.constantFrom(...keys), fc.anything(), (i, key, junk) => {
        const questions = allTypesInput.questions.map((q, j) => (j === i ? { ...q, [key]: junk } : q));
        expect(typeof parseDefinition({ ...allTypesInput, questions }).ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('cleanText is idempotent, NFC, and free of control characters but newlines', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.boolean(), (s, multiline) => {
        const once = cleanText(s, multiline);
        expect(cleanText(once, multiline)).toBe(once);
        expect(once.normalize('NFC')).toBe(once);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting they are gone.
        expect(once).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
        expect(countChars(once)).toBe(Array.from(once).length);
      }),
    );
  });

  it('any valid mobile number survives the ways people write it', () => {
    const mobile = fc.tuple(fc.constantFrom(...'3456789'), fc.stringMatching(/^\d{9}$/)).map(([d, rest]) => `1${d}${rest}`);
    const prefix = fc.constantFrom('', '+86', '+86 ', '0086', '86', '＋８６');
    fc.assert(
      fc.property(mobile, prefix, fc.constantFrom('', ' ', '-'), (m, p, sep) => {
        const written = `${p}${m.slice(0, 3)}${sep}${m.slice(3, 7)}${sep}${m.slice(7)}`;
        expect(normaliseMobileCN(written)).toBe(m);
      }),
    );
  });
});
