// The capture form (/evidence/capture?requestId=… or ?caseId=…): a list of URLs to capture as
// evidence, then the progress of each (queued, running, captured with links to its five items, or
// failed with its reason and a retry button), followed live through the `capture` event; earlier
// captures of the same case or request below.
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api.ts';
import { type CaptureItemKind, type CaptureUrl, type CaptureView, capturesApi, evidenceItemPath, parseUrlList } from '../captures.ts';
import { ErrorAlert, formatDate, Loading } from '../components/ui.tsx';
import { useT } from '../i18n/use-t.tsx';
import { useLive } from '../live.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useAsync } from '../use-async.ts';

const REASONS = new Set([
  'scheme_not_allowed',
  'credentials_in_url',
  'address_not_public',
  'own_address',
  'host_not_found',
  'invalid_url',
  'timeout',
  'unreachable',
  'navigation_failed',
  'too_many_redirects',
  'browser_unavailable',
  'not_allowed',
]);

function ReasonText({ reason, message }: { reason: string | null; message: string | null }) {
  const { t, lng } = useT();
  if (reason && REASONS.has(reason)) {
    return (
      <>
        {t(`capture.reason.${reason}`)}
        {message && lng === 'en' ? <span className="meta"> — {message}</span> : null}
      </>
    );
  }
  return (
    <span lang="en" dir="ltr">
      {message ?? reason}
    </span>
  );
}

const ITEM_KINDS: readonly CaptureItemKind[] = ['screenshot', 'pdf', 'html', 'wacz', 'metadata'];

function UrlRow({ u, onRetry, busy }: { u: CaptureUrl; onRetry: (u: CaptureUrl) => void; busy: boolean }) {
  const { t, lng } = useT();
  return (
    <li className={`capture-url capture-${u.status}`}>
      <div className="capture-url-head">
        <span className={`badge capture-badge-${u.status}`}>{t(`capture.status.${u.status}`)}</span>{' '}
        <bdi dir="ltr" className="capture-address">
          {u.url}
        </bdi>
      </div>
      {u.status === 'captured' ? (
        <div className="capture-result">
          <p className="meta">
            {t('capture.httpStatus', { status: u.httpStatus ?? '?' })}
            {u.finishedAt ? <> · {formatDate(u.finishedAt, lng, true)}</> : null}
            {u.finalUrl && u.finalUrl !== u.url ? (
              <>
                {' · '}
                {t('capture.finalUrl')}{' '}
                <bdi dir="ltr">{u.finalUrl}</bdi>
              </>
            ) : null}
          </p>
          <ul className="capture-items" aria-label={t('capture.itemsLabel', { url: u.url }) as string}>
            {ITEM_KINDS.map((kind) => {
              const item = u.items.find((i) => i.kind === kind);
              return item ? (
                <li key={kind}>
                  <Link to={evidenceItemPath(item.itemId)}>{t(`capture.item.${kind}`)}</Link>
                </li>
              ) : null;
            })}
          </ul>
        </div>
      ) : null}
      {u.status === 'failed' ? (
        <div className="capture-result">
          <p className="capture-reason">
            <ReasonText reason={u.reason} message={u.message} />
          </p>
          <button type="button" onClick={() => onRetry(u)} disabled={busy}>
            {t('capture.retry')}
          </button>
        </div>
      ) : null}
      {u.status === 'running' ? <p className="meta">{t('capture.runningHint')}</p> : null}
    </li>
  );
}

function Progress({ capture, onRetry, busy }: { capture: CaptureView; onRetry: (u: CaptureUrl) => void; busy: boolean }) {
  const { t, lng } = useT();
  const total = capture.urls.length;
  const finished = capture.counts.captured + capture.counts.failed;
  return (
    <section className="panel capture-progress" aria-labelledby={`capture-${capture.id}`}>
      <h2 id={`capture-${capture.id}`}>{t('capture.progressTitle', { date: formatDate(capture.createdAt, lng, true) })}</h2>
      <p role="status" aria-live="polite">
        {capture.done ? t('capture.summaryDone', { captured: capture.counts.captured, failed: capture.counts.failed }) : t('capture.summaryRunning', { finished, total })}
      </p>
      <progress max={total} value={finished} aria-label={t('capture.progressLabel') as string} />
      <ol className="capture-urls">
        {capture.urls.map((u) => (
          <UrlRow key={u.id} u={u} onRetry={onRetry} busy={busy} />
        ))}
      </ol>
    </section>
  );
}

