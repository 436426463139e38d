// Consents (/consents): what this organisation asked originators for, and what it was asked as an
// originator — answer, and approve as the second pair of eyes. Denied attempts per user
// (/policy/denials) for supervisors and administrators.
import { type FormEvent, useState } from 'react';
import { ErrorAlert, Loading, Notice, formatDate } from '../components/ui.tsx';
import { useT } from '../i18n/use-t.tsx';
import { type Consent, consentsApi } from '../policy.ts';
import { Link } from '../router.tsx';
import { useAsync } from '../use-async.ts';

export function ConsentsPage() {
  const { t } = useT();
  const asked = useAsync(() => consentsApi.list('asked'), []);
  const received = useAsync(() => consentsApi.list('received'), []);
  const [notice, setNotice] = useState<string | null>(null);
  const changed = (message: string) => {
    setNotice(message);
    asked.reload();
    received.reload();
  };
  return (
    <>
      <h1>{t('policy.consents.title')}</h1>
      <p className="lead">{t('policy.consents.intro')}</p>
      {notice ? <Notice>{notice}</Notice> : null}
      <section className="panel" aria-labelledby="asked-title">
        <h2 id="asked-title">{t('policy.consents.asked')}</h2>
        {asked.loading ? <Loading /> : <ConsentTable items={asked.data?.items ?? []} onChanged={changed} />}
        <ErrorAlert error={asked.error} />
      </section>
      <section className="panel" aria-labelledby="received-title">
        <h2 id="received-title">{t('policy.consents.received')}</h2>
        {received.loading ? <Loading /> : <ConsentTable items={received.data?.items ?? []} onChanged={changed} />}
        <ErrorAlert error={received.error} />
      </section>
    </>
  );
}

