// Attachments of a request: the list (name, size, SHA-256) with downloads, and an upload form while
// the request is a draft. The node stores each file by its SHA-256 and refuses files over its limit.
import { type FormEvent, useRef, useState } from 'react';
import { ApiError } from '../api.ts';
import { useT } from '../i18n/use-t.tsx';
import { type Attachment, downloadFile, readAsBase64, requestsApi } from '../requests.ts';
import { ErrorAlert, formatDate, Notice } from './ui.tsx';

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
}: {
  requestId: string;
  attachments: readonly Attachment[];
  canUpload: boolean;
  onUploaded?: (attachment: Attachment) => void;
}) {
  const { t, ts, lng } = useT();
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

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
      <ErrorAlert error={error} />
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
