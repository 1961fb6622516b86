/**
 * Message catalog of the roster import (zh-CN default, en). Kept beside the import rather than in
 * the platform catalog because its codes are many and only the import produces them.
 * Templates use `{name}` placeholders, like the platform catalog.
 */
import type { Locale } from '../../platform/i18n';
import type { RosterField } from './types';

const zhCN = {
  // Whole-file problems.
  file_empty: '文件是空的。',
  file_too_large: '文件太大（超过 {maxMb} MB）。',
  encoding_unknown: '无法识别文件的文字编码。请在 Excel 或 WPS 中另存为“CSV UTF-8”或 .xlsx 后再导入。',
  csv_unterminated_quote: '第 {row} 行开始的引号没有闭合，文件可能不完整。',
  xls_unsupported: '这是旧版 .xls 文件或设有打开密码的工作簿。请在 Excel 或 WPS 中“另存为” .xlsx（不设密码）或 CSV 后再导入。',
  xlsx_corrupt: '文件已损坏，或不是 Excel/WPS 的 .xlsx 工作簿。',
  xlsx_too_large: '工作簿解压后超过 {maxMb} MB，无法导入。请只保留名册所在的工作表。',
  xlsx_no_sheet: '工作簿中没有可读取的工作表。',
  too_many_columns: '表格的列数过多（超过 {max} 列）。',
  too_many_rows: '一次最多导入 {max} 行，请分批导入。',
  no_header: '没有找到表头行。表头至少要有“姓名”和“手机号码”两列。',
  missing_column: '缺少“{column}”列。',
  duplicate_column: '“{first}”和“{second}”两列都表示“{column}”，请只保留一列。',
  no_rows: '表头下面没有数据行。',
  // Row problems.
  name_required: '姓名不能为空。',
  name_too_long: '姓名不能超过 {max} 个字。',
  level_required: '代表层级不能为空（填“区”或“乡镇”）。',
  level_unknown: '代表层级“{value}”无法识别，请填“区”或“乡镇”。',
  township_required: '乡镇（街道）不能为空。',
  township_unknown: '没有名为“{value}”的乡镇（街道）。',
  township_inactive: '乡镇（街道）“{value}”已停用。',
  station_unknown: '没有名为“{value}”的联络站。',
  station_wrong_township: '联络站“{value}”不属于“{township}”。',
  station_inactive: '联络站“{value}”已停用。',
  phone_required: '手机号码不能为空。',
  phone_invalid: '手机号码“{value}”不正确，应为 11 位大陆手机号，如 13800138000。',
  phone_scientific: '手机号码“{value}”被显示成了科学计数法，数字可能已丢失。请把该列设置为“文本”格式、重新填写后再导出。',
  phone_duplicate: '手机号码 {value} 与第 {firstRow} 行重复。',
  sector_too_long: '界别不能超过 {max} 个字。',
} as const;

/** Every code the import can report. */
export type ImportCode = keyof typeof zhCN;

const en: Record<ImportCode, string> = {
  file_empty: 'The file is empty.',
  file_too_large: 'The file is too large (over {maxMb} MB).',
  encoding_unknown: 'The text encoding of this file is not recognised. Save it as "CSV UTF-8" or .xlsx and try again.',
  csv_unterminated_quote: 'A quote opened on row {row} is never closed; the file may be incomplete.',
  xls_unsupported:
    'This is an old .xls file or a password-protected workbook. Save it as .xlsx (without a password) or CSV and try again.',
  xlsx_corrupt: 'The file is damaged or is not an Excel/WPS .xlsx workbook.',
  xlsx_too_large: 'The workbook expands to more than {maxMb} MB. Keep only the roster sheet and try again.',
  xlsx_no_sheet: 'The workbook has no readable worksheet.',
  too_many_columns: 'The sheet has too many columns (over {max}).',
  too_many_rows: 'At most {max} rows can be imported at once; split the file.',
  no_header: 'No header row found. It needs at least the columns "name" and "mobile phone".',
  missing_column: 'The column "{column}" is missing.',
  duplicate_column: 'The columns "{first}" and "{second}" both mean "{column}"; keep only one.',
  no_rows: 'There are no data rows under the header.',
  name_required: 'The name is missing.',
  name_too_long: 'The name is longer than {max} characters.',
  level_required: 'The level is missing (district or township).',
  level_unknown: 'The level "{value}" is not recognised; use district or township.',
  township_required: 'The township is missing.',
  township_unknown: 'There is no township named "{value}".',
  township_inactive: 'The township "{value}" is deactivated.',
  station_unknown: 'There is no liaison station named "{value}".',
  station_wrong_township: 'The liaison station "{value}" is not in "{township}".',
  station_inactive: 'The liaison station "{value}" is deactivated.',
  phone_required: 'The mobile phone number is missing.',
  phone_invalid: '"{value}" is not an 11-digit mainland mobile number such as 13800138000.',
  phone_scientific:
    'The mobile number "{value}" is in scientific notation and may have lost digits. Format the column as Text, re-enter the numbers and export again.',
  phone_duplicate: 'The mobile number {value} repeats row {firstRow}.',
  sector_too_long: 'The sector is longer than {max} characters.',
};

const catalogs: Record<Locale, Record<ImportCode, string>> = { 'zh-CN': zhCN, en };

/** Column names as people know them, for messages about a column. */
const fieldLabels: Record<Locale, Record<RosterField, string>> = {
  'zh-CN': { name: '姓名', level: '代表层级', township: '乡镇（街道）', station: '联络站', sector: '界别', phone: '手机号码' },
  en: { name: 'name', level: 'level', township: 'township', station: 'liaison station', sector: 'sector', phone: 'mobile phone' },
};

/** The label of a roster column in a locale. */
export function fieldLabel(field: RosterField, locale: Locale): string {
  return fieldLabels[locale][field];
}

/** Renders an import message, filling `{name}` placeholders (unknown ones are left visible). */
export function importMessage(code: ImportCode, locale: Locale, params: Record<string, string | number> = {}): string {
  const template = catalogs[locale]?.[code] ?? zhCN[code];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Codes of both catalogs, for a test that the English one is complete. */
export const IMPORT_CODES = Object.keys(zhCN) as ImportCode[];
