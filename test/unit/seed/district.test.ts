import { describe, expect, it } from 'vitest';
import { buildDemoDistrict, DEFAULT_SEED, DEMO_PASSWORD } from '../../../scripts/seed/district';
import { CODE_ALPHABET } from '../../../scripts/seed/stations';

const d = buildDemoDistrict();

describe('buildDemoDistrict', () => {
  it('is deterministic: the same seed gives an identical district, another seed another one', () => {
    expect(buildDemoDistrict(DEFAULT_SEED)).toEqual(d);
    const other = buildDemoDistrict(1);
    expect(other.deputies.map((x) => x.phone)).not.toEqual(d.deputies.map((x) => x.phone));
    expect(other.stations.map((x) => x.code)).not.toEqual(d.stations.map((x) => x.code));
  });

  it('has the speech’s numbers of deputies, about 12 townships and about 40 stations', () => {
    expect(d.deputies.filter((x) => x.level === 'district')).toHaveLength(274);
    expect(d.deputies.filter((x) => x.level === 'township')).toHaveLength(561);
    expect(d.townships.length).toBeGreaterThanOrEqual(10);
    expect(d.townships.length).toBeLessThanOrEqual(14);
    expect(d.stations.length).toBeGreaterThanOrEqual(35);
    expect(d.stations.length).toBeLessThanOrEqual(45);
  });

  it('numbers every entity 1..n with explicit ids', () => {
    for (const list of [d.townships, d.stations, d.deputies, d.accounts]) {
      expect(list.map((x) => x.id)).toEqual(list.map((_, i) => i + 1));
    }
  });

  it('has 城关街道 and 东湖街道 as townships 1 and 2, with their stations under exact names', () => {
    expect(d.townships[0]).toMatchObject({ id: 1, name: '城关街道', kind: 'subdistrict' });
    expect(d.townships[1]).toMatchObject({ id: 2, name: '东湖街道', kind: 'subdistrict' });
    expect(d.stations.find((s) => s.name === '城关街道人大代表联络站')).toMatchObject({ townshipId: 1, kind: 'station' });
    expect(d.stations.find((s) => s.name === '东湖街道人大代表联络站')).toMatchObject({ townshipId: 2, kind: 'station' });
  });

  it('mixes 乡, 镇 and 街道 with unique names and codes', () => {
    const kinds = new Set(d.townships.map((t) => t.kind));
    expect(kinds).toEqual(new Set(['township', 'town', 'subdistrict']));
    for (const t of d.townships) expect(t.name).toMatch(t.kind === 'township' ? /乡$/ : t.kind === 'town' ? /镇$/ : /街道$/);
    expect(new Set(d.townships.map((t) => t.name)).size).toBe(d.townships.length);
    expect(new Set(d.townships.map((t) => t.code)).size).toBe(d.townships.length);
  });

  it('hosts stations at townships, communities, enterprises, project sites, industrial chains and households', () => {
    expect(new Set(d.stations.map((s) => s.hostType))).toEqual(
      new Set(['township', 'community', 'enterprise', 'project_site', 'industrial_chain', 'household']),
    );
    const patterns: Record<string, RegExp> = {
      township: /^.+(街道|镇|乡)人大代表联络站$/,
      community: /^.+(村|社区)代表联络室$/,
      enterprise: /^.+有限公司代表联络室$/,
      project_site: /^.+项目部代表联络点$/,
      industrial_chain: /^.+产业链代表联络站$/,
      household: /^.+家庭代表联络室$/,
    };
    for (const s of d.stations) {
      expect(s.name).toMatch(patterns[s.hostType] ?? /never/);
      expect(s.address.startsWith(d.townships[s.townshipId - 1]?.name ?? '?')).toBe(true);
    }
    expect(new Set(d.stations.map((s) => s.name)).size).toBe(d.stations.length);
  });

  it('gives every station a unique 6-character code without 0/O/1/I/L', () => {
    const codes = d.stations.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it('gives every deputy a unique valid mainland mobile number', () => {
    const phones = d.deputies.map((x) => x.phone);
    expect(new Set(phones).size).toBe(phones.length);
    for (const p of phones) expect(p).toMatch(/^1[3-9]\d{9}$/);
  });

  it('attaches most deputies, always to a station of their own township, and staffs every station', () => {
    const byId = new Map(d.stations.map((s) => [s.id, s]));
    const attached = d.deputies.filter((x) => x.stationId !== null);
    for (const x of attached) expect(byId.get(x.stationId as number)?.townshipId).toBe(x.townshipId);
    expect(attached.length / d.deputies.length).toBeGreaterThan(0.8);
    expect(attached.length).toBeLessThan(d.deputies.length);
    for (const s of d.stations) expect(d.deputies.some((x) => x.stationId === s.id)).toBe(true);
  });

  it('spreads deputies unevenly over townships; 街道 have district deputies only', () => {
    const perTownship = d.townships.map((t) => d.deputies.filter((x) => x.townshipId === t.id).length);
    expect(Math.min(...perTownship)).toBeGreaterThan(0);
    expect(Math.max(...perTownship)).toBeGreaterThan(2 * Math.min(...perTownship));
    for (const t of d.townships.filter((x) => x.kind === 'subdistrict')) {
      expect(d.deputies.some((x) => x.townshipId === t.id && x.level === 'township')).toBe(false);
    }
  });

  it('gives deputies unique Chinese names and a sector, with 农民 common among township deputies', () => {
    expect(new Set(d.deputies.map((x) => x.name)).size).toBe(d.deputies.length);
    for (const x of d.deputies) {
      expect(x.name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
      expect(x.sector).not.toBe('');
    }
    const farmers = d.deputies.filter((x) => x.level === 'township' && x.sector === '农民').length;
    expect(farmers).toBeGreaterThan(60);
  });

  it('names each household station after one of its township’s deputies who belongs to it', () => {
    for (const s of d.stations.filter((x) => x.hostType === 'household')) {
      const host = s.name.replace('家庭代表联络室', '');
      expect(d.deputies.find((x) => x.name === host)).toMatchObject({ stationId: s.id, townshipId: s.townshipId });
    }
  });

  it('has the demo accounts, the deputy being a district deputy at 城关街道人大代表联络站', () => {
    expect(d.password).toBe(DEMO_PASSWORD);
    expect(d.accounts.map((a) => [a.username, a.role, a.townshipId])).toEqual([
      ['admin', 'admin', null],
      ['staff', 'staff', null],
      ['chengguan', 'staff', 1],
      ['donghu', 'staff', 2],
      ['leader', 'leader', null],
      ['deputy', 'deputy', null],
      ['zhujian', 'department', null],
      ['jiaotong', 'department', null],
    ]);
    const account = d.accounts[5];
    const deputy = d.deputies.find((x) => x.id === account?.deputyId);
    expect(deputy).toMatchObject({ level: 'district', townshipId: 1, stationId: 1 });
    expect(account?.displayName).toBe(deputy?.name);
  });
});
