import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import UsersPage from '../../dashboard/src/pages/users/Users';
import type { Account } from '../../dashboard/src/pages/users/types';
import { AsUser, admin, json, mockApi, type RecordedRequest } from './helpers';

const townships = [
  { id: 1, code: 'CG', name: '城关街道', kind: 'subdistrict', sortOrder: 1, active: true, stationCount: 4, deputyCount: 80 },
  { id: 2, code: 'DH', name: '东湖街道', kind: 'subdistrict', sortOrder: 2, active: true, stationCount: 3, deputyCount: 40 },
];

function account(id: number, fields: Partial<Account>): Account {
  return {
    id,
    username: `user${id}`,
    displayName: `账号${id}`,
    role: 'staff',
    townshipId: null,
    townshipName: null,
    deputyId: null,
    deputyName: null,
    active: true,
    mustChangePassword: false,
    createdAt: Date.UTC(2026, 0, 8),
    lastLoginAt: null,
    ...fields,
  };
}

const accounts: Account[] = [
  account(1, { username: 'admin', displayName: '系统管理员', role: 'admin', lastLoginAt: Date.UTC(2026, 10, 25, 2, 15) }),
  account(2, { username: 'staff', displayName: '区代表服务中心' }),
  account(3, { username: 'donghu', displayName: '东湖街道人大工委', townshipId: 2, townshipName: '东湖街道' }),
  account(4, { username: 'leader', displayName: '区人大常委会领导', role: 'leader' }),
  account(5, { username: 'deputy', displayName: '王建国', role: 'deputy', deputyId: 7, deputyName: '王建国' }),
  account(6, { username: 'old', displayName: '已离职', active: false }),
];

const deputies = [
  {
    id: 7,
    name: '王建国',
    level: 'district',
    townshipId: 1,
    townshipName: '城关街道',
    stationId: 1,
    stationName: '城关街道人大代表联络站',
    sector: '工人',
    phone: '13800138000',
    active: true,
  },
  {
    id: 8,
    name: '王建军',
    level: 'township',
    townshipId: 2,
    townshipName: '东湖街道',
    stationId: null,
    stationName: null,
    sector: '农民',
    phone: '13900139001',
    active: true,
  },
];

type Routes = Parameters<typeof mockApi>[0];

function api(extra: Routes = {}) {
  return mockApi({
    'GET /api/users': () => json({ items: accounts }),
    'GET /api/townships': () => json({ items: townships }),
    'GET /api/deputies': (req) => {
      const q = req.query.get('q') ?? '';
      const items = deputies.filter((d) => d.name.includes(q));
      return json({ items, total: items.length, page: 1, pageSize: 10 });
    },
    ...extra,
  });
}

function renderPage() {
  render(
    <AsUser user={admin} url="/users">
      <UsersPage />
    </AsUser>,
  );
}

const rowOf = async (username: string) => {
  const table = await screen.findByRole('table');
  const cell = within(table).getByText(username);
  return cell.closest('tr') as HTMLElement;
};

const bodies = (requests: RecordedRequest[], method: string, path: string) =>
  requests.filter((r) => r.method === method && r.path === path).map((r) => r.body);

