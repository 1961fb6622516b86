import { departmentMessages } from '../../departments/messages';
import { refusalMessages } from '../../opinions/messages';
import { dutyMessages } from '../../receptions/messages';
import { statsMessages } from '../../stats/messages';
import { formApiMessages } from '../../forms/api-messages';
import { accountMessages } from '../../accounts/messages';
import { notificationMessages } from '../../notifications/messages';

/** Simplified Chinese messages of the Worker's API and pages (the default locale). */
export const zhCN = {
  not_found: '没有找到您要的内容。',
  unauthenticated: '请先登录。',
  session_expired: '登录已过期，请重新登录。',
  forbidden: '您没有权限进行这项操作。',
  forbidden_township: '您只能查看和管理本乡镇（街道）的数据。',
  bad_origin: '请求来源不正确，请刷新页面后重试。',
  invalid_json: '提交的内容格式不正确。',
  validation_failed: '有些内容需要修改，请检查标出的项目。',
  body_too_large: '提交的内容太大了。',
  invalid_credentials: '用户名或密码不正确。',
  too_many_attempts: '登录失败次数过多，请 {minutes} 分钟后再试。',
  account_disabled: '该账号已停用，请联系管理员。',
  conflict: '数据已被其他人修改，请刷新后重试。',
  duplicate_code: '编号「{value}」已被使用。',
  duplicate_name: '名称「{value}」已存在。',
  duplicate_phone: '手机号码 {value} 已属于另一位代表。',
  unknown_township: '所选乡镇（街道）不存在。',
  unknown_station: '所选联络站不存在，或不属于该乡镇（街道）。',
  import_invalid: '导入文件中有 {count} 行需要修改，未导入任何数据。',
  import_no_file: '请选择要导入的 CSV 或 XLSX 文件。',
  import_unreadable: '无法读取这个文件，请另存为 CSV 或 XLSX 后重试。',
  import_empty: '文件中没有可导入的数据行。',
  import_missing_columns: '文件缺少必需的列：{columns}。',
  rate_limited: '提交太频繁了，请稍等一分钟再试。',
  internal_error: '系统出了点问题，请稍后再试。您的数据没有丢失。',
  field_required: '此项必填。',
  field_too_long: '不能超过 {max} 个字。',
  field_invalid: '格式不正确。',
  phone_invalid: '请输入 11 位手机号码，例如 13800138000。',
  unknown_deputy: '所选代表不存在、已停用，或不属于这条意见所在的乡镇（街道）。',
  unknown_handler: '所选经办人不存在，或不能办理这个乡镇（街道）的意见。',
  merge_target_invalid: '不能合并到这条意见：它不存在、已被合并或不予受理，或不在同一乡镇（街道）。',
  export_too_large: '符合条件的意见超过 {max} 条，请缩小筛选范围后再导出。',
  photo_invalid: '只能上传 JPEG 或 PNG 照片，每张不超过 {max} MB。',
  ...refusalMessages('zh-CN'),
  // Trainings and evaluations (worker/evaluations).
  dates_out_of_order: '结束日期不能早于开始日期。',
  training_too_long: '一次培训最长 {max} 天。',
  unknown_form: '所选问卷不存在。',
  questionnaire_invalid: '问卷有 {count} 处需要修改，未保存。',
  questionnaire_locked: '本次培训已经收到评估答卷，不能再更换问卷；可以直接修改问卷内容，系统会保存为新版本。',
  training_has_answers: '本次培训已经收到评估答卷，不能删除。',
  course_day_outside: '上课日期必须在培训日期之内。',
  course_has_answers: '这门课程已经有人评价，不能删除。',
  enrolment_submitted: '这位代表已经提交了评估，不能取消报名。',
  unknown_deputies: '有 {count} 位代表不存在、已停用，或不属于您的乡镇（街道）。',
  nothing_selected: '请选择要报名的代表，或按级别、乡镇（街道）批量报名。',
  // Statistics and receptions (worker/stats, worker/receptions).
  period_too_long: '统计区间最长 {max} 周，请缩短后再查看。',
  reception_deputies_invalid: '有 {count} 位代表不存在、已停用，或不属于该联络站所在的乡镇（街道）。',
  reception_not_present: '代表只能登记本人参加的接待，请在到场代表中勾选自己。',
  reception_in_future: '接待日期不能晚于今天。',
  // User accounts (worker/accounts).
  duplicate_username: '用户名「{value}」已被使用。',
  password_weak: '密码至少 8 位，不能全是数字。',
  account_township_not_allowed: '只有工作人员账号可以指定乡镇（街道）。',
  account_deputy_required: '代表账号必须关联一位代表。',
  account_deputy_unknown: '所选代表不存在或已停用。',
  account_deputy_not_allowed: '只有代表账号可以关联代表。',
  account_self_lockout: '不能停用自己的账号，也不能取消自己的管理员角色。',
  // Reception duty, 代录 (worker/receptions).
  ...dutyMessages('zh-CN'),
  // Sign-in throttling and passwords (worker/accounts).
  ...accountMessages('zh-CN'),
  // A phone number of another township's deputy: a neutral answer that names no one (worker/roster).
  phone_unavailable: '这个手机号码不能登记。请核对号码；号码无误的，请联系区代表服务中心。',
  // Notifications: outbox, templates, reminders (worker/notifications).
  ...notificationMessages('zh-CN'),
  // Departments (承办单位), templates, handling settings, 督办 (worker/departments).
  ...departmentMessages('zh-CN'),
  // Statistics: the weekly report (worker/stats).
  ...statsMessages('zh-CN'),
  // The form builder: definition problems, previews (worker/forms).
  ...formApiMessages('zh-CN'),
} as const;
