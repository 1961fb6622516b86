/**
 * The dashboard's messages for how evaluation results are released (batches of k, the pool at
 * close, what is withheld and why), in both languages. Spread at the end of the two catalogs
 * in dashboard/src/i18n, so the keys are typed and checked for parity like every other key.
 */
export const trainingResultsZhCN = {
  'trainings.release.rule':
    '答卷不记名。为防止通过前后对比认出某一位代表的答卷，结果不随每一份提交变化：某乡镇（街道）每新增满 {min} 份答卷，才一起计入结果；评估结束时，各乡镇剩余的答卷合并计入全区合计，不再区分乡镇（合并后仍不足 {min} 份的不显示）。提交情况（谁已提交）在“组织情况”中实时更新。',
  'trainings.release.status': '已计入结果 {released} 份 · 等待计入 {pending} 份',
  'trainings.release.last': '结果最近更新：{at}',
  'trainings.release.never': '结果尚未更新过',
  'trainings.release.unattributed': '另有 {n} 份答卷只计入全区合计，不按乡镇（街道）显示。',
  'trainings.release.leftOver': '评估已结束。有 {n} 份答卷合并后仍不足 {min} 份，为保护匿名不显示。',
  'trainings.release.waiting': '已提交 {n} 份，满 {min} 份后计入',
  'trainings.release.suppressed': '为防止推算，不单独显示',
  'trainings.release.pendingHint': '另有 {n} 份待计入',
  'trainings.progress.openedHint': '“已开始填写”在代表动手填写问卷后才计入；在微信里转发链接时自动生成的预览不算。',
} as const;

export const trainingResultsEn: Record<keyof typeof trainingResultsZhCN, string> = {
  'trainings.release.rule':
    'Answers are anonymous. So that no one can spot a deputy’s answer by comparing results before and after they submit, results do not change with each submission: a township’s answers are added in batches of {min}; when the evaluation closes, what is left of every township is added to the district totals together, without a township (if that is still fewer than {min}, it is not shown). Who has submitted is shown live under “Progress”.',
  'trainings.release.status': 'In the results: {released} · waiting: {pending}',
  'trainings.release.last': 'Results last updated: {at}',
  'trainings.release.never': 'Results not updated yet',
  'trainings.release.unattributed': '{n} more answers count in the district totals only, not under any township.',
  'trainings.release.leftOver':
    'The evaluation is closed. {n} answers are still fewer than {min} together and are not shown, to protect anonymity.',
  'trainings.release.waiting': '{n} submitted; added at {min}',
  'trainings.release.suppressed': 'Not shown separately, so it cannot be worked out',
  'trainings.release.pendingHint': '{n} more waiting',
  'trainings.progress.openedHint':
    '“Started filling in” counts once a deputy begins the questionnaire; the preview WeChat draws when a link is shared does not count.',
};
