/// <reference types="node" />
/**
 * Creates an administrator account (the first one on a fresh deployment, or another later).
 *
 *   tsx scripts/admin-create.ts <username> [--name 显示名] [--remote] [--persist-to DIR]
 *
 * The password comes from LIANLUO_ADMIN_PASSWORD, or is asked for twice on the terminal
 * without echo. It must pass passwordProblem(). An existing username (any letter case) is refused.
 */
import { parseArgs } from 'node:util';
import { users } from '../worker/db/schema';
import { hashPassword, passwordProblem } from '../worker/platform/auth/password';
import { promptHidden } from './lib/prompt';
import { type D1Target, d1Query, WranglerError } from './lib/wrangler';
import { insertInto, sqlString } from './seed/sql';

const USAGE = 'usage: tsx scripts/admin-create.ts <username> [--name 显示名] [--remote] [--persist-to DIR]';
/** Letters, digits and . _ - @, starting with a letter or digit, 2–64 characters. */
const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$/;

const PROBLEMS = {
  too_short: 'the password needs at least 10 characters',
  too_simple: 'the password is a trivial pattern (repeated characters, a keyboard row, digits only)',
  too_common: 'the password is a well-known one (a common word with digits around it)',
  contains_username: 'the password contains the username',
} as const;

async function readPassword(): Promise<string> {
  const fromEnv = process.env.LIANLUO_ADMIN_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) {
    throw new Error('no terminal to ask for the password: set LIANLUO_ADMIN_PASSWORD');
  }
  for (;;) {
    const first = await promptHidden('Password: ');
    const problem = passwordProblem(first);
    if (problem) {
      console.error(`Not accepted: ${PROBLEMS[problem]}.`);
      continue;
    }
    if ((await promptHidden('Repeat password: ')) === first) return first;
    console.error('The two entries differ; try again.');
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: 'string', default: '系统管理员' },
      remote: { type: 'boolean', default: false },
      'persist-to': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [username, ...extra] = positionals;
  if (!username || extra.length > 0) {
    console.error(USAGE);
    return 2;
  }
  if (!USERNAME.test(username)) {
    console.error('The username may hold letters, digits and . _ - @ (2–64 characters, starting with a letter or digit).');
    return 2;
  }
  const displayName = values.name.trim();
  if (displayName === '' || displayName.length > 64) {
    console.error('--name must be 1–64 characters.');
    return 2;
  }
  const target: D1Target = { remote: values.remote, persistTo: values['persist-to'] };

  const existing = d1Query(`SELECT id FROM users WHERE lower(username) = lower(${sqlString(username)})`, target);
  if (existing.length > 0) {
    console.error(`The username "${username}" is taken.`);
    return 1;
  }
  const password = await readPassword();
  const problem = passwordProblem(password);
  if (problem) {
    console.error(`LIANLUO_ADMIN_PASSWORD not accepted: ${PROBLEMS[problem]}.`);
    return 2;
  }
  const { hash, salt, iterations } = await hashPassword(password);
  const [insert] = insertInto(users, [
    {
      username,
      displayName,
      role: 'admin',
      passwordHash: hash,
      passwordSalt: salt,
      passwordIterations: iterations,
      active: true,
      createdAt: Date.now(),
    },
  ]);
  if (!insert) throw new Error('no INSERT generated');
  const [row] = d1Query<{ id: number }>(`${insert.slice(0, -1)} RETURNING id;`, target);
  console.log(
    `Created admin "${username}" (${displayName}), user id ${row?.id ?? '?'}${target.remote ? ' on the REMOTE database' : ''}.`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof WranglerError && /no such table/.test(err.output)) {
      console.error('The database has no tables yet: run `npm run db:migrate` first.');
    } else if (err instanceof WranglerError) console.error(err.message);
    else console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
