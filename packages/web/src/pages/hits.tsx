// The hit inbox (/hits): "your record may match a record of authority X; contact reference R". The
// owner reveals the case reference and a contact, or declines; what the peer revealed shows here.
import { type FormEvent, useState } from 'react';
import { ErrorAlert, Field, Loading, Notice, formatDate } from '../components/ui.tsx';
import { type Hit, hitsApi } from '../hits.ts';
import { useT } from '../i18n/use-t.tsx';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useAsync } from '../use-async.ts';

const CAN_DECIDE = new Set(['supervisor', 'practitioner']);

export function HitsPage() {
  const { t } = useT();
  const { session } = useSession();
  const hits = useAsync(() => hitsApi.list(), []);
  const [notice, setNotice] = useState<string | null>(null);
  const items = hits.data?.items ?? [];
  return (
    <>
      <h1>{t('hits.title')}</h1>
      <p className="lead">{t('hits.intro')}</p>
      {session?.user.role === 'admin' ? (
        <p>
          <Link to="/admin/hit-offers">{t('hits.offers.link')}</Link>
        </p>
      ) : null}
      {notice ? <Notice>{notice}</Notice> : null}
      {hits.loading && !hits.data ? <Loading /> : null}
      <ErrorAlert error={hits.error} />
      {hits.data && items.length === 0 ? <p className="muted">{t('hits.none')}</p> : null}
      <ul className="hit-list">
        {items.map((h) => (
          <HitCard
            key={h.id}
            hit={h}
            onChanged={(m) => {
              setNotice(m);
              hits.refresh();
            }}
          />
        ))}
      </ul>
    </>
  );
}

function HitCard({ hit, onChanged }: { hit: Hit; onChanged: (message: string) => void }) {
  const { t, ts, lng } = useT();
  const { session } = useSession();
  const [revealing, setRevealing] = useState(false);
  const [caseReference, setCaseReference] = useState('');
  const [contact, setContact] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const canDecide = CAN_DECIDE.has(session?.user.role ?? '') && hit.state === 'pending';
  const run = async (work: () => Promise<unknown>, message: string) => {
    setError(undefined);
    try {
      await work();
      onChanged(message);
    } catch (err) {
      setError(err);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(() => hitsApi.reveal(hit.id, { caseReference, contact }), ts('hits.revealed'));
  };
  const record = <Link to={`/entities/${hit.entityId}`}>{hit.entityCaption ? <bdi>{hit.entityCaption}</bdi> : hit.entityId}</Link>;
  return (
    <li className={`panel hit hit-${hit.state}`} data-hit={hit.contactReference}>
      <p className="hit-summary">
        {t('hits.summary.before')} {record} {t('hits.summary.middle')} <strong><bdi>{hit.authority}</bdi></strong>.
      </p>
      <p>
        {t('hits.contactReference')}: <code className="reference">{hit.contactReference}</code> · {formatDate(hit.createdAt, lng, true)} ·{' '}
        <span className={`badge hit-state-${hit.state}`}>{t(`hits.state.${hit.state}`)}</span>
      </p>
      {hit.ownDisclosure?.decision === 'revealed' ? (
        <p className="muted">
          {t('hits.youRevealed')}: <bdi>{hit.ownDisclosure.caseReference}</bdi> — <bdi>{hit.ownDisclosure.contact}</bdi>
        </p>
      ) : null}
      <p className="hit-peer">
        {hit.peerDisclosure === null ? (
          t('hits.peer.pending')
        ) : hit.peerDisclosure.decision === 'declined' ? (
          t('hits.peer.declined')
        ) : (
          <>
            {t('hits.peer.revealed')}: <bdi>{hit.peerDisclosure.caseReference}</bdi> — <bdi>{hit.peerDisclosure.contact}</bdi>
          </>
        )}
      </p>
      {canDecide && !revealing ? (
        <div className="actions">
          <button type="button" onClick={() => setRevealing(true)}>
            {t('hits.reveal')}
          </button>
          <button type="button" className="secondary" onClick={() => run(() => hitsApi.decline(hit.id), ts('hits.declined'))}>
            {t('hits.decline')}
          </button>
        </div>
      ) : null}
      {canDecide && revealing ? (
        <form onSubmit={submit} className="hit-reveal">
          <p className="hint">{t('hits.revealHint')}</p>
          <Field id={`ref-${hit.id}`} label={t('hits.caseReference')} value={caseReference} onChange={(e) => setCaseReference(e.target.value)} required maxLength={300} />
          <Field id={`contact-${hit.id}`} label={t('hits.contact')} value={contact} onChange={(e) => setContact(e.target.value)} required maxLength={1000} />
          <button type="submit">{t('hits.revealSubmit')}</button>
        </form>
      ) : null}
      <ErrorAlert error={error} />
    </li>
  );
}
