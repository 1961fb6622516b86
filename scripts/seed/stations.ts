/**
 * Townships and liaison stations of the demo district. Townships 1 and 2 are always 城关街道 and
 * 东湖街道, and station n (n ≤ number of townships) is township n's own 人大代表联络站.
 */
import type { NameSource } from './names';
import {
  chainProduct,
  communityName,
  enterpriseName,
  PLACE_STEMS,
  projectName,
  roadName,
  streetAddress,
  villageName,
} from './places';
import type { Rng } from './random';
import type { HostType, SeedStation, SeedTownship } from './types';

/** Alphabet of public station codes: no 0/O, 1/I/L, which people misread off a poster. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** Length of a public station code. */
export const CODE_LENGTH = 6;

const SUFFIX = { subdistrict: '街道', town: '镇', township: '乡' } as const;
/** 街道 first, then 镇, then 乡, as official lists order them; codes follow the division-code ranges. */
const LAYOUT = [
  { kind: 'subdistrict', count: 4, codeBase: 0, weight: [0.9, 1.3] },
  { kind: 'town', count: 5, codeBase: 100, weight: [0.7, 1.2] },
  { kind: 'township', count: 3, codeBase: 200, weight: [0.35, 0.6] },
] as const;

/** Fixed townships the demo accounts and the README rely on. */
const FIXED = [
  { stem: '城关', weight: 1.6 },
  { stem: '东湖', weight: 1.4 },
] as const;

/**
 * The district's 12 townships: 4 街道 (城关, 东湖 and two more), 5 镇 and 3 乡, each with a
 * randomised population weight.
 */
export function buildTownships(rng: Rng): SeedTownship[] {
  const stems = rng.shuffle(PLACE_STEMS);
  const out: SeedTownship[] = [];
  for (const group of LAYOUT) {
    for (let i = 0; i < group.count; i++) {
      const fixed = group.kind === 'subdistrict' ? FIXED[i] : undefined;
      const stem = fixed ? fixed.stem : (stems.pop() as string);
      const weight = fixed ? fixed.weight : group.weight[0] + rng.next() * (group.weight[1] - group.weight[0]);
      const id = out.length + 1;
      out.push({
        id,
        code: String(group.codeBase + i + 1).padStart(3, '0'),
        name: stem + SUFFIX[group.kind],
        kind: group.kind,
        sortOrder: id,
        weight: Math.round(weight * 100) / 100,
      });
    }
  }
  return out;
}

/**
 * Extra stations beyond each township's own, by host type: one village or community room in
 * every township, then 16 more spread by suitability, so 40 in all.
 */
const EXTRA: ReadonlyArray<[HostType, number]> = [
  ['community', 4],
  ['enterprise', 6],
  ['project_site', 2],
  ['industrial_chain', 2],
  ['household', 2],
];
const HOST_ORDER: readonly HostType[] = ['township', 'community', 'enterprise', 'industrial_chain', 'project_site', 'household'];

/** How suitable a township is for a host type (街道 host firms and projects, 乡 host farms). */
function suitability(host: HostType, t: SeedTownship): number {
  const table: Record<HostType, Record<SeedTownship['kind'], number>> = {
    township: { subdistrict: 1, town: 1, township: 1 },
    community: { subdistrict: 1, town: 1, township: 1 },
    enterprise: { subdistrict: 1, town: 1, township: 0.15 },
    project_site: { subdistrict: 1, town: 0.6, township: 0.2 },
    industrial_chain: { subdistrict: 0.4, town: 1, township: 1 },
    household: { subdistrict: 0, town: 1, township: 1.5 },
  };
  return table[host][t.kind] * t.weight;
}

/** A household station's host: the deputy who must later be created with this name. */
export interface HouseholdHost {
  stationId: number;
  name: string;
}

interface Draft extends Omit<SeedStation, 'id' | 'code'> {
  hostName?: string;
}

function stemOf(t: SeedTownship): string {
  return t.name.slice(0, -SUFFIX[t.kind].length);
}

