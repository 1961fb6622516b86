import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { defineForm } from './worker/forms/definition';
import { EvaluationPage } from './worker/evaluations/pages/evaluate';

const def = defineForm({
  schemaVersion: 1,
  title: { 'zh-CN': '分页问卷' },
  questions: [
    { id: 'overall', type: 'scale5', label: { 'zh-CN': '总体满意度' }, required: true },
    { id: 'venue', type: 'choice', label: { 'zh-CN': '您希望在哪里上课' }, required: true, other: true,
      options: [{ code: 'school', label: { 'zh-CN': '党校' } }, { code: 'station', label: { 'zh-CN': '联络站' } }] },
    { id: 'why_other', type: 'text', label: { 'zh-CN': '为什么' }, required: true, showIf: { field: 'venue', is: ['other'] } },
    { id: 'people', type: 'number', label: { 'zh-CN': '您所在小组人数' }, min: 1, max: 50, unit: { 'zh-CN': '人' } },
    { id: 'when', type: 'date', label: { 'zh-CN': '希望的日期' } },
    { id: 'tw', type: 'dropdown', label: { 'zh-CN': '所在乡镇' }, options: [{ code: 'a', label: { 'zh-CN': '城关街道' } }] },
    { id: 'courses', type: 'course_block', label: { 'zh-CN': '课程评分' }, required: true, comment: true, perDay: true },
    { id: 'last', type: 'section', label: { 'zh-CN': '最后一页' }, help: { 'zh-CN': '还有两个问题。' }, newPage: true },
    { id: 'improve', type: 'textarea', label: { 'zh-CN': '建议' } },
  ],
});
const courses = [
  { id: 1, title: '人民代表大会制度', lecturer: '张教授', day: '2026-12-01' },
  { id: 2, title: '代表法解读', lecturer: '李主任', day: '2026-12-01' },
];
const training = { title: '新任代表初任培训', startsOn: '2026-12-01', endsOn: '2026-12-03', place: '区委党校' };
const pages: [string, unknown][] = [
  ['p1', EvaluationPage({training: (training), definition: (def), courses: (courses), locale: "zh-CN"})],
  ['p1err', EvaluationPage({training: (training), definition: (def), courses: (courses), locale: "zh-CN", values: ({ venue: 'other' }), errors: ([{ field: 'venue.other', code: 'required', message: '您在“您希望在哪里上课”中选了“其他”，请写明具体内容' }]), page: (0)})],
  ['p2', EvaluationPage({training: (training), definition: (def), courses: (courses), locale: "zh-CN", values: ({ overall: '4', venue: 'school' }), page: (1), attendedDays: (['2026-12-02'])})],
];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
for (const [name, node] of pages) {
  const html = String(await (node as { toString(): Promise<string> }).toString());
  writeFileSync(`/tmp/shots/${name}.html`, html);
  for (const [w, js] of [[360, false], [360, true], [1440, true]] as const) {
    const ctx = await browser.newContext({ viewport: { width: w, height: 900 }, javaScriptEnabled: js });
    const p = await ctx.newPage();
    await p.goto(`file:///tmp/shots/${name}.html`);
    await p.screenshot({ path: `/tmp/shots/${name}-${w}-${js ? 'js' : 'nojs'}.png`, fullPage: true });
    await ctx.close();
  }
}
await browser.close();
