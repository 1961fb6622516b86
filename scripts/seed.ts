/// <reference types="node" />
/**
 * Seeds the demo district into D1.
 *
 *   tsx scripts/seed.ts [--reset] [--if-empty] [--remote [--yes]] [--seed N] [--persist-to DIR]
 *                       [--skip-migrations] [--sql-only]
 *
 * Applies the migrations, writes the SQL to .wrangler/seed.sql and runs it with
 * `wrangler d1 execute DB --local --file`. Without --reset it refuses a database that already
 * has townships; --if-empty quietly does nothing then (used by `npm start` on first run).
 * --skip-migrations saves one wrangler start (~4 s) for callers that have just migrated.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDemoDistrict, DEFAULT_SEED } from './seed/district';
import { buildSeedSql, generators } from './seed/generators';
import type { DemoDistrict } from './seed/types';
import { applyMigrations, type D1Target, d1Query, executeFile, ROOT, WranglerError } from './lib/wrangler';

const USAGE =
  'usage: tsx scripts/seed.ts [--reset] [--if-empty] [--remote [--yes]] [--seed N] [--persist-to DIR] [--skip-migrations] [--sql-only]';

/** One line for the terminal: what was seeded. */
function summary(d: DemoDistrict, seconds: number): string {
  const district = d.deputies.filter((x) => x.level === 'district').length;
  const township = d.deputies.length - district;
  return (
    `Seeded demo district (seed ${d.seed}): ${d.townships.length} townships, ${d.stations.length} stations, ` +
    `${district} district + ${township} township deputies, ${d.accounts.length} accounts ` +
    `(${d.accounts.map((a) => a.username).join('/')}, password ${d.password}) in ${seconds.toFixed(1)} s`
  );
}

function townshipCount(target: D1Target): number {
  const [row] = d1Query<{ n: number }>('SELECT count(*) AS n FROM townships', target);
  return Number(row?.n ?? 0);
}

async function main(): Promise<number> {
  const started = performance.now();
  const { values } = parseArgs({
    options: {
      reset: { type: 'boolean', default: false },
      'if-empty': { type: 'boolean', default: false },
      remote: { type: 'boolean', default: false },
      yes: { type: 'boolean', default: false },
      seed: { type: 'string' },
      'persist-to': { type: 'string' },
      'sql-only': { type: 'boolean', default: false },
      'skip-migrations': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (!Number.isSafeInteger(seed)) {
    console.error(`--seed must be an integer\n${USAGE}`);
    return 2;
  }
  const target: D1Target = { remote: values.remote, persistTo: values['persist-to'] };
  // The demo accounts share a published password: never put them on a real database by accident.
  if (target.remote && !values.yes) {
    console.error('Refusing to seed the REMOTE database without --yes: demo accounts have a public password.');
    return 2;
  }

  const district = buildDemoDistrict(seed);
  const statements = await buildSeedSql(district, { reset: values.reset });
  const file = join(ROOT, '.wrangler', 'seed.sql');
  mkdirSync(dirname(file), { recursive: true });
  const header = `-- Lianluo demo district, seed ${seed}; generators: ${generators.map((g) => g.name).join(', ')}\n`;
  writeFileSync(file, `${header}${statements.join('\n')}\n`);
  if (values['sql-only']) {
    console.log(`Wrote ${statements.length} statements to ${relative(process.cwd(), file)}`);
    return 0;
  }

  if (!values['skip-migrations']) applyMigrations(target, { quiet: true });
  if (values['if-empty'] || !values.reset) {
    const count = townshipCount(target);
    if (count > 0 && values['if-empty']) {
      console.log(`Demo district not seeded: the database already has ${count} townships.`);
      return 0;
    }
    if (count > 0) {
      console.error(`The database already has ${count} townships; run with --reset to wipe and reseed.`);
      return 1;
    }
  }
  executeFile(file, target, { quiet: true });
  console.log(summary(district, (performance.now() - started) / 1000));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof WranglerError) console.error(err.message);
    else console.error(err);
    process.exit(1);
  },
);