describe('users page', () => {
  it('lists accounts with role in Chinese, township, linked deputy, status and last sign-in', async () => {
    api();
    renderPage();
    const donghu = await rowOf('donghu');
    expect(within(donghu).getByText('工作人员')).toBeTruthy();
    expect(within(donghu).getByText('东湖街道')).toBeTruthy();
    expect(within(donghu).getByText('从未登录')).toBeTruthy();
    expect(within(await rowOf('staff')).getByText('全区')).toBeTruthy();
    const deputy = await rowOf('deputy');
    expect(within(deputy).getByText('代表')).toBeTruthy();
    expect(within(deputy).getAllByText('王建国')).toHaveLength(2);
    const adminRow = await rowOf('admin');
    expect(within(adminRow).getByText('管理员')).toBeTruthy();
    expect(within(adminRow).getByText(/2026/)).toBeTruthy();
    expect(within(await rowOf('old')).getByText('已停用')).toBeTruthy();
    expect(screen.getByText('共 6 个账号')).toBeTruthy();
  });

  it('filters by role and status in the URL', async () => {
    api();
    renderPage();
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('角色'), { target: { value: 'staff' } });
    await screen.findByText('共 3 个账号');
    expect(location.search).toContain('role=staff');
    fireEvent.change(screen.getByLabelText('状态'), { target: { value: 'false' } });
    await screen.findByText('共 1 个账号');
    expect(within(screen.getByRole('table')).getByText('old')).toBeTruthy();
  });

  it('creates a township staff account; the township select is only there for staff', async () => {
    const requests = api({ 'POST /api/users': () => json({ user: account(9, {}) }, 201) });
    renderPage();
    await screen.findByRole('table');
    fireEvent.click(screen.getByRole('button', { name: '新增账号' }));
    const form = screen.getByRole('region', { name: '新增账号' });
    expect(within(form).getByText('至少 10 个字符，不能是常见密码、纯数字或键盘上连续的按键。')).toBeTruthy();
    fireEvent.input(within(form).getByLabelText('用户名'), { target: { value: 'dh2' } });
    fireEvent.input(within(form).getByLabelText('名称'), { target: { value: '东湖街道工作人员' } });
    fireEvent.input(within(form).getByLabelText('密码'), { target: { value: 'donghu-2026' } });
    const township = within(form).getByLabelText('乡镇（街道）') as HTMLSelectElement;
    expect(township.options[0]?.textContent).toBe('全区（不限乡镇）');
    fireEvent.change(township, { target: { value: '2' } });

    // A leader has no township; switching back to staff brings the select back.
    fireEvent.change(within(form).getByLabelText('角色'), { target: { value: 'leader' } });
    expect(within(form).queryByLabelText('乡镇（街道）')).toBeNull();
    fireEvent.change(within(form).getByLabelText('角色'), { target: { value: 'staff' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));

    expect((await screen.findByRole('status')).textContent).toContain('账号「东湖街道工作人员」已创建。');
    expect(bodies(requests, 'POST', '/api/users')).toEqual([
      { username: 'dh2', displayName: '东湖街道工作人员', role: 'staff', townshipId: 2, deputyId: null, password: 'donghu-2026' },
    ]);
    // The list reloads so the new account shows up.
    await waitFor(() => expect(requests.filter((r) => r.path === '/api/users' && r.method === 'GET')).toHaveLength(2));
  });

  it('shows the API field errors next to the fields', async () => {
    api({
      'POST /api/users': () =>
        json(
          {
            error: {
              code: 'duplicate_username',
              message: '用户名「donghu」已被使用。',
              fields: { username: '用户名「donghu」已被使用。', password: '密码至少 8 位，不能全是数字。' },
            },
          },
          409,
        ),
    });
    renderPage();
    await screen.findByRole('table');
    fireEvent.click(screen.getByRole('button', { name: '新增账号' }));
    const form = screen.getByRole('region', { name: '新增账号' });
    fireEvent.input(within(form).getByLabelText('用户名'), { target: { value: 'donghu' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('已被使用');
    const username = within(form).getByLabelText('用户名');
    expect(username.getAttribute('aria-invalid')).toBe('true');
    expect(username.getAttribute('aria-describedby')).toContain('user-username-error');
    expect(document.getElementById('user-password-error')?.textContent).toBe('密码至少 8 位，不能全是数字。');
  });

  it('links a deputy account to a deputy found by name', async () => {
    const requests = api({ 'POST /api/users': () => json({ user: account(9, {}) }, 201) });
    renderPage();
    await screen.findByRole('table');
    fireEvent.click(screen.getByRole('button', { name: '新增账号' }));
    const form = screen.getByRole('region', { name: '新增账号' });
    fireEvent.change(within(form).getByLabelText('角色'), { target: { value: 'deputy' } });
    expect(within(form).queryByLabelText('乡镇（街道）')).toBeNull();
    expect(within(form).getByText('尚未选择代表。')).toBeTruthy();
    fireEvent.input(within(form).getByLabelText('用户名'), { target: { value: 'wjj' } });
    fireEvent.input(within(form).getByLabelText('名称'), { target: { value: '王建军' } });
    fireEvent.input(within(form).getByLabelText('密码'), { target: { value: 'deputy-2026' } });
    fireEvent.input(within(form).getByLabelText('查找代表'), { target: { value: '王建' } });
    const results = await within(form).findByRole('radiogroup', { name: '查找结果' });
    expect(requests.find((r) => r.path === '/api/deputies')?.query.get('q')).toBe('王建');
    expect(within(results).getAllByRole('radio')).toHaveLength(2);
    fireEvent.click(within(results).getByRole('radio', { name: /王建军/ }));
    expect(within(form).getByText('已选：王建军 · 东湖街道')).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    await screen.findByText('账号「王建军」已创建。');
    expect(bodies(requests, 'POST', '/api/users')).toEqual([
      { username: 'wjj', displayName: '王建军', role: 'deputy', townshipId: null, deputyId: 8, password: 'deputy-2026' },
    ]);
  });

  it('edits name and role, sending only what changed', async () => {
    const requests = api({ 'PATCH /api/users/3': () => json({ user: accounts[2] }) });
    renderPage();
    fireEvent.click(within(await rowOf('donghu')).getByRole('button', { name: '编辑：donghu' }));
    const form = screen.getByRole('region', { name: '编辑账号：东湖街道人大工委' });
    expect((within(form).getByLabelText('用户名') as HTMLInputElement).disabled).toBe(true);
    expect(within(form).queryByLabelText('密码')).toBeNull();
    expect((within(form).getByLabelText('乡镇（街道）') as HTMLSelectElement).value).toBe('2');
    fireEvent.change(within(form).getByLabelText('角色'), { target: { value: 'leader' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    await screen.findByText('账号「东湖街道人大工委」已保存。');
    expect(bodies(requests, 'PATCH', '/api/users/3')).toEqual([{ role: 'leader', townshipId: null }]);
  });

  it('does not let admins change their own role or deactivate themselves', async () => {
    api();
    renderPage();
    const row = await rowOf('admin');
    expect(within(row).getByText('（我）')).toBeTruthy();
    expect(within(row).queryByRole('button', { name: /停用/ })).toBeNull();
    fireEvent.click(within(row).getByRole('button', { name: '编辑：admin' }));
    const form = screen.getByRole('region', { name: '编辑账号：系统管理员' });
    expect((within(form).getByLabelText('角色') as HTMLSelectElement).disabled).toBe(true);
    expect(within(form).getByText('不能修改自己的角色。')).toBeTruthy();
  });

  it('resets a password', async () => {
    const requests = api({ 'PATCH /api/users/4': () => json({ user: accounts[3] }) });
    renderPage();
    fireEvent.click(within(await rowOf('leader')).getByRole('button', { name: '重置密码：leader' }));
    const panel = screen.getByRole('region', { name: '重置密码：区人大常委会领导' });
    expect(panel.textContent).toContain('所有登录会话立即失效');
    const input = within(panel).getByLabelText('新密码') as HTMLInputElement;
    expect(input.type).toBe('password');
    fireEvent.click(within(panel).getByLabelText('显示密码'));
    expect(input.type).toBe('text');
    fireEvent.input(input, { target: { value: 'leader-2027' } });
    fireEvent.click(within(panel).getByRole('button', { name: '重置密码' }));
    await screen.findByText(/已重置「区人大常委会领导」的密码/);
    expect(bodies(requests, 'PATCH', '/api/users/4')).toEqual([{ password: 'leader-2027' }]);
  });

  it('deactivates only after a confirmation that says sessions end, and reactivates', async () => {
    const requests = api({
      'PATCH /api/users/3': () => json({ user: { ...accounts[2], active: false } }),
      'PATCH /api/users/6': () => json({ user: { ...accounts[5], active: true } }),
    });
    renderPage();
    fireEvent.click(within(await rowOf('donghu')).getByRole('button', { name: '停用：donghu' }));
    let panel = screen.getByRole('region', { name: '停用账号：东湖街道人大工委' });
    expect(panel.textContent).toContain('停用后该账号的所有登录会话立即失效');
    fireEvent.click(within(panel).getByRole('button', { name: '取消' }));
    expect(screen.queryByRole('region', { name: /停用账号/ })).toBeNull();
    expect(bodies(requests, 'PATCH', '/api/users/3')).toEqual([]);

    fireEvent.click(within(await rowOf('donghu')).getByRole('button', { name: '停用：donghu' }));
    panel = screen.getByRole('region', { name: '停用账号：东湖街道人大工委' });
    fireEvent.click(within(panel).getByRole('button', { name: '确定停用' }));
    await screen.findByText('账号「东湖街道人大工委」已停用，所有登录会话已失效。');
    expect(bodies(requests, 'PATCH', '/api/users/3')).toEqual([{ active: false }]);

    fireEvent.click(within(await rowOf('old')).getByRole('button', { name: '重新启用：old' }));
    await waitFor(() => expect(bodies(requests, 'PATCH', '/api/users/6')).toEqual([{ active: true }]));
    await screen.findByText('账号「已离职」已重新启用。');
  });
});
