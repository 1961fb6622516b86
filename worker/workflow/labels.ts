/**
 * Message catalog of the workflow: names of states, actions, steps, ratings and deadline
 * colours, and the human text for each refusal code. zh-CN is the default locale.
 */
import type { DeadlineStatus } from './calendar';
import type { PlanErrorCode } from './machine';
import type { OpinionState, Rating } from './states';
import type { TrackingStep } from './tracking';
import type { Action } from './transitions';

export type Locale = 'zh-CN' | 'en';
/** One message in every supported locale. */
export type Label = Readonly<Record<Locale, string>>;

/** Text of a label in a locale (zh-CN unless told otherwise). */
export function label(entry: Label, locale: Locale = 'zh-CN'): string {
  return entry[locale];
}

const l = (zh: string, en: string): Label => ({ 'zh-CN': zh, en });

export const STATE_LABELS: Readonly<Record<OpinionState, Label>> = {
  pending: l('待受理', 'Awaiting acceptance'),
  listening: l('一听', 'Listen'),
  viewing: l('二看', 'Look'),
  deliberating: l('三议', 'Deliberate'),
  handling: l('四办', 'Handle'),
  resolved: l('已办结', 'Resolved'),
  closed: l('已办结并评价', 'Closed'),
  review: l('复核', 'Under review'),
  rejected: l('不予受理', 'Not accepted'),
  duplicate: l('重复', 'Duplicate'),
  transferred: l('转办', 'Transferred'),
};

export const ACTION_LABELS: Readonly<Record<Action | 'submit', Label>> = {
  submit: l('提交意见', 'Submitted'),
  accept: l('受理登记', 'Accept and register'),
  record_visit: l('记录实地查看', 'Record site visit'),
  deliberate: l('记录议定结果', 'Record deliberation'),
  start_handling: l('开始办理', 'Start handling'),
  progress: l('办理进展', 'Progress update'),
  resolve: l('办结反馈', 'Resolve and reply'),
  reject: l('不予受理', 'Do not accept'),
  merge: l('合并重复意见', 'Merge as duplicate'),
  transfer: l('转办', 'Transfer'),
  handle_directly: l('代表自行办理', 'Handled by the deputy'),
  rate: l('评价', 'Rate'),
  reopen: l('重新办理', 'Reopen'),
  uphold: l('维持办理结果', 'Uphold the result'),
  close: l('结案', 'Close'),
  reassign: l('改派代表', 'Reassign deputy'),
  extend: l('延长办理期限', 'Extend deadline'),
  supervise: l('督办', 'Chase (督办)'),
  note: l('内部备注', 'Internal note'),
  sign: l('签收', 'Sign for it'),
  send_back: l('退回', 'Send back'),
  assign_departments: l('改派承办单位', 'Reassign departments'),
  request_extension: l('申请延期', 'Ask for more time'),
  approve_extension: l('同意延期', 'Approve the extension'),
  refuse_extension: l('不同意延期', 'Refuse the extension'),
  submit_answer: l('提交办理答复', 'Submit the answer'),
  accept_answer: l('采纳办理答复', 'Accept the answer'),
  return_answer: l('退回办理答复', 'Return the answer'),
  remind: l('催办', 'Send a reminder (催办)'),
  share_contact: l('提供联系方式', 'Share the contact'),
};

export const STEP_LABELS: Readonly<Record<TrackingStep, Label>> = {
  listen: l('一听', 'Listen'),
  view: l('二看', 'Look'),
  deliberate: l('三议', 'Deliberate'),
  handle: l('四办', 'Handle'),
  resolved: l('已办结', 'Resolved'),
};

export const RATING_LABELS: Readonly<Record<Rating, Label>> = {
  satisfied: l('满意', 'Satisfied'),
  basically_satisfied: l('基本满意', 'Mostly satisfied'),
  dissatisfied: l('不满意', 'Dissatisfied'),
};

export const DEADLINE_LABELS: Readonly<Record<DeadlineStatus, Label>> = {
  green: l('正常', 'On time'),
  yellow: l('即将到期', 'Due soon'),
  red: l('已逾期', 'Overdue'),
};

