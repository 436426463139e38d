// Admin: federation peers (/admin/peers). This node's signed card (what it says, its fingerprint,
// download), importing a peer's card (the fingerprint is shown and must be confirmed as read out by
// the peer's operator before the peer is trusted), and the peers with suspend, resume and revoke.
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api } from '../api.ts';
import { ErrorAlert, Field, formatDate, Loading, Notice } from '../components/ui.tsx';
import { useT } from '../i18n/use-t.tsx';
import { countryName, loadCountries } from '../knowledge.ts';
import { type CardPreview, federationApi, type Peer, REQUEST_TYPES, type SignedNodeCard } from '../requests.ts';
import { Link } from '../router.tsx';
import { useAsync } from '../use-async.ts';

/** The readable fingerprint of a raw public key (base64url): SHA-256, ten groups of four hex digits,
 * the same as the node shows, so an operator can read their own out to a peer. */
export async function keyFingerprint(rawKeyB64Url: string): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const b64 = rawKeyB64Url.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const hex = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
  return (hex.slice(0, 40).match(/.{4}/g) ?? []).join(' ');
}

/** Fingerprints compare as people type them: case, spaces and colons do not matter. */
export function sameFingerprint(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[\s:]/g, '');
  return norm(a).length >= 16 && norm(a) === norm(b);
}

export function PeersPage() {
  const { t } = useT();
  const peers = useAsync(() => federationApi.peers(), []);
  return (
    <>
      <h1>{t('peers.title')}</h1>
      <p className="lead">{t('peers.intro')}</p>
      <p>
        <Link to="/admin/cultural-federation">{t('culturalFed.title')}</Link>
        {' · '}
        <Link to="/admin/hit-offers">{t('hits.offers.link')}</Link>
      </p>
      <OwnCard />
      <ImportCard onTrusted={peers.reload} />
      <section className="panel" aria-labelledby="peers-list-title">
        <h2 id="peers-list-title">{t('peers.list')}</h2>
        {peers.loading && !peers.data ? <Loading /> : null}
        <ErrorAlert error={peers.error} />
        {peers.data?.items.length === 0 ? <p>{t('peers.none')}</p> : null}
        {peers.data && peers.data.items.length > 0 ? <PeerTable peers={peers.data.items} onChanged={peers.reload} /> : null}
      </section>
    </>
  );
}

