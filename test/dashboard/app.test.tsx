import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { Me } from '../../dashboard/src/api';
import { App } from '../../dashboard/src/app';
import { admin, json, mockApi } from './helpers';

function signedInAs(user: Me) {
  return mockApi({
    'GET /api/auth/me': () => json({ user }),
    'GET /api/townships': () => json({ items: [] }),
    'GET /api/stations': () => json({ items: [] }),
    'GET /api/deputies': () => json({ items: [], total: 0, page: 1, pageSize: 50 }),
    'GET /api/audit': () => json({ items: [], total: 0, page: 1, pageSize: 50 }),
    'POST /api/auth/logout': () => new Response(null, { status: 204 }),
  });
}

const navLinks = async () => {
  const nav = await screen.findByRole('navigation', { name: '主导航' });
  return within(nav)
    .getAllByRole('link')
    .map((a) => a.textContent);
};

describe('app shell', () => {
  it('sends a signed-out visitor to /login and remembers where they were going', async () => {
    mockApi({ 'GET /api/auth/me': () => json({ error: { code: 'unauthenticated', message: '请先登录。' } }, 401) });
    history.replaceState(null, '', '/roster/stations');
    render(<App />);
    expect(await screen.findByRole('heading', { name: '登录联络平台' })).toBeTruthy();
    expect(location.pathname + location.search).toBe('/login?next=%2Froster%2Fstations');
  });

  it('shows an admin everything, including the audit log and users', async () => {
    signedInAs(admin);
    history.replaceState(null, '', '/');
    render(<App />);
    const links = await navLinks();
    expect(links).toEqual(expect.arrayContaining(['代表', '联络站', '乡镇（街道）', '导入名册', '审计日志', '用户']));
    await waitFor(() => expect(location.pathname).toBe('/overview'));
  });

  it('shows a leader the read-only roster and no import or audit log', async () => {
    signedInAs({ ...admin, role: 'leader', displayName: '王主任' });
    history.replaceState(null, '', '/audit');
    render(<App />);
    const links = await navLinks();
    expect(links).toContain('代表');
    expect(links).not.toContain('导入名册');
    expect(links).not.toContain('审计日志');
    expect(await screen.findByRole('heading', { name: '无权访问' })).toBeTruthy();
  });

  it('shows the user and township, switches language and signs out', async () => {
    const requests = signedInAs({ ...admin, role: 'staff', displayName: '李干事', townshipId: 2, townshipName: '东风街道' });
    history.replaceState(null, '', '/roster/deputies');
    render(<App />);
    expect((await screen.findAllByText(/李干事/))[0]?.textContent).toContain('东风街道');

    fireEvent.click(screen.getAllByRole('button', { name: 'English' })[0]!);
    expect(await screen.findByRole('heading', { name: 'Deputies' })).toBeTruthy();
    expect(document.cookie).toContain('lang=en');

    fireEvent.click(screen.getAllByRole('button', { name: 'Sign out' })[0]!);
    await waitFor(() => expect(location.pathname).toBe('/login'));
    expect(requests.some((r) => r.method === 'POST' && r.path === '/api/auth/logout')).toBe(true);
  });
});
