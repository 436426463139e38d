// The evidence items of a case or a request (title, type, size, SHA-256, marking, timestamp state,
// custody count) with a resumable upload: chunks over tus with a progress bar, a resume button
// after a failed chunk, and the node's size limit worded when it answers 413.
import { type FormEvent, useRef, useState } from 'react';
import { ApiError } from '../api.ts';
import { type EvidenceOwner, evidenceApi, TusUpload } from '../evidence.ts';
import { useT } from '../i18n/use-t.tsx';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useAsync } from '../use-async.ts';
import { formatBytes } from './request-attachments.tsx';
import { MarkingBadge } from './request-badges.tsx';
import { ErrorAlert, formatDate, Loading, Notice } from './ui.tsx';

const CAN_ADD = new Set(['supervisor', 'practitioner', 'analyst']);

export function EvidenceList({ owner }: { owner: EvidenceOwner }) {
  const { t, ts, lng } = useT();
  const { session } = useSession();
  const key = 'caseId' in owner ? `case:${owner.caseId}` : `request:${owner.requestId}`;
  const loaded = useAsync(() => evidenceApi.list(owner), [key]);
  const items = loaded.data?.items ?? [];
  const canAdd = CAN_ADD.has(session?.user.role ?? '');
  return (
    <div className="evidence-list">
      {loaded.loading && !loaded.data ? <Loading /> : null}
      <ErrorAlert error={loaded.error} />
      {loaded.data && items.length === 0 ? <p className="muted">{t('evidence.list.none')}</p> : null}
      {items.length > 0 ? (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('evidence.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('evidence.field.title')}</th>
                <th scope="col">{t('evidence.field.mediaType')}</th>
                <th scope="col">{t('evidence.field.size')}</th>
                <th scope="col">{t('evidence.field.sha256')}</th>
                <th scope="col">{t('evidence.field.marking')}</th>
                <th scope="col">{t('evidence.field.timestamp')}</th>
                <th scope="col">{t('evidence.field.custody')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <Link to={`/evidence/items/${item.id}`} dir="auto">
                      {item.title}
                    </Link>
                    {item.sealed ? <span className="flag">{t('evidence.sealed')}</span> : null}
                    {item.role === 'working-copy' ? <span className="flag">{t('evidence.role.working-copy')}</span> : null}
                    <div className="muted">{formatDate(item.createdAt, lng, true)}</div>
                  </td>
                  <td>
                    <code dir="ltr">{item.mediaType}</code>
                  </td>
                  <td>{formatBytes(item.size, lng)}</td>
                  <td>
                    <code className="code" dir="ltr" title={item.sha256}>
                      {item.sha256.slice(0, 12)}…
                    </code>
                  </td>
                  <td>
                    <MarkingBadge marking={item.marking.tlp} />
                  </td>
                  <td>{timestampLabel(ts, item.timestampState)}</td>
                  <td>{new Intl.NumberFormat(lng).format(item.custody.events)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {canAdd ? <EvidenceUploadForm owner={owner} onDone={loaded.refresh} /> : null}
    </div>
  );
}

/** The timestamp state in words; a state this page does not know is shown as the node sent it. */
export function timestampLabel(ts: (key: string) => string, state: string): string {
  const known = ['none', 'pending', 'stamped', 'failed'];
  return known.includes(state) ? ts(`evidence.timestamp.${state}`) : state;
}

function EvidenceUploadForm({ owner, onDone }: { owner: EvidenceOwner; onDone: () => void }) {
  const { t, ts, lng } = useT();
  const fileInput = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [upload, setUpload] = useState<TusUpload | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState<string | null>(null);
  const idBase = 'caseId' in owner ? 'case-evidence' : 'request-evidence';

  async function run(u: TusUpload, how: 'start' | 'resume') {
    setBusy(true);
    setFailed(false);
    setError(undefined);
    try {
      const itemId = await (how === 'start' ? u.start() : u.resume());
      setDone(itemId);
      setUpload(null);
      setTitle('');
      if (fileInput.current) fileInput.current.value = '';
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.status === 413) {
        setUpload(null);
        setProgress(null);
        const limit = typeof err.problem.limit === 'number' ? formatBytes(err.problem.limit, lng) : null;
        setError(new ApiError(413, limit ? ts('evidence.upload.tooLargeLimit', { limit }) : ts('evidence.upload.tooLarge')));
      } else {
        setFailed(u.location !== null);
        setError(err);
      }
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setError(new ApiError(400, ts('evidence.upload.chooseFile')));
      return;
    }
    const u = new TusUpload({ file, filename: file.name, title: title.trim() || file.name, owner }, setProgress);
    setUpload(u);
    void run(u, 'start');
  }

  const percent = progress && progress.total > 0 ? Math.floor((progress.sent / progress.total) * 100) : progress ? 100 : 0;
  return (
    <form className="form evidence-upload" onSubmit={submit} aria-labelledby={`${idBase}-upload-title`}>
      <h3 id={`${idBase}-upload-title`}>{t('evidence.upload.title')}</h3>
      <div className="field">
        <label htmlFor={`${idBase}-file`}>{t('evidence.upload.file')}</label>
        <input id={`${idBase}-file`} ref={fileInput} type="file" disabled={busy} />
      </div>
      <div className="field">
        <label htmlFor={`${idBase}-item-title`}>{t('evidence.upload.itemTitle')}</label>
        <input id={`${idBase}-item-title`} value={title} maxLength={500} onChange={(e) => setTitle(e.target.value)} disabled={busy} dir="auto" />
      </div>
      <p>
        <button type="submit" disabled={busy}>
          {busy ? t('evidence.upload.sending') : t('evidence.upload.send')}
        </button>{' '}
        {failed && upload ? (
          <button type="button" className="secondary" onClick={() => void run(upload, 'resume')} disabled={busy}>
            {t('evidence.upload.resume')}
          </button>
        ) : null}
      </p>
      {progress ? (
        <div className="evidence-progress">
          <progress id={`${idBase}-progress`} max={100} value={percent} aria-label={ts('evidence.upload.progress')} />{' '}
          <span role="status">
            {t('evidence.upload.progressText', { percent: new Intl.NumberFormat(lng).format(percent), sent: formatBytes(progress.sent, lng), total: formatBytes(progress.total, lng) })}
          </span>
        </div>
      ) : null}
      {failed ? <p className="muted">{t('evidence.upload.canResume')}</p> : null}
      <ErrorAlert error={error} />
      {done ? (
        <Notice>
          {t('evidence.upload.done')} <Link to={`/evidence/items/${done}`}>{t('evidence.upload.open')}</Link>
        </Notice>
      ) : null}
    </form>
  );
}

/** The evidence section of a case page; the lead mounts it in the case page's sections. */
export function CaseEvidenceSection({ caseId }: { caseId: string }) {
  const { t } = useT();
  return (
    <section className="panel" aria-labelledby="case-evidence-title">
      <h2 id="case-evidence-title">{t('evidence.section')}</h2>
      <EvidenceList owner={{ caseId }} />
    </section>
  );
}

/** The evidence section of a request page. */
export function RequestEvidenceSection({ requestId }: { requestId: string }) {
  const { t } = useT();
  return (
    <section className="panel" aria-labelledby="request-evidence-title">
      <h2 id="request-evidence-title">{t('evidence.section')}</h2>
      <EvidenceList owner={{ requestId }} />
    </section>
  );
}
