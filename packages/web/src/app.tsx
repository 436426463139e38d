// The shell (header, navigation, language switcher, user) and the route table.
import { lazy, type ReactNode, Suspense, useEffect, useRef } from 'react';
import { NotificationCount } from './components/notification-count.tsx';
import { Loading } from './components/ui.tsx';
import { isLanguage, languages } from './i18n/languages.ts';
import { changeLanguage } from './i18n/setup.ts';
import { useT } from './i18n/use-t.tsx';
import { HomePage, NotFoundPage } from './pages/home.tsx';
import { SignInPage } from './pages/sign-in.tsx';
import { Link, matchRoute, navigate, useLocation } from './router.tsx';
import { useSession } from './session.tsx';

// Each page is its own chunk, loaded the first time its route is shown, so the first load carries
// only the shell, the home page and sign-in (no chunk over Vite's 500 kB warning).
const EntityPage = lazy(() => import('./pages/entity.tsx').then((m) => ({ default: m.EntityPage })));
const CulturalListPage = lazy(() => import('./pages/cultural-records.tsx').then((m) => ({ default: m.CulturalListPage })));
const CulturalRecordPage = lazy(() => import('./pages/cultural-records.tsx').then((m) => ({ default: m.CulturalRecordPage })));
const CulturalEditorPage = lazy(() => import('./pages/cultural-records.tsx').then((m) => ({ default: m.CulturalEditorPage })));
const CulturalChecksPage = lazy(() => import('./pages/cultural-checks.tsx').then((m) => ({ default: m.CulturalChecksPage })));
const CulturalCheckPage = lazy(() => import('./pages/cultural-check.tsx').then((m) => ({ default: m.CulturalCheckPage })));
const AccountPage = lazy(() => import('./pages/account.tsx').then((m) => ({ default: m.AccountPage })));
const AuthoritiesAdminPage = lazy(() => import('./pages/admin-authorities.tsx').then((m) => ({ default: m.AuthoritiesAdminPage })));
const EvidenceTimestampsPage = lazy(() => import('./pages/evidence-timestamps.tsx').then((m) => ({ default: m.EvidenceTimestampsPage })));
const AuditPage = lazy(() => import('./pages/admin-audit.tsx').then((m) => ({ default: m.AuditPage })));
const DeclaredFactsPage = lazy(() => import('./pages/admin-facts.tsx').then((m) => ({ default: m.DeclaredFactsPage })));
const KnowledgeAdminPage = lazy(() => import('./pages/admin-knowledge.tsx').then((m) => ({ default: m.KnowledgeAdminPage })));
const OrganisationsPage = lazy(() => import('./pages/admin-organisations.tsx').then((m) => ({ default: m.OrganisationsPage })));
const CulturalFederationPage = lazy(() => import('./pages/cultural-federation.tsx').then((m) => ({ default: m.CulturalFederationPage })));
const PeersPage = lazy(() => import('./pages/admin-peers.tsx').then((m) => ({ default: m.PeersPage })));
const UsersPage = lazy(() => import('./pages/admin-users.tsx').then((m) => ({ default: m.UsersPage })));
const CountryPage = lazy(() => import('./pages/country.tsx').then((m) => ({ default: m.CountryPage })));
const DirectoryPage = lazy(() => import('./pages/directory.tsx').then((m) => ({ default: m.DirectoryPage })));
const InstrumentPage = lazy(() => import('./pages/instruments.tsx').then((m) => ({ default: m.InstrumentPage })));
const InstrumentsPage = lazy(() => import('./pages/instruments.tsx').then((m) => ({ default: m.InstrumentsPage })));
const LegalBasisPage = lazy(() => import('./pages/legal-basis.tsx').then((m) => ({ default: m.LegalBasisPage })));
const NotificationsPage = lazy(() => import('./pages/notifications.tsx').then((m) => ({ default: m.NotificationsPage })));
const ApprovalQueuePage = lazy(() => import('./pages/requests.tsx').then((m) => ({ default: m.ApprovalQueuePage })));
const RequestsPage = lazy(() => import('./pages/requests.tsx').then((m) => ({ default: m.RequestsPage })));
const RequestEditorPage = lazy(() => import('./pages/requests-editor.tsx').then((m) => ({ default: m.RequestEditorPage })));
const RequestStatisticsPage = lazy(() => import('./pages/requests-statistics.tsx').then((m) => ({ default: m.RequestStatisticsPage })));
const HitOffersPage = lazy(() => import('./pages/hit-offers.tsx').then((m) => ({ default: m.HitOffersPage })));
const PersonSearchPage = lazy(() => import('./pages/person-search.tsx').then((m) => ({ default: m.PersonSearchPage })));
const HitsPage = lazy(() => import('./pages/hits.tsx').then((m) => ({ default: m.HitsPage })));
const ConsentsPage = lazy(() => import('./pages/consents.tsx').then((m) => ({ default: m.ConsentsPage })));
const DeniedAttemptsPage = lazy(() => import('./pages/consents.tsx').then((m) => ({ default: m.DeniedAttemptsPage })));
const EvidenceCapturePage = lazy(() => import('./pages/evidence-capture.tsx').then((m) => ({ default: m.EvidenceCapturePage })));
const RequestPage = lazy(() => import('./pages/requests-view.tsx').then((m) => ({ default: m.RequestPage })));
const CaseListPage = lazy(() => import('./pages/cases.tsx').then((m) => ({ default: m.CaseListPage })));
const NewCasePage = lazy(() => import('./pages/cases.tsx').then((m) => ({ default: m.NewCasePage })));
const CasePage = lazy(() => import('./pages/cases.tsx').then((m) => ({ default: m.CasePage })));
const SeizureListPage = lazy(() => import('./pages/seizures.tsx').then((m) => ({ default: m.SeizureListPage })));
const SeizurePage = lazy(() => import('./pages/seizures.tsx').then((m) => ({ default: m.SeizurePage })));
const SeizureImportPage = lazy(() => import('./pages/seizures.tsx').then((m) => ({ default: m.SeizureImportPage })));
const IncidentListPage = lazy(() => import('./pages/seizures.tsx').then((m) => ({ default: m.IncidentListPage })));
const SeizureMapPage = lazy(() => import('./pages/seizure-map.tsx').then((m) => ({ default: m.SeizureMapPage })));
const IncidentPage = lazy(() => import('./pages/seizures.tsx').then((m) => ({ default: m.IncidentPage })));
const RegistryStatisticsPage = lazy(() => import('./pages/registry-statistics.tsx').then((m) => ({ default: m.RegistryStatisticsPage })));
const EvidenceItemPage = lazy(() => import('./pages/evidence-item.tsx').then((m) => ({ default: m.EvidenceItemPage })));

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
        <Suspense fallback={<Loading />}>
          <Routes pathname={pathname} />
        </Suspense>
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
        {/* Links in a few labelled groups (knowledge, requests, administration), not one flat row. */}
        <ul>
          <li>
            <Link to="/">{t('nav.home')}</Link>
          </li>
          <li>
            <Link to="/cultural-property/check">{t('nav.culturalCheck')}</Link>
          </li>
          <NavGroup id="knowledge" label={t('nav.groupKnowledge')}>
            <li>
              <Link to="/legal-basis">{t('nav.finder')}</Link>
            </li>
            <li>
              <Link to="/instruments">{t('nav.instruments')}</Link>
            </li>
          </NavGroup>
          {ready ? (
            <NavGroup id="requests" label={t('nav.groupRequests')}>
              <li>
                <Link to="/cases">{t('cases.nav')}</Link>
              </li>
              <li>
                <Link to="/requests">{t('nav.requests')}</Link>
              </li>
              <li>
                <Link to="/seizures">{t('nav.seizures')}</Link>
              </li>
              {user.role === 'supervisor' ? (
                <li>
                  <Link to="/requests/approvals">{t('nav.approvals')}</Link>
                </li>
              ) : null}
              {user.role === 'supervisor' ? (
                <li>
                  <Link to="/admin/facts">{t('nav.facts')}</Link>
                </li>
              ) : null}
              <li>
                <Link to="/requests/statistics">{t('nav.statistics')}</Link>
              </li>
              <li>
                <Link to="/cultural-property">{t('nav.culturalRecords')}</Link>
              </li>
              {user.role === 'supervisor' || user.role === 'practitioner' ? (
                <li>
                  <Link to="/consents">{t('nav.consents')}</Link>
                </li>
              ) : null}
              {user.role !== 'viewer' ? (
                <li>
                  <Link to="/hits">{t('nav.hits')}</Link>
                </li>
              ) : null}
              {user.role !== 'viewer' ? (
                <li>
                  <Link to="/entities/search">{t('nav.personSearch')}</Link>
                </li>
              ) : null}
              {user.role === 'supervisor' || user.role === 'admin' ? (
                <li>
                  <Link to="/policy/denials">{t('nav.denials')}</Link>
                </li>
              ) : null}
              <li>
                <Link to="/directory">{t('nav.directory')}</Link>
              </li>
            </NavGroup>
          ) : null}
          {ready && user.role === 'admin' ? (
            <NavGroup id="admin" label={t('nav.admin')}>
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
                <Link to="/admin/facts">{t('nav.facts')}</Link>
              </li>
              <li>
                <Link to="/admin/peers">{t('nav.peers')}</Link>
              </li>
              <li>
                <Link to="/admin/authorities">{t('nav.authorities')}</Link>
              </li>
            </NavGroup>
          ) : null}
          {ready ? (
            <li>
              <Link to="/account">{t('nav.account')}</Link>
            </li>
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

/** A labelled group of header links. */
function NavGroup({ id, label, children }: { id: string; label: ReactNode; children: ReactNode }) {
  return (
    <li className="nav-group">
      <span className="nav-group-label" id={`nav-group-${id}`}>
        {label}
      </span>
      <ul aria-labelledby={`nav-group-${id}`}>{children}</ul>
    </li>
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
  // Administrators edit; supervisors approve (the API refuses anyone else).
  if (pathname === '/admin/facts') return signedIn(<DeclaredFactsPage />);
  if (pathname === '/admin/peers') return admin(<PeersPage />);
  if (pathname === '/admin/cultural-federation') return admin(<CulturalFederationPage />);
  if (pathname === '/admin/hit-offers') return admin(<HitOffersPage />);
  if (pathname === '/admin/authorities') return admin(<AuthoritiesAdminPage />);
  if (pathname === '/directory') return signedIn(<DirectoryPage />);
  if (pathname === '/notifications') return signedIn(<NotificationsPage />);
  if (pathname === '/requests') return signedIn(<RequestsPage />);
  if (pathname === '/requests/new') return signedIn(<RequestEditorPage key="new" />);
  if (pathname === '/requests/approvals') return signedIn(<ApprovalQueuePage />);
  if (pathname === '/requests/statistics') return signedIn(<RequestStatisticsPage />);
  if (pathname === '/statistics') return signedIn(<RegistryStatisticsPage />);
  if (pathname === '/consents') return signedIn(<ConsentsPage />);
  if (pathname === '/hits') return signedIn(<HitsPage />);
  if (pathname === '/entities/search') return signedIn(<PersonSearchPage />);
  if (pathname === '/policy/denials') return signedIn(<DeniedAttemptsPage />);
  if (pathname === '/cases') return signedIn(<CaseListPage />);
  if (pathname === '/cases/new') return signedIn(<NewCasePage />);
  const oneCase = matchRoute('/cases/:id', pathname);
  if (oneCase?.id) return signedIn(<CasePage key={oneCase.id} id={oneCase.id} />);
  if (pathname === '/seizures') return signedIn(<SeizureListPage />);
  if (pathname === '/seizures/import') return signedIn(<SeizureImportPage />);
  if (pathname === '/seizures/map') return signedIn(<SeizureMapPage />);
  const seizure = matchRoute('/seizures/:id', pathname);
  if (seizure?.id) return signedIn(<SeizurePage key={seizure.id} id={seizure.id} />);
  if (pathname === '/incidents') return signedIn(<IncidentListPage />);
  const incident = matchRoute('/incidents/:id', pathname);
  if (incident?.id) return signedIn(<IncidentPage key={incident.id} id={incident.id} />);
  if (pathname === '/evidence/capture') return signedIn(<EvidenceCapturePage />);
  const editRequest = matchRoute('/requests/:id/edit', pathname);
  if (editRequest?.id) return signedIn(<RequestEditorPage key={`edit-${editRequest.id}`} id={editRequest.id} />);
  const itemTimestamps = matchRoute('/evidence/items/:id/timestamps', pathname);
  if (itemTimestamps?.id) return signedIn(<EvidenceTimestampsPage key={itemTimestamps.id} itemId={itemTimestamps.id} />);
  const oneRequest = matchRoute('/requests/:id', pathname);
  if (oneRequest?.id) return signedIn(<RequestPage key={oneRequest.id} id={oneRequest.id} />);
  const entity = matchRoute('/entities/:id', pathname);
  if (entity?.id) return signedIn(<EntityPage key={entity.id} id={entity.id} />);
  const evidenceItem = matchRoute('/evidence/items/:id', pathname);
  if (evidenceItem?.id) return signedIn(<EvidenceItemPage key={evidenceItem.id} id={evidenceItem.id} />);
  // The public check of the stolen cultural property registry needs no sign-in.
  if (pathname === '/cultural-property/check') return <CulturalCheckPage />;
  if (pathname === '/cultural-property') return signedIn(<CulturalListPage />);
  if (pathname === '/cultural-property/checks') return signedIn(<CulturalChecksPage />);
  if (pathname === '/cultural-property/new') return signedIn(<CulturalEditorPage key="new" />);
  const editCultural = matchRoute('/cultural-property/:id/edit', pathname);
  if (editCultural?.id) return signedIn(<CulturalEditorPage key={`edit-${editCultural.id}`} id={editCultural.id} />);
  const culturalRecord = matchRoute('/cultural-property/:id', pathname);
  if (culturalRecord?.id) return signedIn(<CulturalRecordPage key={culturalRecord.id} id={culturalRecord.id} />);
  if (pathname === '/legal-basis') return knowledge(<LegalBasisPage />);
  if (pathname === '/instruments') return knowledge(<InstrumentsPage />);
  const instrument = matchRoute('/instruments/:id', pathname);
  if (instrument?.id) return knowledge(<InstrumentPage key={instrument.id} id={instrument.id} />);
  const country = matchRoute('/countries/:code', pathname);
  if (country?.code) return knowledge(<CountryPage key={country.code} code={country.code} />);
  return <NotFoundPage />;
}
