// The landing page. Anonymous visitors: what Comity does, and the way into the public knowledge
// pages. Signed in: what waits for this person (the worklist); the places to go are the header's
// links, grouped in labelled sections (app.tsx).
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