export function EvidenceCapturePage() {
  const { t, ts, lng } = useT();
  const { search } = useLocation();
  const requestId = search.get('requestId') ?? undefined;
  const caseId = search.get('caseId') ?? undefined;
  const shown = search.get('capture') ?? undefined;
  const owner = caseId ? { caseId } : requestId ? { requestId } : null;
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const list = useAsync(() => (owner ? capturesApi.list(owner) : Promise.resolve({ items: [] as CaptureView[] })), [requestId, caseId]);
  // Any of my captures progressed (a new one may not be in the list yet), or the stream came back.
  useLive((m) => {
    if (m.kind === 'capture' || m.kind === 'reconnected') list.refresh();
  }, owner !== null);

  if (!owner) {
    return (
      <>
        <h1>{t('capture.title')}</h1>
        <ErrorAlert>{t('capture.noOwner')}</ErrorAlert>
      </>
    );
  }
  const back = caseId ? `/cases/${caseId}` : `/requests/${requestId}`;
  const self = (captureId?: string) => {
    const q = new URLSearchParams(caseId ? { caseId } : { requestId: requestId as string });
    if (captureId) q.set('capture', captureId);
    return `/evidence/capture?${q.toString()}`;
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    const urls = parseUrlList(text);
    if (urls.length === 0) {
      setError(new Error('empty'));
      return;
    }
    setBusy(true);
    try {
      const started = await capturesApi.start({ ...(owner as object), urls });
      setText('');
      navigate(self(started.id), { replace: true });
      list.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function retry(capture: CaptureView, u: CaptureUrl) {
    setError(undefined);
    setBusy(true);
    try {
      await capturesApi.retry(capture.id, u.id);
      list.refresh();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const refused = error instanceof ApiError && error.code === 'capture_refused' ? ((error.problem.refused ?? []) as { url: string; reason: string; message: string }[]) : [];
  const captures = list.data?.items ?? [];
  const current = captures.find((c) => c.id === shown) ?? (shown ? undefined : captures[0]);
  const earlier = captures.filter((c) => c !== current);

  return (
    <>
      <p className="breadcrumbs">
        <Link to={back}>{t(caseId ? 'capture.backToCase' : 'capture.backToRequest')}</Link>
      </p>
      <h1>{t('capture.title')}</h1>
      <p className="hint">{t('capture.intro')}</p>
      <section className="panel" aria-labelledby="capture-form-title">
        <h2 id="capture-form-title">{t('capture.formTitle')}</h2>
        <form className="form" onSubmit={submit}>
          <div className="field">
            <label htmlFor="capture-urls">{t('capture.urlsLabel')}</label>
            <textarea
              id="capture-urls"
              rows={5}
              dir="ltr"
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder="https://…"
              aria-describedby="capture-urls-hint"
              spellCheck={false}
            />
            <span id="capture-urls-hint" className="hint">
              {t('capture.urlsHint')}
            </span>
          </div>
          {error instanceof Error && error.message === 'empty' ? <ErrorAlert>{t('capture.empty')}</ErrorAlert> : null}
          {refused.length > 0 ? (
            <div className="alert alert-error" role="alert">
              <p>{t('capture.refusedTitle')}</p>
              <ul>
                {refused.map((r) => (
                  <li key={r.url}>
                    <bdi dir="ltr">{r.url}</bdi>: <ReasonText reason={r.reason} message={r.message} />
                  </li>
                ))}
              </ul>
            </div>
          ) : error && !(error instanceof Error && error.message === 'empty') ? (
            <ErrorAlert error={error} />
          ) : null}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {t('capture.submit')}
            </button>
          </div>
        </form>
      </section>
      {list.loading && !list.data ? <Loading /> : null}
      <ErrorAlert error={list.error} />
      {current ? <Progress capture={current} busy={busy} onRetry={(u) => retry(current, u)} /> : null}
      {earlier.length > 0 ? (
        <section className="panel" aria-labelledby="capture-earlier">
          <h2 id="capture-earlier">{t('capture.earlier')}</h2>
          <ul className="capture-earlier">
            {earlier.map((c) => (
              <li key={c.id}>
                <Link to={self(c.id)}>{ts('capture.earlierItem', { count: c.urls.length, captured: c.counts.captured, failed: c.counts.failed })}</Link>{' '}
                <span className="meta">{formatDate(c.createdAt, lng, true)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
