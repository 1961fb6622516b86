/**
 * Importing 承办单位 from a CSV (UTF-8 or GBK) or XLSX file: the same reader as the deputies'
 * roster (worker/roster/import), its own columns, all or nothing. Departments are matched on
 * their exact name, so importing the same file twice changes nothing. Pure: the route loads
 * the lookups and writes the plan.
 */
import type { DepartmentKind } from '../db/schema';
import { DEPARTMENT_KINDS } from '../db/schema/departments';
import { ImportFileError, readRosterFile } from '../roster/import';
import type { SourceRow } from '../roster/import/types';

/** The columns understood, with the headers people write for them (compared without spaces). */
export const DEPARTMENT_HEADERS: Readonly<Record<DepartmentField, readonly string[]>> = {
  name: ['名称', '单位名称', '承办单位', '单位', 'name'],
  shortName: ['简称', '单位简称', 'shortname', 'short name'],
  kind: ['类型', '单位类型', 'kind', 'type'],
  township: ['所属乡镇', '乡镇', '街道', '乡镇（街道）', '乡镇(街道)', 'township'],
  contactName: ['联系人', 'contact', 'contactname'],
  contactPhone: ['联系电话', '电话', '手机', 'phone', 'contactphone'],
};
export type DepartmentField = 'name' | 'shortName' | 'kind' | 'township' | 'contactName' | 'contactPhone';

/** Kind names as people write them. */
const KIND_NAMES: Readonly<Record<string, DepartmentKind>> = {
  区直部门: 'district_agency',
  区直单位: 'district_agency',
  '乡镇（街道）': 'township_government',
  '乡镇(街道)': 'township_government',
  乡镇: 'township_government',
  街道: 'township_government',
  乡镇政府: 'township_government',
  公用事业单位: 'utility',
  公用事业: 'utility',
  企业: 'enterprise',
  其他: 'other',
};

/** A department as the import will write it. */
export interface DepartmentRecord {
  name: string;
  shortName: string;
  kind: DepartmentKind;
  townshipId: number | null;
  contactName: string;
  contactPhone: string;
}

/** One problem, with the spreadsheet row (null: the whole file). */
export interface DepartmentImportIssue {
  row: number | null;
  field: DepartmentField | null;
  code:
    | 'file_unreadable'
    | 'header_missing'
    | 'name_required'
    | 'name_duplicate'
    | 'kind_invalid'
    | 'township_unknown'
    | 'phone_invalid'
    | 'too_long'
    | 'no_rows';
}

/** What the import will do, or every problem. */
export type DepartmentImportPlan =
  | {
      ok: true;
      creates: { row: number; record: DepartmentRecord }[];
      updates: { row: number; id: number; record: DepartmentRecord }[];
      unchanged: number;
    }
  | { ok: false; errors: DepartmentImportIssue[] };

const squash = (s: string) =>
  s
    .normalize('NFC')
    .replace(/[\s\u200b-\u200d\u2060]/g, '')
    .toLowerCase();
const cell = (s: string | undefined) =>
  (s ?? '')
    .normalize('NFC')
    .replace(/[\u200b-\u200d\u2060]/g, '')
    .trim();

/** The existing data the plan compares against. */
export interface DepartmentLookups {
  townships: { id: number; name: string; code: string }[];
  departments: (DepartmentRecord & { id: number })[];
}

