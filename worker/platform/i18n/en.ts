import { departmentMessages } from '../../departments/messages';
import { refusalMessages } from '../../opinions/messages';
import { dutyMessages } from '../../receptions/messages';
import { statsMessages } from '../../stats/messages';
import { formApiMessages } from '../../forms/api-messages';
import { accountMessages } from '../../accounts/messages';
import { notificationMessages } from '../../notifications/messages';
import type { zhCN } from './zh-CN';

/** English messages; must have exactly the keys of the Chinese catalog. */
export const en: Record<keyof typeof zhCN, string> = {
  not_found: 'Not found.',
  unauthenticated: 'Please sign in.',
  session_expired: 'Your session has expired. Please sign in again.',
  forbidden: 'You are not allowed to do this.',
  forbidden_township: 'You can only see and manage data of your own township.',
  bad_origin: 'The request came from an unexpected origin. Reload the page and try again.',
  invalid_json: 'The request body is not valid.',
  validation_failed: 'Some fields need correcting.',
  body_too_large: 'The request is too large.',
  invalid_credentials: 'Wrong username or password.',
  too_many_attempts: 'Too many failed sign-ins. Try again in {minutes} minutes.',
  account_disabled: 'This account is disabled. Contact an administrator.',
  conflict: 'Someone else changed this record. Reload and try again.',
  duplicate_code: 'The code "{value}" is already in use.',
  duplicate_name: 'The name "{value}" already exists.',
  duplicate_phone: 'The mobile number {value} belongs to another deputy.',
  unknown_township: 'The selected township does not exist.',
  unknown_station: 'The selected station does not exist or is not in that township.',
  import_invalid: '{count} rows of the file need correcting; nothing was imported.',
  import_no_file: 'Choose a CSV or XLSX file to import.',
  import_unreadable: 'This file cannot be read. Save it as CSV or XLSX and try again.',
  import_empty: 'The file has no data rows.',
  import_missing_columns: 'The file lacks required columns: {columns}.',
  rate_limited: 'Too many submissions. Please wait a minute and try again.',
  internal_error: 'Something went wrong on our side. Please try again later; nothing was lost.',
  field_required: 'This field is required.',
  field_too_long: 'At most {max} characters.',
  field_invalid: 'Invalid format.',
  phone_invalid: 'Enter an 11-digit mainland mobile number, e.g. 13800138000.',
  unknown_deputy: 'The chosen deputy does not exist, is inactive, or belongs to another township.',
  unknown_handler: 'The chosen handler does not exist or cannot handle opinions of this township.',
  merge_target_invalid: 'Cannot merge into that opinion: it is missing, merged, not accepted, or in another township.',
  export_too_large: 'More than {max} opinions match; narrow the filters and export again.',
  photo_invalid: 'Only JPEG or PNG photos of at most {max} MB can be uploaded.',
  ...refusalMessages('en'),
  // Trainings and evaluations (worker/evaluations).
  dates_out_of_order: 'The end date cannot be before the start date.',
  training_too_long: 'A training can last at most {max} days.',
  unknown_form: 'The chosen questionnaire does not exist.',
  questionnaire_invalid: 'The questionnaire has {count} problems and was not saved.',
  questionnaire_locked:
    'This training already has answers, so its questionnaire cannot be swapped; edit the questionnaire instead and it is saved as a new version.',
  training_has_answers: 'This training already has answers and cannot be deleted.',
  course_day_outside: 'The course must take place on one of the training days.',
  course_has_answers: 'This course has already been rated and cannot be deleted.',
  enrolment_submitted: 'This deputy has already submitted the evaluation and cannot be unenrolled.',
  unknown_deputies: '{count} of the deputies do not exist, are inactive, or are not in your township.',
  nothing_selected: 'Choose the deputies to enrol, or enrol by level and township.',
  // Statistics and receptions (worker/stats, worker/receptions).
  period_too_long: 'A statistics period can be at most {max} weeks; choose a shorter one.',
  reception_deputies_invalid: '{count} of the deputies do not exist, are inactive, or are not in the station’s township.',
  reception_not_present: 'Deputies can only log sessions they attended: tick yourself among the deputies present.',
  reception_in_future: 'The reception date cannot be later than today.',
  // User accounts (worker/accounts).
  duplicate_username: 'The username “{value}” is already taken.',
  password_weak: 'The password needs at least 8 characters and must not be digits only.',
  account_township_not_allowed: 'Only staff accounts can belong to a township.',
  account_deputy_required: 'A deputy account must be linked to a deputy.',
  account_deputy_unknown: 'The chosen deputy does not exist or is inactive.',
  account_deputy_not_allowed: 'Only deputy accounts can be linked to a deputy.',
  account_self_lockout: 'You cannot deactivate your own account or remove your own administrator role.',
  // Reception duty, 代录 (worker/receptions).
  ...dutyMessages('en'),
  // Sign-in throttling and passwords (worker/accounts).
  ...accountMessages('en'),
  // A phone number of another township's deputy: a neutral answer that names no one (worker/roster).
  phone_unavailable:
    'This mobile number cannot be registered. Check it; if it is right, contact the district deputy service centre.',
  // Notifications: outbox, templates, reminders (worker/notifications).
  ...notificationMessages('en'),
  // Departments (承办单位), templates, handling settings, 督办 (worker/departments).
  ...departmentMessages('en'),
  // Statistics: the weekly report (worker/stats).
  ...statsMessages('en'),
  // The form builder: definition problems, previews (worker/forms).
  ...formApiMessages('en'),
};
