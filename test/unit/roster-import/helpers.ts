/** Shared test data: a tiny roster shaped like the demo seed's, and fixture loading. */
import { readFileSync } from 'node:fs';
import { buildLookups, type DeputyRef, type StationRef, type TownshipRef } from '../../../worker/roster/import';

/** Bytes of a file in test/fixtures/roster. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../fixtures/roster/${name}`, import.meta.url)));
}

export const TOWNSHIPS: TownshipRef[] = [
  { id: 1, code: 'CG', name: '城关街道', active: true },
  { id: 2, code: 'DH', name: '东湖街道', active: true },
  { id: 3, code: 'JS', name: '旧山乡', active: false },
];

export const STATIONS: StationRef[] = [
  { id: 11, code: 'cg01', name: '城关街道人大代表联络站', townshipId: 1, active: true },
  { id: 21, code: 'dh01', name: '东湖街道人大代表联络站', townshipId: 2, active: true },
  { id: 22, code: 'dh02', name: '东湖码头代表联络室', townshipId: 2, active: false },
];

/** Lookups over the test roster plus the given existing deputies. */
export function lookups(deputies: DeputyRef[] = []) {
  return buildLookups({ townships: TOWNSHIPS, stations: STATIONS, deputies });
}