/** Reads, maps and checks a file. Never throws for bad input. */
export function planDepartmentImport(bytes: Uint8Array, lookups: DepartmentLookups): DepartmentImportPlan {
  let rows: SourceRow[];
  try {
    rows = readRosterFile(bytes).rows;
  } catch (err) {
    if (err instanceof ImportFileError) return { ok: false, errors: [{ row: null, field: null, code: 'file_unreadable' }] };
    throw err;
  }
  const headerIndex = rows.findIndex((r) => r.cells.some((c) => cell(c) !== ''));
  if (headerIndex < 0) return { ok: false, errors: [{ row: null, field: null, code: 'no_rows' }] };
  const header = rows[headerIndex]!.cells.map((c) => squash(c));
  const col = {} as Record<DepartmentField, number>;
  for (const [field, names] of Object.entries(DEPARTMENT_HEADERS) as [DepartmentField, readonly string[]][]) {
    const wanted = new Set(names.map(squash));
    col[field] = header.findIndex((h) => wanted.has(h));
  }
  if (col.name < 0) return { ok: false, errors: [{ row: rows[headerIndex]!.row, field: 'name', code: 'header_missing' }] };

  const townshipByName = new Map<string, number>();
  for (const t of lookups.townships) {
    townshipByName.set(squash(t.name), t.id);
    townshipByName.set(squash(t.code), t.id);
  }
  const existing = new Map(lookups.departments.map((d) => [d.name, d]));
  const errors: DepartmentImportIssue[] = [];
  const seen = new Set<string>();
  const plan = {
    creates: [] as { row: number; record: DepartmentRecord }[],
    updates: [] as { row: number; id: number; record: DepartmentRecord }[],
    unchanged: 0,
  };
  const get = (r: SourceRow, f: DepartmentField) => (col[f] >= 0 ? cell(r.cells[col[f]]) : '');

  for (const r of rows.slice(headerIndex + 1)) {
    if (r.cells.every((c) => cell(c) === '')) continue;
    const name = get(r, 'name');
    const issue = (field: DepartmentField, code: DepartmentImportIssue['code']) => errors.push({ row: r.row, field, code });
    if (name === '') {
      issue('name', 'name_required');
      continue;
    }
    if (name.length > 100) issue('name', 'too_long');
    if (seen.has(name)) issue('name', 'name_duplicate');
    seen.add(name);
    const before = existing.get(name);
    const kindText = get(r, 'kind');
    const kind: DepartmentKind | undefined =
      kindText === ''
        ? (before?.kind ?? 'other')
        : (KIND_NAMES[kindText] ??
          ((DEPARTMENT_KINDS as readonly string[]).includes(kindText) ? (kindText as DepartmentKind) : undefined));
    if (!kind) issue('kind', 'kind_invalid');
    const townshipText = get(r, 'township');
    const townshipId = townshipText === '' ? null : (townshipByName.get(squash(townshipText)) ?? undefined);
    if (townshipId === undefined) issue('township', 'township_unknown');
    const contactPhone = get(r, 'contactPhone');
    if (contactPhone !== '' && !/^[0-9+\-\s()]{5,30}$/.test(contactPhone)) issue('contactPhone', 'phone_invalid');
    const shortName = get(r, 'shortName');
    const contactName = get(r, 'contactName');
    if (shortName.length > 30) issue('shortName', 'too_long');
    if (contactName.length > 40) issue('contactName', 'too_long');
    if (!kind || townshipId === undefined) continue;
    const record: DepartmentRecord = { name, shortName, kind, townshipId, contactName, contactPhone };
    if (!before) plan.creates.push({ row: r.row, record });
    else if (
      before.shortName !== shortName ||
      before.kind !== kind ||
      before.townshipId !== townshipId ||
      before.contactName !== contactName ||
      before.contactPhone !== contactPhone
    )
      plan.updates.push({ row: r.row, id: before.id, record });
    else plan.unchanged++;
  }
  if (errors.length > 0) return { ok: false, errors };
  if (plan.creates.length + plan.updates.length + plan.unchanged === 0)
    return { ok: false, errors: [{ row: null, field: null, code: 'no_rows' }] };
  return { ok: true, ...plan };
}

/** The human text of an import problem. */
export const IMPORT_ISSUE_TEXT: Readonly<Record<DepartmentImportIssue['code'], readonly [string, string]>> = {
  file_unreadable: [
    '文件无法读取，请上传 CSV 或 Excel（.xlsx）文件。',
    'The file cannot be read; upload a CSV or Excel (.xlsx) file.',
  ],
  header_missing: ['第一行应当是表头，并包含「名称」一列。', 'The first row must be a header with a “名称” (name) column.'],
  name_required: ['单位名称不能为空。', 'The name is required.'],
  name_duplicate: ['文件中这个单位名称出现了不止一次。', 'This name appears more than once in the file.'],
  kind_invalid: [
    '单位类型应为：区直部门、乡镇（街道）、公用事业单位、企业或其他。',
    'The kind must be 区直部门, 乡镇（街道）, 公用事业单位, 企业 or 其他.',
  ],
  township_unknown: ['没有这个乡镇（街道）。', 'There is no such township.'],
  phone_invalid: ['联系电话格式不对。', 'The contact phone is not valid.'],
  too_long: ['内容太长了。', 'This text is too long.'],
  no_rows: ['文件中没有任何单位。', 'The file contains no departments.'],
};
