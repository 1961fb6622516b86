/**
 * Composing the demo opinions' texts: which categories each kind of station hears about,
 * the per-opinion slot filler that keeps the complaint and the replies about the same
 * road, and assembling a text from its parts. The words themselves are in ./opinion-texts.ts.
 */
import { communityName, enterpriseName, PLACE_STEMS, roadName, villageName } from './places';
import type { Rng } from './random';
import * as T from './opinion-texts';
import type { SeedStation, SeedTownship } from './types';

/** Category weights in 街道 and in 乡镇. */
export const URBAN_WEIGHTS: Record<string, number> = {
  road_traffic: 16,
  utilities: 12,
  housing: 14,
  education: 9,
  health: 8,
  social_security: 9,
  employment: 7,
  environment: 10,
  rural_revitalisation: 1,
  public_order: 9,
  other: 5,
};
export const RURAL_WEIGHTS: Record<string, number> = {
  road_traffic: 14,
  utilities: 10,
  housing: 6,
  education: 8,
  health: 8,
  social_security: 10,
  employment: 6,
  environment: 8,
  rural_revitalisation: 20,
  public_order: 5,
  other: 5,
};
/** Categories a kind of station hears more about. */
export const HOST_BOOST: Partial<Record<SeedStation['hostType'], Record<string, number>>> = {
  enterprise: { employment: 3, social_security: 1.5, environment: 1.5 },
  industrial_chain: { employment: 2, rural_revitalisation: 1.5, environment: 1.5 },
  project_site: { road_traffic: 2, environment: 2, employment: 2 },
  household: { rural_revitalisation: 1.5 },
};
/** How busy each kind of station is. */
export const STATION_WEIGHT: Record<SeedStation['hostType'], number> = {
  township: 3,
  community: 1.6,
  enterprise: 0.8,
  project_site: 0.6,
  industrial_chain: 0.8,
  household: 0.7,
};

/** Fills `{slot}`s, drawing each slot once per opinion so the reply names the same road. */
export class Slots {
  private readonly values = new Map<string, string>();
  constructor(
    private readonly rng: Rng,
    private readonly township: SeedTownship,
    readonly urban: boolean,
    fixed: Record<string, string> = {},
  ) {
    for (const [k, v] of Object.entries(fixed)) this.values.set(k, v);
  }
  set(name: string, value: string): this {
    this.values.set(name, value);
    return this;
  }
  get(name: string): string {
    let v = this.values.get(name);
    if (v === undefined) {
      v = this.draw(name);
      this.values.set(name, v);
    }
    return v;
  }
  has(name: string): boolean {
    return this.values.has(name);
  }
  fill(template: string): string {
    return template.replace(/\{(\w+)\}/g, (_, name: string) => this.get(name));
  }
  private draw(name: string): string {
    const r = this.rng;
    const stem = this.township.name.slice(0, 2);
    switch (name) {
      case 'town':
        return this.township.name;
      case 'road':
        return roadName(r, r.chance(0.4) ? stem : r.pick(PLACE_STEMS));
      case 'road2': {
        let v = roadName(r);
        while (v === this.get('road')) v = roadName(r);
        return v;
      }
      case 'community':
        return communityName(r);
      case 'village':
        return villageName(r);
      case 'group':
        return String(r.int(1, 12));
      case 'home':
        return this.urban ? `${this.get('community')}${r.int(1, 30)}栋` : `${this.get('village')}${this.get('group')}组`;
      case 'n':
        return String(r.int(2, 9));
      case 'n2':
        return String(r.int(2, 8) * 10);
      case 'elder':
        return r.pick(['80', '85', '90']);
      case 'midage':
        return r.pick(['40', '45', '50']);
      case 'dur':
        return r.pick(T.DURATIONS);
      case 'crop':
        return r.pick(T.CROPS);
      case 'firm':
        return enterpriseName(r);
      case 'school':
        return `${r.chance(0.5) ? stem : r.pick(PLACE_STEMS)}${r.pick(['小学', '中学', '中心小学', '幼儿园'])}`;
      case 'clinic':
        return this.urban
          ? `${this.get('community')}卫生服务站`
          : r.chance(0.5)
            ? `${this.get('village')}卫生室`
            : `${this.township.name}卫生院`;
      default:
        throw new Error(`opinion texts: unknown slot {${name}}`);
    }
  }
  /** The `place` column: the most specific place the text names. */
  place(): string {
    if (this.has('road2')) return `${this.get('road')}与${this.get('road2')}交叉口`;
    for (const name of ['road', 'school', 'clinic', 'firm', 'home', 'community']) if (this.has(name)) return this.get(name);
    if (this.has('village')) return `${this.get('village')}${this.has('group') ? `${this.get('group')}组` : ''}`;
    return '';
  }
}

/** The parts an opinion's text is made of; duplicates share the problem, impact and request. */
export interface TextParts {
  opening: string;
  /** The problem, with the department that leads on it and what was done. */
  case: T.Case;
  extra: string;
  impact: string;
  request: string;
  closing: string;
}

/** Draws the parts of a new text; problems naming a village are rarer in town, and vice versa. */
export function drawParts(rng: Rng, texts: T.CategoryTexts, slots: Slots): TextParts {
  const picked = rng.weighted(texts.cases, ({ problem: p }) =>
    slots.urban && p.includes('{village}') ? 0.25 : !slots.urban && p.includes('{community}') ? 0.5 : 1,
  );
  return {
    opening: rng.pick(T.OPENINGS),
    case: picked,
    extra: rng.chance(0.3) ? rng.pick(T.EXTRAS) : '',
    impact: rng.pick(texts.impacts),
    request: rng.pick(texts.requests),
    closing: rng.pick(T.CLOSINGS),
  };
}

/** The text from its parts. */
export function compose(p: TextParts, slots: Slots): string {
  return slots.fill(`${p.opening}${p.case.problem}，${p.impact}。${p.extra}${p.request}${p.closing}`);
}

/** '2026-03-12' → '2026年3月12日'. */
export function chineseDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