function ConsentTable({ items, onChanged }: { items: readonly Consent[]; onChanged: (message: string) => void }) {
  const { t, lng } = useT();
  if (items.length === 0) return <p className="muted">{t('policy.consents.none')}</p>;
  return (
    <div className="table-scroll">
      <table className="consents">
        <thead>
          <tr>
            <th scope="col">{t('policy.consents.request')}</th>
            <th scope="col">{t('policy.consents.counterpart')}</th>
            <th scope="col">{t('policy.consents.use')}</th>
            <th scope="col">{t('policy.consents.state')}</th>
            <th scope="col">{t('policy.consents.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id}>
              <td data-label={t('policy.consents.request')}>{c.requestId ? <Link to={`/requests/${c.requestId}`} className="reference">{c.requestReference ?? c.requestId}</Link> : '—'}</td>
              <td data-label={t('policy.consents.counterpart')}>
                <bdi>{c.counterpart.name}</bdi>
              </td>
              <td data-label={t('policy.consents.use')}>
                {t(`policy.consentAction.${c.action}`)}
                {c.proceedings ? <> — <bdi>{c.proceedings}</bdi></> : null}
                <br />
                <span className="muted">
                  <bdi>{c.purpose}</bdi>
                </span>
              </td>
              <td data-label={t('policy.consents.state')}>
                <span className={`badge consent-${c.state}`}>{t(`policy.consentState.${c.state}`)}</span>
                {c.conditions ? (
                  <>
                    <br />
                    {t('policy.consents.conditions')}: <bdi>{c.conditions}</bdi>
                  </>
                ) : null}
                <br />
                <span className="muted">{formatDate(c.updatedAt, lng, true)}</span>
              </td>
              <td data-label={t('policy.consents.actions')}>
                <ConsentActions consent={c} onChanged={onChanged} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ConsentActions({ consent, onChanged }: { consent: Consent; onChanged: (message: string) => void }) {
  const { t, ts } = useT();
  const [answer, setAnswer] = useState<'granted' | 'refused' | 'granted-with-conditions'>('granted');
  const [conditions, setConditions] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  async function run(work: () => Promise<unknown>, message: string) {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      onChanged(message);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  function submitAnswer(event: FormEvent) {
    event.preventDefault();
    void run(() => consentsApi.answer(consent.id, { answer, ...(conditions.trim() ? { conditions: conditions.trim() } : {}) }), ts('policy.consents.answered'));
  }

  return (
    <>
      {consent.canApprove ? (
        <button type="button" disabled={busy} onClick={() => run(() => consentsApi.approve(consent.id), ts('policy.consents.approved'))}>
          {t(consent.direction === 'asked' ? 'policy.consents.approveQuestion' : 'policy.consents.approveAnswer')}
        </button>
      ) : null}
      {consent.canAnswer ? (
        <form className="form" onSubmit={submitAnswer}>
          <div className="field">
            <label htmlFor={`answer-${consent.id}`}>{t('policy.consents.answer')}</label>
            <select id={`answer-${consent.id}`} value={answer} onChange={(e) => setAnswer(e.target.value as typeof answer)}>
              <option value="granted">{t('policy.consentState.granted')}</option>
              <option value="granted-with-conditions">{t('policy.consentState.granted-with-conditions')}</option>
              <option value="refused">{t('policy.consentState.refused')}</option>
            </select>
          </div>
          {answer === 'granted-with-conditions' ? (
            <div className="field">
              <label htmlFor={`conditions-${consent.id}`}>{t('policy.consents.conditions')}</label>
              <textarea id={`conditions-${consent.id}`} value={conditions} onChange={(e) => setConditions(e.target.value)} rows={2} required />
            </div>
          ) : null}
          <button type="submit" disabled={busy}>
            {t('policy.consents.sendAnswer')}
          </button>
        </form>
      ) : null}
      {!consent.canApprove && (consent.state === 'awaiting-approval' || consent.state === 'answer-awaiting-approval') ? (
        <span className="hint">{t('policy.consents.waitsForSupervisor')}</span>
      ) : null}
      <ErrorAlert error={error} />
    </>
  );
}

export function DeniedAttemptsPage() {
  const { t, lng } = useT();
  const report = useAsync(() => consentsApi.denials(), []);
  if (report.loading) return <Loading />;
  return (
    <>
      <h1>{t('policy.denials.title')}</h1>
      <p className="lead">{t('policy.denials.intro')}</p>
      <ErrorAlert error={report.error} />
      {report.data ? (
        <>
          <section className="panel" aria-labelledby="per-user">
            <h2 id="per-user">{t('policy.denials.perUser')}</h2>
            {report.data.users.length === 0 ? (
              <p className="muted">{t('policy.denials.none')}</p>
            ) : (
              <div className="table-scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('policy.denials.user')}</th>
                      <th scope="col">{t('policy.denials.count')}</th>
                      <th scope="col">{t('policy.denials.rules')}</th>
                      <th scope="col">{t('policy.denials.last')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.data.users.map((u) => (
                      <tr key={u.userId ?? u.email ?? 'operator'}>
                        <td data-label={t('policy.denials.user')}>{u.email ?? t('policy.denials.operator')}</td>
                        <td data-label={t('policy.denials.count')}>{u.count}</td>
                        <td data-label={t('policy.denials.rules')}>
                          {Object.entries(u.byRule)
                            .map(([rule, n]) => `${t(`policy.ruleName.${rule}`)} × ${n}`)
                            .join(', ')}
                        </td>
                        <td data-label={t('policy.denials.last')}>{formatDate(u.last, lng, true)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <section className="panel" aria-labelledby="recent">
            <h2 id="recent">{t('policy.denials.recent')}</h2>
            <ul>
              {report.data.recent.map((r) => (
                <li key={`${r.at}/${r.target}/${r.email}`}>
                  {formatDate(r.at, lng, true)} · {r.email ?? t('policy.denials.operator')} · {r.reference ?? r.target} · {t(`policy.ruleName.${r.rule}`)}
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </>
  );
}
