import { describe, expect, it } from 'vitest';
import { createNameSource, randomName, SURNAMES } from '../../../scripts/seed/names';
import { createRng } from '../../../scripts/seed/random';

describe('names', () => {
  it('makes two- to four-character Chinese names from known surnames', () => {
    const rng = createRng(11);
    const surnames = SURNAMES.map((s) => s.name);
    for (let i = 0; i < 500; i++) {
      const name = randomName(rng, i % 3 === 0 ? 'female' : 'male');
      expect(name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
      expect(surnames.some((s) => name.startsWith(s))).toBe(true);
    }
  });

  it('draws common surnames far more often than rare ones', () => {
    const rng = createRng(12);
    const names = Array.from({ length: 3000 }, () => randomName(rng, 'male'));
    const wang = names.filter((n) => n.startsWith('王')).length;
    const kong = names.filter((n) => n.startsWith('孔')).length;
    expect(wang).toBeGreaterThan(kong * 10);
  });

  it('a name source never repeats and honours reservations', () => {
    const source = createNameSource(createRng(13));
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) seen.add(source.next(i % 2 ? 'male' : 'female'));
    expect(seen.size).toBe(1000);
  });
});
