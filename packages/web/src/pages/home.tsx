// The landing page. Anonymous visitors: what Comity does, and the way into the public knowledge
// pages. Signed in: what waits for this person (the worklist), then the places they can go,
// grouped in a few labelled sections rather than one flat row of links.
import type { ReactNode } from 'react';
import { Worklist } from '../components/worklist.tsx';
import { useT } from '../i18n/use-t.tsx';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';

export function HomePage() {
  const { t } = useT();
  const { session } = useSession();
  const user = session?.user;
  if (user && !user.mustChangePassword) {
    return (
      <>
        <h1>{t('home.title')}</h1>
        <p className="meta">{t('nav.signedInAs', { name: user.name || user.email })}</p>
        <Worklist />
        <HomeSections role={user.role} />
      </>
    );
  }
  return (
    <>
      <h1>{t('home.title')}</h1>
      {session ? <p className="meta">{t('nav.signedInAs', { name: session.user.name })}</p> : null}
      <p className="lead">{t('home.intro')}</p>
      <ul className="home-links">
        <li>
          <Link to="/legal-basis" className="button primary">
            {t('home.finderLink')}
          </Link>
        </li>
        <li>
          <Link to="/instruments" className="button">
            {t('home.instrumentsLink')}
          </Link>
        </li>
      </ul>
    </>
  );
}

function Section({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <section className="home-section" aria-labelledby={`home-${id}`}>
      <h3 id={`home-${id}`}>{title}</h3>
      <ul>{children}</ul>
    </section>
  );
}

function HomeSections({ role }: { role: string }) {
  const { t } = useT();
  return (
    <nav className="home-sections" aria-labelledby="home-sections-title">
      <h2 id="home-sections-title">{t('home.sections.title')}</h2>
      <div className="home-section-grid">
        <Section id="requests" title={t('home.sections.requests')}>
          <li>
            <Link to="/requests">{t('nav.requests')}</Link>
          </li>
          {role === 'supervisor' ? (
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
        </Section>
        <Section id="knowledge" title={t('home.sections.knowledge')}>
          <li>
            <Link to="/legal-basis">{t('nav.finder')}</Link>
          </li>
          <li>
            <Link to="/instruments">{t('nav.instruments')}</Link>
          </li>
        </Section>
        {role === 'admin' ? (
          <Section id="admin" title={t('nav.admin')}>
            <li>
              <Link to="/admin/organisations">{t('nav.organisations')}</Link>
            </li>
            <li>
              <Link to="/admin/users">{t('nav.users')}</Link>
            </li>
            <li>
              <Link to="/admin/peers">{t('nav.peers')}</Link>
            </li>
            <li>
              <Link to="/admin/knowledge">{t('nav.knowledge')}</Link>
            </li>
            <li>
              <Link to="/admin/audit">{t('nav.audit')}</Link>
            </li>
          </Section>
        ) : null}
        <Section id="you" title={t('home.sections.you')}>
          <li>
            <Link to="/notifications">{t('nav.notifications')}</Link>
          </li>
          <li>
            <Link to="/account">{t('nav.account')}</Link>
          </li>
        </Section>
      </div>
    </nav>
  );
}

export function NotFoundPage() {
  const { t } = useT();
  return (
    <>
      <h1>{t('app.notFound')}</h1>
      <p>{t('app.notFoundBody')}</p>
      <p>
        <Link to="/">{t('nav.home')}</Link>
      </p>
    </>
  );
}