function draftExtra(rng: Rng, names: NameSource, host: HostType, t: SeedTownship): Draft {
  const urban = t.kind === 'subdistrict';
  const base = { hostType: host, townshipId: t.id };
  switch (host) {
    case 'community': {
      if (urban || rng.chance(0.15)) {
        const c = communityName(rng);
        return { ...base, name: `${c}代表联络室`, kind: 'room', address: `${t.name}${streetAddress(rng)}${c}党群服务中心` };
      }
      const v = villageName(rng);
      return { ...base, name: `${v}代表联络室`, kind: 'room', address: `${t.name}${v}村民委员会` };
    }
    case 'enterprise': {
      const park = rng.pick(['工业园', '产业园', '经济开发区']);
      return {
        ...base,
        name: `${enterpriseName(rng)}代表联络室`,
        kind: 'room',
        address: `${t.name}${park}${streetAddress(rng)}`,
      };
    }
    case 'project_site': {
      const [a, b] = rng.sample(PLACE_STEMS, 2) as [string, string];
      const address = `${t.name}${roadName(rng, a)}与${roadName(rng, b)}交叉口`;
      return { ...base, name: `${projectName(rng)}项目部代表联络点`, kind: 'room', address };
    }
    case 'industrial_chain': {
      const product = chainProduct(rng, urban);
      return {
        ...base,
        name: `${stemOf(t)}${product}产业链代表联络站`,
        kind: 'station',
        address: `${t.name}${product}产业园${streetAddress(rng)}`,
      };
    }
    case 'household': {
      const hostName = names.next(rng.chance(0.35) ? 'female' : 'male');
      const address = `${t.name}${villageName(rng)}${rng.int(1, 12)}组${rng.int(1, 60)}号`;
      return { ...base, name: `${hostName}家庭代表联络室`, kind: 'room', address, hostName };
    }
    case 'township':
      throw new Error('township stations are not extras');
  }
}

/**
 * All stations: township n's own station gets id n, the extras follow sorted by township and
 * host type. Household stations come with the name of the deputy whose home hosts them.
 */
export function buildStations(
  rng: Rng,
  names: NameSource,
  townships: readonly SeedTownship[],
): { stations: SeedStation[]; households: HouseholdHost[] } {
  const drafts: Draft[] = townships.map((t) => ({
    name: `${t.name}人大代表联络站`,
    kind: 'station',
    hostType: 'township',
    townshipId: t.id,
    address: `${t.name}${streetAddress(rng, stemOf(t))}`,
  }));
  const usedNames = new Set(drafts.map((d) => d.name));
  const perTownship = new Map<number, number>();
  const extras: Draft[] = [];
  const picks: Array<[HostType, SeedTownship | null]> = [
    ...townships.map((t): [HostType, SeedTownship] => ['community', t]),
    ...EXTRA.flatMap(([host, count]) => Array.from({ length: count }, (): [HostType, null] => [host, null])),
  ];
  for (const [host, fixed] of picks) {
    // Fewer picks for a township that already has many, so stations spread out.
    const t = fixed ?? rng.weighted(townships, (x) => suitability(host, x) / (1 + (perTownship.get(x.id) ?? 0)));
    let draft = draftExtra(rng, names, host, t);
    for (let tries = 0; usedNames.has(draft.name) && tries < 50; tries++) draft = draftExtra(rng, names, host, t);
    if (usedNames.has(draft.name)) throw new Error(`no unique station name for ${host} in ${t.name}`);
    usedNames.add(draft.name);
    perTownship.set(t.id, (perTownship.get(t.id) ?? 0) + 1);
    extras.push(draft);
  }
  extras.sort((a, b) => a.townshipId - b.townshipId || HOST_ORDER.indexOf(a.hostType) - HOST_ORDER.indexOf(b.hostType));
  const codes = new Set<string>();
  const stations: SeedStation[] = [];
  const households: HouseholdHost[] = [];
  for (const draft of [...drafts, ...extras]) {
    let code = rng.string(CODE_ALPHABET, CODE_LENGTH);
    while (codes.has(code)) code = rng.string(CODE_ALPHABET, CODE_LENGTH);
    codes.add(code);
    const { hostName, ...row } = draft;
    const station: SeedStation = { id: stations.length + 1, code, ...row };
    stations.push(station);
    if (hostName) households.push({ stationId: station.id, name: hostName });
  }
  return { stations, households };
}
