/**
 * Deputies of the demo district: 274 district deputies over all townships and 561 township
 * deputies over the 乡 and 镇 (a 街道 has no people's congress of its own, only a 人大工委, so it
 * has district deputies only). Most are attached to a station of their own township.
 */
import type { Gender, NameSource } from './names';
import { apportion, type Rng } from './random';
import type { HouseholdHost } from './stations';
import type { HostType, SeedDeputy, SeedStation, SeedTownship } from './types';

/** Numbers of deputies elected, from the chairman's speech (DOMAIN.md). */
export const DEPUTY_COUNTS = { district: 274, township: 561 } as const;

/** Share of deputies with no station yet (newly elected, not assigned). */
const UNATTACHED_SHARE = 0.08;
/** Share of women among deputies. */
const FEMALE_SHARE = 0.32;

type SectorTable = ReadonlyArray<[string, number]>;

/** 界别/行业 weights: district deputies in 街道, district deputies in 乡镇, township deputies. */
const SECTORS: Record<'districtUrban' | 'districtRural' | 'township', SectorTable> = {
  districtUrban: [
    ['机关干部', 18],
    ['企业负责人', 20],
    ['专业技术人员', 14],
    ['社区工作者', 12],
    ['工人', 8],
    ['教育', 9],
    ['医疗卫生', 8],
    ['个体工商户', 5],
    ['农民', 2],
    ['村干部', 1],
  ],
  districtRural: [
    ['机关干部', 14],
    ['企业负责人', 14],
    ['农民', 16],
    ['村干部', 14],
    ['专业技术人员', 8],
    ['工人', 8],
    ['教育', 8],
    ['医疗卫生', 6],
    ['个体工商户', 6],
    ['社区工作者', 2],
  ],
  township: [
    ['农民', 22],
    ['村干部', 18],
    ['个体工商户', 10],
    ['机关干部', 10],
    ['企业负责人', 9],
    ['工人', 8],
    ['教育', 8],
    ['医疗卫生', 6],
    ['专业技术人员', 6],
    ['社区工作者', 3],
  ],
};

/** How likely a deputy of each level is placed at a station of each host type. */
const STATION_AFFINITY: Record<SeedDeputy['level'], Record<HostType, number>> = {
  district: { township: 4, community: 1, enterprise: 1.5, industrial_chain: 1.5, project_site: 1, household: 0 },
  township: { township: 2, community: 2, enterprise: 1, industrial_chain: 1, project_site: 0.5, household: 0.2 },
};

/** Mobile number segments of the three carriers (all of them 1[3-9]x). */
const MOBILE_PREFIXES = [
  ...'130 131 132 133 134 135 136 137 138 139 147 150 151 152 153 155 156 157 158 159 166 173 175 176 177 178 180 181 182 183 184 185 186 187 188 189 191 193 195 198 199'.split(
    ' ',
  ),
];

/**
 * A source of unique, random-looking mobile numbers. Suffixes with four equal digits in a row
 * (the "lucky numbers" people recognise) are skipped.
 */
export function createPhoneSource(rng: Rng): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      let suffix = '';
      for (let i = 0; i < 8; i++) suffix += String(rng.int(0, 9));
      const phone = rng.pick(MOBILE_PREFIXES) + suffix;
      if (/(\d)\1{3}/.test(suffix) || used.has(phone)) continue;
      used.add(phone);
      return phone;
    }
  };
}

function sectorTable(level: SeedDeputy['level'], t: SeedTownship): SectorTable {
  if (level === 'township') return SECTORS.township;
  return t.kind === 'subdistrict' ? SECTORS.districtUrban : SECTORS.districtRural;
}

/**
 * Builds every deputy: district deputies first (ids 1–274, grouped by township), then township
 * deputies. Deputy 1 is a district deputy of township 1 at station 1 (the demo deputy account).
 * Every household station's host is one of its township's deputies, and every station ends up
 * with at least one deputy.
 */
export function buildDeputies(
  rng: Rng,
  names: NameSource,
  townships: readonly SeedTownship[],
  stations: readonly SeedStation[],
  households: readonly HouseholdHost[],
): SeedDeputy[] {
  const phone = createPhoneSource(rng);
  const congressTownships = townships.filter((t) => t.kind !== 'subdistrict');
  const perLevel: Array<[SeedDeputy['level'], readonly SeedTownship[], number[]]> = [
    [
      'district',
      townships,
      apportion(
        DEPUTY_COUNTS.district,
        townships.map((t) => t.weight),
      ),
    ],
    [
      'township',
      congressTownships,
      apportion(
        DEPUTY_COUNTS.township,
        congressTownships.map((t) => t.weight),
      ),
    ],
  ];
  const stationsOf = (townshipId: number) => stations.filter((s) => s.townshipId === townshipId);
  const pendingHosts = [...households];
  const deputies: SeedDeputy[] = [];

  for (const [level, list, counts] of perLevel) {
    list.forEach((t, index) => {
      const own = stationsOf(t.id);
      for (let n = 0; n < (counts[index] ?? 0); n++) {
        const hostAt = pendingHosts.findIndex((h) => own.some((s) => s.id === h.stationId));
        // Household hosts are township deputies where the township has them.
        const host =
          hostAt >= 0 && (level === 'township' || !congressTownships.includes(t)) ? pendingHosts.splice(hostAt, 1)[0] : undefined;
        const gender: Gender = rng.chance(FEMALE_SHARE) ? 'female' : 'male';
        let stationId: number | null = null;
        if (host) stationId = host.stationId;
        else if (deputies.length === 0) stationId = own[0]?.id ?? null;
        else if (!rng.chance(UNATTACHED_SHARE)) {
          const candidates = own.filter((s) => STATION_AFFINITY[level][s.hostType] > 0);
          if (candidates.length > 0) stationId = rng.weighted(candidates, (s) => STATION_AFFINITY[level][s.hostType]).id;
        }
        deputies.push({
          id: deputies.length + 1,
          name: host ? host.name : names.next(gender),
          level,
          townshipId: t.id,
          stationId,
          sector: rng.weighted(sectorTable(level, t), ([, w]) => w)[0],
          phone: phone(),
        });
      }
    });
  }
  if (pendingHosts.length > 0) throw new Error(`household stations without a host: ${pendingHosts.length}`);
  staffEmptyStations(rng, stations, deputies);
  return deputies;
}

/** Moves a deputy from the township's own station (never deputy 1) to each station left empty. */
function staffEmptyStations(rng: Rng, stations: readonly SeedStation[], deputies: SeedDeputy[]): void {
  for (const s of stations) {
    if (deputies.some((d) => d.stationId === s.id)) continue;
    const movable = deputies.filter(
      (d) => d.id !== 1 && d.townshipId === s.townshipId && (d.stationId === null || d.stationId === s.townshipId),
    );
    if (movable.length === 0) throw new Error(`no deputy to staff station ${s.name}`);
    rng.pick(movable).stationId = s.id;
  }
}
