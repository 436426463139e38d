// Admin: the stolen cultural property registry between nodes (/admin/cultural-federation, issue 15
// part 5). Per active peer, two switches that take effect at once: publish this node's public
// records to the peer (off withdraws what was sent), and accept the records the peer publishes
// (off deletes those held here); with how many records went each way and when.
import { useState } from 'react';
import type { Country } from '../api.ts';
import { ErrorAlert, formatDate, Loading } from '../components/ui.tsx';
import { type CulturalPeerSetting, culturalApi } from '../cultural.ts';
import { useT } from '../i18n/use-t.tsx';
import { countryName, loadCountries } from '../knowledge.ts';
import { Link } from '../router.tsx';
import { useAsync } from '../use-async.ts';

export function CulturalFederationPage() {
  const { t } = useT();
  const peers = useAsync(() => culturalApi.peers(), []);
  const countries = useAsync(() => loadCountries(), []);
  const active = peers.data?.items.filter((p) => p.status === 'active') ?? [];
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/admin/peers">{t('nav.peers')}</Link>
      </p>
      <h1>{t('culturalFed.title')}</h1>
      <p className="lead">{t('culturalFed.intro')}</p>
      {peers.loading && !peers.data ? <Loading /> : null}
      <ErrorAlert error={peers.error} />
      {peers.data && active.length === 0 ? (
        <p>
          {t('culturalFed.none')} <Link to="/admin/peers">{t('nav.peers')}</Link>
        </p>
      ) : null}
      {active.length ? (
        <ul className="cultural-peers">
          {active.map((p) => (
            <PeerCard key={p.nodeId} peer={p} countries={countries.data ?? []} onChanged={peers.refresh} />
          ))}
        </ul>
      ) : null}
    </>
  );
}

function PeerCard({ peer, countries, onChanged }: { peer: CulturalPeerSetting; countries: readonly Country[]; onChanged: () => void }) {
  const { t, ts, lng } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  // What the last change did, kept as a key so that it follows a change of language.
  const [said, setSaid] = useState<{ key: string; n?: number } | null>(null);
  const id = peer.nodeId;
  const when = (at: string | null) => (at ? formatDate(at, lng, true) : ts('culturalFed.never'));

  async function change(body: { publish?: boolean; accept?: boolean }) {
    setBusy(true);
    setError(undefined);
    setSaid(null);
    try {
      const r = await culturalApi.setPeer(id, body);
      if (body.publish !== undefined) setSaid({ key: r.publish ? 'culturalFed.publishedNow' : 'culturalFed.withdrawnNow', n: r.messages });
      else setSaid(r.accept ? { key: 'culturalFed.acceptedNow' } : { key: 'culturalFed.removedNow', n: r.removedRecords });
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="panel cultural-peer" aria-labelledby={`cf-${id}-name`}>
      <h2 id={`cf-${id}-name`}>
        <bdi>{peer.name}</bdi>
      </h2>
      <p className="meta">
        {countryName(
          countries.find((c) => c.code === peer.country),
          lng,
          peer.country,
        )}{' '}
        · <code dir="ltr">{peer.nodeId}</code>
      </p>
      <div className="field checkbox switch">
        <input
          id={`cf-${id}-publish`}
          type="checkbox"
          role="switch"
          checked={peer.publish}
          aria-checked={peer.publish}
          disabled={busy}
          aria-describedby={`cf-${id}-publish-hint`}
          onChange={(e) => void change({ publish: e.target.checked })}
        />
        <label htmlFor={`cf-${id}-publish`}>{t('culturalFed.publish')}</label>
        <small id={`cf-${id}-publish-hint`} className="hint">
          {t('culturalFed.publishHint', { sent: peer.publishedRecords, when: when(peer.lastSentAt) })}
        </small>
      </div>
      <div className="field checkbox switch">
        <input
          id={`cf-${id}-accept`}
          type="checkbox"
          role="switch"
          checked={peer.accept}
          aria-checked={peer.accept}
          disabled={busy}
          aria-describedby={`cf-${id}-accept-hint`}
          onChange={(e) => void change({ accept: e.target.checked })}
        />
        <label htmlFor={`cf-${id}-accept`}>{t('culturalFed.accept')}</label>
        <small id={`cf-${id}-accept-hint`} className="hint">
          {t('culturalFed.acceptHint', { held: peer.receivedRecords, when: when(peer.lastReceivedAt) })}
        </small>
      </div>
      <p role="status" aria-live="polite" className="meta">
        {said ? t(said.key, { n: said.n ?? 0 }) : null}
      </p>
      <ErrorAlert error={error} />
    </li>
  );
}
