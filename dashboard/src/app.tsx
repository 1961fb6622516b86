/**
 * The app shell: locale state, the router, the session (GET /api/auth/me on start), the
 * login page, and the role-guarded pages inside the layout. Pages load lazily so a phone on
 * a slow network downloads only the page it opens.
 */
import type { AnyComponent } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import lazy, { ErrorBoundary } from 'preact-iso/lazy';
import { LocationProvider, Route, Router, useLocation } from 'preact-iso/router';
import { type ApiError, call, client, type Me, setUnauthorizedHandler } from './api';
import { AuthContext, type AuthState } from './auth';
import { Layout } from './components/Layout';
import { getLocale, type Locale, setLocale, t } from './i18n';
import { LocaleContext, type LocaleState, localised } from './i18n/context';
import { homeFor, NAV, safeNext } from './nav';
import { LoginPage } from './pages/Login';
import { ForcedPasswordChange } from './pages/account/Forced';
import { ComingSoon, Forbidden, NotFound } from './pages/Placeholder';

/** The finished pages by path; everything else in NAV shows "coming soon". */
const PAGES: Record<string, AnyComponent> = {
  '/overview': localised(lazy(() => import('./pages/overview/Overview'))),
  '/overview/weekly': localised(lazy(() => import('./pages/overview/WeeklyReport'))),
  '/roster/deputies': localised(lazy(() => import('./pages/roster/Deputies'))),
  '/roster/stations': localised(lazy(() => import('./pages/roster/Stations'))),
  '/roster/townships': localised(lazy(() => import('./pages/roster/Townships'))),
  '/roster/import': localised(lazy(() => import('./pages/roster/Import'))),
  '/audit': localised(lazy(() => import('./pages/audit/Audit'))),
  '/opinions': localised(lazy(() => import('./pages/opinions/Inbox'))),
  '/my/opinions': localised(lazy(() => import('./pages/opinions/Inbox'))),
  '/department/opinions': localised(lazy(() => import('./pages/opinions/Inbox'))),
  '/supervision': localised(lazy(() => import('./pages/departments/Supervision'))),
  '/roster/departments': localised(lazy(() => import('./pages/departments/Departments'))),
  '/users': localised(lazy(() => import('./pages/users/Users'))),
  '/trainings': localised(lazy(() => import('./pages/trainings/Trainings'))),
  '/my': localised(lazy(() => import('./pages/duty/DeputyHome'))),
  '/duty': localised(lazy(() => import('./pages/duty/Schedules'))),
  '/messages': localised(lazy(() => import('./pages/messages/Messages'))),
  '/calendar': localised(lazy(() => import('./pages/calendar/Calendar'))),
};
const OpinionItem = localised(lazy(() => import('./pages/opinions/Item')));
const AccountPassword = localised(lazy(() => import('./pages/account/Password')));
const LogReception = localised(lazy(() => import('./pages/duty/LogReception')));
const DeputyRecord = localised(lazy(() => import('./pages/duty/Record')));
const Soon = localised(ComingSoon);
const NoAccess = localised(Forbidden);
const Missing = localised(NotFound);

type Session =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'failed'; error: ApiError }
  | { status: 'signed-in'; user: Me };

/** Replaces the current URL (no history entry): used for `/` and for leaving /login. */
function Redirect({ to }: { to: string }) {
  const { route } = useLocation();
  useEffect(() => route(to, true), [to]);
  return null;
}

/** `/` sends each role to its own start page. */
function Home({ user }: { user: Me }) {
  return <Redirect to={homeFor(user.role)} />;
}

