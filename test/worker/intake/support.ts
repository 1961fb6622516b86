/**
 * Helpers of the intake tests: requests that do not follow redirects (the POST/redirect/GET
 * is what is under test), a distinct client address per test so the per-IP rate limit of one
 * test does not leak into the next, and small image fixtures.
 */
import { env, exports } from 'cloudflare:workers';
import { defaultCalendar } from '../../../worker/workflow/calendar';
import { planTransition, type TransitionPayload } from '../../../worker/workflow/machine';
import { ORIGIN } from '../helpers';

let ipCounter = 0;
// The rate limiters' counters outlive a test file (D1 storage does not), so every file draws
// its addresses from a random prefix of its own.
const ipPrefix = `2001:db8:${[...crypto.getRandomValues(new Uint16Array(2))].map((n) => n.toString(16)).join(':')}`;

/** A fresh client address (the per-IP limiter counts per address). */
export function freshIp(): string {
  ipCounter++;
  return `${ipPrefix}::${ipCounter.toString(16)}`;
}

export interface SendOptions {
  ip?: string;
  headers?: Record<string, string>;
  cookie?: string;
}

/** Sends a request to the Worker without following redirects. */
export function send(method: string, path: string, body?: BodyInit, opts: SendOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { 'cf-connecting-ip': opts.ip ?? freshIp(), ...opts.headers };
  if (opts.cookie) headers.cookie = opts.cookie;
  return exports.default.fetch(new Request(`${ORIGIN}${path}`, { method, headers, body, redirect: 'manual' }));
}

/**
 * A station with a random code, for tests that post a lot: the per-station limiter counts by
 * code across all test files, and the fixture's AAAAAA/BBBBBB are shared by every file.
 */
export async function ownStation(townshipId = 1): Promise<string> {
  const code = `Q${crypto.randomUUID().replace(/-/g, '').slice(0, 9).toUpperCase()}`;
  await env.DB.prepare(
    `INSERT INTO stations (code, name, kind, host_type, township_id, active, created_at, updated_at) VALUES (?, ?, 'room', 'household', ?, 1, 0, 0)`,
  )
    .bind(code, `测试联络室 ${code}`, townshipId)
    .run();
  return code;
}

/** A multipart body from plain fields; arrays repeat the field; Files are attached. */
export function form(fields: Record<string, string | File | (string | File)[]>): FormData {
  const fd = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) fd.append(name, v);
  }
  return fd;
}

/** A complete, valid submission. */
export function validFields(overrides: Record<string, string | File | (string | File)[]> = {}) {
  return {
    _key: crypto.randomUUID(),
    category: 'road_traffic',
    body: '幸福路和建设路路口的红绿灯坏了三天，早晚高峰很危险，请尽快修好。',
    place: '幸福路与建设路路口',
    ...overrides,
  };
}

/** Submits to a station and returns the response (303 on success). */
export function submit(station: string, fields: Record<string, string | File | (string | File)[]>, opts: SendOptions = {}) {
  return send('POST', `/s/${station}`, form(fields), opts);
}

/** The tracking code in a success redirect, e.g. /t/ABCD2345?new=1 → ABCD2345. */
export function codeOf(res: Response): string {
  const location = res.headers.get('location') ?? '';
  const match = /^\/t\/([A-Z0-9]{8})\?new=1$/.exec(location);
  if (res.status !== 303 || !match) throw new Error(`expected a redirect to the tracking page, got ${res.status} ${location}`);
  return match[1]!;
}

/** Rows of a table matching a condition (plain SQL: tests read what was stored). */
export async function rows<T>(query: string, ...params: unknown[]): Promise<T[]> {
  return (
    await env.DB.prepare(query)
      .bind(...params)
      .all<T>()
  ).results;
}

const bytes = (...parts: (number[] | string)[]): Uint8Array<ArrayBuffer> =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));
const be16 = (n: number) => [(n >> 8) & 255, n & 255];
const be32 = (n: number) => [(n >>> 24) & 255, (n >> 16) & 255, (n >> 8) & 255, n & 255];

/**
 * A JPEG whose EXIF holds GPS coordinates (and a description naming the place), plus XMP,
 * IPTC and a comment: everything the stripper must remove. The image data itself is a stub:
 * the stripper never decodes pixels (unit tests cover real images made by sharp).
 */
