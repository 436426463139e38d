// One evidence item (/evidence/items/:id): a preview from the content route (image, PDF, video,
// audio, text), what the node knows of it (type, size, SHA-256 and SHA-512 with copy buttons,
// marking), its custody timeline with the node's verdict on the chain, and the actions: seal and
// release (supervisors), download (a sealed item needs the approval of a supervisor the user picks:
// components/evidence-download-approval.tsx), make a working copy, build the court package.
import { type ReactNode, useEffect, useState } from 'react';
import { ApiError } from '../api.ts';
import { EvidenceDownloadApproval } from '../components/evidence-download-approval.tsx';
import { timestampLabel } from '../components/evidence-list.tsx';
import { EvidencePackagePanel } from '../components/evidence-package.tsx';
import { EvidenceTimestamps } from '../components/evidence-timestamps.tsx';
import { EvidenceTransfers } from '../components/evidence-transfers.tsx';
import { formatBytes } from '../components/request-attachments.tsx';
import { MarkingBadge } from '../components/request-badges.tsx';
import { ErrorAlert, formatDate, Loading, Notice } from '../components/ui.tsx';
import { type CustodyLog, type EvidenceItem, evidenceApi } from '../evidence.ts';
import { useT } from '../i18n/use-t.tsx';
import { downloadFile } from '../requests.ts';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useAsync } from '../use-async.ts';

/** Where the timestamps panel goes (the lead mounts `EvidenceTimestamps` here); renders nothing meanwhile. */
export function EvidenceTimestampsSlot({ item }: { item: EvidenceItem; onChange: () => void }): ReactNode {
  return <EvidenceTimestamps itemId={item.id} />;
}

export function EvidenceItemPage({ id }: { id: string }) {
  const { t } = useT();
  const item = useAsync(() => evidenceApi.get(id), [id]);
  const custody = useAsync(() => evidenceApi.custody(id), [id]);
  const refresh = () => {
    item.refresh();
    custody.refresh();
  };
  if (item.loading && !item.data) return <Loading />;
  if (!item.data)
    return (
      <>
        <h1>{t('evidence.item.heading')}</h1>
        <ErrorAlert error={item.error} />
      </>
    );
  const view = item.data;
  const owner = view.caseId ? `/cases/${view.caseId}` : view.requestId ? `/requests/${view.requestId}` : null;
  return (
    <article className="evidence-item">
      <p className="meta">
        {owner ? <Link to={owner}>{view.caseId ? t('evidence.item.backToCase') : t('evidence.item.backToRequest')}</Link> : null}
      </p>
      <h1 dir="auto">{view.title}</h1>
      <p className="meta">
        <MarkingBadge marking={view.marking.tlp} /> {view.sealed ? <span className="badge sealed">{t('evidence.sealed')}</span> : null}{' '}
        {view.role === 'working-copy' ? <span className="badge">{t('evidence.role.working-copy')}</span> : null}
      </p>
      <section className="panel" aria-labelledby="evidence-preview-title">
        <h2 id="evidence-preview-title">{t('evidence.item.preview')}</h2>
        <Preview item={view} />
      </section>
      <section className="panel" aria-labelledby="evidence-facts-title">
        <h2 id="evidence-facts-title">{t('evidence.item.details')}</h2>
        <Facts item={view} />
      </section>
      <EvidenceTimestampsSlot item={view} onChange={refresh} />
      <EvidenceTransfers item={view} />
      <section className="panel" aria-labelledby="evidence-actions-title">
        <h2 id="evidence-actions-title">{t('evidence.item.actions')}</h2>
        <Actions item={view} onChange={refresh} />
      </section>
      <EvidencePackagePanel kind="item" id={view.id} />
      <section className="panel" aria-labelledby="evidence-custody-title">
        <h2 id="evidence-custody-title">{t('evidence.custody.title')}</h2>
        {custody.loading && !custody.data ? <Loading /> : null}
        <ErrorAlert error={custody.error} />
        {custody.data ? <Custody log={custody.data} /> : null}
      </section>
    </article>
  );
}

