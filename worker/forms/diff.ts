/**
 * The differences between two versions of a definition, in words staff read in the version
 * history ("第 3 题新增选项“其他（请注明）”"). Questions are matched by id (the builder never
 * reuses one), numbered as in the newer version. Pure module.
 */
import { type FormDefinition, isChoice, type Question } from './definition';
import { resolveOptions } from './fields';
import { type Locale, localize } from './messages';

const WORDS = {
  'zh-CN': {
    added: (n: number, label: string) => `新增第 ${n} 题“${label}”`,
    removed: (label: string) => `删除了题目“${label}”`,
    relabelled: (n: number, label: string) => `第 ${n} 题的题目改为“${label}”`,
    type: (n: number) => `第 ${n} 题换了题型`,
    required: (n: number, on: boolean) => `第 ${n} 题改为${on ? '必答' : '选答'}`,
    optionAdded: (n: number, label: string) => `第 ${n} 题新增选项“${label}”`,
    optionRemoved: (n: number, label: string) => `第 ${n} 题删除选项“${label}”`,
    condition: (n: number, on: boolean) => `第 ${n} 题${on ? '改为按条件显示' : '改为总是显示'}`,
    moved: '调整了题目顺序',
    title: (label: string) => `问卷标题改为“${label}”`,
    other: (n: number) => `第 ${n} 题的其他设置有改动`,
  },
  en: {
    added: (n: number, label: string) => `Added question ${n} “${label}”`,
    removed: (label: string) => `Removed question “${label}”`,
    relabelled: (n: number, label: string) => `Question ${n} now reads “${label}”`,
    type: (n: number) => `Question ${n} changed type`,
    required: (n: number, on: boolean) => `Question ${n} is now ${on ? 'required' : 'optional'}`,
    optionAdded: (n: number, label: string) => `Question ${n}: added option “${label}”`,
    optionRemoved: (n: number, label: string) => `Question ${n}: removed option “${label}”`,
    condition: (n: number, on: boolean) => `Question ${n} is now ${on ? 'shown only when its condition holds' : 'always shown'}`,
    moved: 'Questions reordered',
    title: (label: string) => `Title changed to “${label}”`,
    other: (n: number) => `Question ${n}: other settings changed`,
  },
} as const;

function options(q: Question, locale: Locale): Map<string, string> {
  return new Map(isChoice(q) ? resolveOptions(q, []).map((o) => [o.code, localize(o.label, locale)]) : []);
}

/** What changed from `before` to `after`, one sentence per change, in reading order. */
export function describeChanges(before: FormDefinition, after: FormDefinition, locale: Locale): string[] {
  const w = WORDS[locale === 'en' ? 'en' : 'zh-CN'];
  const out: string[] = [];
  const old = new Map(before.questions.map((q) => [q.id, q]));
  const kept = new Set(after.questions.map((q) => q.id));
  if (before.title?.['zh-CN'] !== after.title?.['zh-CN'] && after.title) out.push(w.title(localize(after.title, locale)));
  for (const [i, q] of after.questions.entries()) {
    const n = i + 1;
    const label = localize(q.label, locale);
    const was = old.get(q.id);
    if (!was) {
      out.push(w.added(n, label));
      continue;
    }
    const before0 = out.length;
    if (was.type !== q.type) out.push(w.type(n));
    if (localize(was.label, locale) !== label) out.push(w.relabelled(n, label));
    if (was.required !== q.required) out.push(w.required(n, q.required));
    const [o1, o2] = [options(was, locale), options(q, locale)];
    for (const [code, text] of o2) if (!o1.has(code)) out.push(w.optionAdded(n, text));
    for (const [code, text] of o1) if (!o2.has(code)) out.push(w.optionRemoved(n, text));
    if (Boolean(was.showIf) !== Boolean(q.showIf)) out.push(w.condition(n, Boolean(q.showIf)));
    if (out.length === before0 && JSON.stringify(was) !== JSON.stringify(q)) out.push(w.other(n));
  }
  for (const q of before.questions) if (!kept.has(q.id)) out.push(w.removed(localize(q.label, locale)));
  const order = (d: FormDefinition) => d.questions.map((q) => q.id).filter((id) => old.has(id) && kept.has(id));
  if (order(before).join() !== order(after).join()) out.push(w.moved);
  return out;
}
