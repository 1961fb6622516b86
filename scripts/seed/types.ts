/**
 * The demo district as plain data. Every row carries its explicit integer id, so later
 * generators (opinions, trainings, receptions) can refer to townships, stations, deputies and
 * accounts without reading the database back.
 */

/** A township (乡, kind 'township'), town (镇, 'town') or sub-district (街道, 'subdistrict'). */
export interface SeedTownship {
  id: number;
  /** Stable import key: 3-digit township-level division code (街道 0xx, 镇 1xx, 乡 2xx). */
  code: string;
  name: string;
  kind: 'township' | 'town' | 'subdistrict';
  sortOrder: number;
  /** Relative population, steering how many deputies and stations it gets. */
  weight: number;
}

/** Who hosts a liaison station; mirrors `stations.host_type`. */
export type HostType = 'township' | 'community' | 'enterprise' | 'project_site' | 'industrial_chain' | 'household';

/** A liaison station (站, 'station') or room/point (室/点, 'room'). */
export interface SeedStation {
  id: number;
  /** Public 6-character code for the QR URL `/s/<code>`; alphabet without 0/O/1/I/L. */
  code: string;
  name: string;
  kind: 'station' | 'room';
  hostType: HostType;
  townshipId: number;
  address: string;
}

/** A deputy of the district (区) or township (乡镇) people's congress. */
export interface SeedDeputy {
  id: number;
  name: string;
  level: 'district' | 'township';
  townshipId: number;
  /** A station of the same township, or null for the few attached to none. */
  stationId: number | null;
  /** 界别/行业, e.g. 农民, 企业负责人. */
  sector: string;
  /** Unique mainland mobile number, 11 digits. */
  phone: string;
}

/** A demo sign-in. All share {@link DemoDistrict.password}. */
export interface SeedAccount {
  id: number;
  username: string;
  displayName: string;
  role: 'admin' | 'staff' | 'leader' | 'deputy' | 'department';
  /** Set for township-scoped staff. */
  townshipId: number | null;
  /** Set for the deputy account. */
  deputyId: number | null;
}

/** The whole demo district, deterministic for a given seed. */
export interface DemoDistrict {
  seed: number;
  /** Epoch ms used for every created_at/updated_at of the roster. */
  createdAt: number;
  /** Plain-text password of every demo account (it is a demo). */
  password: string;
  townships: SeedTownship[];
  stations: SeedStation[];
  deputies: SeedDeputy[];
  accounts: SeedAccount[];
}
