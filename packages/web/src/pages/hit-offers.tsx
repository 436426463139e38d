// Admin: what this node offers each peer for hit/no-hit (/admin/hit-offers): per active peer, the
// entity types it may match against and the strictest case marking offered, the hourly limits, and
// a suspension for enumeration with its reason and the resume after review. Nothing is offered to a
// peer until this is set.
import { type FormEvent, useState } from 'react';
import { ErrorAlert, Field, Loading, Notice, formatDate } from '../components/ui.tsx';
import { type HitOffer, OFFER_SCHEMAS, OFFER_TLPS, hitsApi } from '../hits.ts';
import { useT } from '../i18n/use-t.tsx';
import { type Peer, federationApi } from '../requests.ts';
import { useAsync } from '../use-async.ts';

export function HitOffersPage() {
  const { t } = useT();
  const peers = useAsync(() => federationApi.peers(), []);
  const offers = useAsync(() => hitsApi.offers(), []);
  const active = (peers.data?.items ?? []).filter((p) => p.status === 'active');
  const byPeer = new Map((offers.data?.items ?? []).map((o) => [o.peerNodeId, o]));
  return (
    <>
      <h1>{t('hits.offers.title')}</h1>
      <p className="lead">{t('hits.offers.intro')}</p>
      {(peers.loading && !peers.data) || (offers.loading && !offers.data) ? <Loading /> : null}
      <ErrorAlert error={peers.error ?? offers.error} />
      {peers.data && active.length === 0 ? <p className="muted">{t('hits.offers.none')}</p> : null}
      {offers.data
        ? active.map((p) => <OfferForm key={`${p.nodeId}:${byPeer.get(p.nodeId)?.suspendedAt ?? ''}`} peer={p} offer={byPeer.get(p.nodeId)} onSaved={offers.reload} />)
        : null}
    </>
  );
}

function OfferForm({ peer, offer, onSaved }: { peer: Peer; offer: HitOffer | undefined; onSaved: () => void }) {
  const { t, ts, lng } = useT();
  const [schemas, setSchemas] = useState<string[]>(offer?.schemas ?? []);
  const [maxTlp, setMaxTlp] = useState<string>(offer?.maxTlp ?? 'AMBER');
  const [queries, setQueries] = useState(String(offer?.maxQueriesPerHour ?? 60));
  const [items, setItems] = useState(String(offer?.maxItemsPerHour ?? 50000));
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState<string | null>(null);
  const id = `offer-${peer.nodeId.replace(/[^a-zA-Z0-9-]/g, '-')}`;
  const save = async (resume: boolean) => {
    setError(undefined);
    setSaved(null);
    try {
      await hitsApi.putOffer(peer.nodeId, {
        schemas: schemas as HitOffer['schemas'],
        maxTlp: maxTlp as HitOffer['maxTlp'],
        maxQueriesPerHour: Number(queries),
        maxItemsPerHour: Number(items),
        ...(resume ? { resume: true } : {}),
      });
      setSaved(resume ? ts('hits.offers.resumed') : ts('hits.offers.saved'));
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(false);
  };
  const toggle = (s: string, on: boolean) => setSchemas((cur) => (on ? [...new Set([...cur, s])] : cur.filter((x) => x !== s)));
  return (
    <section className="panel hit-offer" aria-labelledby={`${id}-title`} data-peer={peer.nodeId}>
      <h2 id={`${id}-title`}>
        <bdi>{peer.authority.name}</bdi> <small className="muted">({peer.authority.state})</small>
      </h2>
      {offer?.suspendedAt ? (
        <div className="alert" role="alert">
          <p>{t('hits.offers.suspended', { date: formatDate(offer.suspendedAt, lng, true), reason: offer.suspendedReason ?? '' })}</p>
          <button type="button" onClick={() => void save(true)}>
            {t('hits.offers.resume')}
          </button>
        </div>
      ) : null}
      {!offer ? <p className="muted">{t('hits.offers.notSet')}</p> : null}
      <form onSubmit={submit}>
        <fieldset>
          <legend>{t('hits.offers.schemas')}</legend>
          <div className="checkbox-grid">
            {OFFER_SCHEMAS.map((s) => (
              <label key={s} className="checkbox">
                <input type="checkbox" name={`${id}-schema`} value={s} checked={schemas.includes(s)} onChange={(e) => toggle(s, e.target.checked)} /> {t(`hits.offers.schema.${s}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-tlp`}>{t('hits.offers.maxTlp')}</label>
          <select id={`${id}-tlp`} value={maxTlp} onChange={(e) => setMaxTlp(e.target.value)} aria-describedby={`${id}-tlp-hint`}>
            {OFFER_TLPS.map((tlp) => (
              <option key={tlp} value={tlp}>
                TLP:{tlp}
              </option>
            ))}
          </select>
          <small id={`${id}-tlp-hint`} className="hint">
            {t('hits.offers.maxTlpHint')}
          </small>
        </div>
        <Field id={`${id}-queries`} type="number" min={0} max={10000} required label={ts('hits.offers.maxQueries')} value={queries} onChange={(e) => setQueries(e.target.value)} />
        <Field id={`${id}-items`} type="number" min={0} max={1000000} required label={ts('hits.offers.maxItems')} value={items} onChange={(e) => setItems(e.target.value)} />
        <button type="submit">{t('hits.offers.save')}</button>
      </form>
      {saved ? <Notice>{saved}</Notice> : null}
      <ErrorAlert error={error} />
    </section>
  );
}
