/**
 * The signed-in user as app state. The Layout and every page below it run only with a user,
 * so `useAuth()` never returns null there; the login page lives outside this context.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Me } from './api';

export interface AuthState {
  user: Me;
  logout: () => Promise<void>;
}

export const AuthContext = createContext<AuthState | null>(null);

/** The signed-in user and the sign-out action. */
export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth() used outside the signed-in layout');
  return state;
}
