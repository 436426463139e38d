// The link to the notification inbox in the header, with the unread count. It asks the node again
// on every page change and every minute, so a request arriving while the user works shows up.
import { useEffect, useState } from 'react';
import { useT } from '../i18n/use-t.tsx';
import { onUnreadChange, refreshUnread } from '../requests.ts';
import { Link, useLocation } from '../router.tsx';

const POLL_MS = 60_000;

export function NotificationCount() {
  const { t, ts } = useT();
  const { pathname } = useLocation();
  const [count, setCount] = useState(0);
  useEffect(() => onUnreadChange(setCount), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refresh on every page change by design
  useEffect(() => {
    void refreshUnread();
  }, [pathname]);
  useEffect(() => {
    const timer = setInterval(() => void refreshUnread(), POLL_MS);
    return () => clearInterval(timer);
  }, []);
  return (
    <Link to="/notifications" className="notification-link" aria-label={ts('nav.notificationsCount', { count })}>
      {t('nav.notifications')}
      {count > 0 ? (
        <span className="unread-count" aria-hidden="true">
          {count}
        </span>
      ) : null}
    </Link>
  );
}