function Pages({ user }: { user: Me }) {
  return (
    <ErrorBoundary onError={(error) => console.error('page failed', error)}>
      <Router>
        <Route path="/" component={Home} user={user} />
        {NAV.map((item) => {
          if (!item.roles.includes(user.role)) return <Route key={item.href} path={item.href} component={NoAccess} />;
          const page = PAGES[item.href];
          return page ? (
            <Route key={item.href} path={item.href} component={page} />
          ) : (
            <Route key={item.href} path={item.href} component={Soon} label={item.label} />
          );
        })}
        {/* One opinion, for every role: the Worker decides who may see which (403 otherwise). */}
        <Route path="/opinions/:id" component={OpinionItem} />
        <Route path="/account/password" component={AccountPassword} />
        {/* 周报 of 总览 (the Worker allows leaders, admins and staff). */}
        <Route path="/overview/weekly" component={PAGES['/overview/weekly']!} />
        {/* Logging a duty session: staff from 进站接待, deputies from their start page; the Worker checks who. */}
        <Route path="/duty/log" component={LogReception} />
        {/* A deputy's 履职档案: staff of their township, leaders, and the deputy themself (the Worker checks). */}
        <Route path="/record/:id" component={DeputyRecord} />
        <Route default component={Missing} />
      </Router>
    </ErrorBoundary>
  );
}

function Shell() {
  const { path, url, query, route } = useLocation();
  const [session, setSession] = useState<Session>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    call(client.api.auth.me.$get(), { on401: 'throw' }).then(
      ({ user }) => setSession({ status: 'signed-in', user }),
      (error: ApiError) => setSession(error.status === 401 ? { status: 'signed-out' } : { status: 'failed', error }),
    );
  }, [attempt]);

  // An expired session anywhere sends the person to /login and back here afterwards.
  useEffect(() => setUnauthorizedHandler(() => setSession({ status: 'signed-out' })), []);
  useEffect(() => {
    if (session.status === 'signed-out' && path !== '/login') {
      route(`/login?next=${encodeURIComponent(url)}`, true);
    }
  }, [session.status, path]);

  const auth = useMemo<AuthState | null>(() => {
    if (session.status !== 'signed-in') return null;
    return {
      user: session.user,
      logout: async () => {
        try {
          await call(client.api.auth.logout.$post(), { on401: 'throw' });
        } catch {
          // Signing out of an already-expired session is still signing out.
        }
        route('/login', true);
        setSession({ status: 'signed-out' });
      },
    };
  }, [session]);

  if (session.status === 'loading') {
    return (
      <div class="center-screen" role="status">
        {t('common.loading')}
      </div>
    );
  }
  if (session.status === 'failed') {
    return (
      <div class="center-screen">
        <div role="alert">
          <p>{session.error.message}</p>
          <button type="button" class="btn" onClick={() => setAttempt(attempt + 1)}>
            {t('common.retry')}
          </button>
        </div>
      </div>
    );
  }
  if (path === '/login') {
    if (session.status === 'signed-in') return <Redirect to={safeNext(query.next) ?? homeFor(session.user.role)} />;
    return <LoginPage onSignedIn={(user) => setSession({ status: 'signed-in', user })} />;
  }
  if (!auth) return null;
  // After an admin's reset nothing but choosing a new password is possible (the Worker agrees).
  if (auth.user.mustChangePassword) {
    return <ForcedPasswordChange onChanged={(user) => setSession({ status: 'signed-in', user })} onLogout={auth.logout} />;
  }
  return (
    <AuthContext.Provider value={auth}>
      <Layout>
        <Pages user={auth.user} />
      </Layout>
    </AuthContext.Provider>
  );
}

/** The root component: language state, then routing, then the session-aware shell. */
export function App() {
  const [locale, setLocaleState] = useState<Locale>(getLocale());
  const localeState = useMemo<LocaleState>(
    () => ({
      locale,
      setLocale: (next: Locale) => {
        // Re-render once the catalog is here (English is fetched on first use).
        void setLocale(next).then(() => setLocaleState(next));
      },
    }),
    [locale],
  );
  return (
    <LocaleContext.Provider value={localeState}>
      <LocationProvider>
        <Shell />
      </LocationProvider>
    </LocaleContext.Provider>
  );
}
