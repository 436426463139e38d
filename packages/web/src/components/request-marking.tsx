// The marking of a record as the node enforces it (TLP 2.0 with its audience, handling code,
// originators, treaty use limitations, what it was made from), the short form a list row shows, and
// a denial by the release policy: why, the rule cited, and a form to ask the originator for consent.
import { type FormEvent, useState } from 'react';
import { useT } from '../i18n/use-t.tsx';
import { type MarkingView, type PolicyDenialInfo, consentsApi, policyDenialOf } from '../policy.ts';
import type { RequestSummary, RequestView } from '../requests.ts';
import { Link } from '../router.tsx';
import { MarkingBadge } from './request-badges.tsx';
import { ErrorAlert, Notice } from './ui.tsx';

export function MarkingPanel({ policy }: { policy: RequestView['policy'] }) {
  const { t, ts } = useT();
  const m: MarkingView = policy.effective;
  const l = m.limitations;
  const derived = policy.sources.length - 1;
  return (
    <section className="panel marking-panel" aria-labelledby="marking-title">
      <h2 id="marking-title">{t('policy.marking.title')}</h2>
      <dl className="facts">
        <dt>{t('policy.marking.tlp')}</dt>
        <dd>
          <MarkingBadge marking={m.tlp} /> {t(`policy.tlpAudience.${m.tlp}`)}
        </dd>
        <dt>{t('policy.marking.handling')}</dt>
        <dd>
          <span className="badge">{m.handling}</span> {t(`policy.handling.${m.handling}`)}
          {m.handlingNotes.length > 0 ? <> — <bdi>{m.handlingNotes.join('; ')}</bdi></> : null}
        </dd>
        <dt>{t('policy.marking.originator')}</dt>
        <dd>
          {m.originators.map((o, i) => (
            <span key={`${o.nodeId}/${o.organisationId}/${o.name}`}>
              {i > 0 ? ' · ' : ''}
              <bdi>{o.name}</bdi> ({o.state}){o.nodeId ? ` — ${ts('policy.marking.peerNode')}` : ''}
            </span>
          ))}
        </dd>
        {l.speciality ? (
          <>
            <dt>{t('policy.marking.speciality')}</dt>
            <dd>{l.speciality.length ? t('policy.marking.onlyFor', { proceedings: l.speciality.join(', ') }) : t('policy.marking.noProceedings')}</dd>
          </>
        ) : null}
        {l.confidential ? (
          <>
            <dt>{t('policy.marking.confidential')}</dt>
            <dd>{t('policy.marking.confidentialText')}</dd>
          </>
        ) : null}
        {l.permittedUses ? (
          <>
            <dt>{t('policy.marking.permittedUses')}</dt>
            <dd>{l.permittedUses.length ? l.permittedUses.map((u) => ts(`policy.use.${u}`)).join(', ') : t('policy.marking.noUse')}</dd>
          </>
        ) : null}
        {l.reviewOn ? (
          <>
            <dt>{t('policy.marking.reviewOn')}</dt>
            <dd>{l.reviewOn}</dd>
          </>
        ) : null}
        {l.notes.length > 0 ? (
          <>
            <dt>{t('policy.marking.notes')}</dt>
            <dd>
              <bdi>{l.notes.join(' · ')}</bdi>
            </dd>
          </>
        ) : null}
        {derived > 0 ? (
          <>
            <dt>{t('policy.marking.derived')}</dt>
            <dd>{t('policy.marking.derivedText', { count: derived })}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

/** The handling code and limitation flags of a list row, and why a row is withheld. */
export function MarkingNotes({ row }: { row: RequestSummary }) {
  const { t, ts } = useT();
  if (row.handling === 'H0' && row.limitations.length === 0 && !row.withheld) return null;
  return (
    <span className="marking-notes">
      {row.handling !== 'H0' ? (
        <span className="badge" title={ts(`policy.handling.${row.handling}`)}>
          {row.handling}
        </span>
      ) : null}
      {row.limitations.map((f) => (
        <span key={f} className="badge badge-limit">
          {t(`policy.flag.${f}`)}
        </span>
      ))}
      {row.withheld ? <span className="muted">{t(`policy.rule.${row.withheld.rule}`)}</span> : null}
    </span>
  );
}

const CONSENT_ACTION: Record<string, 'export' | 'transmit' | 'attach' | 'remark'> = { export: 'export', transmit: 'transmit', attach: 'attach', remark: 'remark' };

/** An error: a release-policy denial (with the consent form when the originator can lift it), or any other. */
export function PolicyAwareError({ error }: { error: unknown }) {
  const info = policyDenialOf(error);
  if (!info) return <ErrorAlert error={error} />;
  return <PolicyDenial info={info} />;
}

export function PolicyDenial({ info }: { info: PolicyDenialInfo }) {
  const { t, ts } = useT();
  const [open, setOpen] = useState(false);
  const [purpose, setPurpose] = useState('');
  const [proceedings, setProceedings] = useState(info.proceedings ?? '');
  const [error, setError] = useState<unknown>(undefined);
  const [asked, setAsked] = useState(false);
  const [busy, setBusy] = useState(false);
  const action = CONSENT_ACTION[info.action];
  const canAsk = info.consentable && info.sourceRequestId !== null && action !== undefined;

  async function ask(event: FormEvent) {
    event.preventDefault();
    if (!info.sourceRequestId || !action) return;
    setBusy(true);
    setError(undefined);
    try {
      await consentsApi.ask({
        requestId: info.sourceRequestId,
        action,
        purpose,
        ...(action === 'attach' && proceedings.trim() ? { proceedings: proceedings.trim() } : {}),
        ...(action === 'transmit' && info.toNode ? { recipientNodeId: info.toNode } : {}),
      });
      setAsked(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="alert alert-error policy-denial" role="alert">
      <p>
        <strong>{t('policy.denied.title')}</strong> {ts(`policy.rule.${info.rule}`)}
      </p>
      <p className="muted">
        {t('policy.denied.citation')} <bdi>{info.citation}</bdi>
        {info.originatorName ? (
          <>
            {' '}
            · {t('policy.denied.originator')} <bdi>{info.originatorName}</bdi>
          </>
        ) : null}
      </p>
      {asked ? (
        <Notice>
          {t('policy.consent.askedNotice')} <Link to="/consents">{t('nav.consents')}</Link>
        </Notice>
      ) : canAsk ? (
        open ? (
          <form className="form" onSubmit={ask}>
            {action === 'attach' ? (
              <div className="field">
                <label htmlFor="consent-proceedings">{t('policy.consent.proceedings')}</label>
                <input id="consent-proceedings" value={proceedings} onChange={(e) => setProceedings(e.target.value)} required />
              </div>
            ) : null}
            <div className="field">
              <label htmlFor="consent-purpose">{t('policy.consent.purpose')}</label>
              <textarea id="consent-purpose" value={purpose} onChange={(e) => setPurpose(e.target.value)} required rows={3} />
              <p className="hint">{t('policy.consent.purposeHint')}</p>
            </div>
            <button type="submit" disabled={busy || !purpose.trim()}>
              {t('policy.consent.send')}
            </button>
            <ErrorAlert error={error} />
          </form>
        ) : (
          <p>
            <button type="button" onClick={() => setOpen(true)}>
              {t('policy.consent.ask')}
            </button>{' '}
            <span className="hint">{t('policy.consent.askHint')}</span>
          </p>
        )
      ) : (
        <p>{t(info.consentable ? 'policy.denied.askColleague' : 'policy.denied.notConsentable')}</p>
      )}
    </div>
  );
}