function OwnCard() {
  const { t, ts, label, lng } = useT();
  const profile = useAsync(() => federationApi.profile(), []);
  const organisations = useAsync(() => api.listOrganisations(), []);
  const [fingerprint, setFingerprint] = useState<string | null>(null);
  const card = profile.data?.card ?? null;
  const [form, setForm] = useState({ organisationId: '', endpoint: '', requestTypes: [] as string[], languages: '' });
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    const p = profile.data;
    if (!p) return;
    setForm({ organisationId: p.organisationId ?? '', endpoint: p.endpoint ?? '', requestTypes: p.requestTypes, languages: p.languages.join(', ') });
  }, [profile.data]);

  useEffect(() => {
    setFingerprint(null);
    if (card) void keyFingerprint(card.card.keys.signing.publicKey).then(setFingerprint);
  }, [card]);

  function download(signed: SignedNodeCard) {
    const blob = new Blob([`${JSON.stringify(signed, null, 2)}\n`], { type: 'application/json' });
    const href = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = href;
    a.download = `comity-card-${signed.card.nodeId}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 60_000);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setSaved(false);
    try {
      await federationApi.updateProfile({
        ...(form.organisationId ? { organisationId: form.organisationId } : {}),
        endpoint: form.endpoint.trim() || null,
        requestTypes: form.requestTypes,
        languages: form.languages
          .split(/[\s,]+/)
          .map((l) => l.trim())
          .filter(Boolean),
      });
      setSaved(true);
      profile.reload();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="panel" aria-labelledby="own-card-title">
      <h2 id="own-card-title">{t('peers.ownCard')}</h2>
      {profile.loading && !profile.data ? <Loading /> : null}
      <ErrorAlert error={profile.error} />
      {profile.data && !card ? <p className="alert alert-warn">{t('peers.noCard')}</p> : null}
      {card ? (
        <>
          <dl className="facts">
            <dt>{t('peers.nodeId')}</dt>
            <dd>
              <code className="code">{card.card.nodeId}</code>
            </dd>
            <dt>{t('peers.authority')}</dt>
            <dd>
              {card.card.authority.name} · {card.card.authority.state} · {label('kind', card.card.authority.kind)}
            </dd>
            <dt>{t('peers.endpoint')}</dt>
            <dd>
              <code className="code">{card.card.endpoint}</code>
            </dd>
            <dt>{t('peers.accepts')}</dt>
            <dd>
              {card.card.accepts.requestTypes.map((rt) => label('requests.type', rt)).join(', ') || '—'} · {card.card.accepts.languages.join(', ') || '—'}
            </dd>
            <dt>{t('peers.validUntil')}</dt>
            <dd>{formatDate(card.card.validUntil, lng)}</dd>
            <dt>{t('peers.fingerprint')}</dt>
            <dd>
              <code className="fingerprint" data-testid="own-fingerprint">
                {fingerprint ?? '—'}
              </code>
            </dd>
          </dl>
          <p className="hint">{t('peers.ownCardHint')}</p>
          <button type="button" className="primary" onClick={() => download(card)}>
            {t('peers.downloadCard')}
          </button>
        </>
      ) : null}
      <details className="more">
        <summary>{t('peers.profile')}</summary>
        <form className="form grid" onSubmit={save}>
          <div className="field">
            <label htmlFor="profile-org">{t('peers.profileOrganisation')}</label>
            <select id="profile-org" value={form.organisationId} onChange={(e) => setForm({ ...form, organisationId: e.target.value })}>
              <option value="">{ts('finder.choose')}</option>
              {(organisations.data?.items ?? []).map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name} ({o.country})
                </option>
              ))}
            </select>
          </div>
          <Field
            id="profile-endpoint"
            type="url"
            label={t('peers.endpoint')}
            hint={t('peers.endpointHint')}
            value={form.endpoint}
            onChange={(e) => setForm({ ...form, endpoint: e.target.value })}
          />
          <fieldset className="field wide choice-group">
            <legend>{t('peers.requestTypes')}</legend>
            {REQUEST_TYPES.map((rt) => (
              <div key={rt} className="field checkbox">
                <input
                  id={`profile-type-${rt}`}
                  type="checkbox"
                  checked={form.requestTypes.includes(rt)}
                  onChange={(e) =>
                    setForm({ ...form, requestTypes: e.target.checked ? [...form.requestTypes, rt] : form.requestTypes.filter((x) => x !== rt) })
                  }
                />
                <label htmlFor={`profile-type-${rt}`}>{ts(`requests.type.${rt}`)}</label>
              </div>
            ))}
          </fieldset>
          <Field
            id="profile-languages"
            label={t('peers.languages')}
            hint={t('peers.languagesHint')}
            value={form.languages}
            onChange={(e) => setForm({ ...form, languages: e.target.value })}
          />
          <div className="actions">
            <button type="submit">{t('peers.saveProfile')}</button>
          </div>
        </form>
        <ErrorAlert error={error} />
        {saved ? <Notice>{t('peers.profileSaved')}</Notice> : null}
      </details>
    </section>
  );
}

function ImportCard({ onTrusted }: { onTrusted: () => void }) {
  const { t, ts, lng } = useT();
  const [text, setText] = useState('');
  const [card, setCard] = useState<SignedNodeCard | null>(null);
  const [preview, setPreview] = useState<CardPreview | null>(null);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [trusted, setTrusted] = useState<string | null>(null);
  const countries = useAsync(() => loadCountries(), []);

  async function check(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setPreview(null);
    setTrusted(null);
    let parsed: SignedNodeCard;
    try {
      parsed = JSON.parse(text) as SignedNodeCard;
    } catch {
      setError(new ApiError(400, ts('peers.notJson')));
      return;
    }
    try {
      setPreview(await federationApi.previewCard(parsed));
      setCard(parsed);
      setTyped('');
    } catch (err) {
      setError(err);
    }
  }

  async function trust() {
    if (!card || !preview) return;
    setError(undefined);
    try {
      const peer = await federationApi.addPeer(card, typed);
      setTrusted(peer.authority.name);
      setPreview(null);
      setCard(null);
      setText('');
      onTrusted();
    } catch (err) {
      setError(err);
    }
  }

  const matches = preview ? sameFingerprint(typed, preview.signingFingerprint) : false;
  const byCode = new Map((countries.data ?? []).map((c) => [c.code, c]));

  return (
    <section className="panel" aria-labelledby="import-title">
      <h2 id="import-title">{t('peers.import')}</h2>
      <form className="form" onSubmit={check}>
        <div className="field wide">
          <label htmlFor="peer-card">{t('peers.paste')}</label>
          <textarea id="peer-card" rows={6} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} className="code-input" />
        </div>
        <div className="field">
          <label htmlFor="peer-card-file">{t('peers.file')}</label>
          <input
            id="peer-card-file"
            type="file"
            accept="application/json,.json"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) setText(await file.text());
            }}
          />
        </div>
        <div className="actions">
          <button type="submit" disabled={!text.trim()}>
            {t('peers.check')}
          </button>
        </div>
      </form>
      <ErrorAlert error={error} />
      {trusted ? <Notice>{t('peers.trusted', { name: trusted })}</Notice> : null}
      {preview ? (
        <div className="card-preview" aria-live="polite">
          <h3>{t('peers.previewTitle')}</h3>
          <dl className="facts">
            <dt>{t('peers.authority')}</dt>
            <dd>
              {preview.authority.name} · {countryName(byCode.get(preview.authority.state), lng, preview.authority.state)} · {preview.authority.kind}
            </dd>
            <dt>{t('peers.nodeId')}</dt>
            <dd>
              <code className="code">{preview.nodeId}</code>
            </dd>
            <dt>{t('peers.endpoint')}</dt>
            <dd>
              <code className="code">{preview.endpoint}</code>
            </dd>
            <dt>{t('peers.validUntil')}</dt>
            <dd>{formatDate(preview.validUntil, lng)}</dd>
            <dt>{t('peers.assessment')}</dt>
            <dd>
              {t(`peers.assessmentKind.${preview.assessment}`)}
              {preview.currentStatus ? ` · ${ts(`peers.status.${preview.currentStatus}`)}` : ''}
            </dd>
            <dt>{t('peers.fingerprint')}</dt>
            <dd>
              <code className="fingerprint" data-testid="preview-fingerprint">
                {preview.signingFingerprint}
              </code>
            </dd>
          </dl>
          <p className="alert alert-warn">{t('peers.confirmHint')}</p>
          <div className="form inline">
            <div className="field">
              <label htmlFor="confirm-fingerprint">{t('peers.confirmLabel')}</label>
              <input
                id="confirm-fingerprint"
                className="code-input"
                autoComplete="off"
                spellCheck={false}
                value={typed}
                aria-describedby="confirm-state"
                onChange={(e) => setTyped(e.target.value)}
              />
            </div>
            <button type="button" className="primary" disabled={!matches} onClick={trust}>
              {t('peers.trust')}
            </button>
          </div>
          <p id="confirm-state" className={matches ? 'ok' : 'hint'} role="status">
            {typed ? (matches ? t('peers.fingerprintMatches') : t('peers.fingerprintDiffers')) : t('peers.fingerprintEmpty')}
          </p>
        </div>
      ) : null}
    </section>
  );
}

function PeerTable({ peers, onChanged }: { peers: readonly Peer[]; onChanged: () => void }) {
  const { t, ts, label, lng } = useT();
  const [acting, setActing] = useState<{ nodeId: string; action: 'suspend' | 'resume' | 'revoke' } | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(undefined);

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (!acting) return;
    setError(undefined);
    try {
      await federationApi.peerAction(acting.nodeId, acting.action, reason.trim());
      setActing(null);
      setReason('');
      onChanged();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('peers.authority')}</th>
              <th scope="col">{t('peers.status.label')}</th>
              <th scope="col">{t('peers.fingerprint')}</th>
              <th scope="col">{t('peers.accepts')}</th>
              <th scope="col">{t('peers.outbox')}</th>
              <th scope="col">{t('peers.validUntil')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('peers.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {peers.map((p) => (
              <tr key={p.nodeId} className={p.status === 'revoked' ? 'muted' : undefined}>
                <td>
                  <strong>{p.authority.name}</strong>
                  <div className="muted">
                    {p.authority.state} · {label('kind', p.authority.kind)}
                  </div>
                  <code className="code">{p.nodeId}</code>
                  <div>
                    <code className="code">{p.endpoint}</code>
                  </div>
                </td>
                <td>
                  <span className={`badge peer-${p.status}`}>{ts(`peers.status.${p.status}`)}</span>
                  {p.expired && p.status !== 'revoked' ? <span className="badge peer-expired">{t('peers.status.expired')}</span> : null}
                  {p.statusReason ? <div className="muted">{p.statusReason}</div> : null}
                </td>
                <td>
                  <code className="fingerprint">{p.signingFingerprint}</code>
                </td>
                <td>
                  {p.accepts.requestTypes.map((rt) => label('requests.type', rt)).join(', ') || '—'}
                  <div className="muted">{p.accepts.languages.join(', ')}</div>
                </td>
                <td>{t('peers.outboxCounts', { pending: p.outbox.pending, failed: p.outbox.failed })}</td>
                <td>{formatDate(p.validUntil, lng)}</td>
                <td>
                  <div className="actions wrap">
                    {(p.status === 'active' ? (['suspend', 'revoke'] as const) : p.status === 'suspended' ? (['resume', 'revoke'] as const) : []).map((action) => (
                      <button
                        key={action}
                        type="button"
                        className={action === 'revoke' ? 'danger' : undefined}
                        aria-label={ts(`peers.actionLabel.${action}`, { name: p.authority.name })}
                        onClick={() => {
                          setActing({ nodeId: p.nodeId, action });
                          setReason('');
                          setError(undefined);
                        }}
                      >
                        {t(`peers.action.${action}`)}
                      </button>
                    ))}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {acting ? (
        <form className="form action-form" onSubmit={confirm} aria-labelledby="peer-action-title">
          <h3 id="peer-action-title">
            {ts(`peers.actionLabel.${acting.action}`, { name: peers.find((p) => p.nodeId === acting.nodeId)?.authority.name ?? acting.nodeId })}
          </h3>
          {acting.action === 'revoke' ? <p className="alert alert-warn">{t('peers.revokeWarning')}</p> : null}
          <div className="field wide">
            <label htmlFor="peer-action-reason">{t('peers.reason')}</label>
            <textarea id="peer-action-reason" rows={2} required maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <div className="actions">
            <button type="submit" className={acting.action === 'revoke' ? 'danger' : 'primary'} disabled={!reason.trim()}>
              {t(`peers.action.${acting.action}`)}
            </button>
            <button type="button" onClick={() => setActing(null)}>
              {t('requests.actions.cancel')}
            </button>
          </div>
        </form>
      ) : null}
      <ErrorAlert error={error} />
    </>
  );
}
