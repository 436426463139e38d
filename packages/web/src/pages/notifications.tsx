// The notification inbox (/notifications): incoming requests, approvals asked of me, status changes
// and deadline reminders, newest first; reading one (or all) updates the count in the header.
import { useEffect, useState } from 'react';
import { ErrorAlert, formatDate, Loading } from '../components/ui.tsx';
import { useServerText } from '../i18n/server-text.tsx';
import { useT } from '../i18n/use-t.tsx';
import { type Notification, notificationsApi, setUnread } from '../requests.ts';
import { Link } from '../router.tsx';
import { useLive } from '../live.ts';
import { useAsync } from '../use-async.ts';

export function NotificationsPage() {
  const { t, ts, lng } = useT();
  const server = useServerText();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useAsync(() => notificationsApi.list({ unread: unreadOnly ? 'true' : undefined, limit: 200 }), [unreadOnly]);
  const [error, setError] = useState<unknown>(undefined);
  useLive((m) => {
    if (m.kind === 'notification' || m.kind === 'reconnected') list.refresh();
  });

  useEffect(() => {
    if (list.data) setUnread(list.data.unread);
  }, [list.data]);

  async function markRead(n: Notification) {
    setError(undefined);
    try {
      await notificationsApi.markRead(n.id);
      list.reload();
    } catch (err) {
      setError(err);
    }
  }

  async function markAll() {
    setError(undefined);
    try {
      await notificationsApi.markAllRead();
      list.reload();
    } catch (err) {
      setError(err);
    }
  }

  const items = list.data?.items ?? [];
  return (
    <>
      <h1>{t('notifications.title')}</h1>
      <div className="toolbar">
        <div className="field checkbox">
          <input id="notifications-unread" type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} />
          <label htmlFor="notifications-unread">{t('notifications.unreadOnly')}</label>
        </div>
        <button type="button" onClick={markAll} disabled={!list.data || list.data.unread === 0}>
          {t('notifications.markAll')}
        </button>
        {list.data ? (
          <span className="meta" role="status">
            {t('notifications.unreadCount', { count: list.data.unread })}
          </span>
        ) : null}
      </div>
      <ErrorAlert error={error} />
      {list.loading && !list.data ? <Loading /> : null}
      <ErrorAlert error={list.error} />
      {list.data && items.length === 0 ? <p>{t('notifications.none')}</p> : null}
      {items.length > 0 ? (
        <ul className="notifications">
          {items.map((n) => (
            <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
              <div className="notification-head">
                {n.readAt ? null : <span className="badge badge-unread">{t('notifications.new')}</span>}{' '}
                <span className="notification-kind">{ts(`notifications.kind.${n.kind}`)}</span>{' '}
                <time dateTime={n.createdAt} className="meta">
                  {formatDate(n.createdAt, lng, true)}
                </time>
              </div>
              <p className="notification-message">
                {server.notification(n)}
              </p>
              <div className="actions">
                {n.requestId ? (
                  <Link
                    to={`/requests/${n.requestId}`}
                    onClick={() => {
                      if (!n.readAt) void notificationsApi.markRead(n.id).catch(() => undefined);
                    }}
                  >
                    {t('notifications.open')}
                  </Link>
                ) : null}
                {!n.requestId && typeof n.params?.itemId === 'string' ? (
                  <Link
                    to={`/evidence/items/${n.params.itemId}`}
                    onClick={() => {
                      if (!n.readAt) void notificationsApi.markRead(n.id).catch(() => undefined);
                    }}
                  >
                    {t('notifications.openItem')}
                  </Link>
                ) : null}
                {!n.requestId && typeof n.params?.hitId === 'string' ? (
                  <Link
                    to="/hits"
                    onClick={() => {
                      if (!n.readAt) void notificationsApi.markRead(n.id).catch(() => undefined);
                    }}
                  >
                    {t('notifications.openHits')}
                  </Link>
                ) : null}
                {n.readAt ? null : (
                  <button type="button" onClick={() => markRead(n)} aria-label={ts('notifications.markReadLabel', { message: String(n.params?.reference ?? ts(`notifications.kind.${n.kind}`)) })}>
                    {t('notifications.markRead')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
