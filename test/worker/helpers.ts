/**
 * Helpers for worker tests: a small fixture district written straight to D1, accounts for
 * every role, and `call()` which sends real HTTP requests through the Worker's fetch handler.
 */
import { env, exports } from 'cloudflare:workers';
import { hashPassword } from '../../worker/platform/auth/password';

export const ORIGIN = 'http://lianluo.test';
export const PASSWORD = 'test-password-1';

export interface Fixture {
  townships: { a: number; b: number };
  stations: { a: number; b: number };
  deputies: { a: number; b: number };
  /** 承办单位: a is the `department` account's (区住房和城乡建设局), b another (区交通运输局). */
  departments: { a: number; b: number };
  users: Record<'admin' | 'staff' | 'staffA' | 'staffB' | 'leader' | 'deputy' | 'department', string>;
}

let fixture: Fixture | null = null;

/**
 * Creates (once per test file) two townships with a station and a deputy each, two
 * departments, and one account per role (the `department` account works for department a).
 */
export async function seedFixture(): Promise<Fixture> {
  if (fixture) return fixture;
  const now = Date.now();
  const db = env.DB;
  await db.batch([
    db
      .prepare(
        `INSERT INTO townships (id, code, name, kind, sort_order, active, created_at, updated_at) VALUES (1,'T01','城关街道','subdistrict',1,1,?1,?1),(2,'T02','东湖街道','subdistrict',2,1,?1,?1)`,
      )
      .bind(now),
    db
      .prepare(
        `INSERT INTO stations (id, code, name, kind, host_type, township_id, address, active, created_at, updated_at) VALUES (1,'AAAAAA','城关街道人大代表联络站','station','township',1,'',1,?1,?1),(2,'BBBBBB','东湖街道人大代表联络站','station','township',2,'',1,?1,?1)`,
      )
      .bind(now),
    db
      .prepare(
        `INSERT INTO deputies (id, name, level, township_id, station_id, sector, phone, active, created_at, updated_at) VALUES (1,'王建国','district',1,1,'工人','13800000001',1,?1,?1),(2,'李秀英','township',2,2,'农民','13800000002',1,?1,?1)`,
      )
      .bind(now),
    db
      .prepare(
        `INSERT INTO departments (id, name, short_name, kind, township_id, contact_name, contact_phone, active, created_at, updated_at) VALUES (1,'区住房和城乡建设局','区住建局','district_agency',NULL,'张科长','0571-88880001',1,?1,?1),(2,'区交通运输局','区交通局','district_agency',NULL,'李科长','0571-88880002',1,?1,?1)`,
      )
      .bind(now),
  ]);
  // Few iterations: the algorithm is the same, the tests just do not need the real cost.
  const h = await hashPassword(PASSWORD, 1000);
  const users: [string, string, number | null, number | null][] = [
    ['admin', 'admin', null, null],
    ['staff', 'staff', null, null],
    ['staffA', 'staff', 1, null],
    ['staffB', 'staff', 2, null],
    ['leader', 'leader', null, null],
    ['deputy', 'deputy', 1, 1],
    ['department', 'department', null, null],
  ];
  await db.batch(
    users.map(([username, role, townshipId, deputyId]) =>
      db
        .prepare(
          `INSERT INTO users (username, display_name, role, township_id, deputy_id, password_hash, password_salt, password_iterations, active, created_at) VALUES (?,?,?,?,?,?,?,?,1,?)`,
        )
        .bind(username, username, role, townshipId, deputyId, h.hash, h.salt, h.iterations, now),
    ),
  );
  await db
    .prepare(`INSERT INTO department_members (user_id, department_id) SELECT id, 1 FROM users WHERE username = 'department'`)
    .run();
  const cookies = {} as Fixture['users'];
  for (const [username] of users) cookies[username as keyof Fixture['users']] = await signIn(username);
  fixture = {
    townships: { a: 1, b: 2 },
    stations: { a: 1, b: 2 },
    deputies: { a: 1, b: 2 },
    departments: { a: 1, b: 2 },
    users: cookies,
  };
  return fixture;
}

/** Signs in and returns the Cookie header value. */
export async function signIn(username: string, password = PASSWORD): Promise<string> {
  const res = await call('POST', '/api/auth/login', { json: { username, password } });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  return setCookie.split(';')[0]!;
}

export interface CallOptions {
  json?: unknown;
  body?: BodyInit;
  cookie?: string;
  headers?: Record<string, string>;
  /** Send no Origin header (a non-browser client). */
  noOrigin?: boolean;
}

/** Sends a request through the Worker like a browser on our own origin would. */
export function call(method: string, path: string, opts: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { ...opts.headers };
  if (!opts.noOrigin && method !== 'GET') headers.origin ??= ORIGIN;
  if (opts.cookie) headers.cookie = opts.cookie;
  let body = opts.body;
  if (opts.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.json);
  }
  return exports.default.fetch(new Request(`${ORIGIN}${path}`, { method, headers, body }));
}
