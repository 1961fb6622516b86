/** The pure bigram-Jaccard similarity behind "likely duplicates". */
import { describe, expect, it } from 'vitest';
import {
  bigrams,
  DUPLICATE_THRESHOLD,
  jaccard,
  likelyDuplicates,
  normaliseForSimilarity,
  similarity,
} from '../../../worker/opinions/similarity';

describe('bigrams and Jaccard', () => {
  it('ignores punctuation, spaces and width, and folds case', () => {
    expect(normaliseForSimilarity('路灯，坏了！ ＡＢ１')).toBe('路灯坏了ab1');
    expect([...bigrams('路灯坏了')]).toEqual(['路灯', '灯坏', '坏了']);
    expect([...bigrams('路')]).toEqual(['路']);
    expect(bigrams('，。').size).toBe(0);
  });

  it('is 1 for the same text, 0 for nothing shared or two blanks, and symmetric', () => {
    expect(similarity('小区门口路灯坏了', '小区门口路灯坏了！')).toBe(1);
    expect(similarity('路灯坏了', '学校食堂')).toBe(0);
    expect(similarity('', '')).toBe(0);
    const a = '幸福小区三号楼门口路灯坏了一个月';
    const b = '幸福小区门口路灯坏了很久了';
    expect(similarity(a, b)).toBe(similarity(b, a));
  });

  it('counts shared / all distinct bigrams', () => {
    // {ab, bc, cd} vs {bc, cd, de}: 2 shared of 4 distinct.
    expect(jaccard(bigrams('abcd'), bigrams('bcde'))).toBe(0.5);
  });
});

describe('likely duplicates', () => {
  const text = '城关路与解放街交叉口的红绿灯坏了，早晚高峰很危险，请尽快修复。';
  const candidates = [
    { id: 3, body: '城关路与解放街交叉口红绿灯坏了好几天，早晚高峰非常危险，请尽快修复' },
    { id: 1, body: '城关路与解放街交叉口的红绿灯坏了，早晚高峰很危险，请尽快修复！' },
    { id: 2, body: '幸福小区停水三天了，希望尽快恢复供水。' },
    { id: 4, body: '解放街的红绿灯坏了' },
  ];

  it('keeps those at or above the threshold, most similar first, with rounded scores', () => {
    const found = likelyDuplicates(text, candidates);
    expect(found.map((c) => c.id)).toEqual([1, 3]);
    expect(found[0]?.score).toBe(1);
    expect(found[1]!.score).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
    expect(found[1]!.score).toBeLessThan(1);
  });

  it('prefers the older opinion among equally similar ones', () => {
    const same = [
      { id: 9, body: text },
      { id: 5, body: text },
    ];
    expect(likelyDuplicates(text, same).map((c) => c.id)).toEqual([5, 9]);
  });

  it('accepts a threshold of its own', () => {
    expect(likelyDuplicates(text, candidates, 0.2).map((c) => c.id)).toContain(4);
    expect(likelyDuplicates(text, candidates, 0.2).map((c) => c.id)).not.toContain(2);
  });
});
