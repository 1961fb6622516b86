/**
 * The typed API client. Response types come from the Worker itself (`AppType` from
 * worker/index.ts through Hono's RPC client) and request bodies from the Worker's zod schemas,
 * so there are no hand-written DTOs to drift. `call()` turns every non-2xx answer into an
 * `ApiError` carrying the Worker's already-localised message, and sends a 401 to /login.
 */
import { type ClientResponse, hc, type InferResponseType } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { AppType } from '../../worker/index';
import type {
  deputyInput,
  deputyPatch,
  stationInput,
  stationPatch,
  townshipInput,
  townshipPatch,
} from '../../worker/roster/validation';
import { t } from './i18n';

/** Same origin: the session cookie rides along and the Worker's Origin check passes. */
export const client = hc<AppType>('/');

type Ok<F> = InferResponseType<F, 200>;

/** The signed-in user, as GET /api/auth/me returns it. */
export type Me = Ok<typeof client.api.auth.me.$get>['user'];
export type Role = Me['role'];
export type Township = Ok<typeof client.api.townships.$get>['items'][number];
export type Station = Ok<typeof client.api.stations.$get>['items'][number];
export type DeputyPage = Ok<typeof client.api.deputies.$get>;
export type Deputy = DeputyPage['items'][number];
export type AuditPage = Ok<typeof client.api.audit.$get>;
export type AuditEntry = AuditPage['items'][number];
export type ImportSummary = Ok<typeof client.api.roster.import.$post>;

export type TownshipInput = z.input<typeof townshipInput>;
export type TownshipPatch = z.input<typeof townshipPatch>;
export type StationInput = z.input<typeof stationInput>;
export type StationPatch = z.input<typeof stationPatch>;
export type DeputyInput = z.input<typeof deputyInput>;
export type DeputyPatch = z.input<typeof deputyPatch>;

/** One bad row of a roster import (422 `import_invalid`). */
export interface RowProblem {
  /** The row number Excel/WPS shows; null when the problem concerns the whole file. */
  row: number | null;
  /** The roster column (name, phone…); empty when no single column is at fault. */
  field: string;
  code: string;
  message: string;
}

/** A failed API call: HTTP status (0 when the network failed), stable code, localised message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Field name → localised message, for forms. */
    readonly fields: Readonly<Record<string, string>> = {},
    /** Every bad row of an import file. */
    readonly rows: readonly RowProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let onUnauthorized: () => void = () => {
  location.assign(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
};

/** The app replaces the default full-page redirect with a router navigation (see app.tsx). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

/** The body type of the 2xx answers of an RPC call. */
type SuccessOf<R> = R extends ClientResponse<infer T, infer S, infer _F> ? (S extends SuccessStatusCode ? T : never) : never;

interface CallOptions {
  /** 'throw' for calls where 401 is an answer, not an expired session (login, the first /me). */
  on401?: 'login' | 'throw';
}

/**
 * Awaits an RPC call and returns its JSON body (undefined for 204), or throws `ApiError`.
 * @example const { items } = await call(client.api.townships.$get());
 */
export async function call<R extends ClientResponse<unknown, number, 'json' | 'text' | string>>(
  request: Promise<R>,
  options: CallOptions = {},
): Promise<SuccessOf<R>> {
  let res: R;
  try {
    res = await request;
  } catch {
    throw new ApiError(0, 'network', t('error.network'));
  }
  if (res.ok) {
    return (res.status === 204 ? undefined : await res.json()) as SuccessOf<R>;
  }
  const error = await errorOf(res);
  if (res.status === 401 && options.on401 !== 'throw') onUnauthorized();
  throw error;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads `{ error: { code, message, fields?, rows? } }`; tolerates bodies that are not JSON (proxies, 502s). */
export async function errorOf(res: { status: number; json(): Promise<unknown> }): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON: fall back to a generic message below.
  }
  const e = isRecord(body) && isRecord(body.error) ? body.error : {};
  const code = typeof e.code === 'string' ? e.code : `http_${res.status}`;
  const fallback = res.status === 429 ? t('error.throttled') : t('error.unknown');
  const message = typeof e.message === 'string' && e.message ? e.message : fallback;
  const fields: Record<string, string> = {};
  if (isRecord(e.fields)) {
    for (const [name, text] of Object.entries(e.fields)) if (typeof text === 'string') fields[name] = text;
  }
  const rows: RowProblem[] = Array.isArray(e.rows)
    ? e.rows.filter(isRecord).map((r) => ({
        row: typeof r.row === 'number' ? r.row : null,
        field: String(r.field ?? ''),
        code: String(r.code ?? ''),
        message: String(r.message ?? ''),
      }))
    : [];
  return new ApiError(res.status, code, message, fields, rows);
}

/**
 * Arguments for the `/:id{[0-9]+}` routes. The Worker validates bodies inside the handler
 * (zod), so the RPC type knows only `param`; passing the body through this typed helper
 * keeps `json` checked against the Worker's schema instead of an inline cast.
 */
export function byId<B>(id: number, json: B): { param: { id: string }; json: B } {
  return { param: { id: String(id) }, json };
}

/** Query-string arguments: drops empty values so the Worker's defaults apply. */
export function query(values: Record<string, string | number | boolean | null | undefined>): {
  query: Record<string, string>;
} {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === '') continue;
    out[key] = String(value);
  }
  return { query: out };
}