export function jpegWithGps(orientation = 6): Uint8Array<ArrayBuffer> {
  const secret = 'GPS-SECRET 30.58N 114.27E';
  // TIFF, big-endian. IFD0 at 8: ImageDescription (ASCII), Orientation, GPS IFD pointer.
  const descOffset = 8 + 2 + 3 * 12 + 4;
  const gpsOffset = descOffset + secret.length + 1;
  const ifd0 = [
    ...be16(3),
    ...be16(0x010e),
    ...be16(2),
    ...be32(secret.length + 1),
    ...be32(descOffset),
    ...be16(0x0112),
    ...be16(3),
    ...be32(1),
    ...be16(orientation),
    0,
    0,
    ...be16(0x8825),
    ...be16(4),
    ...be32(1),
    ...be32(gpsOffset),
    ...be32(0),
  ];
  const latOffset = gpsOffset + 2 + 2 * 12 + 4;
  const gps = [
    ...be16(2),
    ...be16(0x0001),
    ...be16(2),
    ...be32(2),
    ...[0x4e, 0, 0, 0], // GPSLatitudeRef "N"
    ...be16(0x0002),
    ...be16(5),
    ...be32(3),
    ...be32(latOffset), // GPSLatitude
    ...be32(0),
    ...be32(30),
    ...be32(1),
    ...be32(35),
    ...be32(1),
    ...be32(0),
    ...be32(1),
  ];
  const tiff = bytes('MM', [0, 42], be32(8), ifd0, secret, [0], gps);
  const app1 = bytes('Exif', [0, 0], [...tiff]);
  const xmp = bytes('http://ns.adobe.com/xap/1.0/', [0], `<x:xmpmeta>${secret}</x:xmpmeta>`);
  const iptc = bytes('Photoshop 3.0', [0], `8BIM${secret}`);
  const segment = (marker: number, payload: Uint8Array) => [0xff, marker, ...be16(payload.length + 2), ...payload];
  return bytes(
    [0xff, 0xd8],
    segment(0xe0, bytes('JFIF', [0, 1, 1, 0, 0, 1, 0, 1, 0, 0])),
    segment(0xe1, app1),
    segment(0xe1, xmp),
    segment(0xed, iptc),
    segment(0xfe, bytes(secret)),
    segment(0xdb, new Uint8Array(65)), // DQT
    segment(0xc0, new Uint8Array([8, 0, 1, 0, 1, 1, 1, 0x11, 0])), // SOF0 1×1
    segment(0xda, new Uint8Array([1, 1, 0, 0, 63, 0])), // SOS
    [0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56], // entropy data with a stuffed byte and a restart
    [0xff, 0xd9],
    secret, // a trailer after EOI (phones append motion-photo videos here)
  );
}

/** A tiny valid PNG (1×1, greyscale) with a tEXt chunk. */
export function pngWithText(): Uint8Array<ArrayBuffer> {
  const chunk = (type: string, data: number[]) => [...be32(data.length), ...bytes(type), ...data, 0, 0, 0, 0];
  return bytes(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    chunk('IHDR', [...be32(1), ...be32(1), 8, 0, 0, 0, 0]),
    chunk('tEXt', [...bytes('Comment', [0], 'GPS-SECRET')]),
    chunk('IDAT', [0x78, 0x9c, 0x63, 0x60, 0, 0, 0, 2, 0, 1]),
    chunk('IEND', []),
  );
}

/**
 * A JPEG whose location hides in blocks a blacklist would not know: APP6 with GPS text and an
 * APP11 JUMBF/C2PA box with `exif:GPSLatitude`; `width`×`height` in its frame header.
 */
export function jpegWithHiddenGps(width = 1, height = 1): Uint8Array<ArrayBuffer> {
  const segment = (marker: number, payload: Uint8Array) => [0xff, marker, ...be16(payload.length + 2), ...payload];
  return bytes(
    [0xff, 0xd8],
    segment(0xe0, bytes('JFIF', [0, 1, 1, 0, 0, 1, 0, 1, 0, 0])),
    segment(0xe6, bytes('NITF', [0], 'GPS-SECRET 30.58N 114.27E')),
    segment(0xeb, bytes('JP', [0, 0, 0, 0, 0, 1], 'jumb c2pa <exif:GPSLatitude>30,35.0N</exif:GPSLatitude> GPS-SECRET')),
    segment(0xdb, new Uint8Array(65)), // DQT
    segment(0xc0, new Uint8Array([8, ...be16(height), ...be16(width), 1, 1, 0x11, 0])), // SOF0
    segment(0xc4, new Uint8Array([0, ...new Array(16).fill(0)])), // DHT
    segment(0xda, new Uint8Array([1, 1, 0, 0, 63, 0])), // SOS
    [0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56],
    [0xff, 0xd9],
  );
}

