/**
 * The dashboard's pages, grouped for the navigation and guarded by role. One list drives
 * both the menu and the router's role checks, so they cannot disagree. Pages marked
 * `ready: false` belong to later issues and show a "coming soon" page for now.
 */
import type { Role } from './api';
import type { PlainKey } from './i18n';

export type NavGroup = 'work' | 'roster' | 'admin';

export interface NavItem {
  href: string;
  label: PlainKey;
  group: NavGroup;
  roles: readonly Role[];
  ready: boolean;
}

export const NAV: readonly NavItem[] = [
  { href: '/overview', label: 'nav.overview', group: 'work', roles: ['admin', 'leader', 'staff'], ready: true },
  { href: '/opinions', label: 'nav.opinions', group: 'work', roles: ['admin', 'staff', 'leader'], ready: true },
  { href: '/trainings', label: 'nav.trainings', group: 'work', roles: ['admin', 'staff', 'leader'], ready: true },
  { href: '/my', label: 'nav.myHome', group: 'work', roles: ['deputy'], ready: true },
  { href: '/my/opinions', label: 'nav.myOpinions', group: 'work', roles: ['deputy'], ready: true },
  { href: '/department/opinions', label: 'nav.departmentInbox', group: 'work', roles: ['department'], ready: true },
  { href: '/supervision', label: 'nav.supervision', group: 'work', roles: ['admin', 'staff', 'leader'], ready: true },
  { href: '/duty', label: 'nav.duty', group: 'work', roles: ['admin', 'staff', 'leader'], ready: true },
  { href: '/messages', label: 'nav.messages', group: 'work', roles: ['admin', 'staff'], ready: true },
  { href: '/roster/deputies', label: 'nav.deputies', group: 'roster', roles: ['admin', 'staff', 'leader'], ready: true },
  { href: '/roster/stations', label: 'nav.stations', group: 'roster', roles: ['admin', 'staff', 'leader'], ready: true },
  { href: '/roster/townships', label: 'nav.townships', group: 'roster', roles: ['admin', 'staff', 'leader'], ready: true },
  { href: '/roster/import', label: 'nav.import', group: 'roster', roles: ['admin', 'staff'], ready: true },
  { href: '/roster/departments', label: 'nav.departments', group: 'roster', roles: ['admin', 'staff', 'leader'], ready: true },
  { href: '/audit', label: 'nav.audit', group: 'admin', roles: ['admin'], ready: true },
  { href: '/users', label: 'nav.users', group: 'admin', roles: ['admin'], ready: true },
  { href: '/calendar', label: 'nav.calendar', group: 'admin', roles: ['admin'], ready: true },
];

export const NAV_GROUPS: readonly { id: NavGroup; label: PlainKey }[] = [
  { id: 'work', label: 'nav.group.work' },
  { id: 'roster', label: 'nav.group.roster' },
  { id: 'admin', label: 'nav.group.admin' },
];

/** The pages a role sees, in menu order. */
export function navFor(role: Role): NavItem[] {
  return NAV.filter((item) => item.roles.includes(role));
}

/** Where a role lands after signing in: its first finished page, else its first page. */
/** Each role's daily work: staff handle opinions, leaders read the overview, deputies their own items. */
const HOME: Partial<Record<Role, string>> = { staff: '/opinions' };

export function homeFor(role: Role): string {
  const items = navFor(role);
  const preferred = HOME[role];
  if (preferred && items.some((item) => item.href === preferred && item.ready)) return preferred;
  return (items.find((item) => item.ready) ?? items[0])?.href ?? '/';
}

/**
 * Only same-origin paths are accepted as a post-login destination (no open redirect). The
 * value is judged after the normalisation a browser applies: URL parsers drop tabs and
 * newlines and read a backslash as a slash, so `/\t/evil.example` would become `//evil.example`.
 */
export function safeNext(next: string | undefined): string | null {
  if (!next || !/^\/(?!\/)/.test(next)) return null;
  // Control characters, spaces and backslashes have no place in a path we produced ourselves.
  for (const ch of next) {
    const code = ch.charCodeAt(0);
    if (code <= 0x20 || code === 0x7f || ch === '\\') return null;
  }
  const base = 'https://self.invalid';
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return null;
  }
  if (url.origin !== base || url.pathname.startsWith('/login')) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
