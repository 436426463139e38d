// An item's transfers between nodes (issue 12 part 5): "Send to <the other authority>" for an item of
// a request exchanged with a peer node (the requesting side with its request, the requested side with
// its answer), each transfer's state (offered, sending x %, accepted, refused with the reason), and,
// for an item received from the other node, asking its sender's consent for one use. The node's
// release policy decides; a refusal comes back as the problem it is.
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { client, unwrap } from '../api.ts';
import type { EvidenceItem } from '../evidence.ts';
import { useT } from '../i18n/use-t.tsx';
import { consentsApi } from '../policy.ts';
import { requestsApi } from '../requests.ts';
import { useSession } from '../session.tsx';
import { useAsync } from '../use-async.ts';
import { formatDate } from '../format.ts';
import { ErrorAlert, Notice } from './ui.tsx';

const byId = (id: string) => ({ params: { path: { id } } });
export const transfersApi = {
  list: (id: string) => unwrap(client.GET('/api/v1/evidence/{id}/transfers', byId(id))),
  send: (id: string) => unwrap(client.POST('/api/v1/evidence/{id}/transfers', { ...byId(id), body: {} })),
};

export function EvidenceTransfers({ item }: { item: EvidenceItem }) {
  const { t, ts, lng } = useT();
  const { session } = useSession();
  const role = session?.user.role;
  const request = useAsync(() => (item.requestId ? requestsApi.get(item.requestId) : Promise.resolve(null)), [item.requestId]);
  const list = useAsync(() => transfersApi.list(item.id), [item.id]);
  const [error, setError] = useState<unknown>(undefined);
  const [notice, setNotice] = useState<ReactNode>(null);
  const [busy, setBusy] = useState(false);
  const moving = (list.data?.items ?? []).some((x) => x.state === 'offered' || x.state === 'sending');
  useEffect(() => {
    if (!moving) return;
    const timer = setInterval(() => list.refresh(), 2000);
    return () => clearInterval(timer);
  }, [moving, list.refresh]);

  const req = request.data;
  if (!item.requestId || !req?.counterpartNodeId) return null;
  const authority = (req.side === 'requesting' ? req.requested.name : req.requesting.name) ?? req.requestedState;
  const canSend = role === 'supervisor' || role === 'practitioner';
  const received = item.source.kind === 'received';

  async function send() {
    setBusy(true);
    setError(undefined);
    setNotice(null);
    try {
      await transfersApi.send(item.id);
      setNotice(t('evidence.transfers.sent', { authority }));
      list.refresh();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="evidence-transfers-title">
      <h2 id="evidence-transfers-title">{t('evidence.transfers.title')}</h2>
      {canSend && !received ? (
        <p className="actions">
          <button type="button" onClick={send} disabled={busy}>
            {t('evidence.transfers.send', { authority })}
          </button>
        </p>
      ) : null}
      <ErrorAlert error={error ?? list.error} />
      {notice ? <Notice>{notice}</Notice> : null}
      {list.data && list.data.items.length === 0 ? <p className="muted">{t('evidence.transfers.none')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <ul className="transfer-list">
          {list.data.items.map((x) => (
            <li key={x.transferId} data-state={x.state}>
              <strong>{t(`evidence.transfers.direction.${x.direction}`, { authority: x.peer.authority ?? x.peer.nodeId })}</strong>{' '}
              <span className="badge">{t(`evidence.transfers.state.${x.state}`)}</span>{' '}
              {x.state === 'sending' && x.progress !== null ? (
                <progress max={100} value={x.progress} aria-label={ts('evidence.transfers.progress', { percent: x.progress })}>
                  {x.progress} %
                </progress>
              ) : null}{' '}
              <span className="muted">{formatDate(x.completedAt ?? x.createdAt, lng, true)}</span>
              {x.refusal ? (
                <p className="alert alert-error" dir="auto">
                  {t('evidence.transfers.refusal', { reason: x.refusal })}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {received && item.requestId && (role === 'supervisor' || role === 'practitioner' || role === 'analyst') ? <AskConsent itemId={item.id} requestId={item.requestId} authority={authority} /> : null}
    </section>
  );
}

function AskConsent({ itemId, requestId, authority }: { itemId: string; requestId: string; authority: string }) {
  const { t } = useT();
  const [action, setAction] = useState<'export' | 'transmit' | 'attach'>('export');
  const [purpose, setPurpose] = useState('');
  const [proceedings, setProceedings] = useState('');
  const [recipient, setRecipient] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await consentsApi.ask({
        requestId,
        itemId,
        action,
        purpose: purpose.trim(),
        ...(action === 'attach' ? { proceedings: proceedings.trim() } : {}),
        ...(action === 'transmit' ? { recipientNodeId: recipient.trim() } : {}),
      });
      setDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} aria-labelledby="evidence-consent-title">
      <h3 id="evidence-consent-title">{t('evidence.transfers.consent.title', { authority })}</h3>
      <p className="muted">{t('evidence.transfers.consent.hint')}</p>
      <div className="field">
        <label htmlFor="evidence-consent-action">{t('evidence.transfers.consent.action')}</label>
        <select id="evidence-consent-action" value={action} onChange={(e) => setAction(e.target.value as typeof action)}>
          <option value="export">{t('evidence.transfers.consent.export')}</option>
          <option value="transmit">{t('evidence.transfers.consent.transmit')}</option>
          <option value="attach">{t('evidence.transfers.consent.attach')}</option>
        </select>
      </div>
      {action === 'attach' ? (
        <div className="field">
          <label htmlFor="evidence-consent-proceedings">{t('evidence.transfers.consent.proceedings')}</label>
          <input id="evidence-consent-proceedings" value={proceedings} onChange={(e) => setProceedings(e.target.value)} required maxLength={500} dir="auto" />
        </div>
      ) : null}
      {action === 'transmit' ? (
        <div className="field">
          <label htmlFor="evidence-consent-recipient">{t('evidence.transfers.consent.recipient')}</label>
          <input id="evidence-consent-recipient" value={recipient} onChange={(e) => setRecipient(e.target.value)} required maxLength={200} dir="ltr" />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="evidence-consent-purpose">{t('evidence.transfers.consent.purpose')}</label>
        <textarea id="evidence-consent-purpose" value={purpose} onChange={(e) => setPurpose(e.target.value)} required maxLength={20000} dir="auto" />
      </div>
      <button type="submit" disabled={busy}>
        {t('evidence.transfers.consent.ask')}
      </button>
      <ErrorAlert error={error} />
      {done ? <Notice>{t('evidence.transfers.consent.asked')}</Notice> : null}
    </form>
  );
}
