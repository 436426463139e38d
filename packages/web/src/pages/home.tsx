// The landing page: what Comity does, and the way into the public knowledge pages.
import { useT } from '../i18n/use-t.tsx';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';

export function HomePage() {
  const { t } = useT();
  const { session } = useSession();
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
