import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { Deputy, Me } from '../../dashboard/src/api';
import DeputiesPage from '../../dashboard/src/pages/roster/Deputies';
import { AsUser, admin, json, mockApi, type RecordedRequest } from './helpers';

const townships = [
  { id: 1, code: 'CG', name: '城关镇', kind: 'town', sortOrder: 1, active: true, stationCount: 4, deputyCount: 80 },
  { id: 2, code: 'DF', name: '东风街道', kind: 'subdistrict', sortOrder: 2, active: true, stationCount: 3, deputyCount: 40 },
];

function deputy(id: number): Deputy {
  return {
    id,
    name: `代表${id}`,
    level: id % 2 ? 'district' : 'township',
    townshipId: 1,
    townshipName: '城关镇',
    stationId: null,
    stationName: null,
    sector: '农业',
    phone: `1380013${String(id).padStart(4, '0')}`,
    active: true,
  };
}

/** 120 deputies served 50 per page, like the Worker. */
function roster(req: RecordedRequest) {
  const page = Number(req.query.get('page') ?? 1);
  const pageSize = Number(req.query.get('pageSize') ?? 50);
  const all = Array.from({ length: 120 }, (_, i) => deputy(i + 1));
  return json({ items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize });
}

function api() {
  return mockApi({
    'GET /api/townships': () => json({ items: townships }),
    'GET /api/stations': () => json({ items: [] }),
    'GET /api/deputies': roster,
  });
}

const bodyRows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);

describe('deputies page', () => {
  it('renders the first page and pages forward', async () => {
    const requests = api();
    render(
      <AsUser user={admin} url="/roster/deputies">
        <DeputiesPage />
      </AsUser>,
    );
    const table = await screen.findByRole('table');
    expect(bodyRows(table)).toHaveLength(50);
    expect(within(table).getByText('代表1')).toBeTruthy();
    expect(screen.getByText('第 1 / 3 页，共 120 条')).toBeTruthy();
    expect(screen.getByRole('button', { name: '上一页' }).hasAttribute('disabled')).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    await screen.findByText('第 2 / 3 页，共 120 条');
    expect(within(screen.getByRole('table')).getByText('代表51')).toBeTruthy();
    expect(location.search).toContain('page=2');
    const last = requests.filter((r) => r.path === '/api/deputies').at(-1);
    expect(last?.query.get('page')).toBe('2');
    expect(last?.query.get('active')).toBe('true');
  });

  it('sends search and filters to the API and starts again at page 1', async () => {
    const requests = api();
    render(
      <AsUser user={admin} url="/roster/deputies?page=3">
        <DeputiesPage />
      </AsUser>,
    );
    await screen.findByRole('table');
    fireEvent.input(screen.getByLabelText('姓名或手机号码'), { target: { value: ' 张 ' } });
    fireEvent.click(screen.getByRole('button', { name: '搜索' }));
    await waitFor(() =>
      expect(
        requests
          .filter((r) => r.path === '/api/deputies')
          .at(-1)
          ?.query.get('q'),
      ).toBe('张'),
    );
    const last = requests.filter((r) => r.path === '/api/deputies').at(-1);
    expect(last?.query.get('page')).toBe('1');
  });

  it('shows edit buttons to staff but none to leaders, who see a read-only note', async () => {
    api();
    const leader: Me = { ...admin, id: 3, role: 'leader', displayName: '领导' };
    render(
      <AsUser user={leader} url="/roster/deputies">
        <DeputiesPage />
      </AsUser>,
    );
    await screen.findByRole('table');
    expect(screen.queryByRole('button', { name: '新增代表' })).toBeNull();
    expect(screen.queryAllByRole('button', { name: /^编辑/ })).toHaveLength(0);
    expect(screen.getByText('只读：您可以查看，但不能修改。')).toBeTruthy();
  });

  it('locks township staff to their township', async () => {
    const requests = api();
    const staff: Me = { ...admin, id: 2, role: 'staff', townshipId: 2, townshipName: '东风街道' };
    render(
      <AsUser user={staff} url="/roster/deputies?townshipId=1">
        <DeputiesPage />
      </AsUser>,
    );
    await screen.findByRole('table');
    const select = screen.getByLabelText('乡镇（街道）') as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe('2'));
    expect(select.disabled).toBe(true);
    expect(requests.find((r) => r.path === '/api/deputies')?.query.get('townshipId')).toBe('2');
    expect(screen.getAllByRole('button', { name: /^编辑/ })).toHaveLength(50);
  });

  it('shows the API field errors in the form', async () => {
    mockApi({
      'GET /api/townships': () => json({ items: townships }),
      'GET /api/stations': () => json({ items: [] }),
      'GET /api/deputies': roster,
      'POST /api/deputies': () =>
        json(
          {
            error: {
              code: 'validation_failed',
              message: '有些内容需要修改，请检查标出的项目。',
              fields: { phone: '请输入 11 位手机号码，例如 13800138000。' },
            },
          },
          422,
        ),
    });
    render(
      <AsUser user={admin} url="/roster/deputies">
        <DeputiesPage />
      </AsUser>,
    );
    await screen.findByRole('table');
    fireEvent.click(screen.getByRole('button', { name: '新增代表' }));
    const form = screen.getByRole('region', { name: '新增代表' });
    fireEvent.input(within(form).getByLabelText('姓名'), { target: { value: '李四' } });
    fireEvent.input(within(form).getByLabelText('手机号码'), { target: { value: '123' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('有些内容需要修改');
    const phone = within(form).getByLabelText('手机号码');
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByText('请输入 11 位手机号码，例如 13800138000。').id).toBe('deputy-phone-error');
  });
});
