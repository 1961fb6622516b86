/**
 * The seed generator registry. Each generator turns the demo district into SQL statements; the
 * seed script runs them in this order after the reset. To add one (opinions, trainings, …),
 * write `scripts/seed/<name>.ts` exporting a {@link SeedGenerator}, import it here and append it
 * to {@link generators}. Draw randomness from `createRng(deriveSeed(district.seed, '<name>'))`
 * so the new data is deterministic and does not disturb the other generators' streams.
 */
import { deputies, stations, townships, users } from '../../worker/db/schema';
import { hashPassword } from '../../worker/platform/auth/password';
import { departmentsGenerator } from './departments';
import { opinionsGenerator } from './opinions';
import { receptionsGenerator } from './receptions';
import { dutyGenerator } from './duty';
import { insertInto, resetSql } from './sql';
import type { DemoDistrict } from './types';
import { trainingsGenerator } from './trainings';

/** One step of the seed: a name for the summary and the SQL it contributes. */
export interface SeedGenerator {
  name: string;
  /** SQL statements (each ending in `;`), run after those of earlier generators. */
  build(district: DemoDistrict): string[] | Promise<string[]>;
}

/** Townships, stations and deputies, with their explicit ids. */
export const rosterGenerator: SeedGenerator = {
  name: 'roster',
  build(d) {
    const times = { active: true, createdAt: d.createdAt, updatedAt: d.createdAt };
    return [
      ...insertInto(
        townships,
        d.townships.map(({ id, code, name, kind, sortOrder }) => ({ id, code, name, kind, sortOrder, ...times })),
      ),
      ...insertInto(
        stations,
        d.stations.map(({ id, code, name, kind, hostType, townshipId, address }) => ({
          id,
          code,
          name,
          kind,
          hostType,
          townshipId,
          address,
          ...times,
        })),
      ),
      ...insertInto(
        deputies,
        d.deputies.map(({ id, name, level, townshipId, stationId, sector, phone }) => ({
          id,
          name,
          level,
          townshipId,
          stationId,
          sector,
          phone,
          ...times,
        })),
      ),
    ];
  },
};

/** The demo accounts, each with its own salt (so the hashes differ from run to run). */
export const accountsGenerator: SeedGenerator = {
  name: 'accounts',
  async build(d) {
    const rows = [];
    for (const a of d.accounts) {
      const { hash, salt, iterations } = await hashPassword(d.password);
      rows.push({
        id: a.id,
        username: a.username,
        displayName: a.displayName,
        role: a.role,
        townshipId: a.townshipId,
        deputyId: a.deputyId,
        passwordHash: hash,
        passwordSalt: salt,
        passwordIterations: iterations,
        active: true,
        createdAt: d.createdAt,
      });
    }
    return insertInto(users, rows);
  },
};

/** Every generator, in the order their SQL runs (parents before children). */
export const generators: SeedGenerator[] = [
  rosterGenerator,
  accountsGenerator,
  departmentsGenerator,
  opinionsGenerator,
  trainingsGenerator,
  receptionsGenerator,
  dutyGenerator,
];

/**
 * The seed SQL for a district: optionally the reset, then every generator's statements.
 *
 * @example
 * const sql = await buildSeedSql(buildDemoDistrict(), { reset: true });
 */
export async function buildSeedSql(
  district: DemoDistrict,
  { reset = false, list = generators }: { reset?: boolean; list?: readonly SeedGenerator[] } = {},
): Promise<string[]> {
  const out = reset ? resetSql() : [];
  for (const g of list) out.push(...(await g.build(district)));
  return out;
}
