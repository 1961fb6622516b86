/** Templates, segments and delivery rules (pure). */
import { describe, expect, it } from 'vitest';
import { backoffSeconds, isOptOutText, nextMorning, quietHoursRelease } from '../../../worker/notifications/rules';
import { DEFAULT_TEMPLATES, renderBody, smsSegments, validateTemplateBody } from '../../../worker/notifications/templates';

const at = (s: string) => Date.parse(s);

describe('quiet hours (21:00–08:00 China time)', () => {
  it('lets daytime through and defers evening and night to 08:00 China time', () => {
    expect(quietHoursRelease(at('2026-12-07T08:00:00+08:00'))).toBe(at('2026-12-07T08:00:00+08:00'));
    expect(quietHoursRelease(at('2026-12-07T20:59:59+08:00'))).toBe(at('2026-12-07T20:59:59+08:00'));
    expect(quietHoursRelease(at('2026-12-07T21:00:00+08:00'))).toBe(at('2026-12-08T08:00:00+08:00'));
    expect(quietHoursRelease(at('2026-12-08T03:00:00+08:00'))).toBe(at('2026-12-08T08:00:00+08:00'));
    // 23:30 UTC is already 07:30 the next day in China.
    expect(quietHoursRelease(at('2026-12-07T23:30:00Z'))).toBe(at('2026-12-08T08:00:00+08:00'));
    expect(nextMorning(at('2026-12-07T10:00:00+08:00'))).toBe(at('2026-12-08T08:00:00+08:00'));
  });
});

describe('templates', () => {
  it('renders links with the public origin and leaves out missing values', () => {
    expect(renderBody('查询码{code}：{link}{nothing}', { code: 'AB', link: '/t/AB' }, 'https://x.test/')).toBe(
      '查询码AB：https://x.test/t/AB',
    );
  });

  it('validates an edit against the variables the template may use', () => {
    const allowed = ['code', 'link'];
    expect(validateTemplateBody('查询码{code}，{link}', allowed)).toEqual([]);
    expect(validateTemplateBody('{phone}{link}', allowed)).toEqual([{ code: 'template_unknown_variable', variable: 'phone' }]);
    expect(validateTemplateBody('查询码{code}', allowed)).toEqual([{ code: 'template_missing_link' }]);
    expect(validateTemplateBody('{code {link}', allowed)).toEqual([{ code: 'template_unbalanced_braces' }]);
    expect(validateTemplateBody('  ', allowed)).toEqual([{ code: 'template_empty' }]);
  });

  it('counts SMS segments: 70 characters in one, 67 per part when longer', () => {
    expect(smsSegments('')).toEqual({ chars: 0, segments: 0 });
    expect(smsSegments('字'.repeat(70))).toEqual({ chars: 70, segments: 1 });
    expect(smsSegments('字'.repeat(71))).toEqual({ chars: 71, segments: 2 });
    expect(smsSegments('字'.repeat(134))).toEqual({ chars: 134, segments: 2 });
    expect(smsSegments('字'.repeat(135))).toEqual({ chars: 135, segments: 3 });
  });

  it('every built-in template passes its own validation and names no one but the reader', () => {
    for (const t of DEFAULT_TEMPLATES) {
      expect(validateTemplateBody(t.body, t.variables), t.id).toEqual([]);
      expect(t.variables, t.id).not.toContain('phone');
    }
  });
});

describe('backoff and opt-out words', () => {
  it('grows the delay fourfold and caps it at two hours', () => {
    expect([1, 2, 3, 4, 5, 6, 9].map(backoffSeconds)).toEqual([30, 120, 480, 1920, 7200, 7200, 7200]);
  });
  it('understands TD and 退订 in any case and spacing, nothing else', () => {
    expect(['TD', ' td ', '退订', 'T', 'n'].every(isOptOutText)).toBe(true);
    expect(['TD please', '你好', ''].some(isOptOutText)).toBe(false);
  });
});