/** A PNG with metadata in chunks a blacklist would not know (zxIf, caBX, tIME); `width`×`height` in IHDR. */
export function pngWithHiddenChunks(width = 1, height = 1): Uint8Array<ArrayBuffer> {
  const chunk = (type: string, data: number[]) => [...be32(data.length), ...bytes(type), ...data, 0, 0, 0, 0];
  return bytes(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    chunk('IHDR', [...be32(width), ...be32(height), 8, 0, 0, 0, 0]),
    chunk('zxIf', [...bytes('GPS-SECRET zxIf')]),
    chunk('caBX', [...bytes('c2pa GPS-SECRET')]),
    chunk('tIME', [0x07, 0xea, 12, 4, 20, 0, 0]),
    chunk('pHYs', [0, 0, 0x0b, 0x13, 0, 0, 0x0b, 0x13, 1]),
    chunk('IDAT', [0x78, 0x9c, 0x63, 0x60, 0, 0, 0, 2, 0, 1]),
    chunk('IEND', []),
  );
}

/** A file object as a browser would send it. */
export function file(data: Uint8Array<ArrayBuffer>, name: string, type: string): File {
  return new File([data], name, { type });
}

/** An opinion's row as the machine needs it, by tracking code. */
async function snapshot(code: string) {
  const [row] = await rows<{
    id: number;
    state: string;
    assigned_deputy_id: number | null;
    due_on: string | null;
    reopen_count: number;
    resolved_at: number | null;
    revision: number;
  }>(
    'SELECT id, state, assigned_deputy_id, due_on, reopen_count, resolved_at, revision FROM opinions WHERE tracking_code = ?',
    code,
  );
  if (!row) throw new Error(`no opinion ${code}`);
  return row;
}

/**
 * Takes a staff or deputy action on an opinion the way the workflow API does (planTransition,
 * then the planned changes and event with actor name and internal note), so the tests can
 * walk an opinion through the four steps without depending on that API.
 */
export async function advance(
  code: string,
  action: string,
  actor: { role: 'staff' | 'admin' | 'deputy'; label: string; userId?: number; isAssignedDeputy?: boolean },
  payload: TransitionPayload,
): Promise<void> {
  const row = await snapshot(code);
  const now = Date.now();
  const plan = planTransition(
    {
      id: row.id,
      state: row.state,
      assignedDeputyId: row.assigned_deputy_id,
      dueOn: row.due_on,
      reopenCount: row.reopen_count,
      resolvedAt: row.resolved_at,
    },
    action,
    { role: actor.role, isAssignedDeputy: actor.isAssignedDeputy },
    payload,
    { now, calendar: defaultCalendar() },
  );
  if (!plan.ok) throw new Error(`${action} refused: ${plan.code}`);
  const columns: Record<string, string> = {
    state: 'state',
    assignedDeputyId: 'assigned_deputy_id',
    assignedUserId: 'assigned_user_id',
    leadDepartment: 'lead_department',
    departments: 'departments',
    transferredTo: 'transferred_to',
    mergedIntoId: 'merged_into_id',
    selfHandled: 'self_handled',
    dueOn: 'due_on',
    acceptedAt: 'accepted_at',
    resolvedAt: 'resolved_at',
    closedAt: 'closed_at',
    rating: 'rating',
    ratingComment: 'rating_comment',
    ratedAt: 'rated_at',
    reopenCount: 'reopen_count',
  };
  const entries = Object.entries(plan.changes).map(([k, v]) => [columns[k]!, typeof v === 'boolean' ? Number(v) : v] as const);
  const sets = [...entries.map(([c]) => `${c} = ?`), 'revision = revision + 1', 'updated_at = ?'].join(', ');
  const e = plan.event;
  await env.DB.batch([
    env.DB.prepare(`UPDATE opinions SET ${sets} WHERE id = ?`).bind(...entries.map(([, v]) => v ?? null), now, row.id),
    env.DB.prepare(
      'INSERT INTO opinion_events (opinion_id, at, actor_user_id, actor_label, action, from_state, to_state, public_reply, internal_note, data) VALUES (?,?,?,?,?,?,?,?,?,?)',
    ).bind(
      row.id,
      now,
      actor.userId ?? null,
      actor.label,
      e.action,
      e.fromState,
      e.toState,
      e.publicReply,
      e.internalNote,
      e.data,
    ),
  ]);
}
