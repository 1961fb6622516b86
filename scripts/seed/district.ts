/**
 * The demo district: townships, liaison stations, deputies and demo accounts, generated from one
 * seed. Pure and synchronous; turning it into SQL is the generators' job (./generators.ts).
 */
import { buildDeputies } from './deputies';
import { createNameSource } from './names';
import { createRng, deriveSeed } from './random';
import { buildStations, buildTownships } from './stations';
import type { DemoDistrict, SeedAccount, SeedDeputy, SeedTownship } from './types';

export type * from './types';

/** The default seed: the day the project started. */
export const DEFAULT_SEED = 20261125;

/** Password of every demo account. Demo only: never seed a real deployment with it. */
export const DEMO_PASSWORD = 'lianluo2026';

/** Roster creation time: 2026-01-08 09:30 China time, shortly after the election. */
export const ROSTER_CREATED_AT = Date.UTC(2026, 0, 8, 1, 30);

function requireTownship(townships: readonly SeedTownship[], name: string): SeedTownship {
  const t = townships.find((x) => x.name === name);
  if (!t) throw new Error(`demo district lacks ${name}`);
  return t;
}

/** The six demo sign-ins: one per role, plus township-scoped staff for 城关 and 东湖. */
function buildAccounts(townships: readonly SeedTownship[], deputies: readonly SeedDeputy[]): SeedAccount[] {
  const chengguan = requireTownship(townships, '城关街道');
  const donghu = requireTownship(townships, '东湖街道');
  // The township's own station has the township's id (see stations.ts).
  const deputy = deputies.find((d) => d.level === 'district' && d.townshipId === chengguan.id && d.stationId === chengguan.id);
  if (!deputy) throw new Error('no district deputy at 城关街道人大代表联络站');
  const rows: Array<Omit<SeedAccount, 'id'>> = [
    { username: 'admin', displayName: '系统管理员', role: 'admin', townshipId: null, deputyId: null },
    { username: 'staff', displayName: '区代表服务中心', role: 'staff', townshipId: null, deputyId: null },
    { username: 'chengguan', displayName: '城关街道人大工委', role: 'staff', townshipId: chengguan.id, deputyId: null },
    { username: 'donghu', displayName: '东湖街道人大工委', role: 'staff', townshipId: donghu.id, deputyId: null },
    { username: 'leader', displayName: '区人大常委会领导', role: 'leader', townshipId: null, deputyId: null },
    { username: 'deputy', displayName: deputy.name, role: 'deputy', townshipId: null, deputyId: deputy.id },
    // 承办单位 accounts, linked to their departments by scripts/seed/departments.ts.
    { username: 'zhujian', displayName: '住建局办理专员', role: 'department', townshipId: null, deputyId: null },
    { username: 'jiaotong', displayName: '交通运输局办理专员', role: 'department', townshipId: null, deputyId: null },
  ];
  return rows.map((row, i) => ({ id: i + 1, ...row }));
}

/**
 * Builds the demo district. Same seed, same district, down to every phone number and code.
 * Each part draws from its own random stream, so a change to one part leaves the others alone.
 *
 * @example
 * const d = buildDemoDistrict();
 * d.townships[0].name;                                   // '城关街道'
 * d.deputies.filter((x) => x.level === 'district').length; // 274
 */
export function buildDemoDistrict(seed: number = DEFAULT_SEED): DemoDistrict {
  const names = createNameSource(createRng(deriveSeed(seed, 'names')));
  const townships = buildTownships(createRng(deriveSeed(seed, 'townships')));
  const { stations, households } = buildStations(createRng(deriveSeed(seed, 'stations')), names, townships);
  const deputies = buildDeputies(createRng(deriveSeed(seed, 'deputies')), names, townships, stations, households);
  return {
    seed,
    createdAt: ROSTER_CREATED_AT,
    password: DEMO_PASSWORD,
    townships,
    stations,
    deputies,
    accounts: buildAccounts(townships, deputies),
  };
}
