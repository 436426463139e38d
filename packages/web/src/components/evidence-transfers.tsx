// An item's transfers between nodes (issue 12 part 5): "Send to <the other authority>" for an item of
// a request exchanged with a peer node (the requesting side with its request, the requested side with
// its answer) or, for an item of a case, with one of the case's linked requests exchanged with a
// peer; each transfer's state (offered, sending x %, accepted, refused with the reason), and, for an
// item received from the other node, asking its sender's consent for one use. The node's release
// policy decides; a refusal comes back as the problem it is. `CaseEvidenceSend` is the same from the
// case page: pick one of the case's items, then the request it travels with.
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { client, unwrap } from '../api.ts';
import { casesApi } from '../cases.ts';
import { type EvidenceItem, evidenceApi } from '../evidence.ts';
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
  send: (id: string, requestId?: string) => unwrap(client.POST('/api/v1/evidence/{id}/transfers', { ...byId(id), body: requestId ? { requestId } : {} })),
};

/** A request an item can travel with: exchanged with a peer node, and the authority on the other side. */
interface Route {
  requestId: string;
  reference: string;
  authority: string;
}

function routeOf(req: Awaited<ReturnType<typeof requestsApi.get>>): Route | null {
  if (!req.counterpartNodeId) return null;
  return { requestId: req.id, reference: req.reference, authority: (req.side === 'requesting' ? req.requested.name : req.requesting.name) ?? req.requestedState };
}

/** Where the item may go: its own request, or the linked requests of its case that a peer shares. */
async function routesOf(item: EvidenceItem): Promise<Route[]> {
  if (item.requestId) {
    const r = routeOf(await requestsApi.get(item.requestId));
    return r ? [r] : [];
  }
  if (!item.caseId) return [];
  const view = await casesApi.get(item.caseId);
  const linked = await Promise.all(view.requests.filter((r) => !r.withheld).map((r) => requestsApi.get(r.id).catch(() => null)));
  return linked.flatMap((req) => {
    const r = req ? routeOf(req) : null;
    return r ? [r] : [];
  });
}

export function EvidenceTransfers({ item, headingLevel = 2 }: { item: EvidenceItem; headingLevel?: 2 | 3 }) {
  const { t, ts, lng } = useT();
  const { session } = useSession();
  const role = session?.user.role;
  const routes = useAsync(() => routesOf(item), [item.id]);
  const list = useAsync(() => transfersApi.list(item.id), [item.id]);
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [notice, setNotice] = useState<ReactNode>(null);
  const [busy, setBusy] = useState(false);
  const moving = (list.data?.items ?? []).some((x) => x.state === 'offered' || x.state === 'sending');
  useEffect(() => {
    if (!moving) return;
    const timer = setInterval(() => list.refresh(), 2000);
    return () => clearInterval(timer);
  }, [moving, list.refresh]);

  const all = routes.data ?? [];
  const transfers = list.data?.items ?? [];
  if (all.length === 0 && transfers.length === 0) return null;
  const route = all.find((r) => r.requestId === chosen) ?? all[0];
  const canSend = role === 'supervisor' || role === 'practitioner';
  const received = item.source.kind === 'received';
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const titleId = `evidence-transfers-title-${item.id}`;

  async function send() {
    if (!route) return;
    setBusy(true);
    setError(undefined);
    setNotice(null);
    try {
      await transfersApi.send(item.id, item.requestId ? undefined : route.requestId);
      setNotice(t('evidence.transfers.sent', { authority: route.authority }));
      list.refresh();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel evidence-transfers" aria-labelledby={titleId}>
      <Heading id={titleId}>{t('evidence.transfers.title')}</Heading>
      {canSend && !received && route ? (
        <div className="actions">
          {!item.requestId && all.length > 1 ? (
            <div className="field">
              <label htmlFor={`evidence-transfer-route-${item.id}`}>{t('evidence.transfers.with')}</label>
              <select id={`evidence-transfer-route-${item.id}`} value={route.requestId} onChange={(e) => setChosen(e.target.value)}>
                {all.map((r) => (
                  <option key={r.requestId} value={r.requestId}>
                    {ts('evidence.transfers.route', { reference: r.reference, authority: r.authority })}
                  </option>
                ))}
              </select>
            </div>
          ) : !item.requestId ? (
            <p className="muted">{t('evidence.transfers.route', { reference: route.reference, authority: route.authority })}</p>
          ) : null}
          <button type="button" onClick={send} disabled={busy}>
            {t('evidence.transfers.send', { authority: route.authority })}
          </button>
        </div>
      ) : null}
      <ErrorAlert error={error ?? list.error ?? routes.error} />
      {notice ? <Notice>{notice}</Notice> : null}
      {list.data && transfers.length === 0 ? <p className="muted">{t('evidence.transfers.none')}</p> : null}
      {transfers.length > 0 ? (
        <ul className="transfer-list">
          {transfers.map((x) => (
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
      {received && item.requestId && route && (role === 'supervisor' || role === 'practitioner' || role === 'analyst') ? (
        <AskConsent itemId={item.id} requestId={item.requestId} authority={route.authority} />
      ) : null}
    </section>
  );
}

/** The case page's "send to another node": one of the case's items, then its transfers panel. */
export function CaseEvidenceSend({ caseId }: { caseId: string }) {
  const { t } = useT();
  const items = useAsync(() => evidenceApi.list({ caseId }), [caseId]);
  const [chosen, setChosen] = useState('');
  const own = (items.data?.items ?? []).filter((i) => i.source.kind !== 'received');
  const item = own.find((i) => i.id === chosen) ?? own[0];
  if (!item) return null;
  return (
    <section className="panel" aria-labelledby="case-evidence-send-title">
      <h2 id="case-evidence-send-title">{t('evidence.transfers.caseTitle')}</h2>
      <p className="muted">{t('evidence.transfers.caseHint')}</p>
      <div className="field">
        <label htmlFor="case-evidence-send-item">{t('evidence.transfers.item')}</label>
        <select id="case-evidence-send-item" value={item.id} onChange={(e) => setChosen(e.target.value)}>
          {own.map((i) => (
            <option key={i.id} value={i.id}>
              {i.title}
            </option>
          ))}
        </select>
      </div>
      <EvidenceTransfers key={item.id} item={item} headingLevel={3} />
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
