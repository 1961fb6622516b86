import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import ImportPage from '../../dashboard/src/pages/roster/Import';
import { json, mockApi } from './helpers';

function chooseFile(name = '名册.csv') {
  const input = screen.getByLabelText('名册文件') as HTMLInputElement;
  const file = new File(['姓名,代表层级,乡镇,手机号码\n'], name, { type: 'text/csv' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
  return file;
}

describe('roster import page', () => {
  it('lists every bad row with its row number, column and reason', async () => {
    const rows = [
      { row: 7, field: 'phone', code: 'phone_invalid', message: '手机号码“1380013”不是 11 位手机号码。' },
      { row: 3, field: 'township', code: 'unknown_township', message: '没有名为“东风镇”的乡镇（街道）。' },
      { row: 12, field: 'level', code: 'level_invalid', message: '代表层级应为“区”或“乡镇”。' },
      { row: null, field: null, code: 'duplicate_in_file', message: '文件中有重复的手机号码。' },
    ];
    const requests = mockApi({
      'POST /api/roster/import': () =>
        json({ error: { code: 'import_invalid', message: '导入文件中有 4 行需要修改，未导入任何数据。', rows } }, 422),
    });
    render(<ImportPage />);
    const file = chooseFile();
    fireEvent.click(screen.getByRole('button', { name: '检查文件' }));

    const table = await screen.findByRole('table');
    expect(screen.getByText('导入文件中有 4 行需要修改，未导入任何数据。')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '需要修改的行（共 4 处）' })).toBeTruthy();
    const body = within(table).getAllByRole('row').slice(1);
    // Row order is the file's; the row cell carries a "行号" prefix that only phones display.
    expect(
      body.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['整个文件', '—', '文件中有重复的手机号码。'],
      ['行号 3', '乡镇（街道）', '没有名为“东风镇”的乡镇（街道）。'],
      ['行号 7', '手机号码', '手机号码“1380013”不是 11 位手机号码。'],
      ['行号 12', '代表层级', '代表层级应为“区”或“乡镇”。'],
    ]);
    expect(requests[0]?.query.get('dryRun')).toBe('1');
    const sent = requests[0]?.body as FormData;
    expect((sent.get('file') as File).name).toBe(file.name);
    expect(screen.queryByRole('button', { name: '确认导入' })).toBeNull();
  });

  it('previews a dry run, then applies the import', async () => {
    const requests = mockApi({
      'POST /api/roster/import': (req) =>
        json({ created: 12, updated: 3, unchanged: 820, dryRun: req.query.get('dryRun') === '1' }),
    });
    render(<ImportPage />);
    chooseFile('roster.xlsx');
    fireEvent.click(screen.getByRole('button', { name: '检查文件' }));
    expect(await screen.findByText('检查通过：将新增 12，更新 3，不变 820。')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '确认导入' }));
    expect(await screen.findByText(/导入完成：新增 12，更新 3，不变 820。/)).toBeTruthy();
    expect(requests.map((r) => r.query.get('dryRun'))).toEqual(['1', null]);
  });

  it('shows the message of a file the Worker cannot read', async () => {
    mockApi({
      'POST /api/roster/import': () =>
        json({ error: { code: 'import_unreadable', message: '无法读取这个文件，请另存为 CSV 或 XLSX 后重试。' } }, 400),
    });
    render(<ImportPage />);
    chooseFile('old.xls');
    fireEvent.click(screen.getByRole('button', { name: '检查文件' }));
    expect((await screen.findByRole('alert')).textContent).toBe('无法读取这个文件，请另存为 CSV 或 XLSX 后重试。');
  });
});
