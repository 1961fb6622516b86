/**
 * Problems in a definition, said so that the staff member who built it can fix them: the
 * schema's checks speak English to developers ("duplicate option code"); the builder shows
 * the Chinese here beside the field at fault. Pure module.
 */
import type { DefinitionError } from './definition';
import type { Locale } from './messages';

/** Cross-question rules (definition.ts) → what to tell staff. Checked in order. */
const CUSTOM: readonly [RegExp, string][] = [
  [/^duplicate question id/, '有两道题的编号相同，请删去其中一道或复制后再改'],
  [/cannot be required/, '这类内容不需要回答，不能设为必答'],
  [/either required or requiredIf/, '“必答”和“条件必答”只能选一种'],
  [/exactly one of options or optionsFrom/, '请至少添加一个选项'],
  [/^duplicate option code/, '有两个选项的编号相同'],
  [/added by the 其他 switch/, '“其他（请注明）”已由开关提供，请不要再单独添加'],
  [/^min must not exceed max/, '最小值不能大于最大值'],
  [/^min exceeds the number of options/, '“至少选几项”超过了选项的数量'],
  [/^max exceeds the number of options/, '“最多选几项”超过了选项的数量'],
  [/^minLength must not exceed maxLength/, '最少字数不能多于最多字数'],
  [/^duplicate aspect code/, '有两个评分项的编号相同'],
  [/is reserved/, '这个编号是保留的，请换一个'],
  [/must be a question before this one/, '显示条件只能引用这道题前面的题目'],
  [/cannot depend on itself/, '题目不能以自己的答案为条件'],
  [/is not a single choice/, '条件“选了”只能用于单选题或下拉题'],
  [/is not a multiple choice/, '条件“选项包含”只能用于多选题'],
  [/has no option/, '条件里的选项已不存在，请重新选择'],
  [/has no number to compare/, '“不低于 / 不高于”只能用于评分、推荐或数字题'],
  [/^unknown question/, '引用的题目不存在'],
  [/never has an answer/, '引用的内容没有答案'],
  [/is not a choice/, '引用的题目不是选择题'],
  [/snake_case/, '编号只能用小写字母、数字和下划线，并以字母开头'],
  [/must be a date/, '请按 2026-12-04 的格式填写日期'],
  [/^not valid JSON/, '内容无法读取'],
];

/** One problem in the staff member's language. */
export function definitionErrorText(error: DefinitionError, locale: Locale): string {
  if (locale === 'en') return error.message;
  if (error.code === 'custom' || error.code === 'invalid_format' || error.code === undefined) {
    for (const [pattern, zh] of CUSTOM) if (pattern.test(error.message)) return zh;
  }
  const last = error.path.split('.').pop() ?? '';
  switch (error.code) {
    case 'too_small':
      if (error.path === 'questions') return '问卷里至少要有一道题';
      if (last === 'options') return '请至少添加一个选项';
      if (error.limit === 1 && !/^\d+$/.test(last)) return '请填写这一项';
      return `不能小于 ${error.limit}`;
    case 'too_big':
      return last === 'questions' || last === 'options' ? `最多 ${error.limit} 项` : `太长了，最多 ${error.limit}`;
    case 'unrecognized_keys':
      return '有无法识别的设置';
    case 'invalid_type':
      return '缺少这一项，或填写的格式不对';
    default:
      return '这一项填写得不对，请检查';
  }
}

/** Every problem as `{ path: message }`, the API's `fields` shape; the first per path wins. */
export function definitionErrorFields(errors: readonly DefinitionError[], locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) if (!(e.path in out)) out[e.path] = definitionErrorText(e, locale);
  return out;
}
