// Admin: the hash-chained audit log, filtered and paged newest first, with a chain verification.
import { useState } from 'react';
import { api, type AuditVerification } from '../api.ts';
import { ErrorAlert, Field, formatDate, Loading } from '../components/ui.tsx';
import { useT } from '../i18n/use-t.tsx';
import { useAsync } from '../use-async.ts';

const pageSize = 50;

export function AuditPage() {
  const { t, ts, lng } = useT();
  const [filter, setFilter] = useState({ action: '', actor: '', from: '', to: '' });
  const [applied, setApplied] = useState(filter);
  // A stack of "before" cursors: the last one is the page shown; popping goes back to newer entries.
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const before = cursors[cursors.length - 1];
  const page = useAsync(
    () =>
      api.listAudit({
        action: applied.action || undefined,
        actor: applied.actor || undefined,
        // The date inputs give calendar days; "to" includes the whole day.
        from: applied.from ? `${applied.from}T00:00:00.000Z` : undefined,
        to: applied.to ? `${applied.to}T23:59:59.999Z` : undefined,
        limit: pageSize,
        before,
      }),
    [applied.action, applied.actor, applied.from, applied.to, before],
  );
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [verifyError, setVerifyError] = useState<unknown>(undefined);
  const [verifying, setVerifying] = useState(false);

  async function verify() {
    setVerifyError(undefined);
    setVerification(null);
    setVerifying(true);
    try {
      setVerification(await api.verifyAudit());
    } catch (err) {
      setVerifyError(err);
    } finally {
      setVerifying(false);
    }
  }

  return (
    <>
      <h1>{t('audit.title')}</h1>
      <div className="toolbar">
        <button type="button" onClick={verify} disabled={verifying}>
          {t('audit.verify')}
        </button>
        {verification?.ok ? (
          <p className="alert alert-ok" role="status">
            {t('audit.verifyOk', { count: verification.entries })}
          </p>
        ) : null}
        {verification && !verification.ok ? (
          <div className="alert alert-error" role="alert">
            <p>{t('audit.verifyBroken', { seq: verification.firstBroken ?? '?', count: verification.entries })}</p>
            <ul aria-label={ts('audit.problems')}>
              {(verification.problems ?? []).map((p) => (
                <li key={`${p.seq}-${p.kind}`}>{t(`audit.problem.${p.kind}`, { seq: p.seq })}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <ErrorAlert error={verifyError} />
      </div>
      <section aria-labelledby="audit-filters" className="panel">
        <h2 id="audit-filters">{t('audit.filters')}</h2>
        <form
          className="form grid"
          onSubmit={(e) => {
            e.preventDefault();
            setApplied({ ...filter, action: filter.action.trim(), actor: filter.actor.trim() });
            setCursors([undefined]);
          }}
        >
          <Field id="audit-action" label={t('audit.action')} value={filter.action} onChange={(e) => setFilter({ ...filter, action: e.target.value })} />
          <Field id="audit-actor" label={t('audit.actor')} value={filter.actor} onChange={(e) => setFilter({ ...filter, actor: e.target.value })} />
          <Field id="audit-from" type="date" label={t('audit.from')} value={filter.from} onChange={(e) => setFilter({ ...filter, from: e.target.value })} />
          <Field id="audit-to" type="date" label={t('audit.to')} value={filter.to} onChange={(e) => setFilter({ ...filter, to: e.target.value })} />
          <div className="actions">
            <button type="submit">{t('common.apply')}</button>
          </div>
        </form>
      </section>
      {page.loading && !page.data ? <Loading /> : null}
      <ErrorAlert error={page.error} />
      {page.data?.items.length === 0 ? <p>{t('audit.none')}</p> : null}
      {page.data && page.data.items.length > 0 ? (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('audit.seq')}</th>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.target')}</th>
                <th scope="col">{t('audit.requestId')}</th>
                <th scope="col">{t('audit.digest')}</th>
              </tr>
            </thead>
            <tbody>
              {page.data.items.map((e) => (
                <tr key={e.seq}>
                  <td>{e.seq}</td>
                  <td>{formatDate(e.at, lng, true)}</td>
                  <td>{e.actorEmail ?? e.actorId ?? '—'}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>{e.target ?? '—'}</td>
                  <td>
                    <code>{e.requestId ?? '—'}</code>
                  </td>
                  <td>
                    <code title={e.digest}>{e.digest.slice(0, 12)}…</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <nav className="pager" aria-label={ts('audit.title')}>
        <button type="button" disabled={cursors.length <= 1} onClick={() => setCursors(cursors.slice(0, -1))}>
          {t('common.newer')}
        </button>
        <button
          type="button"
          disabled={!page.data?.nextBefore}
          onClick={() => page.data?.nextBefore && setCursors([...cursors, page.data.nextBefore])}
        >
          {t('common.older')}
        </button>
      </nav>
    </>
  );
}
