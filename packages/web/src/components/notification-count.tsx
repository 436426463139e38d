// The link to the notification inbox in the header, with the unread count. Live: the node's event
// stream says when the user's notifications change (and after a reconnection the count is read
// again); it is also read on every page change and, as a fallback, every five minutes.
import { useEffect, useState } from 'react';
import { useT } from '../i18n/use-t.tsx';
import { useLive } from '../live.ts';
import { onUnreadChange, refreshUnread } from '../requests.ts';
import { Link, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';

const POLL_MS = 5 * 60_000;

export function NotificationCount() {
  const { t, ts } = useT();
  const { pathname } = useLocation();
  const [count, setCount] = useState(0);
  const { refresh } = useSession();
  useEffect(() => onUnreadChange(setCount), []);
  useLive((m) => {
    if (m.kind === 'notification' || m.kind === 'reconnected') void refreshUnread();
    // The node ended the stream with the session: find out (the shell then shows signed-out).
    if (m.kind === 'ended') void refresh();
  });
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