/** Text for the `message` of an API error with each refusal code. */
export const ERROR_MESSAGES: Readonly<Record<PlanErrorCode, Label>> = {
  unknown_action: l('没有这个操作。', 'There is no such action.'),
  unknown_state: l('这条意见的状态无法识别，请联系管理员。', 'This opinion is in an unknown state; contact an administrator.'),
  action_not_allowed_in_state: l(
    '这条意见当前的状态下不能进行这个操作，请刷新后再试。',
    'This action is not possible in the opinion’s current state. Refresh and try again.',
  ),
  role_not_allowed: l('您的账号没有进行这个操作的权限。', 'Your account may not take this action.'),
  not_assigned_deputy: l(
    '这条意见没有分配给您，只有负责的代表可以操作。',
    'This opinion is not assigned to you; only the assigned deputy may act on it.',
  ),
  reply_required: l('请填写给群众的答复。', 'Enter the reply for the resident.'),
  note_required: l('请填写内部备注。', 'Enter an internal note.'),
  reply_or_note_required: l('请填写答复或内部备注，至少一项。', 'Enter a reply or an internal note.'),
  reason_required: l(
    '请填写不予受理的理由，群众会看到这条理由。',
    'Enter the reason for not accepting; the resident will see it.',
  ),
  deputy_required: l('请选择负责的代表。', 'Choose the deputy in charge.'),
  findings_required: l('请填写实地查看的情况。', 'Describe what was found on site.'),
  lead_department_required: l('请选择牵头办理单位。', 'Choose the lead department.'),
  deadline_required: l('请选择办理期限。', 'Choose a deadline.'),
  merge_target_required: l('请选择要合并到的意见。', 'Choose the opinion to merge into.'),
  transfer_to_required: l('请填写接收单位。', 'Enter the receiving body.'),
  rating_required: l('请选择满意、基本满意或不满意。', 'Choose satisfied, mostly satisfied or dissatisfied.'),
  invalid_text: l('这一项的内容格式不对。', 'This field has the wrong format.'),
  too_long: l('内容太长了，请精简后再提交。', 'This text is too long; please shorten it.'),
  invalid_id: l('选择的对象无效，请重新选择。', 'The selected item is not valid; choose again.'),
  too_many_photos: l('照片太多了。', 'Too many photos.'),
  departments_invalid: l('配合单位有重复，或与牵头单位相同。', 'Co-departments repeat each other or the lead department.'),
  deadline_invalid: l('期限不是有效的日期。', 'The deadline is not a valid date.'),
  deadline_in_past: l('期限不能早于今天。', 'The deadline cannot be before today.'),
  deadline_not_working_day: l('期限应当是工作日。', 'The deadline must be a working day.'),
  rating_invalid: l('评价只能是满意、基本满意或不满意。', 'The rating must be satisfied, mostly satisfied or dissatisfied.'),
  merge_target_self: l('不能把意见合并到它自己。', 'An opinion cannot be merged into itself.'),
  deputy_unchanged: l('已经分配给这位代表了。', 'The opinion is already assigned to this deputy.'),
  rating_window_open: l('群众评价期还没有结束，暂时不能结案。', 'The resident can still rate it; it cannot be closed yet.'),
  not_assigned_department: l(
    '这条意见没有交办给您的单位，只有承办单位可以操作。',
    'This opinion is not assigned to your department; only the handling departments may act on it.',
  ),
  lead_department_only: l(
    '只有牵头单位可以进行这个操作，协办单位请报送办理进展。',
    'Only the lead department may do this; co-departments report their part as progress.',
  ),
  already_signed: l('您的单位已经签收了这条意见。', 'Your department has already signed for this opinion.'),
  not_signed: l('请先签收这条意见。', 'Sign for this opinion first.'),
  answer_pending: l(
    '办理答复已经提交，正在等待工作人员审核。',
    'The answer has been submitted and is awaiting the office’s review.',
  ),
  department_required: l('请选择承办单位。', 'Choose a department.'),
  departments_unchanged: l('承办单位和期限都没有变化。', 'Neither the departments nor the deadline changed.'),
  department_not_assigned: l('这个单位不是这条意见的承办单位。', 'That department is not handling this opinion.'),
  remind_target_required: l(
    '这条意见还没有负责的代表或承办单位，无法催办。',
    'This opinion has no deputy or department to remind yet.',
  ),
  extension_pending: l('已经有一个延期申请在等待审核。', 'An extension request is already awaiting a decision.'),
  no_extension_pending: l('没有待审核的延期申请。', 'There is no extension request to decide.'),
  extension_not_later: l('申请的期限应当晚于现在的办理期限。', 'The requested deadline must be later than the current one.'),
  no_answer_pending: l('没有待审核的办理答复。', 'There is no answer awaiting review.'),
};
