import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { LoginPage } from '../../dashboard/src/pages/Login';
import { admin, json, mockApi } from './helpers';

function fillAndSubmit(username: string, password: string) {
  fireEvent.input(screen.getByLabelText('用户名'), { target: { value: username } });
  fireEvent.input(screen.getByLabelText('密码'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: '登录' }));
}

describe('login page', () => {
  it('shows the API error message and clears the password', async () => {
    const requests = mockApi({
      'POST /api/auth/login': () => json({ error: { code: 'invalid_credentials', message: '用户名或密码不正确。' } }, 401),
    });
    const onSignedIn = vi.fn();
    render(<LoginPage onSignedIn={onSignedIn} />);
    fillAndSubmit('staff1', 'wrong-password');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('用户名或密码不正确。');
    expect(requests[0]?.body).toEqual({ username: 'staff1', password: 'wrong-password' });
    expect((screen.getByLabelText('密码') as HTMLInputElement).value).toBe('');
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('shows the throttling message on 429', async () => {
    mockApi({
      'POST /api/auth/login': () =>
        json({ error: { code: 'too_many_attempts', message: '登录失败次数过多，请 15 分钟后再试。' } }, 429),
    });
    render(<LoginPage onSignedIn={() => undefined} />);
    fillAndSubmit('staff1', 'again');
    expect((await screen.findByText('登录失败次数过多，请 15 分钟后再试。')).closest('.notice-warn')).not.toBeNull();
  });

  it('asks for both fields before calling the API', async () => {
    const requests = mockApi({});
    render(<LoginPage onSignedIn={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    expect((await screen.findByRole('alert')).textContent).toContain('请输入用户名和密码。');
    expect(requests).toHaveLength(0);
  });

  it('hands the signed-in user to the app', async () => {
    mockApi({ 'POST /api/auth/login': () => json({ user: admin }) });
    const onSignedIn = vi.fn();
    render(<LoginPage onSignedIn={onSignedIn} />);
    fillAndSubmit('admin', 'correct horse');
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(admin));
  });
});
