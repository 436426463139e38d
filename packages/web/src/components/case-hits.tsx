// "Check with peers" on a case: asks every peer about the case's identifiers and people (nothing in
// clear leaves the node) and shows each query's progress until the peer has answered, or that it
// expired when its pages stopped coming.
import { useEffect, useState } from 'react';
import { hitsApi } from '../hits.ts';
import { useT } from '../i18n/use-t.tsx';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useAsync } from '../use-async.ts';
import { ErrorAlert, formatDate } from './ui.tsx';

const CAN_ASK = new Set(['supervisor', 'practitioner', 'analyst']);

export function CaseHitsSection({ caseId }: { caseId: string }) {
  const { t, lng } = useT();
  const { session } = useSession();
  const queries = useAsync(() => hitsApi.queries(caseId), [caseId]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const items = queries.data?.items ?? [];
  const waiting = items.some((q) => q.state === 'waiting');
  const { refresh } = queries;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(refresh, 1000);
    return () => clearInterval(timer);
  }, [waiting, refresh]);
  if (!CAN_ASK.has(session?.user.role ?? '')) return null;
  const ask = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await hitsApi.check(caseId);
      queries.refresh();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="case-hits" aria-labelledby="case-hits-title">
      <h2 id="case-hits-title">{t('hits.check.title')}</h2>
      <p className="muted">{t('hits.check.intro')}</p>
      <button type="button" onClick={ask} disabled={busy}>
        {busy ? t('hits.check.sending') : t('hits.check.action')}
      </button>
      <ErrorAlert error={error} />
      {items.length > 0 ? (
        <ul className="hit-queries" aria-live="polite">
          {items.map((q) => (
            <li key={q.id} className={`hit-query hit-query-${q.state}`}>
              {formatDate(q.createdAt, lng, true)} — {t(`hits.kind.${q.kind}`)} ({t('hits.check.items', { count: q.items })}):{' '}
              {q.state === 'expired' ? t('hits.check.expired') : q.state === 'waiting' ? t('hits.check.waiting') : t('hits.check.done', { count: q.hits ?? 0 })}
            </li>
          ))}
        </ul>
      ) : null}
      {items.some((q) => (q.hits ?? 0) > 0) ? <Link to="/hits">{t('hits.check.inbox')}</Link> : null}
    </section>
  );
}
