/**
 * The demo district's 承办单位: about twenty district bodies and utilities plus every
 * township's government, with the `zhujian` (区住房和城乡建设局) and `jiaotong` (区交通运输局)
 * accounts linked to theirs. Pure and deterministic: the opinions generator routes the demo
 * year to the same ids through {@link departmentDirectory}.
 */
import { departmentMembers, departments, replyTemplates } from '../../worker/db/schema';
import type { DepartmentKind } from '../../worker/db/schema';
import type { SeedGenerator } from './generators';
import { insertInto } from './sql';
import type { DemoDistrict } from './types';

/** One demo department; `aliases` are the names the opinion texts use for it. */
export interface SeedDepartment {
  id: number;
  name: string;
  shortName: string;
  kind: DepartmentKind;
  townshipId: number | null;
  contactName: string;
  contactPhone: string;
  aliases: string[];
}

const DISTRICT: [name: string, short: string, kind: DepartmentKind, aliases: string[]][] = [
  ['区住房和城乡建设局', '区住建局', 'district_agency', ['区住建局']],
  ['区交通运输局', '区交通局', 'district_agency', []],
  ['区教育局', '', 'district_agency', []],
  ['区卫生健康局', '区卫健局', 'district_agency', []],
  ['区人力资源和社会保障局', '区人社局', 'district_agency', ['区就业服务中心', '区劳动保障监察大队']],
  ['区生态环境分局', '', 'district_agency', []],
  ['区农业农村局', '区农业局', 'district_agency', []],
  ['区水务局', '', 'district_agency', []],
  ['区城市管理局', '区城管局', 'district_agency', []],
  ['区民政局', '', 'district_agency', ['区残联']],
  ['区市场监督管理局', '区市场监管局', 'district_agency', []],
  ['区公安分局', '', 'district_agency', ['区公安分局交警大队']],
  ['区自然资源局', '', 'district_agency', []],
  ['区文化和旅游局', '区文旅局', 'district_agency', []],
  ['区商务局', '', 'district_agency', []],
  ['区医疗保障局', '区医保局', 'district_agency', []],
  ['区政务服务中心', '', 'district_agency', []],
  ['国网供电公司', '供电公司', 'utility', ['区供电公司']],
  ['市自来水公司', '自来水公司', 'utility', []],
  ['城市燃气公司', '燃气公司', 'utility', []],
];

/** Every demo department, ids from 1, district bodies first, then one government per township. */
export function demoDepartments(d: Pick<DemoDistrict, 'townships'>): SeedDepartment[] {
  const out: SeedDepartment[] = DISTRICT.map(([name, shortName, kind, aliases], i) => ({
    id: i + 1,
    name,
    shortName,
    kind,
    townshipId: null,
    contactName: '',
    contactPhone: `0571-8${String(6000000 + i * 137).slice(0, 7)}`,
    aliases,
  }));
  for (const t of d.townships) {
    const gov = t.kind === 'subdistrict' ? `${t.name}办事处` : `${t.name}人民政府`;
    out.push({
      id: out.length + 1,
      name: gov,
      shortName: '',
      kind: 'township_government',
      townshipId: t.id,
      contactName: '',
      contactPhone: '',
      // The texts write a township's police station as {town}派出所: the district police handle it.
      aliases: [],
    });
  }
  return out;
}

/** Looks up the department the demo texts mean by a name, or null. */
export function departmentDirectory(list: readonly SeedDepartment[]) {
  const byName = new Map<string, SeedDepartment>();
  for (const dep of list) {
    byName.set(dep.name, dep);
    if (dep.shortName) byName.set(dep.shortName, dep);
    for (const a of dep.aliases) byName.set(a, dep);
  }
  const police = byName.get('区公安分局') ?? null;
  return (name: string): SeedDepartment | null => byName.get(name) ?? (name.endsWith('派出所') ? police : null);
}

/** The demo accounts of departments, by username → department name. */
export const DEPARTMENT_ACCOUNTS: Readonly<Record<string, string>> = {
  zhujian: '区住房和城乡建设局',
  jiaotong: '区交通运输局',
};

/** 常用语 the district starts with (admins edit them). */
const TEMPLATES: [purpose: 'reply' | 'answer' | 'progress' | 'return' | 'extension', title: string, body: string][] = [
  ['return', '不属于本单位职责', '经核实，该事项不属于{department}职责范围，建议交由相关主管部门办理。'],
  ['return', '需由属地办理', '该事项需由{township}属地协调办理，请改派。'],
  ['extension', '需采购材料', '办理所需材料需要采购，申请将办理期限延长至{deadline}。'],
  ['extension', '需协调多个部门', '该事项涉及多个部门，协调需要时间，申请将办理期限延长至{deadline}。'],
  ['progress', '已现场勘查', '{department}已安排人员现场勘查，正在制定处理方案。'],
  ['answer', '已办结', '经{department}办理，问题已解决。感谢您的反映，欢迎继续监督。'],
  ['reply', '已交办', '您反映的问题已交{department}办理，办理期限为{deadline}。'],
];

/** Departments and the links of their accounts (accounts come from the accounts generator). */
export const departmentsGenerator: SeedGenerator = {
  name: 'departments',
  build(d) {
    const list = demoDepartments(d);
    const rows = list.map(({ aliases: _a, ...dep }) => ({
      ...dep,
      active: true,
      createdAt: d.createdAt,
      updatedAt: d.createdAt,
    }));
    const members = Object.entries(DEPARTMENT_ACCOUNTS).flatMap(([username, name]) => {
      const account = d.accounts.find((a) => a.username === username);
      const dep = list.find((x) => x.name === name);
      return account && dep ? [{ userId: account.id, departmentId: dep.id }] : [];
    });
    const templates = TEMPLATES.map(([purpose, title, body], i) => ({
      purpose,
      title,
      body,
      sortOrder: i,
      active: true,
      createdAt: d.createdAt,
      updatedAt: d.createdAt,
    }));
    return [
      ...insertInto(departments, rows),
      ...insertInto(departmentMembers, members),
      ...insertInto(replyTemplates, templates),
    ];
  },
};
