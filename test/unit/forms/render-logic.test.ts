/** Rendering of the newer question types, conditions, 其他 boxes, 未参加 presets and pages (issue 13). */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { defineForm } from '../../../worker/forms/definition';
import { LOGIC_SCRIPT } from '../../../worker/forms/logic-script';
import { usesLogic } from '../../../worker/forms/logic';
import { FormFields } from '../../../worker/forms/render';
import { trainingFormDefinition } from '../../../worker/forms/defaults/training';
import { opinionFormDefinition } from '../../../worker/forms/defaults/opinion';

const html = async (node: unknown) => String(await (node as { toString(): string | Promise<string> }).toString());

const def = defineForm({
  schemaVersion: 1,
  questions: [
    { id: 'a', type: 'choice', label: { 'zh-CN': '来源' }, other: true, options: [{ code: 'x', label: { 'zh-CN': '短信' } }] },
    { id: 'b', type: 'text', label: { 'zh-CN': '具体' }, showIf: { field: 'a', is: ['other'] } },
    { id: 's', type: 'section', label: { 'zh-CN': '第二部分' }, help: { 'zh-CN': '说明' }, newPage: true },
    { id: 'c', type: 'textarea', label: { 'zh-CN': '追问' }, showIf: { field: 'a', is: ['x'] } },
    { id: 'n', type: 'number', label: { 'zh-CN': '人数' }, min: 1, max: 9, unit: { 'zh-CN': '人' } },
    { id: 'd', type: 'date', label: { 'zh-CN': '日期' } },
    { id: 'w', type: 'dropdown', label: { 'zh-CN': '乡镇' }, options: [{ code: 'cg', label: { 'zh-CN': '城关街道' } }] },
    { id: 'r', type: 'course_block', label: { 'zh-CN': '课程' }, comment: false },
  ],
});
const courses = [
  { id: 1, title: '宪法', day: '2026-11-02' },
  { id: 2, title: '代表法', day: '2026-11-03' },
];

describe('rendering with logic and pages', () => {
  it('renders a same-page condition with its words and data attributes, and the 其他 box', async () => {
    const out = await html(FormFields({ definition: def, courses, page: 0 }));
    expect(out).toContain('<div class="lf-cond" data-if="a" data-op="is" data-v="other">');
    expect(out).toContain('如果“来源”选了“其他（请注明）”，请回答这一题');
    expect(out).toContain('name="a" value="other"');
    expect(out).toContain('data-other-of="a"');
    expect(out).toContain('name="a.other"');
    expect(out).not.toContain('第二部分');
  });

  it('decides a condition on an earlier page on the server', async () => {
    const shown = await html(FormFields({ definition: def, courses, page: 1, values: { a: 'x' } }));
    expect(shown).toContain('追问');
    expect(shown).not.toContain('lf-cond__note');
    const hidden = await html(FormFields({ definition: def, courses, page: 1, values: { a: 'other', 'a.other': '广播' } }));
    expect(hidden).not.toContain('追问');
  });

  it('renders number, date, dropdown and section', async () => {
    const out = await html(FormFields({ definition: def, courses, page: 1 }));
    expect(out).toContain('<h2 class="lf-section__title">第二部分</h2>');
    expect(out).toContain('inputmode="numeric"');
    expect(out).toContain('请填写 1 到 9 之间的数');
    expect(out).toContain('<span class="lf-unit">人</span>');
    expect(out).toContain('type="date" id="f-d" name="d"');
    expect(out).toContain('<option value="">请选择</option>');
    expect(out).toMatch(/<option value="cg"[^>]*>城关街道<\/option>/);
  });

  it('presets 未参加 only for courses on days not checked in, and not once the person answered', async () => {
    const fresh = await html(FormFields({ definition: def, courses, page: 1, attendedDays: ['2026-11-02'] }));
    expect(fresh).toMatch(/name="r\.2\.absent" value="yes" checked=""/);
    expect(fresh).not.toMatch(/name="r\.1\.absent" value="yes" checked/);
    const answered = await html(
      FormFields({ definition: def, courses, page: 1, attendedDays: ['2026-11-02'], values: { 'r.2.relevance': '4' } }),
    );
    expect(answered).not.toMatch(/name="r\.2\.absent" value="yes" checked/);
    expect(fresh).toContain('签到记录显示您那天没有签到');
  });

  it('keeps the logic script small, valid ES and only where needed', () => {
    expect(() => new Function(LOGIC_SCRIPT)).not.toThrow();
    expect(gzipSync(LOGIC_SCRIPT).length).toBeLessThanOrEqual(3 * 1024);
    expect(usesLogic(def)).toBe(true);
    expect(usesLogic(trainingFormDefinition)).toBe(true);
    expect(usesLogic(opinionFormDefinition)).toBe(false);
  });
});