function Preview({ item }: { item: EvidenceItem }) {
  const { t } = useT();
  const src = evidenceApi.contentUrl(item.id, 'inline');
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  useEffect(() => {
    if (item.preview !== 'text') return;
    let live = true;
    fetch(src, { credentials: 'same-origin' })
      .then(async (r) => {
        if (!r.ok) throw new ApiError(r.status, `HTTP ${r.status}`);
        const body = await r.text();
        if (live) setText(body.length > 200_000 ? `${body.slice(0, 200_000)}\n…` : body);
      })
      .catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
    };
  }, [item.preview, src]);
  switch (item.preview) {
    case 'image':
      return <img className="evidence-preview-image" src={src} alt={item.title} />;
    case 'pdf':
      return <iframe className="evidence-preview-pdf" src={src} title={item.title} />;
    case 'video':
      // biome-ignore lint/a11y/useMediaCaption: evidence has no caption track; the item's title names it
      return <video className="evidence-preview-media" src={src} controls preload="metadata" aria-label={item.title} />;
    case 'audio':
      // biome-ignore lint/a11y/useMediaCaption: evidence has no caption track; the item's title names it
      return <audio src={src} controls preload="metadata" aria-label={item.title} />;
    case 'text':
      return (
        <>
          <ErrorAlert error={error} />
          {text === null && !error ? <Loading /> : null}
          {text !== null ? (
            <pre className="evidence-preview-text" dir="auto">
              {text}
            </pre>
          ) : null}
        </>
      );
    default:
      return <p className="muted">{t('evidence.item.noPreview')}</p>;
  }
}

function CopyHash({ label, value }: { label: string; value: string }) {
  const { t, ts } = useT();
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  }
  return (
    <>
      <code className="code hash" dir="ltr">
        {value}
      </code>{' '}
      <button type="button" className="secondary small" onClick={copy} aria-label={ts('evidence.item.copyLabel', { what: label })}>
        {copied ? t('evidence.item.copied') : t('evidence.item.copy')}
      </button>
    </>
  );
}

function Facts({ item }: { item: EvidenceItem }) {
  const { t, ts, lng } = useT();
  return (
    <dl className="facts">
      {item.description ? (
        <>
          <dt>{t('evidence.field.description')}</dt>
          <dd dir="auto">{item.description}</dd>
        </>
      ) : null}
      <dt>{t('evidence.field.filename')}</dt>
      <dd dir="auto">{item.filename ?? '—'}</dd>
      <dt>{t('evidence.field.mediaType')}</dt>
      <dd>
        <code dir="ltr">{item.mediaType}</code>
      </dd>
      <dt>{t('evidence.field.size')}</dt>
      <dd>{formatBytes(item.size, lng)}</dd>
      <dt>{t('evidence.field.source')}</dt>
      <dd>{ts(`evidence.source.${item.source.kind}`)}</dd>
      <dt>{t('evidence.field.capturedBy')}</dt>
      <dd>
        {item.capturedBy?.email ?? '—'} · {formatDate(item.createdAt, lng, true)}
      </dd>
      <dt>{t('evidence.field.sha256')}</dt>
      <dd>
        <CopyHash label="SHA-256" value={item.sha256} />
      </dd>
      <dt>{t('evidence.field.sha512')}</dt>
      <dd>{item.sha512 ? <CopyHash label="SHA-512" value={item.sha512} /> : <span className="muted">{t('evidence.item.sha512Pending')}</span>}</dd>
      <dt>{t('evidence.field.marking')}</dt>
      <dd>
        <MarkingBadge marking={item.marking.tlp} /> {item.marking.handling}
      </dd>
      <dt>{t('evidence.field.timestamp')}</dt>
      <dd>{timestampLabel(ts, item.timestampState)}</dd>
      {item.derivedFrom ? (
        <>
          <dt>{t('evidence.field.derivedFrom')}</dt>
          <dd>
            <Link to={`/evidence/items/${item.derivedFrom}`}>{t('evidence.item.original')}</Link>
          </dd>
        </>
      ) : null}
      {item.sealed ? (
        <>
          <dt>{t('evidence.sealed')}</dt>
          <dd>{formatDate(item.sealed.at, lng, true)}</dd>
        </>
      ) : null}
    </dl>
  );
}

