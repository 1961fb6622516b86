/**
 * Test helpers: a fetch mock that answers by "METHOD /path" and records every request, and
 * a wrapper that renders a page as a given user inside the router.
 */
import type { ComponentChildren } from 'preact';
import { LocationProvider } from 'preact-iso/router';
import { vi } from 'vitest';
import type { Me } from '../../dashboard/src/api';
import { AuthContext } from '../../dashboard/src/auth';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

type Handler = (req: RecordedRequest) => Response | Promise<Response>;

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** Replaces global fetch; unknown routes answer 404 so a missing mock fails loudly. */
export function mockApi(routes: Record<string, Handler>): RecordedRequest[] {
  const seen: RecordedRequest[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
      const url = new URL(String(input), 'http://127.0.0.1:8787');
      const method = (init?.method ?? 'GET').toUpperCase();
      const raw = init?.body;
      const body = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
      const req: RecordedRequest = { method, path: url.pathname, query: url.searchParams, body };
      seen.push(req);
      const handler = routes[`${method} ${url.pathname}`];
      return handler ? handler(req) : json({ error: { code: 'not_found', message: `unmocked ${method} ${url.pathname}` } }, 404);
    }),
  );
  return seen;
}

export const admin: Me = {
  id: 1,
  username: 'admin',
  displayName: '系统管理员',
  role: 'admin',
  townshipId: null,
  townshipName: null,
  deputyId: null,
  departmentId: null,
  departmentName: null,
  mustChangePassword: false,
};

/** Renders children as `user`, inside a router at `url`. */
export function AsUser({ user, url = '/', children }: { user: Me; url?: string; children: ComponentChildren }) {
  history.replaceState(null, '', url);
  return (
    <LocationProvider>
      <AuthContext.Provider value={{ user, logout: async () => undefined }}>{children}</AuthContext.Provider>
    </LocationProvider>
  );
}
