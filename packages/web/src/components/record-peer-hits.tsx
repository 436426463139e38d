// Backtracking across nodes on a seizure or maritime incident: "check with peers" sends the record's
// shared elements that are entities of its case (parties, the vessel) through hit/no-hit, and the
// hits on them are listed here as in the hit inbox (where the case team reveals or declines).
import { useState } from 'react';
import { hitsApi } from '../hits.ts';
import { useT } from '../i18n/use-t.tsx';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useAsync } from '../use-async.ts';
import { ErrorAlert, formatDate } from './ui.tsx';

const CAN_ASK = new Set(['supervisor', 'practitioner', 'analyst']);

export function RecordPeerHits({ kind, id, caseId }: { kind: 'seizure' | 'incident'; id: string; caseId: string | null }) {
  const { t, lng } = useT();
  const { session } = useSession();
  const role = session?.user.role ?? '';
  const hits = useAsync(() => (caseId && role !== 'viewer' ? hitsApi.recordHits(kind, id) : Promise.resolve({ items: [] })), [kind, id, caseId, role]);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  if (!caseId || !CAN_ASK.has(role)) return null;
  const ask = async () => {
    setBusy(true);
    setError(undefined);
    setSent(null);
    try {
      const r = await hitsApi.checkRecord(kind, id);
      setSent(r.queries.length);
      setTimeout(hits.refresh, 1500);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const items = hits.data?.items ?? [];
  const titleId = `peer-hits-${id}`;
  return (
    <section className="panel record-peer-hits" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('hits.record.title')}</h2>
      <p className="muted">{t('hits.record.intro')}</p>
      <div className="actions">
        <button type="button" onClick={ask} disabled={busy}>
          {busy ? t('hits.check.sending') : t('hits.check.action')}
        </button>
        <button type="button" className="secondary" onClick={hits.refresh}>
          {t('hits.record.refresh')}
        </button>
      </div>
      <div aria-live="polite">{sent !== null ? <p>{t('hits.record.sent', { count: sent })}</p> : null}</div>
      <ErrorAlert error={error ?? hits.error} />
      {hits.data && items.length === 0 ? <p className="muted">{t('hits.record.none')}</p> : null}
      {items.length > 0 ? (
        <ul className="hit-queries">
          {items.map((h) => (
            <li key={h.id}>
              <bdi>{h.entityCaption ?? h.entityId}</bdi> — {t('hits.summary.middle')} <strong><bdi>{h.authority}</bdi></strong> · <code className="reference">{h.contactReference}</code> ·{' '}
              {formatDate(h.createdAt, lng, true)} · <span className={`badge hit-state-${h.state}`}>{t(`hits.state.${h.state}`)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {items.length > 0 ? <Link to="/hits">{t('hits.check.inbox')}</Link> : null}
    </section>
  );
}