function Actions({ item, onChange }: { item: EvidenceItem; onChange: () => void }) {
  const { t } = useT();
  const { session } = useSession();
  const role = session?.user.role;
  const supervisor = role === 'supervisor';
  const canAdd = role === 'supervisor' || role === 'practitioner' || role === 'analyst';
  const [error, setError] = useState<unknown>(undefined);
  const [notice, setNotice] = useState<ReactNode>(null);
  const [busy, setBusy] = useState(false);
  const [needsApproval, setNeedsApproval] = useState(false);

  async function act(work: () => Promise<ReactNode>) {
    setBusy(true);
    setError(undefined);
    setNotice(null);
    setNeedsApproval(false);
    try {
      setNotice(await work());
      onChange();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'sealed_needs_approval') setNeedsApproval(true);
      else setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function download() {
    await act(async () => {
      await downloadFile(evidenceApi.contentUrl(item.id, 'attachment'), item.filename ?? item.id);
      return t('evidence.actions.downloaded');
    });
  }

  return (
    <div className="evidence-actions">
      {item.sealed ? <p className="muted">{t('evidence.actions.sealedHint')}</p> : null}
      <p className="actions">
        <button type="button" onClick={download} disabled={busy}>
          {t('evidence.actions.download')}
        </button>{' '}
        {supervisor && item.role === 'original' && !item.sealed ? (
          <button type="button" className="secondary" disabled={busy} onClick={() => act(async () => {
            await evidenceApi.seal(item.id);
            return t('evidence.actions.sealedOk');
          })}>
            {t('evidence.actions.seal')}
          </button>
        ) : null}{' '}
        {supervisor && item.sealed ? (
          <button type="button" className="secondary" disabled={busy} onClick={() => act(async () => {
            await evidenceApi.release(item.id);
            return t('evidence.actions.releasedOk');
          })}>
            {t('evidence.actions.release')}
          </button>
        ) : null}{' '}
        {canAdd && item.role === 'original' ? (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() =>
              act(async () => {
                const copy = await evidenceApi.workingCopy(item.id);
                return (
                  <>
                    {t('evidence.actions.copyMade')} <Link to={`/evidence/items/${copy.id}`}>{t('evidence.upload.open')}</Link>
                  </>
                );
              })
            }
          >
            {t('evidence.actions.workingCopy')}
          </button>
        ) : null}
      </p>
      {needsApproval ? (
        <p className="alert alert-error" role="alert">
          {t('evidence.downloadRequest.needsApproval')}
        </p>
      ) : null}
      {item.sealed ? <EvidenceDownloadApproval item={item} onChange={onChange} /> : null}
      <ErrorAlert error={error} />
      {notice ? <Notice>{notice}</Notice> : null}
    </div>
  );
}

function Custody({ log }: { log: CustodyLog }) {
  const { t, ts, lng } = useT();
  return (
    <>
      {log.verification.ok ? (
        <p className="badge verified" role="status">
          {t('evidence.custody.verified')}
        </p>
      ) : (
        <div className="alert alert-error" role="alert">
          <p>{t('evidence.custody.broken')}</p>
          <ul>
            {log.verification.problems.map((p) => (
              <li key={`${p.seq}-${p.kind}`}>
                #{p.seq} <code dir="ltr">{p.kind}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ol className="custody-timeline">
        {log.events.map((e) => (
          <li key={e.seq}>
            <span className="custody-kind">{ts(`evidence.custodyKind.${e.kind}`)}</span>{' '}
            <time dateTime={e.at}>{formatDate(e.at, lng, true)}</time> · <span dir="ltr">{e.actorEmail ?? t('evidence.custody.node')}</span>
            <div>
              <code className="code" dir="ltr" title={e.hash}>
                {e.hash.slice(0, 16)}…
              </code>
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}
