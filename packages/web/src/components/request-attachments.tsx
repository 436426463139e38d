// Attachments of a request: the list (name, size, SHA-256) with downloads, and an upload form while
// the request is a draft. The node stores each file by its SHA-256 and refuses files over its limit.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api.ts';
import { useT } from '../i18n/use-t.tsx';
import { type Attachment, downloadFile, readAsBase64, type RequestSummary, requestsApi } from '../requests.ts';
import { PolicyAwareError } from './request-marking.tsx';
import { formatDate, Notice } from './ui.tsx';

export function formatBytes(n: number, lng: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(lng, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

export function AttachmentsSection({
  requestId,
  attachments,
  canUpload,
  onUploaded,
  canUseElsewhere = false,
}: {
  requestId: string;
  attachments: readonly Attachment[];
  canUpload: boolean;
  onUploaded?: (attachment: Attachment) => void;
  /** A received request: its files may be put into one of the organisation's drafts, if the policy allows. */
  canUseElsewhere?: boolean;
}) {
  const { t, ts, lng } = useT();
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const [using, setUsing] = useState<Attachment | null>(null);

  async function upload(event: FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    setError(undefined);
    setDone(null);
    if (!file) {
      setError(new ApiError(400, ts('requests.attachments.chooseFile')));
      return;
    }
    setBusy(true);
    try {
      const contentBase64 = await readAsBase64(file);
      const saved = await requestsApi.uploadAttachment(requestId, { filename: file.name, mediaType: file.type || undefined, contentBase64 });
      setDone(saved.filename);
      if (input.current) input.current.value = '';
      onUploaded?.(saved);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 413 ? new ApiError(413, ts('requests.attachments.tooLarge', { detail: err.message })) : err);
    } finally {
      setBusy(false);
    }
  }

  async function download(a: Attachment) {
    setError(undefined);
    try {
      await downloadFile(requestsApi.attachmentUrl(requestId, a.id), a.filename);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <div className="attachments">
      {attachments.length === 0 ? (
        <p className="muted">{t('requests.attachments.none')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('requests.attachments.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('requests.attachments.name')}</th>
                <th scope="col">{t('requests.attachments.size')}</th>
                <th scope="col">{t('requests.attachments.sha256')}</th>
                <th scope="col">{t('requests.attachments.uploaded')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('requests.attachments.download')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {attachments.map((a) => (
                <tr key={a.id}>
                  <td>
                    <span dir="auto">{a.filename}</span>
                    <AttachmentOrigin attachment={a} />
                  </td>
                  <td>{formatBytes(a.size, lng)}</td>
                  <td>
                    <code className="code" title={a.sha256}>
                      {a.sha256.slice(0, 16)}…
                    </code>
                  </td>
                  <td>
                    {formatDate(a.uploadedAt, lng, true)}
                    {a.uploadedBy ? ` · ${a.uploadedBy}` : ''}
                  </td>
                  <td>
                    <button type="button" onClick={() => download(a)} aria-label={ts('requests.attachments.downloadLabel', { name: a.filename })}>
                      {t('requests.attachments.download')}
                    </button>
                    {canUseElsewhere ? (
                      <>
                        {' '}
                        <button type="button" className="secondary" onClick={() => setUsing(a)} aria-label={ts('policy.useElsewhere.label', { name: a.filename })}>
                          {t('policy.useElsewhere.button')}
                        </button>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canUpload ? (
        <form className="form inline" onSubmit={upload}>
          <div className="field">
            <label htmlFor="attachment-file">{t('requests.attachments.file')}</label>
            <input id="attachment-file" ref={input} type="file" />
          </div>
          <button type="submit" disabled={busy}>
            {busy ? t('requests.attachments.uploading') : t('requests.attachments.upload')}
          </button>
        </form>
      ) : null}
      {using ? <UseInDraft requestId={requestId} attachment={using} onClose={() => setUsing(null)} /> : null}
      <PolicyAwareError error={error} />
      {done ? <Notice>{t('requests.attachments.uploadedOk', { name: done })}</Notice> : null}
    </div>
  );
}

/** Where a file came from: the request itself, an answer it was returned with, or still waiting to be sent. */
function AttachmentOrigin({ attachment: a }: { attachment: Attachment }) {
  const { t, ts } = useT();
  if (a.sentWith === 'transmit') return null;
  if (a.sentWith === null) return <span className="flag pending-file">{t('requests.attachments.waiting')}</span>;
  return (
    <span className="flag">
      {t(`requests.attachments.returnedBy.${a.suppliedBy}`, { action: ts(`requests.action.${a.sentWith}`) })}
    </span>
  );
}

/** Puts a file of a received request into one of the organisation's drafts; the release policy decides. */
function UseInDraft({ requestId, attachment, onClose }: { requestId: string; attachment: Attachment; onClose: () => void }) {
  const { t } = useT();
  const [drafts, setDrafts] = useState<RequestSummary[] | null>(null);
  const [target, setTarget] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    requestsApi
      .list({ state: 'draft', side: 'requesting', limit: 100 } as never)
      .then((list) => {
        setDrafts(list.items);
        setTarget(list.items[0]?.id ?? '');
      })
      .catch(setError);
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setDone(false);
    try {
      await requestsApi.copyAttachment(target, { requestId, attachmentId: attachment.id });
      setDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="use-elsewhere">
    <form className="form" onSubmit={submit} aria-labelledby="use-elsewhere-title">
      <h3 id="use-elsewhere-title">{t('policy.useElsewhere.title', { name: attachment.filename })}</h3>
      {drafts && drafts.length === 0 ? (
        <p className="muted">{t('policy.useElsewhere.noDrafts')}</p>
      ) : (
        <div className="field">
          <label htmlFor="use-elsewhere-target">{t('policy.useElsewhere.draft')}</label>
          <select id="use-elsewhere-target" value={target} onChange={(e) => setTarget(e.target.value)}>
            {(drafts ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {d.reference} — {d.title}
              </option>
            ))}
          </select>
        </div>
      )}
      <p>
        <button type="submit" disabled={busy || !target}>
          {t('policy.useElsewhere.submit')}
        </button>{' '}
        <button type="button" className="secondary" onClick={onClose}>
          {t('policy.useElsewhere.close')}
        </button>
      </p>
      {done ? <Notice>{t('policy.useElsewhere.done')}</Notice> : null}
    </form>
    {/* Outside the form: the denial holds a form of its own (asking for consent). */}
    <PolicyAwareError error={error} />
    </div>
  );
}
