// The shell (header, navigation, language switcher, user) and the route table.
import { type ReactNode, useEffect, useRef } from 'react';
import { NotificationCount } from './components/notification-count.tsx';
import { Loading } from './components/ui.tsx';
import { isLanguage, languages } from './i18n/languages.ts';
import { changeLanguage } from './i18n/setup.ts';
import { useT } from './i18n/use-t.tsx';
import { AccountPage } from './pages/account.tsx';
import { AuditPage } from './pages/admin-audit.tsx';
import { KnowledgeAdminPage } from './pages/admin-knowledge.tsx';
import { OrganisationsPage } from './pages/admin-organisations.tsx';
import { PeersPage } from './pages/admin-peers.tsx';
import { UsersPage } from './pages/admin-users.tsx';
import { CountryPage } from './pages/country.tsx';
import { DirectoryPage } from './pages/directory.tsx';
import { HomePage, NotFoundPage } from './pages/home.tsx';
import { InstrumentPage, InstrumentsPage } from './pages/instruments.tsx';
import { LegalBasisPage } from './pages/legal-basis.tsx';
import { NotificationsPage } from './pages/notifications.tsx';
import { ApprovalQueuePage, RequestsPage } from './pages/requests.tsx';
import { RequestEditorPage } from './pages/requests-editor.tsx';
import { RequestStatisticsPage } from './pages/requests-statistics.tsx';
import { RequestPage } from './pages/requests-view.tsx';
import { SignInPage } from './pages/sign-in.tsx';
import { Link, matchRoute, navigate, useLocation } from './router.tsx';
import { useSession } from './session.tsx';

export function App() {
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After an in-app navigation, move focus to the new page so screen readers announce it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every path change by design
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [pathname]);

  return (
    <>
      <SkipLink />
      <Header />
      <main id="main" ref={main} tabIndex={-1}>
        <Routes pathname={pathname} />
      </main>
    </>
  );
}

function SkipLink() {
  const { t } = useT();
  return (
    <a className="skip-link" href="#main">
      {t('app.skip')}
    </a>
  );
}

function Header() {
  const { t, ts, lng } = useT();
  const { session, signOut } = useSession();
  const user = session?.user;
  const ready = user && !user.mustChangePassword;
  return (
    <header className="app-header">
      <div className="brand">
        <Link to="/" className="product">
          {t('app.name')}
        </Link>
        <span className="tagline">{t('app.tagline')}</span>
      </div>
      <nav aria-label={ts('nav.main')} className="main-nav">
        <ul>
          <li>
            <Link to="/">{t('nav.home')}</Link>
          </li>
          <li>
            <Link to="/legal-basis">{t('nav.finder')}</Link>
          </li>
          <li>
            <Link to="/instruments">{t('nav.instruments')}</Link>
          </li>
          {ready ? (
            <>
              <li>
                <Link to="/requests">{t('nav.requests')}</Link>
              </li>
              {user.role === 'supervisor' ? (
                <li>
                  <Link to="/requests/approvals">{t('nav.approvals')}</Link>
                </li>
              ) : null}
              <li>
                <Link to="/requests/statistics">{t('nav.statistics')}</Link>
              </li>
              <li>
                <Link to="/directory">{t('nav.directory')}</Link>
              </li>
              <li>
                <Link to="/account">{t('nav.account')}</Link>
              </li>
            </>
          ) : null}
          {ready && user.role === 'admin' ? (
            <>
              <li>
                <Link to="/admin/organisations">{t('nav.organisations')}</Link>
              </li>
              <li>
                <Link to="/admin/users">{t('nav.users')}</Link>
              </li>
              <li>
                <Link to="/admin/audit">{t('nav.audit')}</Link>
              </li>
              <li>
                <Link to="/admin/knowledge">{t('nav.knowledge')}</Link>
              </li>
              <li>
                <Link to="/admin/peers">{t('nav.peers')}</Link>
              </li>
            </>
          ) : null}
        </ul>
      </nav>
      <div className="header-tools">
        <div className="language-switcher">
          <label htmlFor="language">{t('nav.language')}</label>
          <select
            id="language"
            value={lng}
            onChange={(e) => {
              if (isLanguage(e.target.value)) void changeLanguage(e.target.value);
            }}
          >
            {languages.map((l) => (
              <option key={l.code} value={l.code} lang={l.code}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        {ready ? <NotificationCount /> : null}
        {user ? (
          <div className="user">
            <span className="user-name">{t('nav.signedInAs', { name: user.name || user.email })}</span>
            <button
              type="button"
              onClick={async () => {
                await signOut();
                navigate('/sign-in');
              }}
            >
              {t('nav.signOut')}
            </button>
          </div>
        ) : session === null ? (
          <Link to="/sign-in" className="button">
            {t('nav.signIn')}
          </Link>
        ) : null}
      </div>
    </header>
  );
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function Routes({ pathname }: { pathname: string }): ReactNode {
  const { t } = useT();
  const { session, requireSignInForKnowledge } = useSession();
  if (session === undefined) return <Loading />;
  // A one-time password must be replaced before anything else is shown.
  if (session?.user.mustChangePassword) return <SignInPage />;

  const signIn = <Redirect to={`/sign-in?next=${encodeURIComponent(pathname)}`} />;
  const knowledge = (page: ReactNode) => (requireSignInForKnowledge && !session ? signIn : page);
  const signedIn = (page: ReactNode) => (session ? page : signIn);
  const admin = (page: ReactNode) =>
    !session ? (
      signIn
    ) : session.user.role === 'admin' ? (
      page
    ) : (
      <p className="alert alert-error" role="alert">
        {t('common.forbidden')}
      </p>
    );

  if (pathname === '/') return <HomePage />;
  if (pathname === '/sign-in') return session ? <Redirect to="/" /> : <SignInPage />;
  if (pathname === '/account') return signedIn(<AccountPage />);
  if (pathname === '/admin/organisations') return admin(<OrganisationsPage />);
  if (pathname === '/admin/users') return admin(<UsersPage />);
  if (pathname === '/admin/audit') return admin(<AuditPage />);
  if (pathname === '/admin/knowledge') return admin(<KnowledgeAdminPage />);
  if (pathname === '/admin/peers') return admin(<PeersPage />);
  if (pathname === '/directory') return signedIn(<DirectoryPage />);
  if (pathname === '/notifications') return signedIn(<NotificationsPage />);
  if (pathname === '/requests') return signedIn(<RequestsPage />);
  if (pathname === '/requests/new') return signedIn(<RequestEditorPage key="new" />);
  if (pathname === '/requests/approvals') return signedIn(<ApprovalQueuePage />);
  if (pathname === '/requests/statistics') return signedIn(<RequestStatisticsPage />);
  const editRequest = matchRoute('/requests/:id/edit', pathname);
  if (editRequest?.id) return signedIn(<RequestEditorPage key={`edit-${editRequest.id}`} id={editRequest.id} />);
  const oneRequest = matchRoute('/requests/:id', pathname);
  if (oneRequest?.id) return signedIn(<RequestPage key={oneRequest.id} id={oneRequest.id} />);
  if (pathname === '/legal-basis') return knowledge(<LegalBasisPage />);
  if (pathname === '/instruments') return knowledge(<InstrumentsPage />);
  const instrument = matchRoute('/instruments/:id', pathname);
  if (instrument?.id) return knowledge(<InstrumentPage key={instrument.id} id={instrument.id} />);
  const country = matchRoute('/countries/:code', pathname);
  if (country?.code) return knowledge(<CountryPage key={country.code} code={country.code} />);
  return <NotFoundPage />;
}
