/** The workflow's message catalog is complete in both locales. */
import { describe, expect, it } from 'vitest';
import {
  ACTION_LABELS,
  DEADLINE_LABELS,
  ERROR_MESSAGES,
  RATING_LABELS,
  STATE_LABELS,
  STEP_LABELS,
  label,
  type Label,
} from '../../../worker/workflow/labels';
import { ACTIONS, OPINION_STATES, RATINGS, TRACKING_STEPS } from '../../../worker/workflow/machine';

const CJK = /[\u4e00-\u9fff]/;

describe('labels', () => {
  it('cover every state, action, step and rating', () => {
    expect(Object.keys(STATE_LABELS).sort()).toEqual([...OPINION_STATES].sort());
    expect(Object.keys(ACTION_LABELS).sort()).toEqual([...ACTIONS, 'submit'].sort());
    expect(Object.keys(STEP_LABELS)).toEqual([...TRACKING_STEPS]);
    expect(Object.keys(RATING_LABELS)).toEqual([...RATINGS]);
  });

  it('use the mechanism’s own names', () => {
    expect(TRACKING_STEPS.map((s) => label(STEP_LABELS[s])).join('')).toBe('一听二看三议四办已办结');
    expect(label(STATE_LABELS.closed)).toBe('已办结并评价');
    expect(label(STATE_LABELS.review, 'en')).toBe('Under review');
    expect(label(RATING_LABELS.basically_satisfied)).toBe('基本满意');
  });

  it('every entry has Chinese and English text', () => {
    const all: [string, Label][] = [
      STATE_LABELS,
      ACTION_LABELS,
      STEP_LABELS,
      RATING_LABELS,
      DEADLINE_LABELS,
      ERROR_MESSAGES,
    ].flatMap((catalog) => Object.entries(catalog));
    for (const [key, entry] of all) {
      expect(entry['zh-CN'], key).toMatch(CJK);
      expect(entry.en.trim(), key).not.toBe('');
    }
  });
});
