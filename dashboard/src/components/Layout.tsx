/**
 * The signed-in frame: skip link, top bar (brand, user, language, sign out), navigation by
 * role and the main landmark. Below 60rem the navigation folds behind a 菜单 button.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { useAuth } from '../auth';
import { t, tEnum } from '../i18n';
import { NAV_GROUPS, navFor } from '../nav';
import { LangSwitch } from './LangSwitch';

function UserBox() {
  const { user, logout } = useAuth();
  const [leaving, setLeaving] = useState(false);
  const place = user.townshipName ?? (user.role === 'deputy' ? null : t('user.districtWide'));
  return (
    <div class="userbox">
      <span class="who">
        {user.displayName}
        <span aria-hidden="true"> · </span>
        {tEnum('role', user.role)}
        {place ? (
          <>
            <span aria-hidden="true"> · </span>
            {place}
          </>
        ) : null}
      </span>
      <LangSwitch />
      <a class="btn btn-quiet btn-small" href="/account/password">
        {t('account.password.link')}
      </a>
      <button
        type="button"
        class="btn btn-quiet btn-small"
        disabled={leaving}
        onClick={() => {
          setLeaving(true);
          void logout().finally(() => setLeaving(false));
        }}
      >
        {t(leaving ? 'user.loggingOut' : 'user.logout')}
      </button>
    </div>
  );
}

export function Layout({ children }: { children: ComponentChildren }) {
  const { user } = useAuth();
  const { path } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  // A tap on a menu link navigates; fold the menu so the page is visible.
  useEffect(() => setMenuOpen(false), [path]);
  const items = navFor(user.role);

  return (
    <>
      <a class="skip-link" href="#main">
        {t('a11y.skip')}
      </a>
      <header class="topbar">
        <button
          type="button"
          class="btn btn-quiet btn-small menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="sidenav"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          {t(menuOpen ? 'nav.closeMenu' : 'nav.menu')}
        </button>
        <a class="brand" href="/">
          <span class="brand-name">{t('app.name')}</span>
          <span class="brand-tagline">{t('app.tagline')}</span>
        </a>
        <UserBox />
      </header>
      <div class="shell">
        <nav id="sidenav" class={menuOpen ? 'sidenav open' : 'sidenav'} aria-label={t('nav.label')}>
          {NAV_GROUPS.map((group) => {
            const groupItems = items.filter((item) => item.group === group.id);
            if (groupItems.length === 0) return null;
            return (
              <div key={group.id}>
                <h2>{t(group.label)}</h2>
                <ul>
                  {groupItems.map((item) => (
                    <li key={item.href}>
                      <a href={item.href} aria-current={path.startsWith(item.href) ? 'page' : undefined}>
                        {t(item.label)}
                        {item.ready ? null : <span class="soon">{t('soon.title')}</span>}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
          <div class="mobile-only">
            <UserBox />
          </div>
        </nav>
        <main id="main" tabIndex={-1}>
          <div class="content">{children}</div>
        </main>
      </div>
    </>
  );
}
