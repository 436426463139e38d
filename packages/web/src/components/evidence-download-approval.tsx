// Downloads of a sealed item: the user who needs a copy picks one of the organisation's other
// supervisors and says why; the chosen supervisor sees the request here (and in their
// notifications) and approves one download. The node enforces four eyes: the requester is never
// offered as approver, and an approval of one's own download is refused.
import { type FormEvent, type ReactNode, useState } from 'react';
import { type EvidenceItem, evidenceApi } from '../evidence.ts';
import { useT } from '../i18n/use-t.tsx';
import { useSession } from '../session.tsx';
import { useAsync } from '../use-async.ts';
import { ErrorAlert, formatDate, Loading, Notice } from './ui.tsx';

/** Emails, names and free text keep their own direction inside a right-to-left sentence (FSI … PDI). */
const isolate = (text: string) => `\u2068${text}\u2069`;

export function EvidenceDownloadApproval({ item, onChange }: { item: EvidenceItem; onChange: () => void }) {
  const { t, lng } = useT();
  const { session } = useSession();
  const me = session?.user.id;
  const approvers = useAsync(() => evidenceApi.approvers(item.id), [item.id]);
  const pending = useAsync(() => evidenceApi.downloadRequests(item.id), [item.id]);
  const [approverId, setApproverId] = useState('');
  const [reason, setReason] = useState('');
  const [approvalReason, setApprovalReason] = useState<Record<number, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [notice, setNotice] = useState<ReactNode>(null);

  async function run(work: () => Promise<ReactNode>) {
    setBusy(true);
    setError(undefined);
    setNotice(null);
    try {
      setNotice(await work());
      pending.refresh();
      onChange();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  function ask(event: FormEvent) {
    event.preventDefault();
    const chosen = approvers.data?.items.find((a) => a.id === approverId);
    void run(async () => {
      await evidenceApi.requestDownload(item.id, approverId, reason.trim());
      setReason('');
      setApproverId('');
      return t('evidence.downloadRequest.sent', { approver: isolate(chosen ? `${chosen.name} (${chosen.email})` : '') });
    });
  }

  function approve(seq: number, requesterId: string) {
    void run(async () => {
      await evidenceApi.approveDownload(item.id, requesterId, (approvalReason[seq] ?? '').trim(), seq);
      return t('evidence.actions.approved');
    });
  }

  const requests = pending.data?.items ?? [];
  const mine = requests.filter((r) => r.approver.id === me && r.requester.id !== me);
  const others = requests.filter((r) => !(r.approver.id === me && r.requester.id !== me));
  const choices = approvers.data?.items ?? [];

  return (
    <div className="evidence-download-approval" data-testid="evidence-download-approval">
      {mine.length > 0 ? (
        <>
          <h3 id="evidence-approve-title">{t('evidence.downloadRequest.forYouTitle')}</h3>
          <ul className="download-requests">
            {mine.map((r) => (
              <li key={r.seq} data-testid="download-request-for-me">
                <p>
                  {t('evidence.downloadRequest.forYou', { requester: isolate(r.requester.email), reason: isolate(r.reason) })}{' '}
                  <time className="meta" dateTime={r.at}>
                    {formatDate(r.at, lng, true)}
                  </time>
                </p>
                <form
                  className="form inline"
                  onSubmit={(e) => {
                    e.preventDefault();
                    approve(r.seq, r.requester.id);
                  }}
                >
                  <div className="field">
                    <label htmlFor={`approve-reason-${r.seq}`}>{t('evidence.downloadRequest.approvalReason')}</label>
                    <input
                      id={`approve-reason-${r.seq}`}
                      value={approvalReason[r.seq] ?? ''}
                      onChange={(e) => setApprovalReason({ ...approvalReason, [r.seq]: e.target.value })}
                      required
                      maxLength={2000}
                      dir="auto"
                    />
                  </div>
                  <button type="submit" disabled={busy}>
                    {t('evidence.actions.approve')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {others.length > 0 ? (
        <>
          <h3>{t('evidence.downloadRequest.pendingTitle')}</h3>
          <ul className="download-requests">
            {others.map((r) => (
              <li key={r.seq} data-testid="download-request-pending">
                {t('evidence.downloadRequest.waiting', { requester: isolate(r.requester.email), approver: isolate(r.approver.email), reason: isolate(r.reason) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <form className="form" onSubmit={ask} aria-labelledby="evidence-ask-title">
        <h3 id="evidence-ask-title">{t('evidence.downloadRequest.askTitle')}</h3>
        {approvers.loading && !approvers.data ? <Loading /> : null}
        <ErrorAlert error={approvers.error} />
        {approvers.data && choices.length === 0 ? <p className="muted">{t('evidence.downloadRequest.noApprovers')}</p> : null}
        {choices.length > 0 ? (
          <>
            <div className="field">
              <label htmlFor="evidence-ask-approver">{t('evidence.downloadRequest.approver')}</label>
              <select id="evidence-ask-approver" value={approverId} onChange={(e) => setApproverId(e.target.value)} required>
                <option value="">{t('evidence.downloadRequest.choose')}</option>
                {choices.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name} ({a.email})
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="evidence-ask-reason">{t('evidence.downloadRequest.reason')}</label>
              <input id="evidence-ask-reason" value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={2000} dir="auto" />
            </div>
            <button type="submit" disabled={busy}>
              {t('evidence.downloadRequest.send')}
            </button>
          </>
        ) : null}
      </form>
      <ErrorAlert error={error ?? pending.error} />
      {notice ? <Notice>{notice}</Notice> : null}
    </div>
  );
}
